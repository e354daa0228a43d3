import Foundation
import GRDB

/// Undo of project and action changes (called from `undoLast`, inside its transaction).
extension AppDatabase {
    func undoProjectChange(_ db: Database, _ change: ChangeRecord, changedMeanwhile: AppError) throws {
        let id = change.entityId
        func currentVersion(_ table: String) throws -> Int? {
            try Int.fetchOne(db, sql: "SELECT version FROM \(table) WHERE id = ?", arguments: [id])
        }
        switch (change.action, change.entity) {
        case (.create, .project):
            // Actions or events added to it since (by anyone: ours would have been undone first) keep it.
            let used = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM project_action WHERE projectId = ?) OR EXISTS (SELECT 1 FROM event WHERE projectId = ?)
                """, arguments: [id, id]) ?? false
            if used { throw changedMeanwhile }
            try db.execute(sql: "DELETE FROM project WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { throw changedMeanwhile }
        case (.update, .project):
            var before = try ChangeJSON.decode(Project.self, change.before)
            guard let current = try currentVersion("project") else { throw changedMeanwhile }
            before.version = current + 1
            try AppDatabase.checkReferences(db, before)
            try before.update(db)
        case (.delete, .project):
            let snapshot = try ChangeJSON.decode(ProjectSnapshot.self, change.before)
            guard try currentVersion("project") == nil else { throw changedMeanwhile }
            var project = snapshot.project
            try AppDatabase.checkReferences(db, project)
            try project.insert(db)
            for var action in snapshot.actions where try !ProjectAction.exists(db, key: action.id ?? 0) {
                if let contact = action.ownerContactId, try !Contact.exists(db, key: contact) { action.ownerContactId = nil }
                try action.insert(db)
            }
            for event in snapshot.eventIds {
                try db.execute(sql: "UPDATE event SET projectId = ? WHERE id = ? AND projectId IS NULL", arguments: [id, event])
            }
        case (.create, .projectAction):
            _ = try ProjectAction.deleteOne(db, key: id)
        case (.update, .projectAction):
            var before = try ChangeJSON.decode(ProjectAction.self, change.before)
            guard let current = try currentVersion("project_action") else { throw changedMeanwhile }
            before.version = current + 1
            if let contact = before.ownerContactId, try !Contact.exists(db, key: contact) { before.ownerContactId = nil }
            try before.update(db)
        case (.delete, .projectAction):
            var before = try ChangeJSON.decode(ProjectAction.self, change.before)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project WHERE id = ?)", arguments: [before.projectId]) == true,
                  try !ProjectAction.exists(db, key: id) else { throw changedMeanwhile }
            if let contact = before.ownerContactId, try !Contact.exists(db, key: contact) { before.ownerContactId = nil }
            try before.insert(db)
        default:
            throw AppError.notFound(Phrase(.cannotUndoThis))
        }
    }
}

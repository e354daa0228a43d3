import Foundation
import GRDB

/// The actions of projects: who does what by when.
extension AppDatabase {
    static func describe(_ db: Database, _ action: ProjectAction) throws -> String {
        let title = try String.fetchOne(db, sql: "SELECT title FROM project WHERE id = ?", arguments: [action.projectId]) ?? "?"
        return "action \(action.what) (project \(title))"
    }

    static func prepared(_ action: ProjectAction) throws -> ProjectAction {
        var action = action
        action.what = action.what.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        action.ownerName = action.ownerName.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        do { try action.validate() } catch let error as ValidationError { throw AppError.invalid(error) }
        return action
    }

    /// The project exists and the owner contact (if any) exists; a contact without a name given lends its name.
    static func checkReferences(_ db: Database, _ action: inout ProjectAction) throws {
        guard try hasProjects(db), try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project WHERE id = ?)",
                                                     arguments: [action.projectId]) == true else {
            throw AppError.notFound(Phrase(.noProject, "\(action.projectId)"))
        }
        if let contactId = action.ownerContactId {
            guard let contact = try Contact.fetchOne(db, key: contactId) else {
                throw AppError.invalid(ValidationError(field: "who", .noContactRef, "\(contactId)"))
            }
            if action.ownerName.isEmpty { action.ownerName = contact.name }
        }
    }

    @discardableResult
    public func addAction(_ action: ProjectAction) throws -> ProjectAction {
        var action = try AppDatabase.prepared(action)
        return try write { db in
            try AppDatabase.checkReferences(db, &action)
            action.id = nil
            action.version = 1
            try action.insert(db)
            try log(db, .create, .projectAction, id: action.id!, summary: try AppDatabase.describe(db, action), before: nil,
                    after: ChangeJSON.encode(action))
            return action
        }
    }

    /// Saves changes to an action; `action.version` must be the version read.
    @discardableResult
    public func updateAction(_ action: ProjectAction) throws -> ProjectAction {
        var action = try AppDatabase.prepared(action)
        guard let id = action.id else { throw AppError.notFound(Phrase(.actionNotSaved)) }
        return try write { db in
            try saveAction(db, &action, id: id, expectedVersion: action.version)
            return action
        }
    }

    private func saveAction(_ db: Database, _ action: inout ProjectAction, id: Int64, expectedVersion: Int?, summarySuffix: String = "") throws {
        guard let before = try ProjectAction.fetchOne(db, key: id) else {
            throw AppError.conflict(Phrase(.actionDeletedWhileEditing, "\(id)"))
        }
        if let expectedVersion, before.version != expectedVersion {
            throw AppError.conflict(Phrase(.actionChangedWhileEditing, "\(id)"))
        }
        try AppDatabase.checkReferences(db, &action)
        action.version = before.version + 1
        try action.update(db)
        try log(db, .update, .projectAction, id: id, summary: try AppDatabase.describe(db, action) + summarySuffix,
                before: ChangeJSON.encode(before), after: ChangeJSON.encode(action))
    }

    /// Marks an action done on `date` (today by default). `expectedVersion` nil = whatever version is current.
    @discardableResult
    public func markActionDone(id: Int64, on date: PartialDate = .today(), expectedVersion: Int? = nil) throws -> ProjectAction {
        try write { db in
            guard try AppDatabase.hasProjects(db), var action = try ProjectAction.fetchOne(db, key: id) else {
                throw AppError.notFound(Phrase(.noAction, "\(id)"))
            }
            if action.done == date && expectedVersion.map({ $0 == action.version }) != false { return action }
            action.done = date
            try saveAction(db, &action, id: id, expectedVersion: expectedVersion, summarySuffix: " done")
            return action
        }
    }

    public func removeAction(id: Int64) throws {
        try write { db in
            guard try AppDatabase.hasProjects(db), let action = try ProjectAction.fetchOne(db, key: id) else {
                throw AppError.notFound(Phrase(.noAction, "\(id)"))
            }
            let summary = try AppDatabase.describe(db, action)
            _ = try ProjectAction.deleteOne(db, key: id)
            try log(db, .delete, .projectAction, id: id, summary: summary, before: ChangeJSON.encode(action), after: nil)
        }
    }

    public func action(id: Int64) throws -> ProjectAction? {
        try read { db in try AppDatabase.hasProjects(db) ? ProjectAction.fetchOne(db, key: id) : nil }
    }

    public func actions(projectId: Int64) throws -> [ProjectAction] {
        try read { db in
            guard try AppDatabase.hasProjects(db) else { return [] }
            return try ProjectAction.filter(ProjectAction.Columns.projectId == projectId).fetchAll(db).sorted(by: AppDatabase.actionOrder)
        }
    }

    /// Actions with a due date (in from…to when given; a partial due date counts when its period touches it),
    /// by due date: the calendar's to-dos and the report's "overdue by owner" (pass `to: today`, filter `isOverdue`).
    public func actionsDue(from: PartialDate? = nil, to: PartialDate? = nil, includeDone: Bool = false) throws -> [ProjectActionDue] {
        try read { db in
            guard try AppDatabase.hasProjects(db) else { return [] }
            var clauses = ["a.due IS NOT NULL"]
            var args: [DatabaseValue] = []
            if !includeDone { clauses.append("a.done IS NULL") }
            if let from {
                clauses.append("a.due >= substr(?, 1, length(a.due))")
                args.append(from.firstDay.iso.databaseValue)
            }
            if let to {
                clauses.append("a.due <= ?")
                args.append(to.lastDay.iso.databaseValue)
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.*, p.title AS projectTitle, p.status AS projectStatus FROM project_action a JOIN project p ON p.id = a.projectId
                WHERE \(clauses.joined(separator: " AND ")) ORDER BY a.due, a.id
                """, arguments: StatementArguments(args))
            let ids = Array(Set(rows.map { $0["projectId"] as Int64 })).sorted()
            let cities = try AppDatabase.projectCities(db, ids: ids)
            return try rows.map { row in
                let action = try ProjectAction(row: row)
                let sides = cities[action.projectId] ?? []
                return ProjectActionDue(action: action, projectId: action.projectId, projectTitle: row.lenientText("projectTitle") ?? "",
                                        projectStatus: row.lenientText("projectStatus").flatMap(ProjectStatus.init(rawValue:)) ?? .idea,
                                        cityNames: (sides.filter { $0.role == .lead } + sides.filter { $0.role != .lead }).map(\.city.name))
            }
        }
    }
}

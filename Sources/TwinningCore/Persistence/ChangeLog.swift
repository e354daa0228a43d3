import Foundation
import GRDB

/// Who is making changes: the login name (the `SUDO_USER` behind sudo) and a
/// random id for this run of the program, so undo only reverts this session's work.
public struct ChangeActor: Sendable, Equatable {
    public let user: String
    public let session: String

    public init(user: String, session: String = UUID().uuidString) {
        self.user = user
        self.session = session
    }

    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChangeActor {
        let user = [environment["SUDO_USER"], environment["USER"], environment["LOGNAME"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? NSUserName()
        return ChangeActor(user: user)
    }
}

/// One line of the change log.
public struct ChangeRecord: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord, Identifiable {
    public static let databaseTableName = "change_log"
    public enum Action: String, Codable, Sendable { case create, update, delete, undo, `import` }
    public enum Entity: String, Codable, Sendable {
        case city, partnership, event, contact, review
        case project
        case projectAction = "project_action"
    }

    public var id: Int64?
    public var at: String
    public var user: String
    public var session: String
    public var action: Action
    public var entity: Entity
    public var entityId: Int64
    public var summary: String
    public var before: String?
    public var after: String?
    public var undoes: Int64?
    public var undone: Bool

    /// The review this line is about (its copy after a create, before an undo), for a readable history.
    public var review: MatchReview? {
        guard entity == .review, let text = after ?? before else { return nil }
        return try? JSONDecoder().decode(MatchReview.self, from: Data(text.utf8))
    }
}

/// A deleted partnership with what went with it, so undo can bring all back.
struct PartnershipSnapshot: Codable {
    var partnership: Partnership
    var events: [Event]
    var contacts: [Contact]
    /// Its links to projects (PartnershipProjectLinks.swift); nil in entries logged before projects had them.
    var projectLinks: ProjectLinks?
}

enum ChangeJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T {
        guard let text else { throw AppError.notFound(Phrase(.noCopyInLog)) }
        return try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension AppDatabase {
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// Writes a change-log line inside the caller's transaction.
    func log(_ db: Database, _ action: ChangeRecord.Action, _ entity: ChangeRecord.Entity, id: Int64,
             summary: String, before: String?, after: String?, undoes: Int64? = nil, at: String? = nil) throws {
        let record = ChangeRecord(id: nil, at: at ?? AppDatabase.timestamp(), user: actor.user, session: actor.session,
                                  action: action, entity: entity, entityId: id, summary: summary,
                                  before: before, after: after, undoes: undoes, undone: false)
        try record.insert(db)
    }

    /// Changes, newest first.
    public func changes(since: String? = nil, user: String? = nil, limit: Int = 200) throws -> [ChangeRecord] {
        try read { db in
            var request = ChangeRecord.all()
            if let since { request = request.filter(Column("at") >= since) }
            if let user { request = request.filter(Column("user") == user) }
            return try request.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// What `undoLast` would revert, if anything.
    public func nextUndo() throws -> ChangeRecord? {
        try read { db in try AppDatabase.nextUndo(db, session: actor.session) }
    }

    static func nextUndo(_ db: Database, session: String) throws -> ChangeRecord? {
        try ChangeRecord.filter(Column("session") == session && Column("undone") == false && Column("action") != "undo")
            .order(Column("id").desc).fetchOne(db)
    }

    /// Reverts this session's most recent change that is not undone yet.
    /// Refuses, with a plain message, when someone else changed the record since.
    @discardableResult
    public func undoLast() throws -> ChangeRecord? {
        try write { db in
            guard let change = try AppDatabase.nextUndo(db, session: actor.session) else { return nil }
            try undo(db, change)
            // Accepting a suggestion wrote its review and, on the next log line,
            // the partnership it proposed: one act, so one undo takes back both
            // (the review history must not go on saying "accepted"). The review
            // is returned, as it names what the user did.
            if change.action == .create, change.entity == .partnership, let id = change.id,
               let accept = try AppDatabase.nextUndo(db, session: actor.session), accept.id == id - 1,
               accept.action == .create, let review = accept.review, review.decision == .accept,
               let partnership = try? ChangeJSON.decode(Partnership.self, change.after),
               Set([review.homeCityId, review.candidateCityId]) == Set([partnership.cityA, partnership.cityB]) {
                try undo(db, accept)
                return accept
            }
            return change
        }
    }

    /// Reverts one change inside the caller's transaction.
    private func undo(_ db: Database, _ change: ChangeRecord) throws {
        do {
            // An import checks its own rows (they are many); its entityId is its own line.
            if change.action == .import {
                try undoImport(db, change)
                return
            }
            let changedMeanwhile = AppError.conflict(Phrase(.cannotUndo, "\(change.summary)", .phrase(Phrase(.changedSince))))
            // Someone else's later change to the same record (through the
            // program or the command line, both write the log, or an import
            // that updated it, listed in import_row) blocks the undo.
            let touchedByOthers = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM change_log WHERE entity = ? AND entityId = ? AND id > ? AND session <> ?
                               AND action <> 'import')
                    OR EXISTS (SELECT 1 FROM import_row r JOIN change_log c ON c.id = r.changeId
                               WHERE r.entity = ? AND r.entityId = ? AND r.changeId > ? AND c.session <> ?)
                """, arguments: [change.entity.rawValue, change.entityId, change.id, actor.session,
                                 change.entity.rawValue, change.entityId, change.id, actor.session]) ?? false
            if touchedByOthers { throw changedMeanwhile }
            func currentVersion(_ table: String) throws -> Int? {
                try Int.fetchOne(db, sql: "SELECT version FROM \(table) WHERE id = ?", arguments: [change.entityId])
            }
            switch (change.action, change.entity) {
            case (.create, .city):
                if try Partnership.filter(Partnership.Columns.cityA == change.entityId || Partnership.Columns.cityB == change.entityId)
                    .fetchCount(db) > 0 { throw changedMeanwhile }
                _ = try City.deleteOne(db, key: change.entityId)
            case (.create, .partnership):
                if try Event.filter(Event.Columns.partnershipId == change.entityId).fetchCount(db) > 0 { throw changedMeanwhile }
                _ = try Partnership.deleteOne(db, key: change.entityId)
            case (.create, .event):
                _ = try Event.deleteOne(db, key: change.entityId)
            case (.create, .contact):
                _ = try Contact.deleteOne(db, key: change.entityId)
            case (.create, .review):
                // Gone already (its city was deleted): nothing left to take back.
                guard try MatchReview.deleteOne(db, key: change.entityId) else { throw changedMeanwhile }
            case (.update, .city):
                var before = try ChangeJSON.decode(City.self, change.before)
                guard let current = try currentVersion("city") else { throw changedMeanwhile }
                before.version = current + 1
                try before.update(db)
            case (.update, .partnership):
                var before = try ChangeJSON.decode(Partnership.self, change.before)
                guard let current = try currentVersion("partnership") else { throw changedMeanwhile }
                before.version = current + 1
                try before.update(db)
            case (.update, .event):
                var before = try ChangeJSON.decode(Event.self, change.before)
                guard let current = try currentVersion("event") else { throw changedMeanwhile }
                before.version = current + 1
                try before.update(db)
            case (.delete, .event):
                var before = try ChangeJSON.decode(Event.self, change.before)
                guard try Partnership.exists(db, key: before.partnershipId) else { throw changedMeanwhile }
                guard try !Event.exists(db, key: change.entityId) else { throw changedMeanwhile }
                try before.insert(db)
            case (.delete, .partnership):
                let snapshot = try ChangeJSON.decode(PartnershipSnapshot.self, change.before)
                var partnership = snapshot.partnership
                guard try !Partnership.exists(db, key: change.entityId),
                      try Partnership.filter(Partnership.Columns.cityA == partnership.cityA
                                             && Partnership.Columns.cityB == partnership.cityB).fetchCount(db) == 0 else {
                    throw changedMeanwhile
                }
                try partnership.insert(db)
                for var event in snapshot.events {
                    // A project removed since keeps its removal; the event comes back without it.
                    if let projectId = event.projectId,
                       try !(AppDatabase.hasProjects(db) && Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project WHERE id = ?)", arguments: [projectId]) ?? false) {
                        event.projectId = nil
                    }
                    try event.insert(db)
                }
                for var contact in snapshot.contacts { try contact.insert(db) }
                try snapshot.projectLinks?.restore(db)
            case (.create, .project), (.update, .project), (.delete, .project),
                 (.create, .projectAction), (.update, .projectAction), (.delete, .projectAction):
                try undoProjectChange(db, change, changedMeanwhile: changedMeanwhile) // AppDatabase+ProjectUndo.swift
            default:
                throw AppError.notFound(Phrase(.cannotUndoThis))
            }
            try db.execute(sql: "UPDATE change_log SET undone = 1 WHERE id = ?", arguments: [change.id])
            try log(db, .undo, change.entity, id: change.entityId, summary: change.summary, before: change.after,
                    after: change.before, undoes: change.id)
        }
    }
}

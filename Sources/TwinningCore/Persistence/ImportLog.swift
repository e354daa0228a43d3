import Foundation
import GRDB

/// What one import did, as its change-log line keeps it (JSON in `after`):
/// the file, the table, the counts, and the ids of the rows it created as
/// ranges. The rows it updated are in `import_row` with their old copies.
public struct ImportSummary: Codable, Equatable, Sendable {
    /// The file's name (not its folder), made safe to print.
    public var file: String
    /// cities, partnerships or events.
    public var table: String
    public var added: Int
    public var updated: Int
    public var unchanged: Int
    /// [first, last] id ranges of the rows this import created.
    public var created: [[Int64]]

    /// "import of events.csv: 10,000 added" (and ", 3 updated, 5 unchanged" when there are some).
    public var text: String {
        var parts = ["\(ImportSummary.number(added)) added"]
        if updated > 0 { parts.append("\(ImportSummary.number(updated)) updated") }
        if unchanged > 0 { parts.append("\(ImportSummary.number(unchanged)) unchanged") }
        return "import of \(file): " + parts.joined(separator: ", ")
    }

    /// 10,000: the CLI's numbers are English.
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Collects inserted row ids into ranges as they come.
    static func append(_ id: Int64, to ranges: inout [[Int64]]) {
        if let last = ranges.last, last[1] + 1 == id { ranges[ranges.count - 1][1] = id } else { ranges.append([id, id]) }
    }
}

extension ChangeRecord {
    /// The import this line is about: the import itself, or the undo of one.
    public var importSummary: ImportSummary? {
        let text: String?
        switch action {
        case .import: text = after
        case .undo: text = before
        default: return nil
        }
        guard let text, text.contains("\"created\"") else { return nil }
        return try? JSONDecoder().decode(ImportSummary.self, from: Data(text.utf8))
    }
}

extension AppDatabase {
    /// The table behind a change-log entity, for the few entities an import writes.
    static func importTable(_ entity: ChangeRecord.Entity) -> String? {
        switch entity {
        case .city: return "city"
        case .partnership: return "partnership"
        case .event: return "event"
        case .project: return "project"
        default: return nil
        }
    }

    /// Writes the change-log line of an import inside its transaction and
    /// returns its id (which is also the import's id: entityId points to itself).
    func logImport(_ db: Database, entity: ChangeRecord.Entity, summary: ImportSummary) throws -> Int64 {
        try log(db, .import, entity, id: 0, summary: summary.text, before: nil, after: ChangeJSON.encode(summary))
        let id = db.lastInsertedRowID
        try db.execute(sql: "UPDATE change_log SET entityId = id WHERE id = ?", arguments: [id])
        return id
    }

    /// Undoes import `id` (its number in the change log) as one step. Any
    /// user may, from any session: an import is undone by its number.
    @discardableResult
    public func undoImport(id: Int64) throws -> ChangeRecord {
        try write { db in
            guard let change = try ChangeRecord.fetchOne(db, key: id), change.action == .import else {
                throw AppError.notFound(Phrase(.noImport, "\(id)"))
            }
            if change.undone { throw AppError.conflict(Phrase(.importUndoneAlready, "\(id)", "\(change.summary)")) }
            try undoImport(db, change)
            return change
        }
    }

    /// Removes the rows the import created and restores the rows it updated,
    /// inside the caller's transaction, or refuses with the reason when any of
    /// them was changed since (or has gained events, partners, contacts or reviews).
    func undoImport(_ db: Database, _ change: ChangeRecord) throws {
        let summary = try ChangeJSON.decode(ImportSummary.self, change.after)
        guard let table = AppDatabase.importTable(change.entity), let changeId = change.id else {
            throw AppError.notFound(Phrase(.cannotUndoThis))
        }
        func refuse(_ reason: ErrorText, _ count: Int) -> AppError {
            AppError.conflict(Phrase(.cannotUndo, "\(change.summary)", .phrase(Phrase(reason, .number(count)))))
        }
        func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
            try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
        }
        // The ranges are integers this program wrote; they go into the SQL as numbers.
        func inRanges(_ column: String) -> String {
            summary.created.isEmpty ? "0" : summary.created.map { "\(column) BETWEEN \($0[0]) AND \($0[1])" }.joined(separator: " OR ")
        }
        let expected = summary.created.reduce(0) { $0 + Int($1[1] - $1[0] + 1) }
        if expected > 0 {
            let present = try count("SELECT count(*) FROM \(table) WHERE \(inRanges("id"))")
            if present < expected { throw refuse(.undoAddedDeleted, expected - present) }
            let edited = try count("SELECT count(*) FROM \(table) WHERE (\(inRanges("id"))) AND version <> 1")
            if edited > 0 { throw refuse(.undoAddedChanged, edited) }
            var dependents: [(String, ErrorText)] = []
            switch change.entity {
            case .city:
                dependents = [("SELECT count(*) FROM partnership WHERE \(inRanges("cityA")) OR \(inRanges("cityB"))", .undoNewPartnerships),
                              ("SELECT count(*) FROM contact WHERE \(inRanges("cityId"))", .undoNewContacts),
                              ("SELECT count(*) FROM match_review WHERE \(inRanges("homeCityId")) OR \(inRanges("candidateCityId"))", .undoNewReviews)]
            case .partnership:
                dependents = [("SELECT count(*) FROM event WHERE \(inRanges("partnershipId"))", .undoNewEvents),
                              ("SELECT count(*) FROM contact WHERE \(inRanges("partnershipId"))", .undoNewContacts)]
            case .project:
                // Its actions came with it (version 1); edited or added ones, and events linked since, keep it.
                dependents = [("SELECT count(*) FROM event WHERE \(inRanges("projectId"))", .undoNewEvents),
                              ("SELECT count(*) FROM project_action WHERE (\(inRanges("projectId"))) AND version <> 1", .undoEditedActions),
                              ("SELECT count(*) FROM change_log WHERE entity = 'project_action' AND action = 'create' AND undone = 0 AND id > \(changeId) "
                               + "AND (\(inRanges("json_extract(after, '$.projectId')")))", .undoNewActions)]
            default: break
            }
            for (sql, what) in dependents {
                let n = try count(sql)
                if n > 0 { throw refuse(what, n) }
            }
        }
        let changedSince = try count("""
            SELECT count(*) FROM import_row r WHERE r.changeId = ?
              AND NOT EXISTS (SELECT 1 FROM \(table) t WHERE t.id = r.entityId AND t.version = r.version)
            """, [changeId])
        if changedSince > 0 { throw refuse(.undoUpdatedChanged, changedSince) }

        if expected > 0 { try db.execute(sql: "DELETE FROM \(table) WHERE \(inRanges("id"))") }
        let rows = try Row.fetchCursor(db, sql: "SELECT before, version FROM import_row WHERE changeId = ?", arguments: [changeId])
        while let row = try rows.next() {
            let text: String = row["before"], version: Int = row["version"]
            switch change.entity {
            case .city:
                var city = try ChangeJSON.decode(City.self, text)
                city.version = version + 1
                try city.update(db)
            case .partnership:
                var partnership = try ChangeJSON.decode(Partnership.self, text)
                partnership.version = version + 1
                try partnership.update(db)
            case .event:
                var event = try ChangeJSON.decode(Event.self, text)
                event.version = version + 1
                try event.update(db)
            default: throw AppError.notFound(Phrase(.cannotUndoThis))
            }
        }
        try db.execute(sql: "UPDATE change_log SET undone = 1 WHERE id = ?", arguments: [changeId])
        try log(db, .undo, change.entity, id: changeId, summary: change.summary, before: change.after, after: nil, undoes: changeId)
    }
}

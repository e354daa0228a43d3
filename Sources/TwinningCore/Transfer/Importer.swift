import Foundation
import GRDB

/// What an import did, for the message the user sees.
public struct ImportReport: Equatable, Sendable {
    public var added = 0
    public var updated = 0
    /// Rows of the file already in the database exactly so (not written).
    public var unchanged = 0
    public var seconds: Double = 0
    /// How long the import held the write lock: other volunteers' saves wait at most this long.
    public var lockSeconds: Double = 0
    /// The import's number in the change log (`twinning undo --import ID`); nil when not logged.
    public var changeId: Int64?
}

/// Reads cities, partnerships and events from files. Every import is all or
/// nothing, in three steps:
/// 1. read and parse the file, check every row and resolve every reference
///    (cities, partnerships) with reads, without the write lock;
/// 2. take the write lock, re-check what another writer could have changed
///    meanwhile (nothing, when the database did not change: `WriteGuard`),
///    and write every row with prepared statements, no look-up per row;
/// 3. write one change-log line (who, when, file, counts) in the same
///    transaction, so the import can be undone as one step.
/// The first bad row stops it with "FILE:LINE: what is wrong", also when the
/// database refuses a row in step 2; then nothing is written.
public struct Importer {
    public let database: AppDatabase
    /// Called with (rows done, rows in all) now and then, for a progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Writes a change-log line for the import. `Setup` fills a new database
    /// from the shipped files without one: there is nothing to undo to.
    public var logged: Bool

    public init(database: AppDatabase, logged: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.database = database
        self.logged = logged
        self.progress = progress
    }

    // MARK: The write phase

    /// Runs `body` in the one write transaction, with the time it held the lock.
    func writePhase<T>(_ body: (Database) throws -> T) throws -> (T, Double) {
        var held = 0.0
        let result = try database.write { db -> T in
            let started = Date()
            defer { held = Date().timeIntervalSince(started) }
            return try db.withLargeCache { try body(db) }
        }
        return (result, held)
    }

    /// Logs the import inside its transaction; returns its change-log id.
    func logImport(_ db: Database, table: Table, kind: String, entity: ChangeRecord.Entity,
                   report: ImportReport, created: [[Int64]]) throws -> Int64? {
        guard logged else { return nil }
        let file = TextSafety.sanitized((table.file as NSString).lastPathComponent)
        let summary = ImportSummary(file: file, table: kind, added: report.added, updated: report.updated,
                                    unchanged: report.unchanged, created: created)
        return try database.logImport(db, entity: entity, summary: summary)
    }

    /// The row a database error belongs to, in the file's words.
    func rowError(_ table: Table, _ record: TableRecord, _ error: Error) -> ImportError {
        table.error(record, Phrase(AppError.from(error)))
    }

    // MARK: Helpers

    func checkColumns(_ table: Table, allowed: [String], required: [String]) throws {
        for column in table.header where !allowed.contains(column) {
            throw ImportError(file: table.file, line: 1, .unknownColumn, "\(TextSafety.excerpt(column))", "\(allowed.joined(separator: ", "))")
        }
        for column in required where !table.header.contains(column) {
            throw ImportError(file: table.file, line: 1, .columnMissing, "\(column)")
        }
    }

    /// Field names of the model, as the file's columns call them.
    func columnName(_ field: String) -> String {
        ["country": "country_code", "end": "end", "participants_by_country": "participants_by_country"][field] ?? field
    }

    /// `["a","b"]` without a JSONEncoder per row (the write phase runs per row).
    static func jsonText(_ tags: [String]) -> String {
        if tags.isEmpty { return "[]" }
        return "[" + tags.map(jsonString).joined(separator: ",") + "]"
    }

    /// `{"DE":20,"FR":22}`, keys sorted.
    static func jsonText(_ counts: [String: Int]) -> String {
        "{" + counts.keys.sorted().map { "\(jsonString($0)):\(counts[$0]!)" }.joined(separator: ",") + "}"
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A JSON array of integers, for `json_each(?)` in set-based queries.
    static func jsonIds<S: Sequence>(_ ids: S) -> String where S.Element == Int64 {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}

/// Whether anyone wrote to the database between the checks and the write:
/// `PRAGMA data_version` on the writer connection changes when another
/// connection commits, `total_changes()` when this one writes. Equal values
/// before the checks and inside the write transaction mean the checks saw
/// exactly the database that is written to.
struct WriteGuard: Equatable {
    let dataVersion: Int
    let totalChanges: Int

    static func current(_ db: Database) throws -> WriteGuard {
        WriteGuard(dataVersion: try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0,
                   totalChanges: try Int.fetchOne(db, sql: "SELECT total_changes()") ?? 0)
    }

    static func before(_ database: AppDatabase) throws -> WriteGuard {
        try database.writer.writeWithoutTransaction { db in try current(db) }
    }
}

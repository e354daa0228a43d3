import Foundation
import GRDB

/// Whether this version of twinning can read and write a database file.
/// A file migrated by a newer version (a migration we do not know) is only
/// read; a file whose tables lack columns we read is refused up front with a
/// sentence, instead of failing later with a database error that dumps a row.
enum SchemaCompatibility {
    static func newerVersionMessage(_ path: String?) -> Phrase {
        guard let path else { return Phrase(.newerVersion) }
        return Phrase(.newerVersionFile, "\((path as NSString).lastPathComponent)")
    }

    /// The reason to give for a read-only database, when there is one beyond
    /// "you asked for read-only" or "you may not write the file".
    static func readOnlyReason(_ reader: any DatabaseReader, path: String) throws -> Phrase? {
        try reader.read { db in try Schema.migrator.hasBeenSuperseded(db) } ? newerVersionMessage(path) : nil
    }

    /// The columns of every table as this version's migrations create them,
    /// read from a scratch database in memory. Only the test of the static
    /// `expectedColumns` (SchemaCompatibility+Columns.swift) uses it.
    static func migratedColumns() throws -> [String: [String]] {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                """)
            var result: [String: [String]] = [:]
            for table in tables { result[table] = try db.columns(in: table).map(\.name) }
            return result
        }
    }

    /// Throws a plain message naming the table and column when a table we
    /// read lacks a column (renamed or dropped).
    static func requireReadableColumns(_ reader: any DatabaseReader, path: String?, newer: Bool) throws {
        let missing: (table: String, column: String)? = try reader.read { db in
            for (table, columns) in expectedColumns.sorted(by: { $0.key < $1.key }) where try db.tableExists(table) {
                let present = Set(try db.columns(in: table).map { $0.name.lowercased() })
                let optional = Schema.optionalColumns[table] ?? []
                if let column = columns.first(where: { !present.contains($0.lowercased()) && !optional.contains($0) }) { return (table, column) }
            }
            return nil
        }
        guard let missing else { return }
        let name = path.map { ($0 as NSString).lastPathComponent }
        let table = Phrase.Argument.text(missing.table), column = Phrase.Argument.text(missing.column)
        if newer {
            throw AppError.database(name.map { Phrase(.newerTablesFile, .text($0), table, column) } ?? Phrase(.newerTables, table, column))
        }
        throw AppError.database(name.map { Phrase(.missingColumnFile, .text($0), table, column) } ?? Phrase(.missingColumn, table, column))
    }
}

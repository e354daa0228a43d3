import GRDB

/// v6: imports join the change log, as one line each, and can be undone as one step.
///
/// The change-log line (action 'import') says who, when, which file and the
/// counts; the rows it created are kept there as id ranges (an import writes
/// in one transaction under the write lock, so its new ids are one range).
/// The rows it updated (a cities import updates gazetteer rows) go to a side
/// table, `import_row`, one row each with the copy from before the import and
/// the version the import left. A side table, not JSON in the log line: a
/// re-imported gazetteer updates 69,000 rows, and a 20 MB text in one line
/// would be read by every `twinning log`; in a table undo can compare
/// versions with one set-based query, and the undo of an ordinary edit can
/// see that a later import touched the same row.
extension Schema {
    static func logImports(_ db: Database) throws {
        try rebuildChangeLog(db) { sql in
            let from = "action IN ('create', 'update', 'delete', 'undo')"
            guard sql.contains(from) else {
                throw DatabaseError(message: "v6-import-log: the change_log table is not as expected: \(sql)")
            }
            return sql.replacingOccurrences(of: from, with: "action IN ('create', 'update', 'delete', 'undo', 'import')")
        }
        try db.execute(sql: """
            CREATE TABLE import_row (
              changeId INTEGER NOT NULL REFERENCES change_log(id),
              entity TEXT NOT NULL CHECK (entity IN ('city', 'partnership', 'event')),
              entityId INTEGER NOT NULL,
              version INTEGER NOT NULL,
              before TEXT NOT NULL CHECK (json_valid(before)),
              PRIMARY KEY (changeId, entity, entityId)
            ) WITHOUT ROWID;
            CREATE INDEX import_row_entity ON import_row(entity, entityId);
            """)
    }

    /// Rebuilds change_log the documented SQLite way (as `logReviews` does):
    /// a new table from the current definition with `edit` applied, every row
    /// copied with its id, the old table dropped, the new one renamed, its
    /// indexes and triggers made again from their stored SQL, the
    /// AUTOINCREMENT counter carried over. Starting from the stored definition
    /// keeps whatever earlier migrations added to the table.
    static func rebuildChangeLog(_ db: Database, edit: (String) throws -> String) throws {
        guard let tableSQL = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'change_log'"),
              let open = tableSQL.firstIndex(of: "(") else {
            throw DatabaseError(message: "change_log is missing")
        }
        let others = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE tbl_name = 'change_log' AND type IN ('index', 'trigger') AND sql IS NOT NULL
            """)
        let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")
        let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(change_log)").map { (row: Row) -> String in "\"\(row["name"] as String)\"" }
            .joined(separator: ", ")
        try db.execute(sql: "CREATE TABLE change_log_new " + (try edit(String(tableSQL[open...]))))
        try db.execute(sql: """
            INSERT INTO change_log_new (\(columns)) SELECT \(columns) FROM change_log ORDER BY id;
            DROP TABLE change_log;
            ALTER TABLE change_log_new RENAME TO change_log;
            """)
        for sql in others { try db.execute(sql: sql) }
        if let counter {
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'change_log'")
            try db.execute(sql: """
                INSERT INTO sqlite_sequence (name, seq)
                VALUES ('change_log', max(?, coalesce((SELECT max(id) FROM change_log), 0)))
                """, arguments: [counter])
        }
    }
}

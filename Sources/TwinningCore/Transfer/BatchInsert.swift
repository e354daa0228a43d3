import Foundation
import GRDB

/// Inserts an import's new rows many to a statement. Each run of an INSERT
/// pays for what its table's CHECKs and triggers set up (the IN lists of the
/// vocabulary CHECKs are built once per run, the safe-values trigger is a
/// sub-program, the statement journal opens and closes): with one row per run
/// that was paid 100,000 times for 100,000 events. 32 rows share one run.
///
/// A statement that fails changes nothing (SQLite rolls the statement back),
/// so on a failure the rows of that statement are inserted again one by one,
/// and the first that fails is the one the error names.
struct BatchInsert {
    static let rowsPerStatement = 32

    private let batch: Statement
    private let single: Statement
    private let width: Int

    init(_ db: Database, table: String, columns: [String]) throws {
        width = columns.count
        let row = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        batch = try db.makeStatement(sql: head + Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", ")
                                     + " RETURNING id")
        single = try db.makeStatement(sql: head + row + " RETURNING id")
    }

    /// Inserts `count` rows, `values(i)` giving row i's values in column
    /// order; returns the new ids, ascending (the order the rows were
    /// inserted in). `failure(i, error)` turns a database error into the
    /// error of row i; `progress(i)` is called every so often.
    func insert(count: Int, values: (Int) -> [DatabaseValueConvertible?],
                failure: (Int, Error) -> Error, progress: (Int) -> Void = { _ in }) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(count)
        var start = 0
        while start < count {
            let end = min(start + Self.rowsPerStatement, count)
            if end - start == Self.rowsPerStatement {
                var arguments: [DatabaseValueConvertible?] = []
                arguments.reserveCapacity(width * Self.rowsPerStatement)
                for i in start..<end { arguments.append(contentsOf: values(i)) }
                do {
                    // RETURNING gives no promised order; ids grow in insertion order.
                    ids.append(contentsOf: try Int64.fetchAll(batch, arguments: StatementArguments(arguments)).sorted())
                } catch {
                    try insertOneByOne(start..<end, values: values, failure: failure, into: &ids, batchError: error)
                }
            } else {
                try insertOneByOne(start..<end, values: values, failure: failure, into: &ids, batchError: nil)
            }
            progress(start)
            start = end
        }
        return ids
    }

    private func insertOneByOne(_ rows: Range<Int>, values: (Int) -> [DatabaseValueConvertible?], failure: (Int, Error) -> Error,
                                into ids: inout [Int64], batchError: Error?) throws {
        for i in rows {
            do {
                ids.append(contentsOf: try Int64.fetchAll(single, arguments: StatementArguments(values(i))))
            } catch {
                throw failure(i, error)
            }
        }
        // Every row went in alone but not together: name the first row of the statement.
        if let batchError { throw failure(rows.lowerBound, batchError) }
    }
}

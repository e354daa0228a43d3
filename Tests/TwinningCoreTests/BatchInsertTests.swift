import GRDB
import XCTest
@testable import TwinningCore

/// Many rows to a statement, and a failing row still named exactly.
final class BatchInsertTests: XCTestCase {
    struct RowFailed: Error { let index: Int }

    func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n INTEGER NOT NULL CHECK (n >= 0), s TEXT)")
            try db.execute(sql: "INSERT INTO t (n, s) VALUES (0, 'there before')")
        }
        return queue
    }

    func testEveryRowGoesInOnceAndTheIdsComeInRowOrder() throws {
        let queue = try database()
        // Two full statements and a remainder of 6.
        let count = 2 * BatchInsert.rowsPerStatement + 6
        let ids = try queue.write { db in
            try BatchInsert(db, table: "t", columns: ["n", "s"])
                .insert(count: count, values: { [$0, "row \($0)"] }, failure: { i, _ in RowFailed(index: i) })
        }
        XCTAssertEqual(ids, Array(2...Int64(count + 1)))
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, n, s FROM t WHERE id > 1 ORDER BY id")
            XCTAssertEqual(rows.count, count)
            for (i, row) in rows.enumerated() {
                XCTAssertEqual(row["id"] as Int64, ids[i])
                XCTAssertEqual(row["n"] as Int, i)
                XCTAssertEqual(row["s"] as String, "row \(i)")
            }
        }
    }

    func testTheFailingRowIsNamedInAFullStatementAndInTheRemainder() throws {
        for bad in [0, 5, BatchInsert.rowsPerStatement - 1, BatchInsert.rowsPerStatement + 3, 2 * BatchInsert.rowsPerStatement + 1] {
            let queue = try database()
            XCTAssertThrowsError(try queue.write { db in
                try BatchInsert(db, table: "t", columns: ["n", "s"])
                    .insert(count: 2 * BatchInsert.rowsPerStatement + 4, values: { [$0 == bad ? -1 : $0, nil] },
                            failure: { i, _ in RowFailed(index: i) })
            }) { error in
                XCTAssertEqual((error as? RowFailed)?.index, bad, "row \(bad)")
            }
            // The transaction rolled back: only the row that was there before.
            XCTAssertEqual(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM t") }, 1)
        }
    }

    func testNoRowsWritesNothing() throws {
        let queue = try database()
        let ids = try queue.write { db in
            try BatchInsert(db, table: "t", columns: ["n", "s"]).insert(count: 0, values: { _ in [] }, failure: { i, _ in RowFailed(index: i) })
        }
        XCTAssertEqual(ids, [])
    }
}

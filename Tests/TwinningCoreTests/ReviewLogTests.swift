import XCTest
import GRDB
@testable import TwinningCore

/// Reviews of suggested partners are in the change log (who, when, what) and
/// can be undone; databases made before reviews were logged are upgraded
/// without losing a line of their history.
final class ReviewLogTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-reviewlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// A database file exactly as the program left it before v4: the first
    /// three migrations, cities, a change log with an undo, and a review.
    func makeV3Database(at path: String) throws -> [Row] {
        let queue = try DatabaseQueue(path: path, configuration: AppDatabase.configuration(readOnly: false))
        try Schema.migrator.migrate(queue, upTo: "v3-match-reviews")
        return try queue.write { db in
            for var city in Fixtures.cities { try city.insert(db) }
            let log = """
                INSERT INTO change_log (id, at, user, session, action, entity, entityId, summary, before, after, undoes, undone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            try db.execute(sql: log, arguments: [1, "2026-05-01T10:00:00Z", "anna", "s1", "create", "city", 1, "city Düsseldorf",
                                                 nil, #"{"name":"Düsseldorf"}"#, nil, true])
            try db.execute(sql: log, arguments: [2, "2026-05-01T10:05:00Z", "anna", "s1", "undo", "city", 1, "city Düsseldorf",
                                                 #"{"name":"Düsseldorf"}"#, nil, 1, false])
            try db.execute(sql: log, arguments: [7, "2026-05-02T09:00:00Z", "ben", "s2", "update", "contact", 3, "contact Claire",
                                                 "{}", "{}", nil, false])
            // A line was removed by hand once: the counter is ahead of the largest id.
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = 9 WHERE name = 'change_log'")
            try db.execute(sql: """
                INSERT INTO match_review (homeCityId, candidateCityId, decision, reason, user, at)
                VALUES (2, 3, 'reject', 'too far', 'ben', '2026-05-02T09:30:00Z')
                """)
            return try Row.fetchAll(db, sql: "SELECT * FROM change_log ORDER BY id")
        }
    }

    func testMigrationFromV3KeepsEveryChangeLogLineAndItsIndexes() throws {
        let path = folder.appendingPathComponent("v3.sqlite").path
        let before = try makeV3Database(at: path)
        XCTAssertEqual(before.count, 3)

        let db = try AppDatabase.open(path: path, actor: ChangeActor(user: "carla"))
        let applied = try db.read { d in try Schema.migrator.appliedIdentifiers(d) }
        XCTAssertTrue(applied.contains("v4-review-log"))
        XCTAssertTrue(try db.read { d in try Schema.migrator.hasCompletedMigrations(d) })
        let after = try db.read { d in try Row.fetchAll(d, sql: "SELECT * FROM change_log ORDER BY id") }
        XCTAssertEqual(after, before, "every line, with its id, user, undo link and JSON")
        try db.read { d in
            let indexes = try String.fetchAll(d, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' ORDER BY name")
            XCTAssertEqual(indexes, ["change_log_at", "change_log_session"])
            let references = try Row.fetchAll(d, sql: "PRAGMA foreign_key_list(change_log)")
            XCTAssertEqual(references.map { $0["table"] as String }, ["change_log"], "undo lines still point into the log")
            XCTAssertEqual(try Row.fetchAll(d, sql: "PRAGMA foreign_key_check"), [])
            XCTAssertEqual(try String.fetchOne(d, sql: "PRAGMA integrity_check"), "ok")
            XCTAssertFalse(try String.fetchAll(d, sql: "SELECT name FROM sqlite_master").contains("change_log_v4"))
        }
        // The old review is still there; new lines continue after the old counter.
        XCTAssertEqual(try db.reviews().map(\.reason), ["too far"])
        try db.addReview(MatchReview(homeCityId: 2, candidateCityId: 4, decision: .reject, reason: "no common themes"))
        let newest = try XCTUnwrap(try db.changes(limit: 1).first)
        XCTAssertEqual(newest.id, 10, "ids are never used twice")
        XCTAssertEqual(newest.entity, .review)
        XCTAssertEqual(newest.user, "carla")
        // The rebuilt table keeps refusing what it refused before.
        XCTAssertThrowsError(try db.write { d in
            try d.execute(sql: "INSERT INTO change_log (at, user, session, action, entity, entityId) VALUES ('x', 'x', 'x', 'create', 'planet', 1)")
        })
        XCTAssertThrowsError(try db.write { d in
            try d.execute(sql: "INSERT INTO change_log (at, user, session, action, entity, entityId) VALUES ('x', 'x', 'x', 'rename', 'review', 1)")
        })
        // Opening again finds nothing left to migrate.
        XCTAssertNoThrow(try AppDatabase.open(path: path, readOnly: true))
    }

    func testAReviewIsLoggedWithItsUserAndACopyOfTheRecord() throws {
        let db = try Fixtures.database()
        let dortmund = try Fixtures.id(db, 2935517), amiens = try Fixtures.id(db, 3037854), krakow = try Fixtures.id(db, 3094802)
        let saved = try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: amiens, decision: .reject, reason: "too far"))
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: krakow, decision: .snooze, snoozeUntil: "2030-01-01"))
        let log = try db.changes()
        XCTAssertEqual(log.map(\.summary), ["review of Kraków for Dortmund: suggest again from 2030-01-01",
                                            "review of Amiens for Dortmund: rejected (too far)"])
        let line = try XCTUnwrap(log.last)
        XCTAssertEqual(line.entity, .review)
        XCTAssertEqual(line.action, .create)
        XCTAssertEqual(line.entityId, saved.id)
        XCTAssertEqual(line.user, "test")
        XCTAssertEqual(line.at, saved.at)
        XCTAssertNil(line.before)
        XCTAssertEqual(line.review, saved, "the record as JSON, like every other entity")
        XCTAssertEqual(try db.changes(user: "test").count, 2)
    }

    func testUndoTakesBackAReviewAndTheEngineSuggestsTheCityAgain() throws {
        let db = try Fixtures.database()
        let dortmund = try Fixtures.id(db, 2935517), amiens = try Fixtures.id(db, 3037854)
        let engine = try MatchEngine(database: db)
        func candidates() throws -> [Int64] {
            try engine.rank(home: dortmund, profile: .builtIn(.similar)).order.map { engine.index.cityIds[Int($0)] }
        }
        XCTAssertTrue(try candidates().contains(amiens))
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: amiens, decision: .reject, reason: "too far"))
        XCTAssertFalse(try candidates().contains(amiens), "rejected")

        let undone = try XCTUnwrap(try db.undoLast())
        XCTAssertEqual(undone.entity, .review)
        XCTAssertEqual(try db.reviews(), [])
        XCTAssertTrue(try candidates().contains(amiens), "suggested again after the undo")
        let log = try db.changes()
        XCTAssertEqual(log.first?.action, .undo)
        XCTAssertEqual(log.first?.entity, .review)
        XCTAssertEqual(log.first?.review?.candidateCityId, amiens, "the undo line keeps a copy of what it took back")
        XCTAssertEqual(log.last?.undone, true)
        XCTAssertNil(try db.undoLast(), "nothing more to undo")
    }

    func testUndoOfAReviewRefusesWhenItsCityWasDeletedMeanwhile() throws {
        let db = try Fixtures.database()
        let dortmund = try Fixtures.id(db, 2935517), amiens = try Fixtures.id(db, 3037854)
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: amiens, decision: .reject))
        // Deleting a city removes its reviews (ON DELETE CASCADE).
        try db.write { d in try d.execute(sql: "DELETE FROM city WHERE id = ?", arguments: [amiens]) }
        XCTAssertThrowsError(try db.undoLast()) { error in
            XCTAssertTrue("\(error)".contains("someone else changed it since"), "\(error)")
        }
    }

    func testAnAcceptAndItsPartnershipAreWrittenTogetherOrNotAtAll() throws {
        let db = try Fixtures.database()
        let dortmund = try Fixtures.id(db, 2935517), amiens = try Fixtures.id(db, 3037854), krakow = try Fixtures.id(db, 3094802)
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: amiens, decision: .accept, reason: "proposed partnership"),
                         creating: Partnership(between: dortmund, and: amiens, status: .proposed))
        XCTAssertEqual(try db.changes().map(\.entity), [.partnership, .review])
        XCTAssertEqual(try db.partnership(between: dortmund, and: amiens)?.status, .proposed)

        // The pair exists already: the partnership is refused, and the review with it.
        try db.addPartnership(Partnership(between: dortmund, and: krakow))
        XCTAssertThrowsError(try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: krakow, decision: .accept),
                                              creating: Partnership(between: dortmund, and: krakow)))
        XCTAssertEqual(try db.reviews().count, 1)
        XCTAssertEqual(try db.changes().count, 3)

        // Undo walks back: Kraków's partnership, then the accept as one act
        // (its partnership and its review), so no review says "accepted" any more.
        XCTAssertEqual(try db.undoLast()?.entity, .partnership)
        XCTAssertEqual(try db.undoLast()?.entity, .review)
        XCTAssertEqual(try db.reviews(), [])
        XCTAssertEqual(try db.changes().filter { $0.action == .undo }.map(\.entity), [.review, .partnership, .partnership],
                       "the history shows both undos")
        XCTAssertNil(try db.undoLast(), "nothing is left to undo")
        XCTAssertEqual(try db.counts().partnerships, 0)
    }
}

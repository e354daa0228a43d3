import XCTest
import GRDB
@testable import TwinningCore

/// The first screen's count of the register (`registerCount`, from the
/// partnerships' indexes) equals the register itself (`inRegisterSQL`, the
/// whole list's definition) in every case that could count a city twice or
/// not at all.
final class RegisterCountTests: XCTestCase {
    func assertCount(_ database: AppDatabase, _ expected: Int, _ why: String, line: UInt = #line) throws {
        let (fast, whole) = try database.read { db in
            (try AppDatabase.registerCount(db),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM city WHERE \(AppDatabase.inRegisterSQL)") ?? 0)
        }
        XCTAssertEqual(whole, expected, "the register itself: \(why)", line: line)
        XCTAssertEqual(fast, whole, why, line: line)
    }

    func link(_ database: AppDatabase, _ a: Int64, _ b: Int64) throws {
        _ = try database.addPartnership(Partnership(between: try Fixtures.id(database, a), and: try Fixtures.id(database, b)))
    }

    func testTheCountIsTheRegistersSizeWhateverSideACityIsOn() throws {
        let database = try Fixtures.database()
        try assertCount(database, 0, "no partnership, nobody added by hand: an empty register")
        // Dortmund in two partnerships; Amiens and Kraków each in one; which of
        // a pair is cityA follows the ids, so both sides are met.
        try link(database, 2935517, 3037854)
        try link(database, 2935517, 3094802)
        try assertCount(database, 3, "each city of two partnerships once")
        try link(database, 3037854, 3094802)
        try assertCount(database, 3, "a city in several partnerships, on either side, counts once")
        // Added by hand: counted once, with or without a partnership.
        try database.write { db in
            try db.execute(sql: "UPDATE city SET addedByUser = 1 WHERE geonameId IN (776029, 2935517)")
        }
        try assertCount(database, 4, "a city added by hand without a partnership counts; one with partnerships counts once")
        try link(database, 776029, 1850147)
        try assertCount(database, 5, "a city added by hand and then linked counts once, its new partner too")
    }

    func testTheCountAsksTheIndexOfCitiesAddedByHand() throws {
        let database = try Fixtures.database()
        let details = try database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM city WHERE addedByUser = 1").map { $0["detail"] as String? ?? "" }
        }
        XCTAssertTrue(details.contains { $0.contains("city_added_by_user") }, "the count scans the gazetteer: \(details)")
    }
}

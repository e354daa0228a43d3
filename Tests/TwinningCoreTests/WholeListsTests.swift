import XCTest
import GRDB
@testable import TwinningCore

/// The whole lists read with their cities from the register are the joined
/// lists, row for row and in the same order: with equal search keys (the two
/// Springfields), with a city the register read earlier did not have, and
/// with a partnership whose city is gone.
final class WholeListsTests: XCTestCase {
    var db: AppDatabase!
    var ids: [Int64] = []

    override func setUpWithError() throws {
        db = try Fixtures.database()
        ids = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM city ORDER BY id") }
        // Every pair of the first eight cities, both Springfields among them at the end.
        var n = 0
        for i in ids.indices { for j in ids.indices where j > i && (i + j) % 3 != 0 {
            n += 1
            let p = try db.addPartnership(Partnership(between: ids[i], and: ids[j]))
            try db.addEvent(Event(partnershipId: p.id!, title: "Visit \(n)", startDate: PartialDate(year: 2000 + n % 7)!))
            if n % 4 == 0 { try db.addEvent(Event(partnershipId: p.id!, title: "Camp \(n)", startDate: PartialDate(year: 2000 + n % 7)!)) }
        } }
    }

    func testPartnershipsFromTheRegisterAreTheJoinedList() throws {
        let joined = try db.partnerships()
        XCTAssertGreaterThan(joined.count, 20)
        XCTAssertEqual(try db.partnerships(register: try db.registerCitySummaries()), joined)
        XCTAssertTrue(joined.contains { $0.cityB.name == "Springfield" }, "equal search keys are in the fixture")
    }

    func testEventsFromTheRegisterAreTheJoinedList() throws {
        let joined = try db.events()
        XCTAssertGreaterThan(joined.count, 20)
        XCTAssertEqual(try db.events(register: try db.registerCitySummaries()), joined)
    }

    /// Someone else added a city and a partnership after the register was read.
    func testACityTheRegisterLacksIsReadAndTheOrderStaysTheJoinedOne() throws {
        let stale = try db.registerCitySummaries()
        let added = try db.addCity(City(name: "Aachen", countryCode: "DE", population: 250000))
        let p = try db.addPartnership(Partnership(between: added.id!, and: ids[0]))
        try db.addEvent(Event(partnershipId: p.id!, title: "New", startDate: PartialDate(year: 2030)!))
        let partnerships = try db.partnerships(register: stale)
        XCTAssertEqual(partnerships, try db.partnerships())
        XCTAssertTrue(partnerships.contains { $0.id == p.id && $0.partnership.involves(added.id!) }, "the city the register lacked is read")
        XCTAssertEqual(try db.events(register: stale), try db.events())
    }

    /// A partnership whose city is missing altogether is left out, as with the join.
    func testAPartnershipWhoseCityIsGoneIsLeftOutAsWithTheJoin() throws {
        // As a damaged file or another program could leave it (the schema restricts the delete).
        try db.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM city WHERE id = ?", arguments: [self.ids[1]])
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let joined = try db.partnerships()
        XCTAssertFalse(joined.contains { $0.partnership.cityA == ids[1] || $0.partnership.cityB == ids[1] })
        XCTAssertEqual(try db.partnerships(register: try db.registerCitySummaries()), joined)
        XCTAssertEqual(try db.events(register: try db.registerCitySummaries()), try db.events())
    }

    /// The counts of the Cities list, all at once and one by one, are the partnerships each city is in.
    func testPartnerCountsAllAtOnceAndOneByOneAgree() throws {
        let all = try db.partnerCountsByCity()
        let partnerships = try db.partnerships()
        for id in ids {
            let expected = partnerships.filter { $0.partnership.involves(id) }.count
            XCTAssertEqual(all[id] ?? 0, expected, "city \(id)")
            XCTAssertEqual(try db.partnerCount(cityId: id), expected, "city \(id) one by one")
        }
        XCTAssertGreaterThan(all.values.reduce(0, +), 0)
    }
}

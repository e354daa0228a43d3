import XCTest
import GRDB
@testable import TwinningCore

/// Keyset pages of the Partnerships and Events lists: walked page by page
/// they give exactly the whole list, in its order, for every filter and
/// page size, also across rows with equal sort keys and after a write by
/// another connection between two pages.
final class ListPageTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Every pair of the fixture cities (45), with a few statuses and types.
    /// The two Springfields (same search key) give pairs with equal sort keys.
    func register(_ db: AppDatabase) throws -> [Int64] {
        let ids = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM city ORDER BY id") }
        var n = 0
        for i in ids.indices { for j in ids.indices where j > i {
            n += 1
            try db.addPartnership(Partnership(between: ids[i], and: ids[j], type: n % 5 == 0 ? .friendship : .partnership,
                                              status: n % 3 == 0 ? .dormant : .active))
        } }
        return ids
    }

    func walk(_ db: AppDatabase, _ filter: PartnershipFilter = PartnershipFilter(), size: Int) throws -> [Int64] {
        var result: [Int64] = [], after: PartnershipPageKey?
        while true {
            let page = try db.partnershipPage(filter, after: after, limit: size)
            XCTAssertLessThanOrEqual(page.count, size)
            result += page.map(\.id)
            guard page.count == size, let last = page.last else { return result }
            after = PartnershipPageKey(last)
        }
    }

    /// The list's order computed here: names by their bytes (SQLite's BINARY), then id.
    func expectedOrder(_ details: [PartnershipDetail]) -> [Int64] {
        details.sorted {
            let x = [Array($0.cityA.searchKey.utf8), Array($0.cityB.searchKey.utf8)], y = [Array($1.cityA.searchKey.utf8), Array($1.cityB.searchKey.utf8)]
            if x != y { return x.lexicographicallyPrecedes(y) { $0.lexicographicallyPrecedes($1) } }
            return $0.id < $1.id
        }.map(\.id)
    }

    func testPartnershipPagesGiveTheWholeListInOrderForEveryFilter() throws {
        let db = try Fixtures.database()
        let ids = try register(db)
        let all = try db.partnerships()
        XCTAssertEqual(all.count, 45)
        XCTAssertEqual(all.map(\.id), expectedOrder(all), "the whole list has the pages' order")
        let springfields = all.filter { $0.cityB.name == "Springfield" && $0.cityA.name == "Dortmund" }
        XCTAssertEqual(springfields.count, 2, "two rows with the same sort key, ordered by id")
        let filters = [PartnershipFilter(), PartnershipFilter(status: .dormant), PartnershipFilter(type: .friendship),
                       PartnershipFilter(cityId: ids[1]), PartnershipFilter(cityId: ids[9], status: .active)]
        for filter in filters {
            let expected = expectedOrder(try db.partnerships(filter))
            XCTAssertFalse(expected.isEmpty)
            XCTAssertEqual(try db.partnershipCount(filter), expected.count, "\(filter)")
            for size in [1, 2, 7, 45, 100] {
                XCTAssertEqual(try walk(db, filter, size: size), expected, "\(filter), pages of \(size)")
            }
        }
        // A page carries what the whole list shows of each row.
        XCTAssertEqual(try db.partnershipPage(limit: 45), all)
    }

    func testAPartnershipAddedElsewhereBetweenTwoPagesIsNeitherSkippedNorShownTwice() throws {
        let path = folder.appendingPathComponent("shared.sqlite").path
        let anna = try AppDatabase.open(path: path, actor: ChangeActor(user: "anna"))
        try anna.write { db in for var city in Fixtures.cities { try city.insert(db) } }
        let ben = try AppDatabase.open(path: path, actor: ChangeActor(user: "ben"))
        let ids = try anna.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM city ORDER BY id") }
        // Every pair but the last city's, which Ben adds while Anna scrolls.
        for i in ids.indices.dropLast() { for j in ids.indices.dropLast() where j > i {
            try anna.addPartnership(Partnership(between: ids[i], and: ids[j]))
        } }
        let first = try anna.partnershipPage(limit: 10)
        for i in ids.indices.dropLast() { try ben.addPartnership(Partnership(between: ids[i], and: ids.last!)) }
        var seen = first.map(\.id), after = PartnershipPageKey(first.last!)
        while true {
            let page = try anna.partnershipPage(after: after, limit: 10)
            seen += page.map(\.id)
            guard let last = page.last else { break }
            after = PartnershipPageKey(last)
        }
        XCTAssertEqual(Set(seen).count, seen.count, "no row twice")
        let now = try anna.partnerships()
        let beforeEnd = Set(now.prefix { $0.id != first.last!.id }.map(\.id) + [first.last!.id])
        let added = Set(now.map(\.id)).subtracting(first.map(\.id))
        XCTAssertEqual(Set(seen), Set(first.map(\.id)).union(added.subtracting(beforeEnd)),
                       "every row after the first page's end is read, the new ones included")
        XCTAssertEqual(try anna.partnershipCount(), 45, "the count sees Ben's rows")
    }

    func testEventPagesGiveTheWholeListNewestFirstAcrossEqualDates() throws {
        let db = try Fixtures.database()
        _ = try register(db)
        let listed = try db.partnerships()
        let pairs = listed.map(\.id)
        let dates = ["2024", "2024-05", "2024-05-14", "2024-05-14", "2023-12-31", "2025-01-01", "2024-05-14", "1999"]
        for i in 0..<40 {
            try db.addEvent(Event(partnershipId: pairs[i % 4], title: "Event \(i)", startDate: PartialDate.parse(dates[i % dates.count])!))
        }
        func walk(_ filter: EventFilter, size: Int) throws -> [Int64] {
            var result: [Int64] = [], after: EventPageKey?
            while true {
                let page = try db.eventPage(filter, after: after, limit: size)
                result += page.map(\.id)
                guard page.count == size, let last = page.last else { return result }
                after = EventPageKey(last)
            }
        }
        let filters = [EventFilter(), EventFilter(partnershipId: pairs[1]), EventFilter(year: 2024), EventFilter(cityId: listed[0].cityB.id, year: 2024)]
        for filter in filters {
            let expected = try db.events(filter).map(\.id)
            XCTAssertFalse(expected.isEmpty, "\(filter)")
            for size in [1, 3, 5, 40, 100] {
                XCTAssertEqual(try walk(filter, size: size), expected, "\(filter), pages of \(size)")
            }
        }
        let all = try db.events()
        XCTAssertEqual(all.map(\.id), all.sorted { ($0.event.startDate.iso, $0.id) > ($1.event.startDate.iso, $1.id) }.map(\.id),
                       "newest first, equal dates by id")
        XCTAssertEqual(try db.eventPage(limit: 40), all)
    }
}

/// The year filter is a text range of the index: the extreme years the command
/// line accepts select nothing and never overflow.
final class EventYearRangeTests: XCTestCase {
    func testExtremeYearsSelectNothingAndYear9999Works() throws {
        let db = try AppDatabase.inMemory()
        for year in [Int.max, Int.min, -1, 0, 10_000] {
            XCTAssertEqual(try db.events(EventFilter(year: year)).count, 0, "year \(year)")
            XCTAssertEqual(try db.eventPage(EventFilter(year: year), limit: 5).count, 0, "year \(year)")
        }
        let (clauses, args) = AppDatabase.eventClauses(EventFilter(year: 9999))
        XCTAssertEqual(clauses, ["e.startDate >= ? AND e.startDate < ?"])
        XCTAssertEqual(args.map { "\($0)" }, ["9999", "9999~"], "year 9999 has an upper bound (\"10000\" would sort below it)")
    }
}

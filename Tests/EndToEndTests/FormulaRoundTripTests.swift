import Foundation
import GRDB
import TwinningCore
import TwinningTestSupport
import XCTest

/// The CSV formula guard round-trips: export → import gives back every text
/// exactly, also texts that start with the guard's own apostrophe.
final class FormulaRoundTripTests: EndToEndTestCase {
    private let tricky = ["'-5", "-5", "'", "''", "'=1", "=1", "+", "@x", "-", "'s-Hertogenbosch", "Neustadt-Testort", "NEUSTADT-TESTORT"]

    func testTrickyTextsSurviveExportAndImportExactly() throws {
        let source = try emptyCopy("formula-source.sqlite")
        do {
            let db = try AppDatabase.open(path: source)
            var ids: [Int64] = []
            for name in tricky {
                ids.append(try db.addCity(City(name: name, countryCode: "DE", latitude: -5.5, longitude: -3, notes: name,
                                               addedByUser: true)).id!)
            }
            for (index, name) in tricky.enumerated() where index + 1 < tricky.count {
                let p = try db.addPartnership(Partnership(between: ids[index], and: ids[index + 1], notes: name))
                try db.addEvent(Event(partnershipId: p.id!, title: name, startDate: PartialDate(year: 2025)!, notes: tricky[tricky.count - 1 - index]))
            }
        }
        let target = try emptyCopy("formula-target.sqlite")
        var exported: [String: String] = [:]
        for kind in ["cities", "partnerships", "events"] {
            let path = workDir.appendingPathComponent("\(kind).csv").path
            try CLI.ok(["export", kind, "--output", path, "--db", source])
            exported[kind] = try String(contentsOfFile: path, encoding: .utf8)
            try CLI.ok(["import", kind, path, "--db", target])
        }
        // The cells a spreadsheet sees: no formula, numbers stay numbers.
        let cells = CSV.parse(exported["cities"]!)
        let header = try XCTUnwrap(cells.first)
        let name = try XCTUnwrap(header.firstIndex(of: "name")), latitude = try XCTUnwrap(header.firstIndex(of: "latitude"))
        let names = Set(cells.dropFirst().map { $0[name] })
        for cell in ["''-5", "-5", "'", "'''", "''=1", "'=1", "'+", "'@x", "'-", "'s-Hertogenbosch"] {
            XCTAssertTrue(names.contains(cell), "the cities export has the cell \(cell): \(names.sorted())")
        }
        XCTAssertTrue(cells.dropFirst().allSatisfy { $0[latitude] == "-5.5" }, "a negative latitude is written as a number")

        let back = try AppDatabase.open(path: target, readOnly: true)
        let cities = try back.read { db in try City.filter(Column("addedByUser") == true).fetchAll(db) }
        XCTAssertEqual(cities.map(\.name).sorted(), tricky.sorted(), "every name exactly, each its own city ('-5 is not -5)")
        XCTAssertTrue(cities.allSatisfy { $0.notes == $0.name && $0.latitude == -5.5 && $0.longitude == -3 })
        let partnerships = try back.partnerships()
        XCTAssertEqual(partnerships.map(\.partnership.notes).sorted(), tricky.dropLast().sorted())
        for p in partnerships {
            let index = try XCTUnwrap(tricky.firstIndex(of: p.partnership.notes))
            XCTAssertEqual(Set([p.cityA.name, p.cityB.name]), Set([tricky[index], tricky[index + 1]]), "the pair of \(p.partnership.notes)")
        }
        let events = try back.events()
        XCTAssertEqual(events.map(\.event.title).sorted(), tricky.dropLast().sorted())
        XCTAssertEqual(events.map(\.event.notes).sorted(), tricky.dropFirst().sorted())

        // And the second export is the first one, cell for cell (row ids aside).
        for kind in ["cities", "partnerships", "events"] {
            let again = try CLI.ok(["export", kind, "--db", target]).stdout
            XCTAssertEqual(CSV.dropping(["id", "partnership_id"], from: CSV.parse(again)),
                           CSV.dropping(["id", "partnership_id"], from: CSV.parse(exported[kind]!)), kind)
        }
        // Importing the same export again changes nothing and adds nothing.
        let cityFile = workDir.appendingPathComponent("cities.csv").path
        let second = try CLI.ok(["import", "cities", cityFile, "--db", target])
        XCTAssertTrue(second.stdout.contains("Imported 0 cities"), second.summary)
        XCTAssertEqual(try back.read { db in try City.filter(Column("addedByUser") == true).fetchCount(db) }, tricky.count)
    }
}

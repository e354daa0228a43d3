import XCTest
@testable import TwinningCore

/// The match index's look-ups after it stopped holding whole records: by
/// database id (a binary search while the ids ascend with GeoNames order, a
/// dictionary when they do not), by GeoNames id (a binary search), unknown
/// GeoNames ids and populations, and cities users added (no GeoNames id).
final class MatchIndexColumnsTests: XCTestCase {
    private func assertLookUps(_ index: MatchIndex, file: StaticString = #filePath, line: UInt = #line) {
        for position in 0..<index.count {
            XCTAssertEqual(index.position(cityId: index.cityIds[position]), position, "by database id", file: file, line: line)
            if let g = index.geonameIds[position] {
                XCTAssertEqual(index.position(geonameId: g), position, "by GeoNames id", file: file, line: line)
            }
        }
        XCTAssertNil(index.position(cityId: -5), file: file, line: line)
        XCTAssertNil(index.position(geonameId: 1), file: file, line: line)
    }

    func testIdsThatDoNotAscendWithGeonameOrderAreStillFound() {
        // Database ids run against the GeoNames order, and two cities have no GeoNames id.
        let cities = [
            MatchCityRecord(cityId: 30, geonameId: 100, name: "A", countryCode: "DE", population: 1_000),
            MatchCityRecord(cityId: 10, geonameId: 300, name: "C", countryCode: "FR"),
            MatchCityRecord(cityId: 20, geonameId: 200, name: "B", countryCode: "de", population: 0),
            MatchCityRecord(cityId: 5, geonameId: nil, name: "Ours", countryCode: "PL", population: 42),
            MatchCityRecord(cityId: 4, geonameId: nil, name: "Theirs", countryCode: "PL"),
        ]
        let index = MatchIndex(cities: cities, partnerships: [(30, 5), (10, 4), (99, 30)], countries: [])
        XCTAssertEqual(index.names, ["A", "B", "C", "Theirs", "Ours"], "GeoNames order, then added cities by id")
        XCTAssertEqual((0..<5).map { index.geonameIds[$0] }, [100, 200, 300, nil, nil])
        XCTAssertEqual((0..<5).map { index.population[$0] }, [1_000, 0, nil, nil, 42], "unknown stays unknown, 0 stays 0")
        assertLookUps(index)
        XCTAssertEqual(Array(index.partners(of: index.position(cityId: 30)!)), [Int32(index.position(cityId: 5)!)])
        XCTAssertEqual(Array(index.partners(of: index.position(cityId: 10)!)), [Int32(index.position(cityId: 4)!)])
        XCTAssertEqual(index.countryCode(index.position(cityId: 20)!), "DE")
    }

    func testAscendingIdsAndRepeatedGeonameIds() {
        // The same GeoNames id twice (only in hand-made lists): the later city counts, as a dictionary kept it.
        var cities: [MatchCityRecord] = []
        for k in 1...40 {
            let geonameId = Int64(1_000 + k / 2 * 2)
            cities.append(MatchCityRecord(cityId: Int64(k), geonameId: geonameId, name: "T\(k)", countryCode: "FR"))
        }
        let index = MatchIndex(cities: cities, partnerships: [(1, 40), (2, 3)], countries: [])
        for position in 0..<index.count { XCTAssertEqual(index.position(cityId: index.cityIds[position]), position) }
        XCTAssertEqual(index.position(geonameId: 1_002).map { index.cityIds[$0] }, 3)
        XCTAssertEqual(index.position(geonameId: 1_040).map { index.cityIds[$0] }, 40)
        XCTAssertEqual(index.degree(index.position(cityId: 40)!), 1)
    }

    func testLoadedIndexFindsGazetteerAndAddedCities() throws {
        let database = try Fixtures.database()  // inserted out of GeoNames order
        let added = try database.addCity(City(name: "Neustadt am See", countryCode: "DE", population: 1_234))
        let dortmund = try Fixtures.id(database, 2935517), tokyo = try Fixtures.id(database, 1850147)
        _ = try database.addPartnership(Partnership(between: dortmund, and: added.id!))
        let index = try MatchIndex.load(from: database, countries: [])
        assertLookUps(index)
        let position = try XCTUnwrap(index.position(cityId: added.id!))
        XCTAssertEqual(position, index.count - 1, "a city without a GeoNames id comes last")
        XCTAssertNil(index.geonameIds[position])
        XCTAssertEqual(index.population[position], 1_234)
        XCTAssertEqual(index.names[position], "Neustadt am See")
        XCTAssertEqual(Array(index.partners(of: position)), [Int32(index.position(cityId: dortmund)!)])
        XCTAssertEqual(index.position(geonameId: 1850147), index.position(cityId: tokyo))
    }

    func testNetworkRowsAreSortedWithoutRepeatsAndGroupsKeepOrder() {
        // Ids 1…5 are positions 0…4; a pair twice (once turned round), a self-pair and an unknown id.
        let pairs: [(Int64, Int64)] = [(1, 3), (3, 1), (1, 2), (5, 1), (2, 2), (4, 99), (4, 5)]
        let (offsets, neighbours) = MatchIndex.adjacency(count: 5, partnerships: pairs, position: { $0 <= 5 ? Int32($0 - 1) : nil })
        let rows = (0..<5).map { Array(neighbours[Int(offsets[$0])..<Int(offsets[$0 + 1])]) }
        XCTAssertEqual(rows, [[1, 2, 4], [0], [0], [4], [0, 3]])
        XCTAssertEqual(neighbours.count, 8)
        let (groupOffsets, members) = MatchIndex.members(of: [2, -1, 0, 2, 0, -1], groups: 3)
        XCTAssertEqual(groupOffsets, [0, 2, 2, 4])
        XCTAssertEqual(members, [2, 4, 0, 3])
    }
}

import GRDB
import XCTest
@testable import TwinningCore

/// Finding cities by the names people type: exonyms from the shipped
/// city_names.tsv, "ue" for "ü", ranking by match and size, "did you mean".
/// The cities are real gazetteer rows; their other names come from the real file.
final class OtherNamesSearchTests: XCTestCase {
    static let cities: [City] = [
        City(geonameId: 3081368, name: "Wrocław", asciiName: "Wroclaw", countryCode: "PL", population: 672545),
        City(geonameId: 5908481, name: "Breslau", countryCode: "CA", admin1Name: "Ontario", population: 5053),
        City(geonameId: 756135, name: "Warsaw", countryCode: "PL", population: 1702139),
        City(geonameId: 3173435, name: "Milan", countryCode: "IT", population: 1371498),
        City(geonameId: 2886242, name: "Köln", asciiName: "Koeln", countryCode: "DE", population: 1024621),
        City(geonameId: 3178287, name: "Cologne", countryCode: "IT", population: 7032),
        City(geonameId: 2867714, name: "Munich", countryCode: "DE", population: 1505005),
        City(geonameId: 2659551, name: "Münchenstein", asciiName: "Muenchenstein", countryCode: "CH", population: 11644),
        City(geonameId: 2934246, name: "Düsseldorf", asciiName: "Dusseldorf", countryCode: "DE", population: 618685),
        City(geonameId: 2657896, name: "Zürich", asciiName: "Zurich", countryCode: "CH", population: 415367),
        City(geonameId: 3099434, name: "Gdańsk", asciiName: "Gdansk", countryCode: "PL", population: 487371),
        City(geonameId: 2792413, name: "Liège", asciiName: "Liege", countryCode: "BE", population: 195278),
        City(geonameId: 2935517, name: "Dortmund", countryCode: "DE", population: 588462),
        City(name: "Neuheim", countryCode: "DE", population: 900, addedByUser: true),
    ]

    static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.write { db in
            for var city in cities { try city.insert(db) }
            try OtherNames.fill(db)
        }
        return database
    }

    func names(_ matches: [CityMatch]) -> [String] { matches.map(\.label) }

    func testExonymsFindTheCityAndSayWhichNameMatched() throws {
        let db = try Self.database()
        for (typed, city, matched) in [("Warschau", "Warsaw", "Warschau"), ("Mailand", "Milan", "Mailand"),
                                       ("Danzig", "Gdańsk", "Danzig"), ("Lüttich", "Liège", "Lüttich"),
                                       ("Varsovie", "Warsaw", "Varsovie")] {
            let first = try XCTUnwrap(db.searchCityMatches(typed).first, typed)
            XCTAssertEqual(first.city.name, city, typed)
            XCTAssertEqual(first.matchedName, matched, typed)
        }
        XCTAssertEqual(try db.searchCityMatches("Mailand").first?.label, "Milan — Mailand")
    }

    func testALargeCityKnownByTheNameRanksBeforeASmallTownCalledSo() throws {
        let db = try Self.database()
        XCTAssertEqual(names(try db.searchCityMatches("Breslau")), ["Wrocław — Breslau", "Breslau"])
        XCTAssertEqual(try db.searchCityMatches("Cologne").map(\.city.name), ["Köln", "Cologne"])
        // München is another name of Munich, and Münchenstein only starts with it.
        XCTAssertEqual(try db.searchCityMatches("München").map(\.city.name), ["Munich", "Münchenstein"])
    }

    func testGermanTypingHabits() throws {
        let db = try Self.database()
        XCTAssertEqual(try db.searchCityMatches("Muenchen").first?.city.name, "Munich")
        XCTAssertEqual(try db.searchCityMatches("Koeln").first?.city.name, "Köln")
        XCTAssertEqual(try db.searchCityMatches("Duesseldorf").first?.city.name, "Düsseldorf")
        XCTAssertEqual(try db.searchCityMatches("Zuerich").first?.city.name, "Zürich")
        XCTAssertEqual(try db.searchCityMatches("duesseld").first?.city.name, "Düsseldorf", "prefix with ue")
    }

    func testCountryFilterAppliesToOtherNames() throws {
        let db = try Self.database()
        XCTAssertEqual(try db.searchCityMatches("Breslau", country: "ca").map(\.city.name), ["Breslau"])
        XCTAssertEqual(try db.searchCityMatches("Breslau", country: "PL").map(\.city.name), ["Wrocław"])
    }

    func testClosestNamesForATypo() throws {
        let db = try Self.database()
        XCTAssertTrue(try db.searchCityMatches("Dortmnud").isEmpty)
        XCTAssertEqual(try db.closestCities("Dortmnud").first?.city.name, "Dortmund")
        XCTAssertEqual(try db.closestCities("Warschaw").first?.label, "Warsaw — Warschau")
        XCTAssertTrue(try db.closestCities("xq").isEmpty, "too short to guess")
        XCTAssertTrue(try db.closestCities("Qwertzuiop").isEmpty)
    }

    func testLookupOfACityArgument() throws {
        let db = try Self.database()
        guard case .found(let warsaw) = try db.lookupCity("Warschau") else { return XCTFail("Warschau") }
        XCTAssertEqual(warsaw.name, "Warsaw")
        guard case .found(let munich) = try db.lookupCity("Muenchen") else { return XCTFail("Muenchen") }
        XCTAssertEqual(munich.name, "Munich")
        // A person typing "Breslau" is asked: Wrocław is 100 times larger than the town in Ontario.
        guard case .ambiguous(let both) = try db.lookupCity("Breslau") else { return XCTFail("Breslau") }
        XCTAssertEqual(both.map(\.name), ["Wrocław", "Breslau"])
        guard case .found(let ontario) = try db.lookupCity("Breslau, CA") else { return XCTFail("Breslau, CA") }
        XCTAssertEqual(ontario.countryCode, "CA")
        // An import naming "Breslau" keeps meaning the city whose main name it is.
        let imported = try db.read { try AppDatabase.lookupCity($0, name: "Breslau", country: nil) }
        guard case .found(let main) = imported else { return XCTFail("import lookup") }
        XCTAssertEqual(main.countryCode, "CA")
    }

    func testCitiesAddedByHandHaveNoOtherNamesAndAreStillFound() throws {
        let db = try Self.database()
        XCTAssertEqual(try db.searchCityMatches("Neuheim").first?.matchedName, nil)
        let count = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM city_name WHERE cityId = (SELECT id FROM city WHERE name = 'Neuheim')") }
        XCTAssertEqual(count, 0)
    }

    func testFillIsIdempotentAndSkipsTheMainName() throws {
        let db = try Self.database()
        let before = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM city_name") }
        try db.write { try OtherNames.fill($0) }
        let after = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM city_name") }
        XCTAssertEqual(before, after)
        XCTAssertGreaterThan(before ?? 0, 100)
        let mainAsOther = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM city_name JOIN city ON city.id = cityId WHERE key = city.searchKey") }
        XCTAssertEqual(mainAsOther, 0)
    }

    func testAFileOfTheEarlierVersionGetsTheNamesOfItsCitiesWhenUpgraded() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v6-import-log")
        try queue.write { db in
            for var city in Self.cities.prefix(3) { try city.insert(db) }
        }
        try Schema.migrator.migrate(queue)
        let count = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM city_name WHERE name = 'Warschau'") }
        XCTAssertEqual(count, 1)
    }

    func testDeletingACityDeletesItsOtherNames() throws {
        let db = try Self.database()
        try db.write { db in
            try db.execute(sql: "DELETE FROM city WHERE geonameId = 3173435")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM city_name WHERE name = 'Mailand'"), 0)
        }
    }
}

import XCTest
@testable import TwinningCore

final class SearchKeyTests: XCTestCase {
    func testFoldsCaseAndDiacritics() {
        XCTAssertEqual(SearchKey.fold("Düsseldorf"), "dusseldorf")
        XCTAssertEqual(SearchKey.fold("DÜSSELDORF"), "dusseldorf")
        XCTAssertEqual(SearchKey.fold("Kraków"), "krakow")
        XCTAssertEqual(SearchKey.fold("Ełk"), "elk")
        XCTAssertEqual(SearchKey.fold("Ørsta"), "orsta")
        XCTAssertEqual(SearchKey.fold("Großenhain"), "grossenhain")
        XCTAssertEqual(SearchKey.fold("Αθήνα"), "αθηνα")
        XCTAssertEqual(SearchKey.fold("東京"), "東京")
    }

    func testDecomposedInputFoldsLikeComposed() {
        let nfd = "Du\u{0308}sseldorf"
        XCTAssertEqual(SearchKey.fold(nfd), SearchKey.fold("Düsseldorf"))
    }

    func testCityNamesAreStoredNFC() {
        let city = City(name: "Du\u{0308}sseldorf", countryCode: "de")
        XCTAssertEqual(city.name, "Düsseldorf")
        XCTAssertEqual(city.name.unicodeScalars.count, 10)
        XCTAssertEqual(city.countryCode, "DE")
        XCTAssertEqual(city.searchKey, "dusseldorf")
    }

    func testSearchFindsAllSpellings() throws {
        let db = try Fixtures.database()
        for query in ["dusseldorf", "DÜSSELDORF", "Dusseldorf", "düssel"] {
            XCTAssertEqual(try db.searchCities(query).first?.name, "Düsseldorf", query)
        }
        XCTAssertEqual(try db.searchCities("krakow").first?.name, "Kraków")
        XCTAssertEqual(try db.searchCities("tokyo").first?.name, "東京")
        XCTAssertEqual(try db.searchCities("東京").first?.name, "東京")
        XCTAssertEqual(try db.searchCities("elk").map(\.name), ["Ełk"])
    }

    func testPrefixMatchesComeBeforeSubstringMatches() throws {
        let db = try Fixtures.database()
        // "mund" is inside "Dortmund" only; "m" starts Münster and Munster and is inside Dortmund, Amiens …
        let names = try db.searchCities("mun").map(\.name)
        XCTAssertEqual(Array(names.prefix(2)), ["Münster", "Munster"], "prefix matches first, larger city first")
        XCTAssertEqual(names.last, "Dortmund")
    }

    func testCountryFilterAndLimit() throws {
        let db = try Fixtures.database()
        XCTAssertEqual(try db.searchCities("s", country: "us").map(\.countryCode), ["US", "US"])
        XCTAssertEqual(try db.searchCities("s", limit: 1).count, 1)
        XCTAssertEqual(try db.searchCities("   ").count, 0)
    }

    func testLookupByIdNameAndCountry() throws {
        let db = try Fixtures.database()
        guard case .found(let byId) = try db.lookupCity("2935517") else { return XCTFail("id") }
        XCTAssertEqual(byId.name, "Dortmund")
        guard case .found(let byName) = try db.lookupCity("dortmund") else { return XCTFail("name") }
        XCTAssertEqual(byName.geonameId, 2935517)
        guard case .found(let withCountry) = try db.lookupCity("Krakow, PL") else { return XCTFail("name, CC") }
        XCTAssertEqual(withCountry.name, "Kraków")
        guard case .ambiguous(let both) = try db.lookupCity("Springfield") else { return XCTFail("ambiguous") }
        XCTAssertEqual(both.count, 2)
        XCTAssertEqual(both.first?.population, 166810, "larger first")
        // Exact spelling settles it when folding makes two names equal.
        guard case .found(let umlaut) = try db.lookupCity("Münster") else { return XCTFail("exact spelling") }
        XCTAssertEqual(umlaut.geonameId, 2867543)
        XCTAssertEqual(try db.lookupCity("Atlantis"), .notFound)
        XCTAssertEqual(try db.lookupCity("Dortmund, FR"), .notFound)
    }
}

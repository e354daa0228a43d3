import XCTest
import TwinningCore
@testable import TwinningUI

/// The in-memory picker index ranks as the SQL search does: exact names,
/// then names' starts, then text inside *main* names only. Other names match
/// only from their start ("Warschaw" must not find Novovarshavka).
final class NameIndexAgreementTests: XCTestCase {
    private func city(_ id: Int64, _ name: String, _ key: String, population: Int) -> CitySummary {
        CitySummary(id: id, geonameId: nil, name: name, searchKey: key, asciiKey: key,
                    countryCode: "PL", admin1Name: nil, population: population)
    }

    func testOtherNamesMatchOnlyFromTheirStart() {
        let warsaw = city(1, "Warsaw", "warsaw", population: 1_702_139)
        let novo = city(2, "Novovarshavka", "novovarshavka", population: 8_000)
        let others: [Int64: [String]] = [1: ["Warschau", "Varsovie"], 2: ["Nowowarschawka", "Novovarchavka"]]
        let cities = [warsaw, novo]
        let index = NameIndex(keys: cities.map { NameIndex.key(for: $0, otherNames: others[$0.id] ?? []) })
        XCTAssertEqual(index.filter("Warschaw").map { cities[$0].name }, [], "inside another name is no match")
        XCTAssertEqual(index.filter("Warscha").map { cities[$0].name }, ["Warsaw"])
        XCTAssertEqual(index.filter("varshav").map { cities[$0].name }, ["Novovarshavka"], "inside the main name still matches")
        XCTAssertEqual(index.filter("nowowar").map { cities[$0].name }, ["Novovarshavka"], "an other name's start matches")
        XCTAssertNil(NameIndex.matchedOtherName(novo, otherNames: others[2]!, text: "warschaw"))
    }

    func testExactNamesComeBeforeStartsAndStartsBeforeInsides() {
        let hof = city(1, "Warschauer Hof", "warschauer hof", population: 900_000)
        let inside = city(2, "Altwarschau", "altwarschau", population: 800_000)
        let warsaw = city(3, "Warsaw", "warsaw", population: 1_000)
        let others: [Int64: [String]] = [3: ["Warschau"]]
        let cities = [hof, inside, warsaw]
        let index = NameIndex(keys: cities.map { NameIndex.key(for: $0, otherNames: others[$0.id] ?? []) })
        XCTAssertEqual(index.filter("Warschau").map { cities[$0].name }, ["Warsaw", "Warschauer Hof", "Altwarschau"])
    }

    func testPartnershipKeysKeepEachCitysMainNamesSearchableInside() {
        let a = city(1, "Dortmund", "dortmund", population: 588_000)
        let b = city(2, "Novi Sad", "novi sad", population: 250_000)
        let key = NameIndex.key(for: a, otherNames: ["Tremonia"]) + "\u{1}" + NameIndex.key(for: b, otherNames: ["Újvidék"])
        let index = NameIndex(keys: [key])
        XCTAssertEqual(index.filter("sad"), [0], "inside the second city's main name")
        XCTAssertEqual(index.filter("videk"), [], "not inside its other name")
        XCTAssertEqual(index.filter("ujvid"), [0])
        XCTAssertEqual(index.filter("remonia"), [])
    }
}

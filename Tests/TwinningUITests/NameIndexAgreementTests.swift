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

/// The filter searches all keys at once (`memmem` over one block of bytes);
/// it must rank exactly as judging each key on its own does (`NameIndex.find`).
final class NameIndexScanTests: XCTestCase {
    /// The plain way: each key alone, its best match over the typed variants.
    private func reference(_ keys: [String], _ text: String) -> [Int] {
        let needles = NameVariants.keys(text).map { Array($0.utf8) }
        if needles.isEmpty { return Array(keys.indices) }
        var groups: [[Int]] = [[], [], []]
        for (index, key) in keys.enumerated() {
            let best = needles.map { NameIndex.find($0, in: Array(key.utf8)).rawValue }.min()!
            if best < 3 { groups[best].append(index) }
        }
        return groups.flatMap { $0 }
    }

    func testTheScanRanksAsEachKeyJudgedAlone() {
        var random = SeededRandom(seed: 0x5CA11)
        // Few letters, so that needles occur often, at starts, ends, inside main and other names.
        let letters = Array("abcü ")
        func word() -> String { String((0..<Int(random.next() % 4 + 1)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }) }
        for round in 0..<200 {
            let keys: [String] = (0..<Int(random.next() % 12)).map { _ in
                var key = random.next() % 5 == 0 ? "" : word()
                for _ in 0..<Int(random.next() % 4) { key += (random.next() % 2 == 0 ? "\u{1}" : "\u{2}") + word() }
                return key
            }
            let index = NameIndex(keys: keys)
            for text in [word(), word(), "ue", "a", "ab c", ""] {
                XCTAssertEqual(index.filter(text), reference(keys, text), "round \(round), keys \(keys.map { $0.debugDescription }), text \(text.debugDescription)")
            }
        }
    }

    func testARealPartnershipListFiltersAsBefore() {
        let keys = ["dortmund\u{1}dortmund\u{2}tremonia\u{1}amiens", "koeln\u{1}koln\u{2}cologne\u{1}liverpool",
                    "warsaw\u{2}warschau\u{1}duesseldorf\u{1}dusseldorf", "muenster\u{1}munster\u{1}orleans", ""]
        let index = NameIndex(keys: keys)
        for text in ["dor", "Dortmund", "Köln", "warschau", "schau", "orléans", "münster", "s", "x", "dortmund amiens"] {
            XCTAssertEqual(index.filter(text), reference(keys, text), text)
        }
        XCTAssertEqual(index.count, 5)
        XCTAssertEqual(index.filter("schau"), [], "inside an other name is no match")
    }
}

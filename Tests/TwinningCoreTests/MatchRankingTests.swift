import XCTest
@testable import TwinningCore

/// Ranking invariants on a small network of real cities.
final class MatchRankingTests: XCTestCase {
    static let countries = [
        MatchCountry(code: "DE", name: "Germany", languages: ["de"]),
        MatchCountry(code: "FR", name: "France", languages: ["fr"]),
        MatchCountry(code: "PL", name: "Poland", languages: ["pl"]),
        MatchCountry(code: "GB", name: "United Kingdom", languages: ["en", "cy", "gd"]),
        MatchCountry(code: "AT", name: "Austria", languages: ["de", "hr", "hu", "sl"]),
    ]
    static let dortmund: Int64 = 2935517, amiens: Int64 = 3037854, leeds: Int64 = 2644688, elk: Int64 = 776029
    static let krakow: Int64 = 3094802, duesseldorf: Int64 = 2934246, twinA: Int64 = 9_000_001, twinB: Int64 = 9_000_002
    static let nowhere: Int64 = 9_000_003, graz: Int64 = 2778067

    static func records() -> [MatchCityRecord] {
        [
            MatchCityRecord(cityId: dortmund, geonameId: dortmund, name: "Dortmund", countryCode: "DE", admin1Code: "07",
                            admin1Name: "North Rhine-Westphalia", latitude: 51.51494, longitude: 7.466, population: 588_462,
                            strengths: ["structural change"], challenges: ["climate adaptation", "youth unemployment"]),
            MatchCityRecord(cityId: duesseldorf, geonameId: duesseldorf, name: "Düsseldorf", countryCode: "DE", admin1Code: "07",
                            admin1Name: "North Rhine-Westphalia", latitude: 51.22172, longitude: 6.77616, population: 620_523),
            MatchCityRecord(cityId: amiens, geonameId: amiens, name: "Amiens", countryCode: "FR", admin1Code: "32",
                            admin1Name: "Hauts-de-France", latitude: 49.9, longitude: 2.3, population: 143_086,
                            strengths: ["climate adaptation"], challenges: ["youth unemployment"]),
            MatchCityRecord(cityId: leeds, geonameId: leeds, name: "Leeds", countryCode: "GB", admin1Code: "ENG", admin1Name: "England",
                            latitude: 53.79648, longitude: -1.54785, population: 455_123),
            MatchCityRecord(cityId: elk, geonameId: elk, name: "Ełk", countryCode: "PL", admin1Code: "85",
                            admin1Name: "Warmian-Masurian Voivodeship", latitude: 53.82824, longitude: 22.36469, population: 61_677),
            MatchCityRecord(cityId: krakow, geonameId: krakow, name: "Kraków", countryCode: "PL", admin1Code: "77",
                            admin1Name: "Lesser Poland Voivodeship", latitude: 50.06143, longitude: 19.93658, population: 804_237,
                            strengths: ["tourism", "Climate Adaptation"], seeking: true),
            MatchCityRecord(cityId: graz, geonameId: graz, name: "Graz", countryCode: "AT", admin1Code: "06", admin1Name: "Styria",
                            latitude: 47.06667, longitude: 15.45, population: 222_326),
            // Two identical towns without partners: equal scores.
            MatchCityRecord(cityId: twinB, geonameId: twinB, name: "Twin B", countryCode: "PL", latitude: 52.0, longitude: 21.0, population: 20_000),
            MatchCityRecord(cityId: twinA, geonameId: twinA, name: "Twin A", countryCode: "PL", latitude: 52.0, longitude: 21.0, population: 20_000),
            // No population, no coordinates, no region.
            MatchCityRecord(cityId: nowhere, geonameId: nowhere, name: "Nowhere", countryCode: "PL"),
        ]
    }

    static func index() -> MatchIndex {
        MatchIndex(cities: records(), partnerships: [
            (dortmund, amiens), (dortmund, leeds), (amiens, elk), (leeds, elk), (duesseldorf, krakow),
        ], countries: countries)
    }

    func ranking(_ index: MatchIndex, mode: MatchMode = .similar, filters: MatchFilters = MatchFilters(),
                 excluded: Set<Int64> = []) -> Ranking {
        Ranker(index: index).rank(home: index.position(cityId: Self.dortmund)!, profile: .builtIn(mode), filters: filters, excluded: excluded)
    }

    func testHomePartnersAndRejectedNeverAppear() {
        let index = Self.index()
        let ranked = ranking(index, excluded: [Self.krakow])
        let ids = Set(ranked.order.map { index.cityIds[Int($0)] })
        XCTAssertFalse(ids.contains(Self.dortmund), "the home city")
        XCTAssertFalse(ids.contains(Self.amiens), "a partner")
        XCTAssertFalse(ids.contains(Self.leeds), "a partner")
        XCTAssertFalse(ids.contains(Self.krakow), "rejected in a review")
        XCTAssertEqual(ranked.count, index.count - 4)
        XCTAssertEqual(ranked.scores, ranked.scores.sorted(by: >), "best first")
    }

    func testEqualScoresKeepGeonameOrderAndRankingIsDeterministic() {
        let index = Self.index()
        let first = ranking(index)
        let a = first.rank(ofPosition: index.position(cityId: Self.twinA)!)!
        let b = first.rank(ofPosition: index.position(cityId: Self.twinB)!)!
        XCTAssertEqual(first.scores[a - 1], first.scores[b - 1])
        XCTAssertEqual(b, a + 1, "equal scores: the smaller GeoNames id first")
        XCTAssertEqual(ranking(index).order, first.order)
    }

    func testSharedPartnersAndAFeatureTableThatAgreesWithTheFacts() {
        let index = Self.index()
        let ranked = ranking(index)
        let elk = ranked.suggestion(rank: ranked.rank(ofPosition: index.position(cityId: Self.elk)!)!)
        XCTAssertEqual(elk.facts.sharedPartners, 2)
        XCTAssertEqual(elk.contributions[MatchFeature.sharedPartners.slot].value, Features.sharedPartners(2))
        XCTAssertEqual(elk.facts.candidatePartners, 2)
        XCTAssertEqual(elk.contributions[MatchFeature.candidatePartners.slot].value, Features.candidatePartners(2))
        XCTAssertEqual(elk.rank, 1, "two shared partners put Ełk first")
        XCTAssertEqual(elk.contributions.reduce(0) { $0 + $1.contribution }, elk.score, accuracy: 0.0001)
    }

    func testACityWithNoPartnersAndMissingData() {
        let index = Self.index()
        let ranked = ranking(index)
        let nowhere = ranked.suggestion(rank: ranked.rank(ofPosition: index.position(cityId: Self.nowhere)!)!)
        for f: MatchFeature in [.sharedPartners, .partnersOfPartners, .adamicAdar, .candidatePartners] {
            XCTAssertEqual(nowhere.contributions[f.slot].value, 0, "\(f)")
        }
        // This index has no character data: the challenge features are missing too.
        for f: MatchFeature in [.sizeSimilarity, .candidateSize, .distance, .regionLinks, .nearbyLinks, .partnerSizes, .themes,
                                .sharedChallenges, .furtherAlong, .theirPartnerSizes] {
            XCTAssertNil(nowhere.contributions[f.slot].value, "\(f) must be missing")
            XCTAssertEqual(nowhere.contributions[f.slot].contribution, 0)
        }
        // `missing` lists only features that carry a weight.
        XCTAssertEqual(Set(nowhere.missing.map(\.feature)),
                       Set<MatchFeature>([.sizeSimilarity, .candidateSize, .distance, .regionLinks, .nearbyLinks, .partnerSizes, .themes,
                                          .sharedChallenges, .furtherAlong, .theirPartnerSizes])
                           .filter { WeightProfile.builtIn(.similar).weight($0) > 0 })
        // Missing features leave the denominator: the score is the mean of the
        // rest, and with no purpose feature present, no boost (ScoreShape).
        let present = nowhere.contributions.filter { $0.value != nil }
        let mean = present.reduce(Float(0)) { $0 + $1.weight * $1.value! } / present.reduce(Float(0)) { $0 + $1.weight }
        let weights = WeightProfile.builtIn(.similar).weights
        let purpose = weights.filter { [.challenges, .themes].contains($0.key.group) }.values.reduce(0, +)
        let plausibility = weights.values.reduce(0, +) - purpose
        XCTAssertEqual(nowhere.score, mean / (1 + purpose / plausibility), accuracy: 0.0001)
    }

    func testThemesByMode() {
        let index = Self.index()
        let krakow = index.position(cityId: Self.krakow)!
        let learn = index.featureTable(home: index.position(cityId: Self.dortmund)!, mode: .learn, preference: .none)
        XCTAssertEqual(learn.value(.themes, krakow)!, 1 - exp(-1 / 1.5), accuracy: 0.0001,
                       "one term met: \"Climate Adaptation\" and \"climate adaptation\" are both climate action")
        XCTAssertNil(learn.value(.themes, index.position(cityId: Self.elk)!), "no profile")
        let similar = index.featureTable(home: index.position(cityId: Self.dortmund)!, mode: .similar, preference: .none)
        XCTAssertNil(similar.value(.themes, krakow), "Kraków lists no challenges")
    }

    func testFilters() {
        let index = Self.index()
        let poland = ranking(index, filters: MatchFilters(countries: ["pl"]))
        XCTAssertFalse(poland.order.isEmpty)
        XCTAssertTrue(poland.order.allSatisfy { index.countryCode(Int($0)) == "PL" })
        let near = ranking(index, filters: MatchFilters(maxDistanceKm: 100))
        XCTAssertEqual(near.order.map { index.cityIds[Int($0)] }, [Self.duesseldorf], "Nowhere has no coordinates: left out")
        let big = ranking(index, filters: MatchFilters(minPopulation: 500_000))
        XCTAssertEqual(Set(big.order.map { index.cityIds[Int($0)] }), [Self.duesseldorf, Self.krakow])
    }

    func testWhyNot() {
        let index = Self.index()
        let ranked = ranking(index, excluded: [Self.krakow])
        let twin = ranked.whyNot(position: index.position(cityId: Self.twinB)!)
        guard case .ranked(let rank, let total) = twin.standing else { return XCTFail("\(twin.standing)") }
        XCTAssertEqual(total, ranked.count)
        XCTAssertEqual(rank, ranked.rank(ofPosition: index.position(cityId: Self.twinB)!))
        // No partner in common and no path to it: a network feature holds it back (network reach has the weight now).
        XCTAssertTrue(twin.holdingBack.contains { [.sharedPartners, .networkReach].contains($0.feature) }, "\(twin.holdingBack)")
        XCTAssertEqual(twin.holdingBack.map(\.lost), twin.holdingBack.map(\.lost).sorted(by: >))
        XCTAssertEqual(ranked.whyNot(position: index.position(cityId: Self.amiens)!).standing, .alreadyPartner)
        XCTAssertEqual(ranked.whyNot(position: index.position(cityId: Self.dortmund)!).standing, .isHome)
        XCTAssertEqual(ranked.whyNot(position: index.position(cityId: Self.krakow)!, excluded: [Self.krakow]).standing, .reviewed)
    }

    func testExplanationsInBothLanguages() {
        let index = Self.index()
        let ranked = ranking(index)
        func suggestion(_ id: Int64) -> Suggestion { ranked.suggestion(rank: ranked.rank(ofPosition: index.position(cityId: id)!)!) }
        let elk = suggestion(Self.elk)
        XCTAssertEqual(elk.explanation(.sharedPartners).text("en"), "2 of your partners are twinned with it")
        XCTAssertEqual(elk.explanation(.sharedPartners).text("de"), "2 Ihrer Partnerstädte sind mit ihr verschwistert")
        // A factor of 9.5: "different" (similar means within a factor of about 3).
        XCTAssertEqual(elk.explanation(.sizeSimilarity).text("en"), "different size: 588,462 / 61,677")
        XCTAssertEqual(elk.explanation(.sizeSimilarity).text("de_DE.UTF-8"), "unterschiedliche Größe: 588.462 / 61.677")
        XCTAssertEqual(elk.explanation(.candidatePartners).text("en"), "Ełk has 2 partners")
        XCTAssertEqual(elk.explanation(.candidatePartners).text("de"), "Ełk hat 2 Partnerstädte")
        // Country names in the reader's language, from ICU (the data has the English names).
        XCTAssertEqual(elk.explanation(.newCountry).text("en"), "you have no partner in Poland yet")
        XCTAssertEqual(elk.explanation(.newCountry).text("de"), "Sie haben noch keine Partnerstadt in Polen")
        XCTAssertEqual(elk.explanation(.candidateNewCountry).text("en"), "Ełk has no partner in Germany yet")
        XCTAssertEqual(elk.explanation(.candidateNewCountry).text("de"), "Ełk hat noch keine Partnerstadt in Deutschland")
        let krakow = suggestion(Self.krakow)
        XCTAssertEqual(krakow.facts.candidatePartnersInHomeCountry, 1, "Düsseldorf")
        XCTAssertEqual(krakow.explanation(.candidateNewCountry).text("en"), "Kraków already has 1 partner in Germany")
        XCTAssertEqual(krakow.explanation(.candidateNewCountry).text("de"), "Kraków hat schon 1 Partnerstadt in Deutschland")
        XCTAssertLessThan(krakow.contributions[MatchFeature.candidateNewCountry.slot].value!,
                          elk.contributions[MatchFeature.candidateNewCountry.slot].value!)
        // Dortmund's partners Amiens (143,086) and Leeds (455,123): typically √(143,086 · 455,123) ≈ 255,189.
        let typical = try! XCTUnwrap(elk.facts.partnersTypicalPopulation)
        XCTAssertEqual(Double(typical), 255_189, accuracy: 30)
        let grazSuggestion = suggestion(Self.graz)
        XCTAssertEqual(grazSuggestion.explanation(.partnerSizes).text("en"), "as big as your partners (typically \(Explanation.number(typical, german: false)))")
        XCTAssertEqual(grazSuggestion.explanation(.partnerSizes).text("de"), "so groß wie Ihre Partner (typisch \(Explanation.number(typical, german: true)))")
        XCTAssertTrue(elk.explanation(.partnerSizes).text("en").hasPrefix("unlike your partners (typically 255,"), "a factor of 4 is no fit")
        XCTAssertEqual(elk.explanation(.themes).text("en"), "no city profile to compare themes")
        XCTAssertEqual(elk.explanation(.themes).text("de"), "kein Stadtprofil für einen Themenvergleich")
        let duesseldorf = suggestion(Self.duesseldorf)
        XCTAssertEqual(duesseldorf.explanation(.sizeSimilarity).text("en"), "similar size: 588,462 / 620,523")
        XCTAssertEqual(duesseldorf.explanation(.languages).text("en"), "languages in common: de")
        XCTAssertEqual(duesseldorf.explanation(.languages).text("de"), "gemeinsame Sprachen: de")
        let nowhere = suggestion(Self.nowhere)
        XCTAssertEqual(nowhere.explanation(.distance).text("en"), "distance unknown: no coordinates")
        XCTAssertEqual(nowhere.explanation(.distance).text("de"), "Entfernung unbekannt: keine Koordinaten")
        XCTAssertEqual(nowhere.explanation(.candidatePartners).text("en"), "Nowhere has no partner yet")
        XCTAssertEqual(nowhere.explanation(.regionLinks).text("de"), "Region unbekannt: keine Angabe zu Verbindungen der Regionen")
        let graz = suggestion(Self.graz)
        XCTAssertEqual(graz.explanation(.languages).value, 1)
        // Every feature has a sentence in both languages, and they differ.
        for s in [elk, duesseldorf, nowhere, graz] {
            for f in MatchFeature.allCases {
                let en = s.explanation(f).text("en"), de = s.explanation(f).text("de")
                XCTAssertFalse(en.isEmpty); XCTAssertFalse(de.isEmpty)
                XCTAssertNotEqual(en, de, "\(f) for \(s.name)")
            }
        }
        let learnKrakow = ranking(index, mode: .learn)
        let k = learnKrakow.suggestion(rank: learnKrakow.rank(ofPosition: index.position(cityId: Self.krakow)!)!)
        XCTAssertEqual(k.explanation(.themes).text("en"), "Kraków lists climate action as a strength; it is one of your challenges")
        XCTAssertEqual(k.explanation(.themes).text("de"), "Kraków nennt Maßnahmen zum Klimaschutz als Stärke; das ist eine Ihrer Herausforderungen")
        XCTAssertEqual(k.explanation(.seeking).text("en"), "is looking for partners")
    }
}

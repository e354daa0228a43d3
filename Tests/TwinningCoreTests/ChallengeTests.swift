import XCTest
@testable import TwinningCore

final class ChallengeTests: XCTestCase {
    let dortmund = CityCharacter(role: .other, elevationM: 96, warmestC: 18.5, coldestC: 2.6, rainMm: 991, coastKm: 162.6, portKm: 2.8,
                                 portTerminal: false, riverKm: 51.7, reliefM: 196, coalMW: 2982, share65in2020: 0.218,
                                 share65in2050: 0.303, popChange2000to2020: 0.022, popChange2020to2050: -0.064)
    let leeds = CityCharacter(role: .other, elevationM: 50, warmestC: 16.5, coldestC: 4.8, rainMm: 842, coastKm: 51.6, portKm: 32,
                              portTerminal: false, riverKm: 11.9, reliefM: 168, coalMW: 4060, share65in2020: 0.186,
                              share65in2050: 0.247, popChange2000to2020: 0.14, popChange2020to2050: 0.121)

    func testThresholdsAtTheirEdges() {
        XCTAssertEqual(Challenge.coalRegion.applies(to: CityCharacter(coalMW: 500)), true)
        XCTAssertEqual(Challenge.coalRegion.applies(to: CityCharacter(coalMW: 499)), false)
        XCTAssertEqual(Challenge.hotSummers.applies(to: CityCharacter(warmestC: 25)), true)
        XCTAssertEqual(Challenge.hotSummers.applies(to: CityCharacter(warmestC: 24.9)), false)
        XCTAssertEqual(Challenge.coldWinters.applies(to: CityCharacter(coldestC: -5)), true)
        XCTAssertEqual(Challenge.dryClimate.applies(to: CityCharacter(rainMm: 449)), true)
        XCTAssertEqual(Challenge.dryClimate.applies(to: CityCharacter(rainMm: 450)), false)
        XCTAssertEqual(Challenge.riverTown.applies(to: CityCharacter(riverKm: 2)), true)
        XCTAssertEqual(Challenge.lowLyingCoast.applies(to: CityCharacter(elevationM: 10, coastKm: 10)), true)
        XCTAssertEqual(Challenge.lowLyingCoast.applies(to: CityCharacter(elevationM: 11, coastKm: 1)), false)
        XCTAssertEqual(Challenge.ageingCountry.applies(to: CityCharacter(share65in2050: 0.30)), true)
        XCTAssertEqual(Challenge.shrinkingCountry.applies(to: CityCharacter(popChange2020to2050: -0.10)), true)
        XCTAssertEqual(Challenge.seaPort.applies(to: CityCharacter(coastKm: 162, portKm: 2.8, portTerminal: true)), false,
                       "an inland port is no sea port")
    }

    func testMissingFactsAreUnknownNeverNo() {
        XCTAssertNil(Challenge.coalRegion.applies(to: CityCharacter(warmestC: 30)), "no coal data outside Europe")
        XCTAssertNil(Challenge.lowLyingCoast.applies(to: CityCharacter(coastKm: 3)), "on the coast, elevation unknown")
        XCTAssertEqual(Challenge.lowLyingCoast.applies(to: CityCharacter(coastKm: 300)), false, "far from the sea: no, whatever the elevation")
        XCTAssertNil(Challenge.mountainTown.applies(to: CityCharacter(reliefM: 200)), "elevation unknown")
        XCTAssertEqual(Challenge.mountainTown.applies(to: CityCharacter(reliefM: 900)), true)
        let nothing = CityChallenges(.unknown)
        XCTAssertTrue(nothing.present.isEmpty)
        XCTAssertEqual(nothing.unknown.count, Challenge.allCases.count)
        XCTAssertTrue(nothing.line("en").contains("climate unknown"))
        XCTAssertTrue(nothing.line("de").contains("Klima unbekannt"))
    }

    func testCharacterLine() {
        let c = CityChallenges(dortmund)
        XCTAssertEqual(c.present, [.coalRegion, .ageingCountry])
        XCTAssertEqual(c.line("en"), "former coal region (3.0 GW within 30 km) · ageing country (30 % aged 65+ by 2050)")
        XCTAssertEqual(c.line("de"), "ehemalige Kohleregion (3,0 GW im Umkreis von 30 km) · alterndes Land (30 % über 65 bis 2050)")
        XCTAssertTrue(c.terms.contains(.sdg8) && c.terms.contains(.health))
    }

    func testSharedChallengesWeightedBySpecificity() {
        // Coal is rare (specific), ageing common.
        var stats = ChallengeStats.flat
        stats.specificity[Challenge.allCases.firstIndex(of: .coalRegion)!] = 3
        stats.specificity[Challenge.allCases.firstIndex(of: .ageingCountry)!] = 1
        XCTAssertEqual(Features.sharedChallenges(home: dortmund, candidate: leeds, stats: stats)!, 0.75, accuracy: 0.001,
                       "shares coal (3) but not ageing (1): 3 / 4")
        XCTAssertEqual(Features.sharedChallenges(home: dortmund, candidate: dortmund, stats: stats), 1)
        XCTAssertNil(Features.sharedChallenges(home: .unknown, candidate: leeds, stats: stats), "home without challenges: missing")
        XCTAssertNil(Features.sharedChallenges(home: dortmund, candidate: .unknown, stats: stats), "nothing known about the candidate")
        // Coal unknown (outside Europe) counts at its usual rate, not as no.
        stats.rate[Challenge.allCases.firstIndex(of: .coalRegion)!] = 0.1
        let japan = CityCharacter(share65in2050: 0.37)
        XCTAssertEqual(Features.sharedChallenges(home: dortmund, candidate: japan, stats: stats)!, (0.3 + 1) / 4, accuracy: 0.001)
    }

    func testFurtherAlong() {
        let stats = ChallengeStats.flat
        XCTAssertEqual(Features.furtherAlong(home: dortmund, candidate: leeds, stats: stats)!, 0.5, accuracy: 0.001,
                       "more coal (4.1 against 3.0 GW) but not older")
        XCTAssertEqual(Features.furtherAlong(home: leeds, candidate: dortmund, stats: stats), 0, "less coal than Leeds")
        XCTAssertNil(Features.furtherAlong(home: CityCharacter(riverKm: 1), candidate: leeds, stats: stats), "a river has no measure")
    }

    /// A profile adds challenges; it never removes what the data says.
    func testProfileContradictingTheDataAddsToIt() {
        // The table keeps a city's own facts; the ageing figures come from its country.
        func country(_ c: CityCharacter) -> CityCharacter {
            CityCharacter(share65in2020: c.share65in2020, share65in2050: c.share65in2050,
                          popChange2000to2020: c.popChange2000to2020, popChange2020to2050: c.popChange2020to2050)
        }
        let characters = CharacterTable(cities: [1: dortmund, 2: leeds], countries: ["DE": country(dortmund), "GB": country(leeds)])
        let cities = [
            MatchCityRecord(cityId: 1, geonameId: 1, name: "Dortmund", countryCode: "DE", latitude: 51.5, longitude: 7.5, population: 588_462,
                            challenges: ["flooding at the coast"]),
            MatchCityRecord(cityId: 2, geonameId: 2, name: "Leeds", countryCode: "GB", latitude: 53.8, longitude: -1.5, population: 455_123,
                            strengths: ["climate action"]),
        ]
        let index = MatchIndex(cities: cities, partnerships: [], countries: [], characters: characters)
        let learn = Ranker(index: index).rank(home: 0, profile: .builtIn(.learn))
        let s = learn.suggestion(rank: 1)
        XCTAssertEqual(s.name, "Leeds")
        XCTAssertEqual(s.facts.sharedChallenges, [.coalRegion], "the data's coal region stays")
        XCTAssertEqual(s.facts.themeTerms, [.sdg13], "the profile's flooding (climate action) meets Leeds' strength")
        XCTAssertEqual(s.explanation(.themes).text("en"), "Leeds lists climate action as a strength; it is one of your challenges")
        XCTAssertEqual(s.explanation(.themes).text("de"),
                       "Leeds nennt Maßnahmen zum Klimaschutz als Stärke; das ist eine Ihrer Herausforderungen")
        XCTAssertEqual(s.explanation(.sharedChallenges).text("en"),
                       "both are former coal regions (3.0 GW and 4.1 GW of coal plants within 30 km)")
        XCTAssertEqual(s.explanation(.sharedChallenges).text("de"),
                       "beide sind ehemalige Kohleregionen (3,0 GW und 4,1 GW Kohlekraftwerke im Umkreis von 30 km)")
        XCTAssertEqual(s.explanation(.furtherAlong).text("en"), "further along: a bigger coal past to change from (4.1 GW against your 3.0 GW)")
        XCTAssertEqual(s.explanation(.sharedChallenges).text("fr"),
                       "toutes deux sont d’anciens bassins houillers (3,0 GW et 4,1 GW de centrales à charbon à moins de 30 km)")
        XCTAssertEqual(s.explanation(.furtherAlong).text("fr"),
                       "plus avancée : un passé houiller plus lourd à reconvertir (4,1 GW contre 3,0 GW chez vous)")
        XCTAssertEqual(s.explanation(.themes).text("fr"), "Leeds cite mesures relatives à la lutte contre les changements climatiques comme point fort ; c’est l’un de vos défis")
        // Every sentence of the suggestion is said in each language, none left in English.
        for feature in MatchFeature.allCases {
            let en = s.explanation(feature).text("en")
            guard !en.isEmpty else { continue }
            XCTAssertNotEqual(s.explanation(feature).text("fr"), en, "\(feature) in French")
            XCTAssertNotEqual(s.explanation(feature).text("de"), en, "\(feature) in German")
        }
        XCTAssertEqual(MatchFeature.sharedChallenges.group, .challenges)
        XCTAssertEqual(MatchFeature.themes.group, .themes)
        // Without a profile on either side the themes feature is missing, not zero.
        let plain = MatchIndex(cities: cities.map { var c = $0; c.strengths = []; c.challenges = []; return c },
                               partnerships: [], countries: [], characters: characters)
        let t = plain.featureTable(home: 0, mode: .learn, preference: .none)
        XCTAssertNil(t.value(.themes, 1))
        XCTAssertNotNil(t.value(.sharedChallenges, 1))
    }

    func testAbroadByDefaultLeavesOutTheHomeCountry() {
        let cities = [
            MatchCityRecord(cityId: 1, geonameId: 1, name: "Dortmund", countryCode: "DE", latitude: 51.5, longitude: 7.5, population: 588_462),
            MatchCityRecord(cityId: 2, geonameId: 2, name: "Essen", countryCode: "DE", latitude: 51.4, longitude: 7.0, population: 580_000),
            MatchCityRecord(cityId: 3, geonameId: 3, name: "Leeds", countryCode: "GB", latitude: 53.8, longitude: -1.5, population: 455_123),
        ]
        let ranker = Ranker(index: MatchIndex(cities: cities, partnerships: [], countries: []))
        let abroad = ranker.rank(home: 0, profile: .builtIn(.similar), filters: MatchFilters(leaveOutHomeCountry: true))
        XCTAssertEqual(abroad.top(5).map(\.name), ["Leeds"])
        XCTAssertEqual(ranker.rank(home: 0, profile: .builtIn(.similar)).count, 2, "domestic: Essen too")
        let asked = ranker.rank(home: 0, profile: .builtIn(.similar), filters: MatchFilters(countries: ["DE"], leaveOutHomeCountry: true))
        XCTAssertEqual(asked.top(5).map(\.name), ["Essen"], "a country asked for by name is never left out")
    }
}

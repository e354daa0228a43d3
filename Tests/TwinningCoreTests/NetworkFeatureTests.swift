import XCTest
@testable import TwinningCore

/// The features of issue 11's better engine (NetworkFeatures.swift): their
/// functions at the edges, the bulk table against the functions and an
/// independent computation, and their sentences in German and English.
final class NetworkFeatureTests: XCTestCase {
    typealias Fixture = MatchRankingTests

    // MARK: - Functions at their edges

    func testNetworkReachScale() {
        XCTAssertEqual(Features.networkReach(0), 0, "never reached")
        XCTAssertEqual(Features.networkReach(-1), 0, "a negative walk probability cannot happen; it still gives 0")
        XCTAssertEqual(Features.networkReach(0.0001), Float(log10(2.0) / 3), accuracy: 0.0001)
        XCTAssertEqual(Features.networkReach(0.01), Float(log10(101.0) / 3), accuracy: 0.0001)
        XCTAssertEqual(Features.networkReach(0.1), 1, accuracy: 0.001)
        XCTAssertEqual(Features.networkReach(1), 1, "capped")
        XCTAssertLessThan(Features.networkReach(0.001), Features.networkReach(0.002), "more reach, more value")
    }

    func testTheirPartnerSizes() {
        // Geometric mean of 10,000 and 1,000,000 is 100,000: equal to home.
        XCTAssertEqual(Features.theirPartnerSizes(home: 100_000, candidatePartnerPopulations: [10_000, 1_000_000])!, 1, accuracy: 0.0001)
        XCTAssertEqual(Features.theirPartnerSizes(home: 10_000, candidatePartnerPopulations: [100_000])!, 0.6, accuracy: 0.0001)
        XCTAssertNil(Features.theirPartnerSizes(home: 10_000, candidatePartnerPopulations: []), "no partners: missing, not 0")
        XCTAssertNil(Features.theirPartnerSizes(home: 10_000, candidatePartnerPopulations: [0]), "no known population: missing")
        XCTAssertNil(Features.theirPartnerSizes(home: nil, candidatePartnerPopulations: [10_000]))
        XCTAssertEqual(Features.theirPartnerSizes(home: 10, candidatePartnerPopulations: [10_000_000])!, 0, "never below 0")
    }

    func testCountryShareIsCalibrated() {
        // Shares over all countries add up to 1, whatever the counts.
        let region: [Double] = [3, 0, 7, 0], national: [Double] = [20, 50, 30, 0], towns: [Double] = [0.1, 0.2, 0.3, 0.4]
        let total = (0..<4).map {
            Features.countryShare(regionLinks: region[$0], regionTotal: 10, countryLinks: national[$0], countryTotal: 100, townShare: towns[$0])
        }.reduce(0, +)
        XCTAssertEqual(total, 1, accuracy: 1e-9)
        // By hand: national = (20 + 10 · 0.1) / 110; share = (3 + 30 · national) / 40.
        let national0 = (20 + 10 * 0.1) / 110
        XCTAssertEqual(Features.countryShare(regionLinks: 3, regionTotal: 10, countryLinks: 20, countryTotal: 100, townShare: 0.1),
                       (3 + 30 * national0) / 40, accuracy: 1e-12)
        // Nothing known at all: each country in proportion to its towns, never 0.
        XCTAssertEqual(Features.countryShare(regionLinks: 0, regionTotal: 0, countryLinks: 0, countryTotal: 0, townShare: 0.04),
                       0.04, accuracy: 1e-12)
        XCTAssertGreaterThan(Features.countryShare(regionLinks: 0, regionTotal: 500, countryLinks: 0, countryTotal: 5000, townShare: 0.01), 0)
        // A region with many twinnings outweighs its country; one with few follows it.
        let busy = Features.countryShare(regionLinks: 300, regionTotal: 1000, countryLinks: 100, countryTotal: 10_000, townShare: 0.01)
        let quiet = Features.countryShare(regionLinks: 3, regionTotal: 10, countryLinks: 100, countryTotal: 10_000, townShare: 0.01)
        XCTAssertGreaterThan(busy, 0.25)
        XCTAssertLessThan(quiet, 0.1)
    }

    func testCountryAffinityScale() {
        XCTAssertEqual(Features.countryAffinity(share: 0, townShare: 0.1), 0)
        XCTAssertEqual(Features.countryAffinity(share: .nan, townShare: 0.1), 0)
        XCTAssertEqual(Features.countryAffinity(share: 0.1, townShare: 0), 0, "a country without towns: 0, never a division by 0")
        XCTAssertEqual(Features.countryAffinity(share: 0.1, townShare: 0.1), 0.5, accuracy: 0.0001, "twinnings in proportion to its towns")
        XCTAssertEqual(Features.countryAffinity(share: 0.1, townShare: 0.01), 0.7, accuracy: 0.0001, "ten times its share of towns")
        XCTAssertEqual(Features.countryAffinity(share: 0.01, townShare: 0.1), 0.3, accuracy: 0.0001)
        XCTAssertEqual(Features.countryAffinity(share: 1, townShare: 0.001), 1, "capped at 1")
        XCTAssertEqual(Features.countryAffinity(share: 0.0001, townShare: 0.1), 0, "below 1/300 of its share: 0")
        // Per town: the same share over more towns says less for each.
        XCTAssertGreaterThan(Features.countryAffinity(share: 0.1, townShare: 0.004), Features.countryAffinity(share: 0.1, townShare: 0.15))
    }

    func testGroupsOfTheNewFeatures() {
        XCTAssertEqual(MatchFeature.networkReach.group, .network)
        XCTAssertEqual(MatchFeature.theirPartnerSizes.group, .size)
        XCTAssertEqual(MatchFeature.countryAffinity.group, .country)
        for f in [MatchFeature.networkReach, .theirPartnerSizes, .countryAffinity] {
            XCTAssertNotEqual(f.label("de"), f.label("en"), "\(f) has a German label")
        }
    }

    func testBothBuiltInProfilesCarryTheFittedWeights() {
        for f in [MatchFeature.networkReach, .theirPartnerSizes, .countryAffinity] {
            XCTAssertGreaterThan(WeightProfile.builtIn(.similar).weight(f), 0, "\(f)")
            XCTAssertEqual(WeightProfile.builtIn(.similar).weight(f), WeightProfile.builtIn(.learn).weight(f), "\(f)")
        }
        let profile = WeightProfile.builtIn(.learn)
        XCTAssertEqual(try WeightProfile.parse(profile.serialized(), name: "learn"), profile, "the new keys round-trip in a profile file")
    }

    // MARK: - Personalised PageRank against an independent computation

    /// A chain A – B – C – D – E (all in one country) and a lone F.
    static func chain() -> MatchIndex {
        let names = ["A", "B", "C", "D", "E", "F"]
        let records = names.enumerated().map { i, name in
            MatchCityRecord(cityId: Int64(i + 1), geonameId: Int64(i + 1), name: name, countryCode: "DE",
                            latitude: 50 + Double(i), longitude: 8, population: 10_000 * (i + 1))
        }
        return MatchIndex(cities: records, partnerships: [(1, 2), (2, 3), (3, 4), (4, 5)],
                          countries: [MatchCountry(code: "DE", name: "Germany", languages: ["de"])])
    }

    func testPageRankAgreesWithADenseComputation() {
        let index = Self.chain()
        let home = index.position(cityId: 1)!
        let fast = index.personalisedPageRank(home: home)
        // x ← r·e + (1 − r)·Pᵀx with P[i][j] = 1/deg(i) for partners, written out densely.
        let n = index.count, r = Double(MatchIndex.pageRankRestart)
        var x = [Double](repeating: 0, count: n); x[home] = 1
        for _ in 0..<MatchIndex.pageRankSteps {
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n where index.degree(i) > 0 {
                for j in index.partners(of: i) { y[Int(j)] += (1 - r) * x[i] / Double(index.degree(i)) }
            }
            y[home] += r
            x = y
        }
        for i in 0..<n { XCTAssertEqual(Double(fast[i]), x[i], accuracy: 1e-5, "city \(index.names[i])") }
        XCTAssertEqual(fast[index.position(cityId: 6)!], 0, "the lone town is never reached")
        XCTAssertGreaterThan(fast[index.position(cityId: 3)!], fast[index.position(cityId: 5)!], "nearer in the network, more reach")
        XCTAssertLessThanOrEqual(fast.reduce(0, +), 1.0001, "a probability")
    }

    func testAHomeWithoutPartnersReachesNobody() {
        let index = Self.chain()
        XCTAssertEqual(index.personalisedPageRank(home: index.position(cityId: 6)!).reduce(0, +), 0)
    }

    func testStepsAndSentencesOnTheChain() {
        let index = Self.chain()
        let home = index.position(cityId: 1)!
        let ranking = Ranker(index: index).rank(home: home, profile: .builtIn(.similar))
        let e = ranking.suggestion(rank: ranking.rank(ofPosition: index.position(cityId: 5)!)!)
        XCTAssertEqual(e.facts.networkSteps, 4)
        XCTAssertEqual(e.explanation(.networkReach).text("en"), "reachable through your partners' network: 4 steps")
        XCTAssertEqual(e.explanation(.networkReach).text("de"), "über das Netz Ihrer Partner erreichbar: 4 Schritte")
        let c = ranking.suggestion(rank: ranking.rank(ofPosition: index.position(cityId: 3)!)!)
        XCTAssertEqual(c.explanation(.networkReach).text("en"), "reachable through your partners' network: 1 short path")
        XCTAssertEqual(c.explanation(.networkReach).text("de"), "über das Netz Ihrer Partner erreichbar: 1 kurzer Weg")
        let f = ranking.suggestion(rank: ranking.rank(ofPosition: index.position(cityId: 6)!)!)
        XCTAssertNil(f.facts.networkSteps)
        XCTAssertEqual(f.contributions[MatchFeature.networkReach.slot].value, 0)
        XCTAssertEqual(f.explanation(.networkReach).text("en"), "not reachable through your partners' network")
        XCTAssertEqual(f.explanation(.networkReach).text("de"), "über das Netz Ihrer Partner nicht erreichbar")
    }

    // MARK: - The table agrees with the functions and the facts

    func testFeatureTableAndFactsOnTheRealCities() {
        let index = Fixture.index()
        let home = index.position(cityId: Fixture.dortmund)!
        let ranking = Ranker(index: index).rank(home: home, profile: .builtIn(.similar))
        let elkPosition = index.position(cityId: Fixture.elk)!
        let elk = ranking.suggestion(rank: ranking.rank(ofPosition: elkPosition)!)
        let reach = index.personalisedPageRank(home: home)
        XCTAssertEqual(elk.contributions[MatchFeature.networkReach.slot].value, Features.networkReach(reach[elkPosition]))
        XCTAssertGreaterThan(reach[elkPosition], 0)
        XCTAssertEqual(elk.explanation(.networkReach).text("en"), "reachable through your partners' network: 2 short paths")
        XCTAssertEqual(elk.explanation(.networkReach).text("de"), "über das Netz Ihrer Partner erreichbar: 2 kurze Wege")

        // Ełk's partners: Amiens (143,086) and Leeds (455,123); Dortmund has 588,462.
        let expected = Features.theirPartnerSizes(home: 588_462, candidatePartnerPopulations: [143_086, 455_123])!
        XCTAssertEqual(elk.contributions[MatchFeature.theirPartnerSizes.slot].value!, expected, accuracy: 0.0001)
        let typical = Int((pow(10, (log10(143_086.0) + log10(455_123.0)) / 2)).rounded())
        XCTAssertEqual(Double(elk.facts.candidatePartnersTypicalPopulation!), Double(typical), accuracy: 1)
        XCTAssertEqual(elk.explanation(.theirPartnerSizes).text("en"),
                       "its partners: your size (typically \(Explanation.number(elk.facts.candidatePartnersTypicalPopulation!, german: false)))")
        XCTAssertEqual(elk.explanation(.theirPartnerSizes).text("de"),
                       "ihre Partner: Ihre Größe (typisch \(Explanation.number(elk.facts.candidatePartnersTypicalPopulation!, german: true)))")

        // Graz has no partner: its partners' size is missing (not 0), and said so.
        let graz = ranking.suggestion(rank: ranking.rank(ofPosition: index.position(cityId: Fixture.graz)!)!)
        XCTAssertNil(graz.contributions[MatchFeature.theirPartnerSizes.slot].value)
        XCTAssertTrue(graz.missing.map(\.feature).contains(.theirPartnerSizes))
        XCTAssertEqual(graz.explanation(.theirPartnerSizes).text("en"), "no partners of Graz with a population to compare")
        XCTAssertEqual(graz.explanation(.theirPartnerSizes).text("de"), "keine Partner von Graz mit Einwohnerzahl zum Vergleich")

        // North Rhine-Westphalia has 3 twinnings (Amiens, Leeds, Kraków): fewer than the
        // region's prior, so the sentence quotes Germany's (the same 3 here); Poland has 5 towns.
        XCTAssertEqual(elk.facts.affinitySource, "Germany")
        XCTAssertEqual(elk.facts.affinityLinks, 1)
        XCTAssertEqual(elk.facts.affinityTotal, 3)
        XCTAssertEqual(elk.explanation(.countryAffinity).text("en"), "33 % of twinnings from Germany go to Poland")
        XCTAssertEqual(elk.explanation(.countryAffinity).text("de"), "33 % der Partnerschaften aus Deutschland gehen nach Polen")
        let poland = 5.0 / Double(index.count)
        let share = Features.countryShare(regionLinks: 1, regionTotal: 3, countryLinks: 1, countryTotal: 3, townShare: poland)
        XCTAssertEqual(elk.contributions[MatchFeature.countryAffinity.slot].value!, Features.countryAffinity(share: share, townShare: poland),
                       accuracy: 0.0001)
        // Every town of one country gets the same affinity; Austria (no twinning yet) gets less than Poland.
        let twinA = ranking.suggestion(rank: ranking.rank(ofPosition: index.position(cityId: Fixture.twinA)!)!)
        XCTAssertEqual(twinA.contributions[MatchFeature.countryAffinity.slot].value, elk.contributions[MatchFeature.countryAffinity.slot].value)
        XCTAssertLessThan(graz.contributions[MatchFeature.countryAffinity.slot].value!, elk.contributions[MatchFeature.countryAffinity.slot].value!)
        XCTAssertEqual(graz.explanation(.countryAffinity).text("en"), "0 % of twinnings from Germany go to Austria")
    }

    func testAHomeWithoutAnyTwinningNearbySaysSo() {
        let index = Self.chain()
        // Country totals of the chain: 8 ends of 4 domestic twinnings, so the sentence has a figure.
        let ranking = Ranker(index: index).rank(home: index.position(cityId: 6)!, profile: .builtIn(.similar))
        let a = ranking.suggestion(rank: 1)
        XCTAssertEqual(a.facts.affinityTotal, 8)
        XCTAssertEqual(a.explanation(.countryAffinity).text("en"), "100 % of twinnings from Germany go to Germany")
        let empty = MatchIndex(cities: [MatchCityRecord(cityId: 1, geonameId: 1, name: "Solo", countryCode: "DE"),
                                        MatchCityRecord(cityId: 2, geonameId: 2, name: "Duo", countryCode: "FR")],
                               partnerships: [], countries: MatchRankingTests.countries)
        let lone = Ranker(index: empty).rank(home: 0, profile: .builtIn(.similar)).suggestion(rank: 1)
        XCTAssertEqual(lone.explanation(.countryAffinity).text("en"), "no twinnings from Germany yet to compare")
        XCTAssertEqual(lone.explanation(.countryAffinity).text("de"), "noch keine Partnerschaften aus Deutschland zum Vergleich")
        XCTAssertEqual(lone.explanation(.networkReach).text("en"), "not reachable through your partners' network")
    }
}

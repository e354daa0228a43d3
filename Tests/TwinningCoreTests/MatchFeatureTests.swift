import XCTest
@testable import TwinningCore

/// Each feature function at its edges, with real figures.
final class MatchFeatureTests: XCTestCase {
    func testSizeSimilarity() {
        XCTAssertEqual(Features.sizeSimilarity(588_462, 588_462), 1)
        // Dortmund vs Amiens: |log10 ratio| = 0.614 → 1 − 0.614 / 2.5 ≈ 0.754
        XCTAssertEqual(Features.sizeSimilarity(588_462, 143_086)!, 0.754, accuracy: 0.002)
        XCTAssertEqual(Features.sizeSimilarity(143_086, 588_462), Features.sizeSimilarity(588_462, 143_086), "symmetric")
        XCTAssertEqual(Features.sizeSimilarity(10_000, 1_000)!, 0.6, accuracy: 0.0001)  // a factor of ten
        XCTAssertEqual(Features.sizeSimilarity(10_000_000, 10_000), 0, "a factor of 1,000 is beyond the line: 0, never negative")
        XCTAssertNil(Features.sizeSimilarity(nil, 143_086))
        XCTAssertNil(Features.sizeSimilarity(588_462, 0), "a population of 0 is missing data, not a tiny town")
    }

    func testPartnerSizes() {
        // Partners of 10,000 and 1,000,000: typical size 100,000 (geometric mean).
        XCTAssertEqual(Features.partnerSizes(partnerPopulations: [10_000, 1_000_000], candidate: 100_000)!, 1, accuracy: 0.0001)
        XCTAssertEqual(Features.partnerSizes(partnerPopulations: [100_000], candidate: 10_000)!, 0.6, accuracy: 0.0001)
        XCTAssertNil(Features.partnerSizes(partnerPopulations: [], candidate: 10_000), "a city with no partners: missing")
        XCTAssertNil(Features.partnerSizes(partnerPopulations: [0], candidate: 10_000), "no known population: missing")
        XCTAssertNil(Features.partnerSizes(partnerPopulations: [10_000], candidate: nil))
    }

    func testCandidateNewCountryAndLogScales() {
        XCTAssertEqual(Features.candidateNewCountry(partnersInHomeCountry: 0), 1)
        XCTAssertEqual(Features.candidateNewCountry(partnersInHomeCountry: 1), 1 - Float(log(2.0) / log(21.0)), accuracy: 0.0001)
        XCTAssertEqual(Features.candidateNewCountry(partnersInHomeCountry: 20), 0, accuracy: 0.0001)
        XCTAssertEqual(Features.candidateNewCountry(partnersInHomeCountry: 57), 0, "never below 0")
        XCTAssertEqual(Features.partnersOfPartners(0), 0)
        XCTAssertEqual(Features.partnersOfPartners(300), 1, accuracy: 0.0001)
        XCTAssertLessThan(Features.partnersOfPartners(5), Features.partnersOfPartners(50), "5 and 50 paths still differ")
        XCTAssertEqual(Features.regionLinks(1_000), 1, "capped")
        XCTAssertNil(Features.regionLinks(nil))
    }

    func testCandidateSize() {
        XCTAssertEqual(Features.candidateSize(1_000), 0)
        XCTAssertEqual(Features.candidateSize(10_000_000), 1)
        XCTAssertEqual(Features.candidateSize(40_000_000), 1, "clamped")
        XCTAssertEqual(Features.candidateSize(100_000)!, 0.5, accuracy: 0.0001)
        XCTAssertNil(Features.candidateSize(nil))
    }

    func testDistanceAtItsEdges() {
        // Dortmund → Amiens, real coordinates: about 360 km.
        let km = Features.distanceKm(51.51494, 7.466, 49.9, 2.3)
        XCTAssertEqual(km, 403, accuracy: 5)
        XCTAssertEqual(Features.distanceKm(51.5, 7.4, 51.5, 7.4), 0)
        // Antipodes: half the circumference, 20,015 km.
        let antipodes = Features.distanceKm(51.5, 7.4, -51.5, -172.6)
        XCTAssertEqual(antipodes, 20_015, accuracy: 1)
        XCTAssertEqual(Features.distance(km: 0, preference: .bus), 1)
        XCTAssertEqual(Features.distance(km: 800, preference: .bus)!, 0.5, accuracy: 0.0001)
        XCTAssertLessThan(Features.distance(km: antipodes, preference: .bus)!, 0.002)
        XCTAssertEqual(Features.distance(km: 0, preference: .far), 0)
        XCTAssertGreaterThan(Features.distance(km: antipodes, preference: .far)!, 0.99)
        XCTAssertEqual(Features.distance(km: 0, preference: .none), 1)
        XCTAssertEqual(Features.distance(km: 20_000, preference: .none)!, 0, accuracy: 0.0001)
        XCTAssertEqual(Features.distance(km: antipodes, preference: .none), 0, "never below 0")
        XCTAssertNil(Features.distance(km: nil, preference: .bus), "no coordinates: missing")
    }

    func testNetworkFeaturesWithNoPartners() {
        XCTAssertEqual(Features.sharedPartners(0), 0)
        XCTAssertEqual(Features.partnersOfPartners(0), 0)
        XCTAssertEqual(Features.adamicAdar(0), 0)
        XCTAssertEqual(Features.candidatePartners(0), 0)
        XCTAssertEqual(Features.countryLinks(0), 0)
        XCTAssertEqual(Features.nearbyLinks(0), 0)
        XCTAssertEqual(Features.regionLinks(0), 0)
        XCTAssertNil(Features.regionLinks(nil), "unknown region: missing")
        XCTAssertEqual(Features.sharedPartners(2), 1 - exp(-1), accuracy: 0.0001)
        XCTAssertEqual(Features.candidatePartners(1), 0.3, accuracy: 0.0001)
        XCTAssertEqual(Features.candidatePartners(50), 1, accuracy: 0.0001)
        XCTAssertEqual(Features.candidatePartners(57), 1, "clamped")
        XCTAssertEqual(Features.countryLinks(500), 1, accuracy: 0.0001)
        for n in [1, 3, 10, 1000] {
            XCTAssertLessThanOrEqual(Features.sharedPartners(n), 1)
            XCTAssertGreaterThan(Features.sharedPartners(n), 0)
        }
    }

    func testThemes() {
        // Terms of the vocabulary, not raw words: "climate adaptation" and "Klima" meet.
        let home = ThemeVocabulary.terms(["climate adaptation", "youth unemployment", "digital participation"])
        XCTAssertEqual(home, [.sdg13, .sdg8, .sdg16], "participation says more than digital")
        XCTAssertEqual(Features.themes(homeTerms: home, candidateTerms: ThemeVocabulary.terms(["Klima", "urban gardens"]))!,
                       1 - exp(-1 / 1.5), accuracy: 0.0001, "one term met")
        XCTAssertEqual(Features.themes(homeTerms: home, candidateTerms: [.sdg13, .sdg8])!, 1 - exp(-2 / 1.5), accuracy: 0.0001)
        XCTAssertEqual(Features.themes(homeTerms: home, candidateTerms: [.sdg11]), 0)
        XCTAssertNil(Features.themes(homeTerms: home, candidateTerms: nil), "no profile: missing, not zero")
        XCTAssertNil(Features.themes(homeTerms: [], candidateTerms: [.sdg13]))
    }

    func testLanguages() {
        XCTAssertEqual(Features.languageCodes("de-AT,hr,hu,sl"), ["de", "hr", "hu", "sl"])
        XCTAssertEqual(Features.languageCodes("fr-BE,nl-BE,de-BE,fr"), ["fr", "nl", "de"])
        XCTAssertEqual(Features.languages(["de"], ["de", "hr"]), 1)
        XCTAssertEqual(Features.languages(["fr", "nl", "de"], ["de"]), 0.5)
        XCTAssertEqual(Features.languages(["de"], ["fr"]), 0)
        XCTAssertNil(Features.languages([], ["fr"]))
    }

    func testFlags() {
        XCTAssertEqual(Features.newCountry(homeHasPartnerThere: false), 1)
        XCTAssertEqual(Features.newCountry(homeHasPartnerThere: true), 0)
        XCTAssertEqual(Features.seeking(true), 1)
        XCTAssertEqual(Features.seeking(false), 0)
    }
}

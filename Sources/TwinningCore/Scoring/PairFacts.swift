import Foundation

/// The plain facts behind one (home, candidate) pair — the numbers the
/// explanation sentences quote. Computed for one pair on demand (for the
/// suggestions shown), never in the bulk loop.
public struct PairFacts: Sendable, Equatable, Codable {
    public var homeName: String
    public var candidateName: String
    public var homePopulation: Int?
    public var candidatePopulation: Int?
    public var distanceKm: Double?
    public var sharedPartners: Int
    public var partnersOfPartners: Int
    public var adamicAdar: Double
    public var homeRegion: String?
    public var candidateRegion: String?
    /// Twinnings between the two admin1 regions; nil when a region is unknown.
    public var regionLinks: Int?
    /// Twinnings between towns within 60 km of home and towns within 150 km of the candidate; nil without coordinates.
    public var nearbyLinks: Int?
    public var homeCountry: String
    public var candidateCountry: String
    public var countryLinks: Int
    /// ISO codes of the two countries, so sentences name them in the reader's
    /// language through ICU ("Deutschland", "Allemagne"); nil in old copies.
    public var homeCountryCode: String? = nil
    public var candidateCountryCode: String? = nil
    public var candidatePartners: Int
    /// The typical (geometric mean) population of the home city's partners; nil when none is known.
    public var partnersTypicalPopulation: Int?
    /// The candidate's partners in the home city's country.
    public var candidatePartnersInHomeCountry: Int
    /// Home challenges met by the candidate (shared challenges or its strengths, by mode), as the home city wrote them.
    public var sharedThemes: [String]
    public var commonLanguages: [String]
    public var homeHasPartnerInCountry: Bool
    public var seeking: Bool
    /// The facts behind the challenges; nil without character data.
    public var homeCharacter: CityCharacter? = nil
    public var candidateCharacter: CityCharacter? = nil
    /// Home challenges the candidate shares, most specific first.
    public var sharedChallenges: [Challenge] = []
    /// Shared challenges where the candidate is further along, most specific first.
    public var furtherAlong: [Challenge] = []
    /// Home terms (challenges; in similar mode also themes) met by the candidate's
    /// profile (its themes and challenges, or in learn mode its strengths).
    public var themeTerms: [ThemeTerm] = []
    /// Learn mode: the candidate's completed projects on terms met (newest first).
    public var projectEvidence: [ProjectEvidence] = []
    /// Steps from home to the candidate over the partner network (up to 8); nil when farther or not connected.
    public var networkSteps: Int? = nil
    /// The typical (geometric mean) population of the candidate's partners; nil when none is known.
    public var candidatePartnersTypicalPopulation: Int? = nil
    /// Where the country affinity's figure comes from: the home region (or,
    /// with too few twinnings there, the home country), its twinnings with
    /// the candidate's country, and all its twinnings.
    public var affinitySource: String = ""
    public var affinityLinks: Int = 0
    public var affinityTotal: Int = 0
}

extension MatchIndex {
    /// The facts for one pair, by walking the adjacency lists of the two cities.
    public func facts(home: Int, candidate: Int, mode: MatchMode) -> PairFacts {
        let homePartners = partners(of: home)
        let candidatePartnerSet = Set(partners(of: candidate))
        var shared = 0, adamic = 0.0, paths = 0
        for p in homePartners where candidatePartnerSet.contains(p) {
            shared += 1
            let d = degree(Int(p))
            if d > 1 { adamic += 1 / log(Double(d)) }
        }
        for p in homePartners {
            for q in partners(of: Int(p)) where Int(q) != home {
                if partners(of: Int(q)).contains(Int32(candidate)) { paths += 1 }
            }
        }
        var regionLinks: Int?
        let hr = region[home], cr = region[candidate]
        if hr >= 0, cr >= 0 {
            var n = 0
            for x in regionMembers[Int(regionOffsets[Int(hr)])..<Int(regionOffsets[Int(hr) + 1])] {
                for y in partners(of: Int(x)) where region[Int(y)] == cr { n += 1 }
            }
            regionLinks = n
        }
        var nearbyLinks: Int?
        if !latitude[home].isNaN, !latitude[candidate].isNaN {
            var n = 0
            forEachNear(home, km: MatchIndex.nearHomeKm) { x, _ in
                guard x != home else { return }
                for y in partners(of: x) {
                    if let d = distanceKm(Int(y), candidate), d <= Double(MatchIndex.nearCandidateKm) { n += 1 }
                }
            }
            nearbyLinks = n
        }
        let hc = Int(country[home]), cc = Int(country[candidate])
        let partnerLog = partnersLogPopulation(home)
        // SafeMath: a population near Int.max rounds to 2^63, which Int() cannot hold.
        let typical = partnerLog.isNaN ? nil : SafeMath.int(pow(10, Double(partnerLog)))
        let inHomeCountry = partners(of: candidate).filter { Int(country[Int($0)]) == hc }.count
        var countryLinks = 0
        for x in countryMembers[Int(countryOffsets[hc])..<Int(countryOffsets[hc + 1])] {
            for y in partners(of: Int(x)) where Int(country[Int(y)]) == cc { countryLinks += 1 }
        }
        let met = ChallengeIndex.terms(homeTerms(home, mode: mode) & (candidateTerms(candidate, mode: mode) ?? 0))
        let homeProfile = profile(home)
        let homeWords = homeProfile.challenges + (mode == .similar ? homeProfile.themes : [])
        let sharedThemes = homeWords.filter { ThemeVocabulary.parse($0).term.map(met.contains) == true }
        let ci = challengeIndex
        let specificity = ci.specificity
        let byKind = Challenge.allCases.enumerated().sorted { specificity[$0.offset] > specificity[$1.offset] }
        let sharedKinds = byKind.filter { j, _ in ci.present[home] & ci.present[candidate] & (1 << UInt16(j)) != 0 }
        let ahead = sharedKinds.filter { j, c in
            let h = ci.intensity(j, home), x = ci.intensity(j, candidate)
            return !h.isNaN && !x.isNaN && x >= h + Float(c.furtherMargin)
        }
        let candidateLanguages = Set(countries[cc].languages)
        var facts = PairFacts(
            homeName: names[home], candidateName: names[candidate],
            homePopulation: population[home], candidatePopulation: population[candidate],
            distanceKm: distanceKm(home, candidate), sharedPartners: shared, partnersOfPartners: paths, adamicAdar: adamic,
            homeRegion: regionName(home), candidateRegion: regionName(candidate), regionLinks: regionLinks, nearbyLinks: nearbyLinks,
            homeCountry: countries[hc].name, candidateCountry: countries[cc].name, countryLinks: countryLinks,
            candidatePartners: degree(candidate), partnersTypicalPopulation: typical,
            candidatePartnersInHomeCountry: inHomeCountry, sharedThemes: sharedThemes,
            commonLanguages: countries[hc].languages.filter(candidateLanguages.contains),
            homeHasPartnerInCountry: homePartners.contains { Int(country[Int($0)]) == cc },
            seeking: seeking[candidate],
            homeCharacter: character(home), candidateCharacter: character(candidate),
            sharedChallenges: sharedKinds.map(\.element), furtherAlong: ahead.map(\.element), themeTerms: met)
        if mode == .learn, !met.isEmpty {
            facts.projectEvidence = profile(candidate).projectEvidence.filter { !Set($0.terms).isDisjoint(with: met) }
        }
        facts.homeCountryCode = countries[hc].code
        facts.candidateCountryCode = countries[cc].code
        addNetworkFacts(&facts, home: home, candidate: candidate)
        return facts
    }
}

import Foundation

// The features added for issue 11 ("a better engine underneath"): how far the
// partner network reaches, the size of the candidate's partners, and a
// calibrated "which country" estimate for the unfiltered list. The study that
// chose them is Scripts/match-study/signals.py (README, "How good are the
// suggestions?"); the signals it tried and dropped are listed there.

extension Features {
    /// Network reach: personalised PageRank from the home city over the
    /// partner network (a random walk that returns home with probability
    /// 0.15 at each step), on a log scale: 0 when the walk never arrives,
    /// 0.33 at 0.0001, 0.67 at 0.01, 1 at 0.1 or more. It sees paths of every
    /// length (shared partners and partners of partners see only 2 and 3
    /// steps), each weighted by how few branches it passes.
    public static func networkReach(_ pageRank: Float) -> Float {
        pageRank > 0 ? min(1, max(0, log10(1 + pageRank * 10_000) / 3)) : 0
    }

    /// Similar size, seen from the candidate's side: the straight line of
    /// `sizeSimilarity` between the home city and the typical (geometric
    /// mean) size of the candidate's partners. A town whose partners are all
    /// the home city's size has chosen such towns before. Missing when the
    /// candidate has no partner with a known population or the home city's
    /// population is unknown.
    public static func theirPartnerSizes(home: Int?, candidatePartnerPopulations: [Int]) -> Float? {
        let logs = candidatePartnerPopulations.filter { $0 > 0 }.map { log10(Double($0)) }
        guard !logs.isEmpty, let home, home > 0 else { return nil }
        return sizeSimilarity(logPopulation: Float(log10(Double(home))), Float(logs.reduce(0, +) / Double(logs.count)))
    }

    /// Country affinity: the estimated share of the home region's twinnings
    /// that go to the candidate's country (`countryShare`), against that
    /// country's share of the towns (its lift: 1 when it gets twinnings in
    /// proportion to its towns), on a log scale: 0.5 at a lift of 1, 0.7 at
    /// 10, 0.9 at 100, 0.3 at a tenth, 0 below 1/300. Per town, because the
    /// other features rank towns *within* a country: a share spread over
    /// 10,000 American towns says less for each than the same share over 300
    /// Slovak ones. Per town fits the training questions of `tune
    /// --all-countries` better (mean negative log-likelihood 3.134 against
    /// 3.208 for the share alone); on the first 1,500 all-countries questions
    /// of the benchmark, the share, the share per √towns and the share per
    /// town gave MRR 0.049, 0.051 and 0.051 (README).
    public static func countryAffinity(share: Double, townShare: Double) -> Float {
        guard share > 0, share.isFinite, townShare > 0, townShare.isFinite else { return 0 }
        return Float(min(1, max(0, 0.5 + log10(share / townShare) / 5)))
    }

    /// Smoothing strengths of `countryShare`, chosen on the training pairs
    /// by the likelihood of the partner's country (Scripts/match-study/country_share.py):
    /// the region's counts weigh as much as 30 twinnings of the country's
    /// mix, the country's as much as 10 spread over the countries by their
    /// number of towns.
    static let regionPrior: Double = 30, countryPrior: Double = 10

    /// The share of twinnings from the home region to country `c`: the
    /// region's own counts smoothed towards the home country's, which are
    /// smoothed towards `townShare` (c's share of all towns), so a country
    /// with no twinning yet still gets a little, in proportion to its size.
    /// The home city's own partners are left out: its next partner is *less*
    /// likely to be in a country it already has one in (the new-country
    /// feature says that).
    public static func countryShare(regionLinks: Double, regionTotal: Double, countryLinks: Double, countryTotal: Double,
                                    townShare: Double) -> Double {
        let national = (countryLinks + countryPrior * townShare) / (countryTotal + countryPrior)
        return (regionLinks + regionPrior * national) / (regionTotal + regionPrior)
    }
}

extension MatchIndex {
    /// Restart probability and number of steps of the network-reach walk.
    /// Twelve steps leave less than 0.85^12 ≈ 14 % of the walk unsettled;
    /// more steps change no ranking the study could see.
    static let pageRankRestart: Float = 0.15, pageRankSteps = 12

    /// Personalised PageRank from `home`: x ← restart·e_home + (1 − restart)·Pᵀx,
    /// P the random walk over the partner network, `pageRankSteps` times from
    /// x = e_home. Only cities with a partner take part (the others stay 0),
    /// about a sixth of the gazetteer, so this costs well under a millisecond.
    func personalisedPageRank(home: Int) -> [Float] {
        let n = count
        var x = [Float](repeating: 0, count: n), y = x, share = x
        guard degree(home) > 0 else { return x }
        var active: [Int32] = []
        for i in 0..<n where offsets[i + 1] > offsets[i] { active.append(Int32(i)) }
        let restart = MatchIndex.pageRankRestart
        x[home] = 1
        offsets.withUnsafeBufferPointer { off in
            neighbours.withUnsafeBufferPointer { nb in
                for _ in 0..<MatchIndex.pageRankSteps {
                    for i in active { let i = Int(i); share[i] = x[i] / Float(off[i + 1] - off[i]) }
                    for j in active {
                        let j = Int(j)
                        var s: Float = 0
                        for k in Int(off[j])..<Int(off[j + 1]) { s += share[Int(nb[k])] }
                        y[j] = (1 - restart) * s
                    }
                    y[home] += restart
                    swap(&x, &y)
                }
            }
        }
        return x
    }

    /// The mean log10 population of every city's partners (NaN without one), for "their partners' size".
    func partnersLogPopulationOfAll() -> [Float] {
        (0..<count).map { partnersLogPopulation($0) }
    }

    /// Twinnings from the home city's region and country to each country,
    /// and the totals: the counts behind `countryShare`.
    struct CountryCounts {
        var region: [Float]
        var regionTotal: Float
        var country: [Float]
        var countryTotal: Float
    }

    func countryCounts(home: Int) -> CountryCounts {
        var region = [Float](repeating: 0, count: countries.count), national = region
        let hr = Int(self.region[home]), hc = Int(country[home])
        if hr >= 0 {
            for x in regionMembers[Int(regionOffsets[hr])..<Int(regionOffsets[hr + 1])] {
                for y in partners(of: Int(x)) { region[Int(country[Int(y)])] += 1 }
            }
        }
        for x in countryMembers[Int(countryOffsets[hc])..<Int(countryOffsets[hc + 1])] {
            for y in partners(of: Int(x)) { national[Int(country[Int(y)])] += 1 }
        }
        return CountryCounts(region: region, regionTotal: region.reduce(0, +), country: national, countryTotal: national.reduce(0, +))
    }

    /// `Features.countryAffinity` of every country for `home`.
    func countryAffinityValues(_ counts: CountryCounts) -> [Float] {
        (0..<countries.count).map { c in
            let townShare = Double(countryOffsets[c + 1] - countryOffsets[c]) / Double(max(1, count))
            return Features.countryAffinity(share: Features.countryShare(
                regionLinks: Double(counts.region[c]), regionTotal: Double(counts.regionTotal),
                countryLinks: Double(counts.country[c]), countryTotal: Double(counts.countryTotal), townShare: townShare),
                townShare: townShare)
        }
    }

    /// Steps from `home` to `candidate` over the partner network (breadth
    /// first, at most `limit`); nil when it is farther or not connected.
    func networkSteps(home: Int, candidate: Int, limit: Int = 8) -> Int? {
        guard home != candidate else { return 0 }
        var seen: Set<Int32> = [Int32(home)]
        var frontier: [Int32] = [Int32(home)]
        for step in 1...limit {
            var next: [Int32] = []
            for x in frontier {
                for y in partners(of: Int(x)) where seen.insert(y).inserted {
                    if Int(y) == candidate { return step }
                    next.append(y)
                }
            }
            if next.isEmpty { return nil }
            frontier = next
        }
        return nil
    }
}

extension MatchIndex {
    /// Fills the columns of the features above in a feature table's values
    /// (feature-major, `count` per column), for `home`.
    func fillAddedFeatures(_ values: inout [Float], home: Int) {
        let n = count
        let reach = personalisedPageRank(home: home)
        let theirs = partnersLogPopulationOfAll()
        let affinity = countryAffinityValues(countryCounts(home: home))
        let hPop = logPopulation[home]
        let country = self.country
        let sReach = MatchFeature.networkReach.slot * n, sTheirs = MatchFeature.theirPartnerSizes.slot * n
        let sAffinity = MatchFeature.countryAffinity.slot * n
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<n {
                v[sReach + i] = reach[i] > 0 ? Features.networkReach(reach[i]) : 0
                if !hPop.isNaN, !theirs[i].isNaN { v[sTheirs + i] = Features.sizeSimilarity(logPopulation: hPop, theirs[i]) }
                v[sAffinity + i] = affinity[Int(country[i])]
            }
        }
    }
}

extension MatchIndex {
    /// The facts the sentences of the features above quote, for one pair.
    func addNetworkFacts(_ facts: inout PairFacts, home: Int, candidate: Int) {
        facts.networkSteps = networkSteps(home: home, candidate: candidate)
        let theirs = partnersLogPopulation(candidate)
        facts.candidatePartnersTypicalPopulation = theirs.isNaN ? nil : SafeMath.int(pow(10, Double(theirs)))
        let counts = countryCounts(home: home)
        let cc = Int(country[candidate])
        // The region's figure when it weighs at least as much as its prior, else the country's.
        if region[home] >= 0, Double(counts.regionTotal) >= Features.regionPrior {
            facts.affinitySource = regionName(home) ?? countries[Int(country[home])].name
            facts.affinityLinks = Int(counts.region[cc]); facts.affinityTotal = Int(counts.regionTotal)
        } else {
            facts.affinitySource = countries[Int(country[home])].name
            facts.affinityLinks = Int(counts.country[cc]); facts.affinityTotal = Int(counts.countryTotal)
        }
    }
}

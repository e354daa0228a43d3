import Foundation
import TwinningCore

/// Ranks the true partner of every held-out query with the engine (the same
/// `Ranker.rank` the program uses) and with three baselines over the same
/// candidates, and prints the table.
func runEvaluation(index: MatchIndex, split: Split, profile: WeightProfile, limit: Int?, seed: UInt64, allCountries: Bool = false) {
    var all = queries(for: split, index: index)
    if let limit, limit < all.count { all = Array(all.prefix(limit)) }
    var engine = Metrics(), random = Metrics(), population = Metrics(), distance = Metrics(), simple = Metrics()
    let simpleWeights = simpleScorer.weightVector
    var rng = SeededRandom(seed: seed &+ 0x5EED)
    var candidateCounts: [Int] = []
    let started = Date()
    for q in all {
        let table = index.featureTable(home: q.home, mode: profile.mode, preference: profile.distancePreference)
        // The question: the partner among its country's cities; or, harder, among all cities.
        let filters = allCountries ? MatchFilters() : MatchFilters(countries: [index.countryCode(q.partner)])
        let ranking = Ranker.rank(index: index, table: table, weights: profile.weightVector, filters: filters, excluded: [])
        guard let rank = ranking.rank(ofPosition: q.partner) else { continue }
        let m = ranking.count
        candidateCounts.append(m)
        engine.add(rank: rank, candidates: m)
        random.add(rank: Int.random(in: 1...m, using: &rng), candidates: m)
        let simpleRanking = Ranker.rank(index: index, table: table, weights: simpleWeights, filters: filters, excluded: [])
        if let r = simpleRanking.rank(ofPosition: q.partner) { simple.add(rank: r, candidates: m) }
        let sizes = ranking.order.map { ($0, Double(table.value(.sizeSimilarity, Int($0)) ?? -1)) }
        population.add(rank: rankOf(target: q.partner, targetScore: Double(table.value(.sizeSimilarity, q.partner) ?? -1),
                                    scores: sizes), candidates: m)
        let near = ranking.order.map { ($0, -(table.distance(Int($0)) ?? .infinity)) }
        distance.add(rank: rankOf(target: q.partner, targetScore: -(table.distance(q.partner) ?? .infinity), scores: near),
                     candidates: m)
    }
    let seconds = Date().timeIntervalSince(started)
    let sortedCounts = candidateCounts.sorted()
    print(String(format: "%d queries (both directions of each held-out pair), candidates per query: mean %.0f, median %d; %.1f s",
                 engine.ranks.count, Double(candidateCounts.reduce(0, +)) / Double(max(1, candidateCounts.count)),
                 sortedCounts.isEmpty ? 0 : sortedCounts[sortedCounts.count / 2], seconds))
    print("")
    print(Metrics.header())
    print(engine.row("engine (profile \(profile.name))"))
    print(random.row("random"))
    print(population.row("population closeness"))
    print(distance.row("geographic closeness"))
    print(simple.row("simple scorer, 6 features (fitted)"))
}

/// The "best simple scorer" of the issue and of FACTS.md, on the engine's own
/// feature values: population closeness, distance, candidate size and three
/// network features (region links, partner count, shared partners), fitted
/// the same way as the engine (same split, same questions):
///
///     twinning-eval tune --features size_similarity,distance,candidate_size,region_links,candidate_partners,shared_partners
let simpleScorer = WeightProfile(name: "simple", mode: .similar, weights: [
    .sizeSimilarity: 3.55, .candidateSize: 4.67, .distance: 6.79, .sharedPartners: 7.31, .regionLinks: 3.57,
    .candidatePartners: 3.49,
])

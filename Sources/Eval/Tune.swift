import Foundation
import TwinningCore

/// The features whose value differs between candidates of one country; the
/// others (country links, languages, new country) are the same for every
/// candidate of a query, and profiles (themes, seeking) are absent from the
/// gazetteer, so their weights cannot be learnt from this benchmark.
let tunable: [MatchFeature] = [.sizeSimilarity, .candidateSize, .distance, .sharedPartners, .partnersOfPartners,
                               .adamicAdar, .regionLinks, .nearbyLinks, .candidatePartners]

/// The feature values of one query's candidates, kept so that many weight
/// vectors can be tried without recomputing features.
struct TuneQuery {
    let values: [[Float]]   // [feature slot][candidate], NaN = missing
    let target: Int         // index of the true partner among the candidates
}

func objective(_ data: [TuneQuery], _ weights: [Float]) -> Double {
    var total = 0.0
    for q in data {
        let m = q.values.first?.count ?? 0
        var num = [Float](repeating: 0, count: m), den = [Float](repeating: 0, count: m)
        for (slot, w) in weights.enumerated() where w > 0 {
            let column = q.values[slot]
            for k in 0..<m where !column[k].isNaN { num[k] += w * column[k]; den[k] += w }
        }
        // The same weighted mean as Ranker.scoreAll; candidates are in position order, so ties go to the lower index.
        let score = (0..<m).map { den[$0] > 0 ? num[$0] / den[$0] : 0 }
        let s = score[q.target]
        var rank = 1
        for k in 0..<m where score[k] > s || (score[k] == s && k < q.target) { rank += 1 }
        total += 1 / Double(rank)
    }
    return total / Double(max(1, data.count))
}

func runTune(index: MatchIndex, split: Split, start: WeightProfile, limit: Int, seed: UInt64) {
    var all = queries(for: split, index: index)
    var rng = SeededRandom(seed: seed &+ 77)
    all.shuffle(using: &rng)
    let chosen = all.prefix(limit)
    var data: [TuneQuery] = []
    for q in chosen {
        let table = index.featureTable(home: q.home, mode: start.mode, preference: start.distancePreference)
        let ranking = Ranker.rank(index: index, table: table, weights: start.weightVector,
                                  filters: MatchFilters(countries: [index.countryCode(q.partner)]), excluded: [])
        let positions = ranking.order.sorted()
        guard let target = positions.firstIndex(of: Int32(q.partner)) else { continue }
        let values = MatchFeature.allCases.map { f in positions.map { table.value(f, Int($0)) ?? .nan } }
        data.append(TuneQuery(values: values, target: target))
    }
    var weights = start.weightVector
    var best = objective(data, weights)
    print(String(format: "tuning on %d queries of seed %llu; start MRR %.4f", data.count, seed, best))
    let factors: [Float] = [0, 0.25, 0.5, 0.7, 0.85, 1.2, 1.5, 2, 4]
    for round in 1...4 {
        var improved = false
        for feature in tunable {
            let slot = MatchFeature.allCases.firstIndex(of: feature)!
            let current = weights[slot]
            let trials = current > 0 ? factors.map { $0 * current } : [0.25, 0.5, 1, 2, 4]
            for w in trials where w != current {
                var candidate = weights
                candidate[slot] = w
                let score = objective(data, candidate)
                if score > best + 1e-5 { best = score; weights = candidate; improved = true }
            }
        }
        print(String(format: "round %d: MRR %.4f", round, best))
        if !improved { break }
    }
    var profile = start
    for (slot, feature) in MatchFeature.allCases.enumerated() { profile.weights[feature] = weights[slot] }
    profile.name = "tuned"
    print(profile.serialized(), terminator: "")
}

import Foundation
import TwinningCore

/// The features whose value differs between candidates of one country; the
/// others (country links, languages, new country) are the same for every
/// candidate of a query, and profiles (themes, seeking) are absent from the
/// gazetteer, so their weights cannot be learnt from this benchmark.
let tunableFeatures: [MatchFeature] = [.sizeSimilarity, .candidateSize, .distance, .sharedPartners, .partnersOfPartners,
                               .adamicAdar, .regionLinks, .nearbyLinks, .candidatePartners, .partnerSizes,
                               .candidateNewCountry, .sharedChallenges, .furtherAlong, .networkReach, .theirPartnerSizes]

/// One fitting question: the feature rows of the true partner (row 0) and of
/// a random sample of the other candidates of its country.
struct FitQuery {
    let rows: [[Float]]   // [candidate][tunable feature], missing = 0
    /// Per candidate, the part of the score from features kept fixed (0 unless `keepOthers`).
    let offsets: [Float]
}

/// Fits the weights of the tunable features by maximum likelihood of a
/// conditional logit: P(partner | home, country) = e^(w·x) / Σ e^(w·x') over
/// the candidates of the country. With a uniform random sample of the other
/// candidates this is still consistent (McFadden 1978), and a hundred times
/// cheaper. Weights stay ≥ 0 (projected Adam), so every feature keeps the
/// meaning "more is better" that its explanation sentence gives it.
///
/// Leakage guard: the fit never sees the evaluation's held-out pairs. The
/// training part of split `seed` is split again, `folds` times: each inner
/// split holds out `innerFraction` of it as questions and keeps the rest as
/// the known network — a small fraction, so that the network the weights are
/// fitted on is nearly as dense as the one they are evaluated on.
func runTune(cities: [MatchCityRecord], countries: [MatchCountry], characters: CharacterTable, split: Split, start: WeightProfile,
             features tunable: [MatchFeature] = tunableFeatures,
             limit: Int, negatives: Int, folds: Int, innerFraction: Double, seed: UInt64, allCountries: Bool = false, keepOthers: Bool = false) {
    var rng = SeededRandom(seed: seed &+ 77)
    var data: [FitQuery] = []
    let slots = tunable.map { MatchFeature.allCases.firstIndex(of: $0)! }
    var known = 0
    let fixed = MatchFeature.allCases.filter { !tunable.contains($0) }
    for fold in 0..<folds {
        let inner = Split(pairs: split.training, seed: seed &+ 100 &+ UInt64(fold), fraction: innerFraction)
        known = inner.training.count
        let index = MatchIndex(cities: cities, partnerships: inner.training, countries: countries, characters: characters)
        var all = queries(for: inner, index: index)
        all.shuffle(using: &rng)
        for q in all.prefix(limit / folds) {
            let table = index.featureTable(home: q.home, mode: start.mode, preference: start.distancePreference)
            let ranking = Ranker.rank(index: index, table: table, weights: start.weightVector,
                                      filters: allCountries ? MatchFilters() : MatchFilters(countries: [index.countryCode(q.partner)]),
                                      excluded: [])
            var others = ranking.order.filter { Int($0) != q.partner }
            guard others.count < ranking.order.count else { continue }
            others.shuffle(using: &rng)
            let chosen = [Int32(q.partner)] + others.prefix(negatives)
            let rows = chosen.map { p in slots.map { table.value(MatchFeature.allCases[$0], Int(p)) ?? 0 } }
            let offsets = chosen.map { p in
                keepOthers ? fixed.reduce(Float(0)) { $0 + start.weight($1) * (table.value($1, Int(p)) ?? 0) } : 0
            }
            data.append(FitQuery(rows: rows, offsets: offsets))
        }
    }
    print(String(format: "fitting on %d questions (%d inner splits of seed %llu's training pairs, %d known each), %d sampled rivals each",
                 data.count, folds, seed, known, negatives))
    let k = tunable.count
    var w = [Float](repeating: 1, count: k)
    var m = [Float](repeating: 0, count: k), v = [Float](repeating: 0, count: k)
    let rate: Float = 0.05, l2: Float = 1e-4
    for step in 1...600 {
        var gradient = [Float](repeating: 0, count: k)
        var loss: Float = 0
        for q in data {
            let logits = zip(q.rows, q.offsets).map { row, offset in zip(row, w).reduce(offset) { $0 + $1.0 * $1.1 } }
            let top = logits.max()!
            let e = logits.map { exp($0 - top) }
            let z = e.reduce(0, +)
            loss -= logits[0] - top - log(z)
            for j in 0..<k {
                var expected: Float = 0
                for (r, row) in q.rows.enumerated() { expected += e[r] * row[j] }
                gradient[j] -= q.rows[0][j] - expected / z
            }
        }
        let n = Float(data.count)
        for j in 0..<k {
            let g = gradient[j] / n + 2 * l2 * w[j]
            m[j] = 0.9 * m[j] + 0.1 * g
            v[j] = 0.999 * v[j] + 0.001 * g * g
            let mh = m[j] / (1 - pow(0.9, Float(step))), vh = v[j] / (1 - pow(0.999, Float(step)))
            w[j] = max(0, w[j] - rate * mh / (vh.squareRoot() + 1e-8))
        }
        if step % 100 == 0 { print(String(format: "step %d: mean negative log-likelihood %.4f", step, loss / n)) }
    }
    var profile = start
    if !keepOthers, tunable.count < tunableFeatures.count {
        // A fit of a few features only (a baseline): the others weigh nothing.
        for feature in MatchFeature.allCases { profile.weights[feature] = 0 }
    }
    for (j, feature) in tunable.enumerated() { profile.weights[feature] = (w[j] * 100).rounded() / 100 }
    profile.name = "tuned"
    print(profile.serialized(), terminator: "")
}


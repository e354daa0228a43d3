import Foundation

/// Ranks candidates for a home city. It keeps the feature table of the last
/// home city (and mode and distance preference), so a change of weights or
/// filters — a slider, a keystroke — only re-scores and re-sorts.
public final class Ranker: @unchecked Sendable {
    public let index: MatchIndex
    private var cached: FeatureTable?
    private let lock = NSLock()

    public init(index: MatchIndex) { self.index = index }

    /// The feature table for a home city, from the cache when it fits.
    public func table(home: Int, mode: MatchMode, preference: DistancePreference) -> FeatureTable {
        lock.lock(); defer { lock.unlock() }
        if let cached, cached.home == home, cached.mode == mode, cached.preference == preference { return cached }
        let table = index.featureTable(home: home, mode: mode, preference: preference)
        cached = table
        return table
    }

    /// Ranks every candidate. Never suggested: the home city, its partners in
    /// the network (any status), and `excluded` (city ids: rejected or snoozed
    /// in a review). Equal scores keep the gazetteer order (GeoNames id).
    public func rank(home: Int, profile: WeightProfile, filters: MatchFilters = MatchFilters(),
                     excluded: Set<Int64> = []) -> Ranking {
        let table = self.table(home: home, mode: profile.mode, preference: profile.distancePreference)
        return Ranker.rank(index: index, table: table, weights: profile.weightVector, filters: filters, excluded: excluded)
    }

    /// Candidate positions after exclusions and filters, in gazetteer order.
    static func candidates(index: MatchIndex, table: FeatureTable, filters: MatchFilters, excluded: Set<Int64>) -> [Int32] {
        var blocked = [Bool](repeating: false, count: index.count)
        blocked[table.home] = true
        for p in index.partners(of: table.home) { blocked[Int(p)] = true }
        for id in excluded { if let p = index.position(cityId: id) { blocked[p] = true } }
        var result: [Int32] = []
        let pool: [Int32]
        if filters.countries.isEmpty {
            pool = Array(0..<Int32(index.count))
        } else {
            pool = filters.countries.sorted().flatMap { index.positions(inCountry: $0) }.sorted()
        }
        result.reserveCapacity(pool.count)
        let populationFilter = filters.minPopulation != nil || filters.maxPopulation != nil
        let distanceFilter = filters.minDistanceKm != nil || filters.maxDistanceKm != nil
        let homeCountry = index.country[table.home]
        let abroadOnly = filters.leaveOutHomeCountry && !filters.countries.contains(index.countryCode(table.home))
        for p in pool where !blocked[Int(p)] {
            if abroadOnly && index.country[Int(p)] == homeCountry { continue }
            if populationFilter {
                guard let pop = index.population[Int(p)] else { continue }
                if let lo = filters.minPopulation, pop < lo { continue }
                if let hi = filters.maxPopulation, pop > hi { continue }
            }
            if distanceFilter {
                let d = table.distanceKm[Int(p)]
                if d.isNaN { continue }
                if let lo = filters.minDistanceKm, Double(d) < lo { continue }
                if let hi = filters.maxDistanceKm, Double(d) > hi { continue }
            }
            result.append(p)
        }
        return result
    }

    /// Scores `candidates` and sorts them. The score is the weighted mean of
    /// the plausibility features that have a value (a missing feature leaves
    /// both the sum and the weights, so it neither helps nor hurts), raised by
    /// the purpose features (`ScoreShape`).
    public static func rank(index: MatchIndex, table: FeatureTable, weights: [Float], filters: MatchFilters,
                            excluded: Set<Int64>) -> Ranking {
        let candidates = candidates(index: index, table: table, filters: filters, excluded: excluded)
        let scores = scoreAll(table: table, weights: weights, candidates: candidates)
        // Sort by inverted score bits: non-negative Float bit patterns order
        // like the numbers, and a stable sort keeps equal scores in gazetteer
        // (GeoNames id) order, since candidates come in that order.
        var keys = scores.map { UInt32.max - $0.bitPattern }
        var order = candidates
        if keys.count > 4096 {
            RadixSort.sort(keys: &keys, payload: &order)
        } else {
            let sorted = (0..<keys.count).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            order = sorted.map { candidates[$0] }
            keys = sorted.map { keys[$0] }
        }
        let sortedScores = keys.map { Float(bitPattern: UInt32.max - $0) }
        return Ranking(index: index, table: table, weights: weights, order: order, scores: sortedScores)
    }

    /// Score per candidate, in `candidates` order (0 when no feature has a value).
    static func scoreAll(table: FeatureTable, weights: [Float], candidates: [Int32]) -> [Float] {
        let m = candidates.count, n = table.count
        var numerator = [Float](repeating: 0, count: m)
        var denominator = [Float](repeating: 0, count: m)
        var boost = [Float](repeating: 0, count: m)
        let purpose = ScoreShape.purposeFlags
        table.values.withUnsafeBufferPointer { values in
            candidates.withUnsafeBufferPointer { cand in
                numerator.withUnsafeMutableBufferPointer { num in
                    denominator.withUnsafeMutableBufferPointer { den in
                        boost.withUnsafeMutableBufferPointer { up in
                            for (slot, w) in weights.enumerated() where w > 0 {
                                let column = UnsafeBufferPointer(rebasing: values[(slot * n)..<(slot * n + n)])
                                if purpose[slot] {
                                    for k in 0..<m {
                                        let v = column[Int(cand[k])]
                                        if !v.isNaN { up[k] += w * v }
                                    }
                                } else {
                                    for k in 0..<m {
                                        let v = column[Int(cand[k])]
                                        if !v.isNaN {
                                            num[k] += w * v
                                            den[k] += w
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let scale = ScoreShape.scale(weights)
        // `s > 0 ? s : 0` and never max(0, s): a -0.0 would sort above every positive score.
        return (0..<m).map { k in
            let s = ScoreShape.combine(numerator: numerator[k], denominator: denominator[k], boost: boost[k],
                                       scale: scale)
            return s > 0 ? s : 0
        }
    }

    /// The score of one candidate with each feature's share.
    static func score(table: FeatureTable, weights: [Float], position: Int) -> (Float, [Contribution]) {
        var numerator: Float = 0, denominator: Float = 0, boost: Float = 0
        let purpose = ScoreShape.purposeFlags
        for feature in MatchFeature.allCases {
            let w = weights[feature.slot]
            guard w > 0, let v = table.value(feature, position) else { continue }
            if purpose[feature.slot] { boost += w * v } else { numerator += w * v; denominator += w }
        }
        let scale = ScoreShape.scale(weights)
        let score = ScoreShape.combine(numerator: numerator, denominator: denominator, boost: boost,
                                       scale: scale)
        let contributions = MatchFeature.allCases.map { feature -> Contribution in
            let w = weights[feature.slot]
            let v = table.value(feature, position)
            var share: Float = 0
            if let v, w > 0 {
                share = ScoreShape.share(weightTimesValue: w * v, purpose: purpose[feature.slot], numerator: numerator,
                                         denominator: denominator, scale: scale)
            }
            return Contribution(feature: feature, value: v, weight: w, contribution: share)
        }
        return (score, contributions)
    }
}

import Foundation

/// "Why not X?": where a city ranks and which features hold it back.
public struct WhyNot: Sendable {
    public enum Standing: Sendable, Equatable {
        /// Ranked at this place (1-based) out of `of` candidates.
        case ranked(Int, of: Int)
        case isHome
        case alreadyPartner
        /// Rejected or snoozed in a review.
        case reviewed
        /// Left out by the country, distance or population filter.
        case filteredOut
    }

    /// A feature where the city scores below the top suggestions.
    public struct Gap: Sendable, Equatable {
        public let feature: MatchFeature
        public let value: Float?
        /// The mean value of this feature among the top ten.
        public let topValue: Float
        /// Score points lost against the top ten: weight × (top value − value) ÷ weights with a value.
        public let lost: Float
    }

    public let standing: Standing
    /// The city's score and contributions as if it were a candidate.
    public let suggestion: Suggestion
    /// Biggest loss first; only features that lose something.
    public let holdingBack: [Gap]
    /// Features with a weight whose data is missing (not counted).
    public var missing: [Explanation] { suggestion.missing }
}

extension Ranking {
    /// Explains the standing of the city at `position`, even when it is not a candidate.
    public func whyNot(position: Int, excluded: Set<Int64> = []) -> WhyNot {
        let standing: WhyNot.Standing
        let rank = rank(ofPosition: position)
        if let rank {
            standing = .ranked(rank, of: count)
        } else if position == home {
            standing = .isHome
        } else if index.partners(of: home).contains(Int32(position)) {
            standing = .alreadyPartner
        } else if excluded.contains(index.cityIds[position]) {
            standing = .reviewed
        } else {
            standing = .filteredOut
        }
        let (score, _) = Ranker.score(table: table, weights: weights, position: position)
        let suggestion = makeSuggestion(position: position, rank: rank ?? 0, score: score)
        let top = order.prefix(10).map(Int.init)
        var gaps: [WhyNot.Gap] = []
        if !top.isEmpty {
            let denominator = suggestion.contributions.reduce(Float(0)) { $0 + ($1.value != nil ? $1.weight : 0) }
            for c in suggestion.contributions where c.weight > 0 {
                let topValues = top.compactMap { table.value(c.feature, $0) }
                guard !topValues.isEmpty, let v = c.value, denominator > 0 else { continue }
                let mean = topValues.reduce(0, +) / Float(topValues.count)
                let lost = c.weight * (mean - v) / denominator
                if lost > 0.0005 { gaps.append(WhyNot.Gap(feature: c.feature, value: v, topValue: mean, lost: lost)) }
            }
        }
        gaps.sort { $0.lost != $1.lost ? $0.lost > $1.lost : $0.feature.slot < $1.feature.slot }
        return WhyNot(standing: standing, suggestion: suggestion, holdingBack: gaps)
    }
}

import Foundation

/// Which candidates may be suggested at all. Empty / nil means no limit.
/// A range filter leaves out cities whose figure is unknown.
public struct MatchFilters: Sendable, Equatable {
    public var countries: Set<String>
    public var minDistanceKm: Double?
    public var maxDistanceKm: Double?
    public var minPopulation: Int?
    public var maxPopulation: Int?
    /// Leave out cities of the home city's country (96 % of real twinnings
    /// cross a border), unless `countries` names it. The program and the
    /// command line set it by default; `--domestic` and a key in the pane
    /// clear it. False here so that `--batch` and the benchmark, which name
    /// the country to rank, keep their meaning.
    public var leaveOutHomeCountry: Bool

    public init(countries: Set<String> = [], minDistanceKm: Double? = nil, maxDistanceKm: Double? = nil,
                minPopulation: Int? = nil, maxPopulation: Int? = nil, leaveOutHomeCountry: Bool = false) {
        self.leaveOutHomeCountry = leaveOutHomeCountry
        self.countries = Set(countries.map { $0.uppercased() })
        self.minDistanceKm = minDistanceKm; self.maxDistanceKm = maxDistanceKm
        self.minPopulation = minPopulation; self.maxPopulation = maxPopulation
    }
}

/// How much one feature added to a suggestion's score.
public struct Contribution: Sendable, Equatable {
    public let feature: MatchFeature
    /// nil: the data is missing, so the feature was left out of this score.
    public let value: Float?
    public let weight: Float
    /// This feature's share of the score (`ScoreShape.share`); the
    /// contributions add up to the score.
    public let contribution: Float
}

/// One ranked candidate with everything needed to explain it.
public struct Suggestion: Sendable, Equatable {
    /// 1 for the best.
    public let rank: Int
    public let position: Int
    public let cityId: Int64
    public let geonameId: Int64?
    public let name: String
    public let countryCode: String
    public let score: Float
    /// Every feature, in `MatchFeature.allCases` order.
    public let contributions: [Contribution]
    public let facts: PairFacts
    public let mode: MatchMode
    public let preference: DistancePreference

    public func explanation(_ feature: MatchFeature) -> Explanation {
        Explanation(feature: feature, value: contributions[feature.slot].value, facts: facts, mode: mode, preference: preference)
    }

    /// The features that added most, best first (only those with a weight and a value above zero).
    public func reasons(limit: Int = 3) -> [Explanation] {
        contributions.filter { $0.contribution > 0 }
            .sorted { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.feature.slot < $1.feature.slot }
            .prefix(limit).map { explanation($0.feature) }
    }

    /// Features with a weight whose data is missing for this pair.
    public var missing: [Explanation] {
        contributions.filter { $0.value == nil && $0.weight > 0 }.map { explanation($0.feature) }
    }
}

/// The result of ranking: every eligible candidate, best first. Suggestions
/// (with facts and explanations) are built only for the rows asked for, so a
/// list that shows 20 rows never pays for 69,000 explanations.
public struct Ranking: Sendable {
    public let index: MatchIndex
    public let table: FeatureTable
    public let weights: [Float]
    /// Positions of the candidates, best first.
    public let order: [Int32]
    /// Scores in the same order.
    public let scores: [Float]

    public var count: Int { order.count }
    public var home: Int { table.home }

    /// The suggestion at `rank` (1-based).
    public func suggestion(rank: Int) -> Suggestion {
        makeSuggestion(position: Int(order[rank - 1]), rank: rank, score: scores[rank - 1])
    }

    public func top(_ limit: Int) -> [Suggestion] {
        (0..<min(limit, count)).map { suggestion(rank: $0 + 1) }
    }

    /// The 1-based rank of a city position, nil when it is not a candidate.
    public func rank(ofPosition position: Int) -> Int? {
        order.firstIndex(of: Int32(position)).map { $0 + 1 }
    }

    func makeSuggestion(position: Int, rank: Int, score: Float) -> Suggestion {
        let (_, contributions) = Ranker.score(table: table, weights: weights, position: position)
        return Suggestion(rank: rank, position: position, cityId: index.cityIds[position], geonameId: index.geonameIds[position],
                          name: index.names[position], countryCode: index.countryCode(position), score: score,
                          contributions: contributions, facts: index.facts(home: home, candidate: position, mode: table.mode),
                          mode: table.mode, preference: table.preference)
    }
}

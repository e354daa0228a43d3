import XCTest
@testable import TwinningCore

/// The purpose features (challenges, themes) raise the plausibility mean by
/// a share; they do not enter it (Scoring/ScoreShape.swift).
final class ScoreShapeTests: XCTestCase {
    /// Weights: two plausibility features (distance 3, size 1) and one purpose feature (shared challenges 2).
    func weights(distance: Float = 3, size: Float = 1, challenges: Float = 2) -> [Float] {
        var w = [Float](repeating: 0, count: MatchFeature.allCases.count)
        w[MatchFeature.distance.slot] = distance
        w[MatchFeature.candidateSize.slot] = size
        w[MatchFeature.sharedChallenges.slot] = challenges
        return w
    }

    /// (distance, size, shared challenges) for three cities → a feature table.
    func table(_ rows: [(Float?, Float?, Float?)]) -> FeatureTable {
        let n = rows.count
        var values = [Float](repeating: .nan, count: MatchFeature.allCases.count * n)
        for (i, row) in rows.enumerated() {
            if let d = row.0 { values[MatchFeature.distance.slot * n + i] = d }
            if let s = row.1 { values[MatchFeature.candidateSize.slot * n + i] = s }
            if let c = row.2 { values[MatchFeature.sharedChallenges.slot * n + i] = c }
        }
        return FeatureTable(home: 0, mode: .similar, preference: .none, count: n, values: values,
                            distanceKm: [Float](repeating: .nan, count: n))
    }

    func testTheBoostMultipliesTheMeanAndTheSharesAddUp() {
        let t = table([(0.8, 0.4, 1), (0.8, 0.4, 0), (0.8, 0.4, nil)])
        let w = weights()
        let mean: Float = (3 * 0.8 + 1 * 0.4) / 4
        let all = Ranker.scoreAll(table: t, weights: w, candidates: [0, 1, 2])
        // All challenges shared: the mean itself; none: the mean ÷ (1 + 2/4).
        XCTAssertEqual(all[0], mean, accuracy: 1e-6)
        XCTAssertEqual(all[1], mean / 1.5, accuracy: 1e-6)
        XCTAssertEqual(all[2], all[1], "a missing purpose feature adds nothing, as a value of 0")
        for position in 0..<3 {
            let (score, contributions) = Ranker.score(table: t, weights: w, position: position)
            XCTAssertEqual(score, all[position], accuracy: 1e-6, "one score, two code paths")
            XCTAssertEqual(contributions.reduce(0) { $0 + $1.contribution }, score, accuracy: 1e-6, "shares add up")
        }
        let (_, first) = Ranker.score(table: t, weights: w, position: 0)
        XCTAssertEqual(first[MatchFeature.sharedChallenges.slot].contribution, mean * 2 / 4 / 1.5, accuracy: 1e-6)
    }

    func testAnImplausibleCityIsNotLiftedOverAPlausibleOne() {
        // City 1 shares every challenge but is far and small; city 0 shares none.
        // In one weighted mean of all three, city 1 would win: 2.8 / 6 against 2 / 6.
        let t = table([(0.5, 0.5, 0), (0.2, 0.2, 1)])
        let all = Ranker.scoreAll(table: t, weights: weights(), candidates: [0, 1])
        XCTAssertGreaterThan(all[0], all[1])
        // Among equally plausible cities, the one that shares the challenges comes first.
        let even = table([(0.6, 0.6, 0), (0.6, 0.6, 0.5)])
        let evenScores = Ranker.scoreAll(table: even, weights: weights(), candidates: [0, 1])
        XCTAssertGreaterThan(evenScores[1], evenScores[0])
    }

    func testScoresStayInZeroToOne() {
        let t = table([(1, 1, 1), (0, 0, 0), (nil, nil, 1), (nil, nil, nil)])
        for w in [weights(), weights(challenges: 1_000_000), weights(distance: 0, size: 0), weights(challenges: 0)] {
            let all = Ranker.scoreAll(table: t, weights: w, candidates: [0, 1, 2, 3])
            XCTAssertTrue(all.allSatisfy { (0...1).contains($0) }, "\(all)")
        }
        // Weights at the ends of what a profile may hold stay finite.
        let extreme = weights(distance: .leastNonzeroMagnitude, size: 0, challenges: WeightProfile.maxWeight)
        let extremeScores = Ranker.scoreAll(table: t, weights: extreme, candidates: [0, 1, 2, 3])
        XCTAssertTrue(extremeScores.allSatisfy { $0.isFinite && (0...1).contains($0) }, "\(extremeScores)")
        XCTAssertEqual(extremeScores[0], 1, accuracy: 1e-6, "every feature at 1")
        // Only purpose features weigh: their weighted mean.
        let only = Ranker.scoreAll(table: t, weights: weights(distance: 0, size: 0), candidates: [0, 2, 3])
        XCTAssertEqual(only, [1, 1, 0])
        // No plausibility value at all: 0, whatever the purpose features say.
        XCTAssertEqual(Ranker.scoreAll(table: t, weights: weights(), candidates: [2]), [0])
    }
}

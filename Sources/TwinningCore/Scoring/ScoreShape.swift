import Foundation

/// How the features make one score. The plausibility features (size, place,
/// network, country: what real twinnings show) make a weighted mean; the
/// purpose features (shared challenges, cities further along, themes and
/// strengths: what the mode is about) raise that mean by a share instead of
/// entering it. A city that shares your challenges then rises among the
/// plausible partners, but an implausible one is not lifted over them: with
/// the purpose features inside the mean, the built-in modes found real
/// partners clearly worse than the engine without them (MRR 0.168 against
/// 0.193, README "Two modes").
///
///     score = mean × (P + Σ w·v of purpose features) ÷ (P + Q)
///
/// with P and Q the weights of all plausibility and all purpose features:
/// a city with every purpose feature at 1 keeps its mean, one with none gets
/// P ÷ (P + Q) of it, so scores stay in [0, 1] and the shares of the
/// features add up to the score. A profile that weighs only purpose features
/// ranks by Σ w·v ÷ Q (a missing one counts as 0).
enum ScoreShape {
    static let purposeFlags: [Bool] = MatchFeature.allCases.map { [.challenges, .themes].contains($0.group) }

    /// P and Q: the weights of all plausibility and of all purpose features
    /// (present or not), so that the boost does not depend on which data a
    /// pair lacks. Sums of weights ≤ 1,000,000 each: always finite.
    struct Scale {
        var plausibility: Float = 0
        var purpose: Float = 0
        var total: Float { plausibility + purpose }
    }

    static func scale(_ weights: [Float]) -> Scale {
        var scale = Scale()
        for (slot, w) in weights.enumerated() where w > 0 {
            if purposeFlags[slot] { scale.purpose += w } else { scale.plausibility += w }
        }
        return scale
    }

    /// `numerator` ÷ `denominator`: the weighted mean of the plausibility
    /// features present; `boost`: Σ w·v of the purpose features present.
    static func combine(numerator: Float, denominator: Float, boost: Float, scale: Scale) -> Float {
        guard scale.plausibility > 0 else { return scale.purpose > 0 ? boost / scale.purpose : 0 }
        guard denominator > 0 else { return 0 }
        return numerator / denominator * ((scale.plausibility + boost) / scale.total)
    }

    /// One feature's share of the score; the shares add up to it.
    static func share(weightTimesValue wv: Float, purpose: Bool, numerator: Float, denominator: Float, scale: Scale) -> Float {
        guard scale.plausibility > 0 else { return purpose && scale.purpose > 0 ? wv / scale.purpose : 0 }
        guard denominator > 0 else { return 0 }
        if purpose { return numerator / denominator * (wv / scale.total) }
        return wv / denominator * (scale.plausibility / scale.total)
    }
}

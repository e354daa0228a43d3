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
///     score = mean × (1 + Σ w·v of purpose features ÷ Σ w of plausibility features)
///                  ÷ (1 + Σ w of purpose features ÷ Σ w of plausibility features)
///
/// The divisor keeps the score in [0, 1] (a city with every purpose feature
/// at 1 keeps its mean) and changes no order. A profile that weighs only
/// purpose features ranks by their weighted mean.
enum ScoreShape {
    static let purposeFlags: [Bool] = MatchFeature.allCases.map { [.challenges, .themes].contains($0.group) }

    /// The weights of all plausibility and of all purpose features (present
    /// or not): the scale of the boost, so that it does not depend on which
    /// data a pair lacks.
    struct Scale {
        var plausibility: Float = 0
        var purpose: Float = 0
        /// What a boost of `b` (Σ w·v of purpose features) multiplies the mean by.
        func factor(_ b: Float) -> Float { (1 + b / plausibility) / (1 + purpose / plausibility) }
    }

    static func scale(_ weights: [Float]) -> Scale {
        var scale = Scale()
        for (slot, w) in weights.enumerated() where w > 0 {
            if purposeFlags[slot] { scale.purpose += w } else { scale.plausibility += w }
        }
        return scale
    }

    static func combine(numerator: Float, denominator: Float, boost: Float, scale: Scale) -> Float {
        // Only purpose features weigh: their weighted mean.
        guard scale.plausibility > 0 else { return scale.purpose > 0 ? boost / scale.purpose : 0 }
        guard denominator > 0 else { return 0 }
        return numerator / denominator * scale.factor(boost)
    }

    /// One feature's share of the score; the shares add up to it.
    static func share(weightTimesValue wv: Float, purpose: Bool, numerator: Float, denominator: Float, boost: Float,
                      scale: Scale) -> Float {
        guard scale.plausibility > 0 else { return purpose && scale.purpose > 0 ? wv / scale.purpose : 0 }
        guard denominator > 0 else { return 0 }
        let divisor = 1 + scale.purpose / scale.plausibility
        if purpose { return numerator / denominator * wv / scale.plausibility / divisor }
        return wv / denominator / divisor
    }
}

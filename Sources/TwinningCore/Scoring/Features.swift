import Foundation

/// The feature functions. Each maps facts about a (home, candidate) pair to a
/// value in [0, 1], or `nil` when the data it needs is missing — a missing
/// value is reported and left out of the score rather than counted as zero.
/// The bulk ranker calls these same functions, so the explanation of one
/// candidate and the ranking of all of them cannot disagree.
public enum Features {
    /// Similar size: 1 for equal populations, falling in a straight line over
    /// the log ratio to 0 at a factor of about 300 (|log10 ratio| = 2.5): 0.8
    /// at a factor of 3, 0.6 at a factor of 10. Real partners differ by a
    /// median factor of 2.3; a straight line fitted the real twinnings better
    /// than a bell curve, which treats a factor of 10 and of 1,000 alike.
    public static func sizeSimilarity(_ home: Int?, _ candidate: Int?) -> Float? {
        guard let home, let candidate, home > 0, candidate > 0 else { return nil }
        return sizeSimilarity(logPopulation: Float(log10(Double(home))), Float(log10(Double(candidate))))
    }

    static func sizeSimilarity(logPopulation a: Float, _ b: Float) -> Float {
        max(0, 1 - abs(a - b) / 2.5)
    }

    /// Similar size to the home city's partners: the same straight line over
    /// the log ratio between the candidate and the typical (geometric mean)
    /// size of the home city's partners. A city that twins with towns of
    /// 20,000 tends to do so again, whatever its own size. Missing when the
    /// home city has no partner with a known population.
    public static func partnerSizes(partnerPopulations: [Int], candidate: Int?) -> Float? {
        let logs = partnerPopulations.filter { $0 > 0 }.map { log10(Double($0)) }
        guard !logs.isEmpty, let candidate, candidate > 0 else { return nil }
        return sizeSimilarity(logPopulation: Float(logs.reduce(0, +) / Double(logs.count)), Float(log10(Double(candidate))))
    }

    /// The candidate's own size on a log scale: 0 at 1,000 inhabitants, 1 at
    /// ten million. Large cities twin more, whatever the home city's size.
    public static func candidateSize(_ population: Int?) -> Float? {
        guard let population, population > 0 else { return nil }
        return candidateSize(logPopulation: Float(log10(Double(population))))
    }

    static func candidateSize(logPopulation p: Float) -> Float { min(1, max(0, (p - 3) / 4)) }

    /// Great-circle distance in km (haversine on a sphere of radius 6,371 km).
    public static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = Double.pi / 180
        let dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * r) * cos(lat2 * r) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, sqrt(a)))
    }

    /// Distance as the user prefers it. `bus`: 1 nearby, 0.5 at 800 km, small
    /// beyond a day's coach trip. `far`: 0 nearby, 0.5 at about 2,800 km, near 1
    /// on other continents. `none`: a gentle log-scale preference for nearness
    /// (0.5 at about 1,000 km), which is what real twinnings show.
    public static func distance(km: Double?, preference: DistancePreference) -> Float? {
        guard let km, km.isFinite else { return nil }
        return distance(km: Float(km), preference: preference)
    }

    /// The same in Float, for the bulk loop.
    @inline(__always)
    static func distance(km: Float, preference: DistancePreference) -> Float {
        switch preference {
        case .bus:
            let x = km / 800
            return 1 / (1 + x * x)
        case .far:
            return 1 - exp(-km / 4000)
        case .none:
            return max(0, 1 - log10(1 + km / 50) / log10(Float(1 + 20_000 / 50)))
        }
    }

    /// Partners shared with the home city (common neighbours): 1 of them gives
    /// 0.39, 2 give 0.63, 4 give 0.86.
    public static func sharedPartners(_ count: Int) -> Float { saturating(Float(count), 2) }

    /// Partners of partners: the number of paths home → partner → its partner →
    /// candidate, on a log scale (1 at 300 or more): a well-connected home city
    /// has hundreds of such paths, and 5 and 50 must still differ.
    public static func partnersOfPartners(_ paths: Int) -> Float { logScale(paths, top: 300) }

    /// Adamic–Adar: shared partners, each weighted by 1 / ln(its number of
    /// partners), so a shared small town says more than a shared metropolis.
    public static func adamicAdar(_ sum: Double) -> Float { saturating(Float(sum), 1) }

    /// Twinnings in the register between the home city's admin1 region and the
    /// candidate's ("towns near us are twinned with towns near them"), on a
    /// log scale (1 at 300 or more: two German and French regions can share
    /// hundreds). Missing when either region is unknown.
    public static func regionLinks(_ count: Int?) -> Float? {
        guard let count else { return nil }
        return logScale(count, top: 300)
    }

    /// Towns near the home city twinned with towns near the candidate: each
    /// such twinning counts e^(−d₁/20 km) · e^(−d₂/80 km) for its two ends'
    /// distances (up to 60 km from home, 150 km from the candidate), on a log
    /// scale. A finer version of region links that ignores borders.
    public static func nearbyLinks(_ weightedCount: Double) -> Float {
        min(1, Float(log(1 + 10 * weightedCount) / log(201.0)))
    }

    /// Kernels of the nearby-links feature, 0 beyond the radius.
    static func nearHomeKernel(_ km: Float) -> Float { km <= MatchIndex.nearHomeKm ? exp(-km / 20) : 0 }
    static func nearCandidateKernel(_ km: Float) -> Float { km <= MatchIndex.nearCandidateKm ? exp(-km / 80) : 0 }

    /// Twinnings between the two countries (log scale; 1 at 500 or more).
    /// Country pairs cluster strongly (DE–FR, DE–PL, FR–GB …).
    public static func countryLinks(_ count: Int) -> Float {
        min(1, Float(log(1 + Double(count)) / log(501.0)))
    }

    /// The candidate's number of partners (preferential attachment): 0 for
    /// none, 0.3 for one — having any partner at all says most — then rising
    /// on a log scale to 1 at 50 or more.
    public static func candidatePartners(_ count: Int) -> Float {
        count == 0 ? 0 : 0.3 + 0.7 * min(1, Float(log(Double(count)) / log(50.0)))
    }

    // Themes, shared challenges and "further along": Scoring/ChallengeFeatures.swift.

    /// Languages of the two countries (main language first): 1 when the main
    /// languages agree, 0.5 when some other language is shared, 0 otherwise.
    /// Missing when a country's languages are unknown.
    public static func languages(_ home: [String], _ candidate: [String]) -> Float? {
        guard let h = home.first, let c = candidate.first else { return nil }
        if h == c { return 1 }
        return Set(home).isDisjoint(with: candidate) ? 0 : 0.5
    }

    /// How new the home country would be for the candidate: 1 when it has no
    /// partner there yet, 0.77 with one, 0.5 with four, 0 with 20 or more.
    /// Real twinnings spread: a French town with two German partners is less
    /// likely to take a third than one with none (fitted weight, README).
    public static func candidateNewCountry(partnersInHomeCountry count: Int) -> Float { 1 - logScale(count, top: 20) }

    /// 1 when the home city has no partner in the candidate's country yet.
    public static func newCountry(homeHasPartnerThere: Bool) -> Float { homeHasPartnerThere ? 0 : 1 }

    /// 1 when the candidate's profile says it is looking for partners.
    public static func seeking(_ flag: Bool) -> Float { flag ? 1 : 0 }

    /// ln(1 + x) / ln(1 + top), capped at 1: 0 for none, 1 at `top` or more.
    static func logScale(_ x: Int, top: Int) -> Float {
        x <= 0 ? 0 : min(1, Float(log(1 + Double(x)) / log(1 + Double(top))))
    }

    /// 1 − e^(−x / scale): 0 for nothing, rising quickly, never above 1.
    static func saturating(_ x: Float, _ scale: Float) -> Float { 1 - exp(-x / scale) }

    /// The language tags of a countries.tsv row, without region ("de-AT" → "de").
    public static func languageCodes(_ field: String) -> [String] {
        var seen = Set<String>()
        return field.split(separator: ",").compactMap { tag in
            let code = tag.split(separator: "-").first.map { $0.lowercased().trimmingCharacters(in: .whitespaces) } ?? ""
            guard !code.isEmpty, seen.insert(code).inserted else { return nil }
            return code
        }
    }

    /// Profile tags compared without case or accents ("Climate Adaptation" = "climate adaptation").
    public static func tagKey(_ tag: String) -> String { SearchKey.fold(tag.trimmingCharacters(in: .whitespaces)) }
}

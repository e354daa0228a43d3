import Foundation

/// The feature functions. Each maps facts about a (home, candidate) pair to a
/// value in [0, 1], or `nil` when the data it needs is missing — a missing
/// value is reported and left out of the score rather than counted as zero.
/// The bulk ranker calls these same functions, so the explanation of one
/// candidate and the ranking of all of them cannot disagree.
public enum Features {
    /// Similar size: 1 for equal populations, 0.5 at a factor of about 3.2
    /// (|log10 ratio| = 0.5), 0.2 at a factor of 10. Real partners differ by a
    /// median factor of 2.3, so the curve is steepest around there.
    public static func sizeSimilarity(_ home: Int?, _ candidate: Int?) -> Float? {
        guard let home, let candidate, home > 0, candidate > 0 else { return nil }
        return sizeSimilarity(logPopulation: Float(log10(Double(home))), Float(log10(Double(candidate))))
    }

    static func sizeSimilarity(logPopulation a: Float, _ b: Float) -> Float {
        let r = abs(a - b) / 0.5
        return 1 / (1 + r * r)
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
    /// candidate. Wider than shared partners and saturating more slowly.
    public static func partnersOfPartners(_ paths: Int) -> Float { saturating(Float(paths), 5) }

    /// Adamic–Adar: shared partners, each weighted by 1 / ln(its number of
    /// partners), so a shared small town says more than a shared metropolis.
    public static func adamicAdar(_ sum: Double) -> Float { saturating(Float(sum), 1) }

    /// Twinnings in the register between the home city's admin1 region and the
    /// candidate's ("towns near us are twinned with towns near them").
    /// Missing when either region is unknown.
    public static func regionLinks(_ count: Int?) -> Float? {
        guard let count else { return nil }
        return saturating(Float(count), 3)
    }

    /// Towns near the home city twinned with towns near the candidate: each
    /// such twinning counts e^(−d₁/30 km) · e^(−d₂/30 km) for its two ends'
    /// distances (up to 25 km from home, 50 km from the candidate). A finer
    /// version of region links that ignores administrative borders.
    public static func nearbyLinks(_ weightedCount: Double) -> Float { saturating(Float(weightedCount), 0.5) }

    /// Kernel of the nearby-links feature; 0 beyond `limit` km.
    static func nearbyKernel(_ km: Float, limit: Float) -> Float { km <= limit ? exp(-km / 30) : 0 }

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

    /// Themes from the city profiles. `similar`: the share of the smaller
    /// challenge list found in the other (overlap coefficient). `learn`: the
    /// share of the home city's challenges that are among the candidate's
    /// strengths. Missing when the home city has no challenges or the
    /// candidate has no profile (most gazetteer cities have none).
    public static func themes(mode: MatchMode, homeChallenges: Set<String>,
                              candidateStrengths: Set<String>, candidateChallenges: Set<String>) -> Float? {
        guard !homeChallenges.isEmpty else { return nil }
        switch mode {
        case .similar:
            guard !candidateChallenges.isEmpty else { return nil }
            let shared = homeChallenges.intersection(candidateChallenges).count
            return Float(shared) / Float(min(homeChallenges.count, candidateChallenges.count))
        case .learn:
            guard !candidateStrengths.isEmpty else { return nil }
            return Float(homeChallenges.intersection(candidateStrengths).count) / Float(homeChallenges.count)
        }
    }

    /// Languages of the two countries (main language first): 1 when the main
    /// languages agree, 0.5 when some other language is shared, 0 otherwise.
    /// Missing when a country's languages are unknown.
    public static func languages(_ home: [String], _ candidate: [String]) -> Float? {
        guard let h = home.first, let c = candidate.first else { return nil }
        if h == c { return 1 }
        return Set(home).isDisjoint(with: candidate) ? 0 : 0.5
    }

    /// 1 when the home city has no partner in the candidate's country yet.
    public static func newCountry(homeHasPartnerThere: Bool) -> Float { homeHasPartnerThere ? 0 : 1 }

    /// 1 when the candidate's profile says it is looking for partners.
    public static func seeking(_ flag: Bool) -> Float { flag ? 1 : 0 }

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

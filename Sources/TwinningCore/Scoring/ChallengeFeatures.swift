import Foundation

/// What every city faces and offers, as the bulk loop needs it: derived
/// challenges as bit masks, their intensities for "further along", and the
/// vocabulary terms of challenges and profile strengths as bit masks.
struct ChallengeIndex: Sendable {
    /// The facts behind the masks, looked up when a reason needs their
    /// numbers (a copy per city would hold 15 MB for the top ten's sake).
    let table: CharacterTable?
    /// Bit k = `Challenge.allCases[k]` applies / is known.
    let present: [UInt16]
    let known: [UInt16]
    /// The intensities of the challenges each city has, packed: bit k of
    /// `measured[i]` says city i has challenge k with a measure, and the
    /// measures of its bits, lowest first, start at `intensityStart[i]` in
    /// `intensities`. A dense column per challenge held 3 MB, nearly all NaN.
    let measured: [UInt16]
    let intensityStart: [UInt32]
    let intensities: [Float]
    /// Specificity of each challenge: ln(known cities / cities that have it),
    /// so two former coal regions say more than two cities with hot summers.
    let specificity: [Float]
    /// Share of the cities whose status is known that have it: what an
    /// unknown status counts as (neither yes nor no, but the usual rate).
    let rate: [Float]
    /// Vocabulary terms (bit = `ThemeTerm.allCases` position) of what each city
    /// faces: derived challenges plus its profile's challenges.
    let challengeTerms: [UInt32]
    /// Terms of profile themes and challenges, only for cities with a profile ("both work on").
    let profileTerms: [Int32: UInt32]
    /// Terms of profile strengths, only for cities with some.
    let strengthTerms: [Int32: UInt32]

    /// The measure of challenge `j` for city `i`; NaN when it does not have it or it has no measure.
    @inline(__always)
    func intensity(_ j: Int, _ i: Int) -> Float {
        let m = measured[i], bit = UInt16(1) << UInt16(j)
        guard m & bit != 0 else { return .nan }
        return intensities[Int(intensityStart[i]) + (m & (bit &- 1)).nonzeroBitCount]
    }

    static func bit(_ c: Challenge) -> UInt16 { 1 << UInt16(Challenge.allCases.firstIndex(of: c)!) }
    static func bit(_ t: ThemeTerm) -> UInt32 { 1 << UInt32(ThemeTerm.allCases.firstIndex(of: t)!) }
    static func mask(_ terms: Set<ThemeTerm>) -> UInt32 { terms.reduce(0) { $0 | bit($1) } }
    static func terms(_ mask: UInt32) -> [ThemeTerm] { ThemeTerm.allCases.filter { mask & bit($0) != 0 } }

    /// - Parameter profiles: by position, only the cities that have a profile or project evidence.
    init(count n: Int, geonameIds: OptionalIntColumn<Int64>, countryCode: (Int) -> String, profiles: [Int32: CityProfile],
         characters table: CharacterTable?) {
        var present = [UInt16](repeating: 0, count: n), known = present
        var measured = [UInt16](repeating: 0, count: n), intensityStart = [UInt32](repeating: 0, count: n)
        var intensities: [Float] = []
        var challengeTerms = [UInt32](repeating: 0, count: n)
        var profileTerms: [Int32: UInt32] = [:], strengthTerms: [Int32: UInt32] = [:]
        var has = [Int](repeating: 0, count: Challenge.allCases.count), knows = has
        // The terms of each present-mask, computed once (a few hundred distinct masks).
        var termsOfMask: [UInt16: UInt32] = [:]
        if let table {
            for i in 0..<n {
                let c = table.character(geonameId: geonameIds[i], country: countryCode(i))
                var p: UInt16 = 0, k: UInt16 = 0, m: UInt16 = 0
                intensityStart[i] = UInt32(intensities.count)
                for (j, challenge) in Challenge.allCases.enumerated() {
                    guard let applies = challenge.applies(to: c) else { continue }
                    k |= 1 << UInt16(j); knows[j] += 1
                    if applies {
                        p |= 1 << UInt16(j); has[j] += 1
                        if let x = challenge.intensity(c) { m |= 1 << UInt16(j); intensities.append(Float(x)) }
                    }
                }
                present[i] = p; known[i] = k; measured[i] = m
                if let t = termsOfMask[p] { challengeTerms[i] = t } else {
                    let t = ChallengeIndex.mask(Set(Challenge.allCases.filter { p & ChallengeIndex.bit($0) != 0 }.flatMap(\.terms)))
                    termsOfMask[p] = t
                    challengeTerms[i] = t
                }
            }
        }
        for (i, r) in profiles {
            if !r.challenges.isEmpty || !r.themes.isEmpty {
                let own = ChallengeIndex.mask(ThemeVocabulary.terms(r.challenges))
                challengeTerms[Int(i)] |= own
                profileTerms[i] = own | ChallengeIndex.mask(ThemeVocabulary.terms(r.themes))
            }
            if !r.strengths.isEmpty { strengthTerms[i] = ChallengeIndex.mask(ThemeVocabulary.terms(r.strengths)) }
            // A completed project's themes count as strengths (ProjectEvidence.swift).
            if !r.projectEvidence.isEmpty {
                strengthTerms[i, default: 0] |= ChallengeIndex.mask(Set(r.projectEvidence.flatMap(\.terms)))
            }
        }
        self.table = table
        self.present = present; self.known = known
        self.measured = measured; self.intensityStart = intensityStart; self.intensities = intensities
        self.challengeTerms = challengeTerms; self.profileTerms = profileTerms; self.strengthTerms = strengthTerms
        specificity = (0..<Challenge.allCases.count).map { j in
            has[j] > 0 ? Float(log(Double(knows[j]) / Double(has[j]))) : 0
        }
        rate = (0..<Challenge.allCases.count).map { j in knows[j] > 0 ? Float(has[j]) / Float(knows[j]) : 0 }
    }
}

/// Specificity and usual rate of each challenge over the gazetteer, in `Challenge.allCases` order.
public struct ChallengeStats: Sendable, Equatable {
    public var specificity: [Float]
    public var rate: [Float]
    public init(specificity: [Float], rate: [Float]) { self.specificity = specificity; self.rate = rate }
    /// Every challenge equally specific (1), none usual (0): for tests and cities without data.
    public static let flat = ChallengeStats(specificity: Challenge.allCases.map { _ in 1 }, rate: Challenge.allCases.map { _ in 0 })
}

extension Features {
    /// Shared challenges, weighted by specificity: the specificity of the
    /// home city's challenges that the candidate shares, as a share of the
    /// specificity of all home challenges. A challenge whose status is
    /// unknown for the candidate is counted neither as yes nor as no but at
    /// its usual rate among the cities that are known (a coal region is rare,
    /// so an unknown one adds little). 1 when it shares all of them. nil when
    /// the home city has no challenge, or none of them is known for the candidate.
    public static func sharedChallenges(home: CityCharacter, candidate: CityCharacter, stats: ChallengeStats) -> Float? {
        let (hp, _) = masks(home), (cp, ck) = masks(candidate)
        return sharedChallenges(homePresent: hp, candidatePresent: cp, candidateKnown: ck, stats: stats)
    }

    @inline(__always)
    static func sharedChallenges(homePresent hp: UInt16, candidatePresent cp: UInt16, candidateKnown ck: UInt16,
                                 stats: ChallengeStats) -> Float? {
        guard hp & ck != 0 else { return nil }
        var shared: Float = 0, total: Float = 0
        for j in 0..<stats.specificity.count where hp & (1 << UInt16(j)) != 0 {
            let s = stats.specificity[j]
            total += s
            if ck & (1 << UInt16(j)) == 0 { shared += s * stats.rate[j] } else if cp & (1 << UInt16(j)) != 0 { shared += s }
        }
        return total > 0 ? shared / total : nil
    }

    /// Further along: of the home city's challenges that have a measure
    /// (heat, dryness, cold, coal, ageing, shrinking), the specificity-weighted
    /// share where the candidate has the same challenge and clearly more of
    /// it (`Challenge.furtherMargin`) — a city that has lived with it longer
    /// or harder. Unknown for the candidate: counted at half the usual rate
    /// (as likely ahead as behind). nil when the home city has none of these
    /// challenges or none is known for the candidate.
    public static func furtherAlong(home: CityCharacter, candidate: CityCharacter, stats: ChallengeStats) -> Float? {
        var ahead: Float = 0, total: Float = 0, anyKnown = false
        for (j, c) in Challenge.allCases.enumerated() {
            guard c.applies(to: home) == true, let h = c.intensity(home) else { continue }
            let w = stats.specificity[j]
            total += w
            guard let applies = c.applies(to: candidate) else { ahead += w * stats.rate[j] / 2; continue }
            anyKnown = true
            if applies, let x = c.intensity(candidate), x >= h + c.furtherMargin { ahead += w }
        }
        return anyKnown && total > 0 ? ahead / total : nil
    }

    /// Profile themes. `similar`: the home city's challenge and theme terms
    /// (its profile and its derived challenges) found among the candidate's
    /// profile themes and challenges. `learn`: the home city's challenge
    /// terms found among the candidate's profile strengths. 1 − e^(−n/1.5):
    /// one term 0.49, two 0.74, three 0.86. nil when the candidate has no
    /// such profile (most gazetteer cities have none) or the home city nothing to meet.
    public static func themes(homeTerms: Set<ThemeTerm>, candidateTerms: Set<ThemeTerm>?) -> Float? {
        guard let candidateTerms, !candidateTerms.isEmpty, !homeTerms.isEmpty else { return nil }
        return themeValue(homeTerms.intersection(candidateTerms).count)
    }

    static func themeValue(_ count: Int) -> Float { count == 0 ? 0 : saturating(Float(count), 1.5) }

    static func masks(_ c: CityCharacter) -> (UInt16, UInt16) {
        var p: UInt16 = 0, k: UInt16 = 0
        for (j, challenge) in Challenge.allCases.enumerated() {
            guard let a = challenge.applies(to: c) else { continue }
            k |= 1 << UInt16(j)
            if a { p |= 1 << UInt16(j) }
        }
        return (p, k)
    }
}

extension MatchIndex {
    /// The specificity of each challenge over the gazetteer (README, "City character").
    public var challengeStats: ChallengeStats {
        ChallengeStats(specificity: challengeIndex.specificity, rate: challengeIndex.rate)
    }

    /// The facts of a city, nil without character data (a city a user added has its country's).
    public func character(_ position: Int) -> CityCharacter? {
        challengeIndex.table?.character(geonameId: geonameIds[position], country: countryCode(position))
    }

    /// The home city's terms to meet in learn mode, or to share in similar mode.
    func homeTerms(_ home: Int, mode: MatchMode) -> UInt32 {
        let ci = challengeIndex
        return mode == .learn ? ci.challengeTerms[home] : ci.challengeTerms[home] | (ci.profileTerms[Int32(home)] ?? 0)
    }

    /// The candidate's terms the themes feature compares with, nil without a profile.
    func candidateTerms(_ i: Int, mode: MatchMode) -> UInt32? {
        mode == .learn ? challengeIndex.strengthTerms[Int32(i)] : challengeIndex.profileTerms[Int32(i)]
    }

    /// Fills the challenge and theme columns of a feature table for `home`.
    func fillChallengeFeatures(_ v: UnsafeMutableBufferPointer<Float>, home: Int, mode: MatchMode) {
        let n = count, ci = challengeIndex
        let sShared = MatchFeature.sharedChallenges.slot * n, sFurther = MatchFeature.furtherAlong.slot * n
        let sThemes = MatchFeature.themes.slot * n
        let hp = ci.present[home]
        if hp != 0 {
            let present = ci.present, known = ci.known, s = ci.specificity, stats = challengeStats
            for i in 0..<n {
                if let x = Features.sharedChallenges(homePresent: hp, candidatePresent: present[i], candidateKnown: known[i], stats: stats) {
                    v[sShared + i] = x
                }
            }
            // Further along: only challenges with a measure.
            let measured = Challenge.allCases.enumerated().filter { hp & (1 << UInt16($0.offset)) != 0 && !ci.intensity($0.offset, home).isNaN }
            if !measured.isEmpty {
                let total = measured.reduce(Float(0)) { $0 + s[$1.offset] }
                var ahead = [Float](repeating: 0, count: n), anyKnown = [Bool](repeating: false, count: n)
                for (j, c) in measured {
                    let h = ci.intensity(j, home), w = s[j], bit = UInt16(1) << UInt16(j), margin = Float(c.furtherMargin)
                    let unknownShare = w * ci.rate[j] / 2, below = bit &- 1
                    let withMeasure = ci.measured, start = ci.intensityStart, values = ci.intensities
                    for i in 0..<n {
                        if known[i] & bit == 0 { ahead[i] += unknownShare; continue }
                        anyKnown[i] = true
                        let m = withMeasure[i]
                        if m & bit != 0, values[Int(start[i]) + (m & below).nonzeroBitCount] >= h + margin { ahead[i] += w }
                    }
                }
                if total > 0 { for i in 0..<n where anyKnown[i] { v[sFurther + i] = ahead[i] / total } }
            }
        }
        let h = homeTerms(home, mode: mode)
        guard h != 0 else { return }
        for (i, terms) in (mode == .learn ? ci.strengthTerms : ci.profileTerms) where terms != 0 {
            v[sThemes + Int(i)] = Features.themeValue((h & terms).nonzeroBitCount)
        }
    }
}

import Foundation

/// One feature of one suggestion in words a volunteer understands, in English,
/// German or French: "similar size: 588,462 / 143,086", "3 of your partners are
/// twinned with it". A missing value says what is missing.
public struct Explanation: Sendable, Equatable {
    public let feature: MatchFeature
    public let value: Float?
    public let facts: PairFacts
    public let mode: MatchMode
    public let preference: DistancePreference

    public init(feature: MatchFeature, value: Float?, facts: PairFacts, mode: MatchMode, preference: DistancePreference) {
        self.feature = feature; self.value = value; self.facts = facts; self.mode = mode; self.preference = preference
    }

    /// The language of `lang` ("fr", "de_DE.UTF-8", "en-GB" …); English for any other.
    static func language(_ lang: String) -> ReportLanguage {
        ReportLanguage(rawValue: String(lang.lowercased().prefix(2))) ?? .en
    }

    /// The sentence in `lang` ("en", "de", "fr"; a locale such as "de_DE.UTF-8" works too;
    /// other languages get English). The sentences are in the catalogue as `reason.<key>`.
    public func text(_ lang: String) -> String {
        let code = String(lang.lowercased().prefix(2))
        let language = ReportLanguage(rawValue: code) ?? .en
        func t(_ key: ReasonText, _ arguments: String...) -> String { key.text(language.rawValue, arguments) }
        func n(_ x: Int) -> String { ReportWords.number(x, language) }
        /// "1 partner" and "3 partners" are different sentences in every language.
        func counted(_ x: Int, _ one: ReasonText, _ many: ReasonText, _ rest: String...) -> String {
            x == 1 ? one.text(language.rawValue, rest) : many.text(language.rawValue, [n(x)] + rest)
        }
        let f = facts
        let homeCountry = CountryNames.name(code: f.homeCountryCode, fallback: f.homeCountry, language)
        let candidateCountry = CountryNames.name(code: f.candidateCountryCode, fallback: f.candidateCountry, language)
        switch feature {
        case .sizeSimilarity:
            guard let v = value, let a = f.homePopulation, let b = f.candidatePopulation else { return t(.sizeUnknown) }
            let similar = v >= 0.8   // within a factor of about 3
            return t(similar ? .sizeSimilar : .sizeDifferent, n(a), n(b))
        case .candidateSize:
            guard value != nil, let b = f.candidatePopulation else { return t(.populationUnknown, f.candidateName) }
            return t(.population, f.candidateName, n(b))
        case .distance:
            guard value != nil, let km = f.distanceKm else { return t(.distanceUnknown) }
            let base = t(.distanceAway, n(Int(km.rounded())))
            switch preference {
            case .bus: return base + t(km <= 1200 ? .reachableByBus : .tooFarForBus)
            case .far: return base + t(km >= 3000 ? .farAsWished : .notFar)
            case .none: return base
            }
        case .sharedPartners:
            if f.sharedPartners == 0 { return t(.sharedNone) }
            return counted(f.sharedPartners, .sharedOne, .sharedMany)
        case .partnersOfPartners:
            if f.partnersOfPartners == 0 { return t(.indirectNone) }
            return counted(f.partnersOfPartners, .indirectOne, .indirectMany)
        case .adamicAdar:
            if f.sharedPartners == 0 { return t(.rareNone) }
            let score = language == .en ? String(format: "%.2f", f.adamicAdar)
                : ReportWords.decimal(Double(f.adamicAdar), digits: 2, language)
            return t(.rare, score)
        case .regionLinks:
            guard let links = f.regionLinks, let hr = f.homeRegion, let cr = f.candidateRegion else { return t(.regionUnknown) }
            if links == 0 { return t(.regionNone, hr, cr) }
            return counted(links, .regionOne, .regionMany, hr, cr)
        case .nearbyLinks:
            guard value != nil, let links = f.nearbyLinks else { return t(.nearbyUnknown) }
            if links == 0 { return t(.nearbyNone) }
            return counted(links, .nearbyOne, .nearbyMany)
        case .countryLinks:
            return counted(f.countryLinks, .countryOne, .countryMany, homeCountry, candidateCountry)
        case .candidatePartners:
            if f.candidatePartners == 0 { return t(.partnersNone, f.candidateName) }
            return f.candidatePartners == 1 ? t(.partnersOne, f.candidateName) : t(.partnersMany, f.candidateName, n(f.candidatePartners))
        case .partnerSizes:
            guard value != nil, let typical = f.partnersTypicalPopulation, f.candidatePopulation != nil else {
                return t(.partnerSizesUnknown)
            }
            return t((value ?? 0) >= 0.8 ? .partnerSizesLike : .partnerSizesUnlike, n(typical))   // within a factor of about 3
        case .candidateNewCountry:
            let k = f.candidatePartnersInHomeCountry
            if k == 0 { return t(.newForThemNone, f.candidateName, homeCountry) }
            return k == 1 ? t(.newForThemOne, f.candidateName, homeCountry)
                          : t(.newForThemMany, f.candidateName, n(k), homeCountry)
        case .themes, .sharedChallenges, .furtherAlong:
            return challengeText(lang)   // Explanation+Challenges.swift
        case .languages:
            guard value != nil else { return t(.languagesUnknown) }
            if f.commonLanguages.isEmpty { return t(.languagesNone) }
            return t(.languagesCommon, f.commonLanguages.joined(separator: ", "))
        case .newCountry:
            return t(f.homeHasPartnerInCountry ? .newCountryAlready : .newCountryNone, candidateCountry)
        case .networkReach, .theirPartnerSizes, .countryAffinity:
            return addedFeatureText(language)
        case .seeking:
            return t(f.seeking ? .seekingYes : .seekingNo)
        }
    }

    /// 588462 → "588,462" (English) or "588.462" (German).
    public static func number(_ value: Int, german: Bool) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(german ? "." : ",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }
}

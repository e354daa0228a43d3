import Foundation

/// One feature of one suggestion in words a volunteer understands, in German
/// or English: "similar size: 588,462 / 143,086", "3 of your partners are
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

    /// "de…" (de, de_DE.UTF-8, de-AT) is German; everything else is English.
    public static func isGerman(_ lang: String) -> Bool { lang.lowercased().hasPrefix("de") }

    /// The sentence in `lang` ("de" or "en"; a locale such as "de_DE.UTF-8" works too).
    public func text(_ lang: String) -> String {
        let de = Explanation.isGerman(lang)
        func n(_ x: Int) -> String { Explanation.number(x, german: de) }
        func count(_ x: Int, _ one: String, _ many: String) -> String { x == 1 ? "1 \(one)" : "\(n(x)) \(many)" }
        let f = facts
        switch feature {
        case .sizeSimilarity:
            guard let v = value, let a = f.homePopulation, let b = f.candidatePopulation else {
                return de ? "Größenvergleich fehlt: keine Einwohnerzahl" : "size not compared: no population figure"
            }
            let similar = v >= 0.8   // within a factor of about 3
            return de ? "\(similar ? "ähnliche" : "unterschiedliche") Größe: \(n(a)) / \(n(b))"
                      : "\(similar ? "similar" : "different") size: \(n(a)) / \(n(b))"
        case .candidateSize:
            guard value != nil, let b = f.candidatePopulation else {
                return de ? "Einwohnerzahl von \(f.candidateName) unbekannt" : "population of \(f.candidateName) unknown"
            }
            return de ? "\(f.candidateName) hat \(n(b)) Einwohner" : "\(f.candidateName) has \(n(b)) inhabitants"
        case .distance:
            guard value != nil, let km = f.distanceKm else {
                return de ? "Entfernung unbekannt: keine Koordinaten" : "distance unknown: no coordinates"
            }
            let base = de ? "\(n(Int(km.rounded()))) km entfernt" : "\(n(Int(km.rounded()))) km away"
            switch preference {
            case .bus:
                let reachable = km <= 1200
                return base + (de ? (reachable ? " (mit dem Bus erreichbar)" : " (zu weit für eine Busreise)")
                                  : (reachable ? " (reachable by bus)" : " (too far for a bus trip)"))
            case .far:
                return base + (km >= 3000 ? (de ? " (weit weg, wie gewünscht)" : " (far away, as wished)")
                                          : (de ? " (nicht weit weg)" : " (not far away)"))
            case .none:
                return base
            }
        case .sharedPartners:
            if f.sharedPartners == 0 {
                return de ? "keine Ihrer Partnerstädte ist mit ihr verschwistert" : "none of your partners is twinned with it"
            }
            return de ? "\(count(f.sharedPartners, "Ihrer Partnerstädte ist", "Ihrer Partnerstädte sind")) mit ihr verschwistert"
                      : "\(count(f.sharedPartners, "of your partners is", "of your partners are")) twinned with it"
        case .partnersOfPartners:
            if f.partnersOfPartners == 0 {
                return de ? "nicht mit den Partnern Ihrer Partner verschwistert" : "not twinned with your partners' partners"
            }
            return de ? "\(count(f.partnersOfPartners, "Verbindung", "Verbindungen")) über die Partner Ihrer Partner"
                      : "\(count(f.partnersOfPartners, "link", "links")) through your partners' partners"
        case .adamicAdar:
            if f.sharedPartners == 0 {
                return de ? "keine gemeinsamen Partner" : "no partners in common"
            }
            let score = String(format: "%.2f", f.adamicAdar)
            return de ? "gemeinsame Partner, seltene zählen mehr (Wert \(score.replacingOccurrences(of: ".", with: ",")))"
                      : "partners in common, rare ones counting more (score \(score))"
        case .regionLinks:
            guard let links = f.regionLinks, let hr = f.homeRegion, let cr = f.candidateRegion else {
                return de ? "Region unbekannt: keine Angabe zu Verbindungen der Regionen" : "region unknown: no region links to count"
            }
            if links == 0 {
                return de ? "noch keine Partnerschaft zwischen \(hr) und \(cr)" : "no twinning yet between \(hr) and \(cr)"
            }
            return de ? "\(count(links, "Partnerschaft verbindet", "Partnerschaften verbinden")) \(hr) und \(cr)"
                      : "\(count(links, "twinning links", "twinnings link")) \(hr) and \(cr)"
        case .nearbyLinks:
            guard value != nil, let links = f.nearbyLinks else {
                return de ? "Umgebung unbekannt: keine Koordinaten" : "surroundings unknown: no coordinates"
            }
            if links == 0 {
                return de ? "keine Partnerschaft zwischen Orten in Ihrer Nähe und Orten in ihrer Nähe"
                          : "no twinning between towns near you and towns near it"
            }
            return de ? "\(count(links, "Partnerschaft verbindet", "Partnerschaften verbinden")) Orte in Ihrer Nähe mit Orten in ihrer Nähe"
                      : "\(count(links, "twinning links", "twinnings link")) towns near you with towns near it"
        case .countryLinks:
            return de ? "\(count(f.countryLinks, "Partnerschaft", "Partnerschaften")) zwischen \(f.homeCountry) und \(f.candidateCountry) im Register"
                      : "\(count(f.countryLinks, "twinning", "twinnings")) between \(f.homeCountry) and \(f.candidateCountry) in the register"
        case .candidatePartners:
            if f.candidatePartners == 0 {
                return de ? "\(f.candidateName) hat noch keine Partnerstadt" : "\(f.candidateName) has no partner yet"
            }
            return de ? "\(f.candidateName) hat \(count(f.candidatePartners, "Partnerstadt", "Partnerstädte"))"
                      : "\(f.candidateName) has \(count(f.candidatePartners, "partner", "partners"))"
        case .partnerSizes:
            guard value != nil, let typical = f.partnersTypicalPopulation, f.candidatePopulation != nil else {
                return de ? "keine Partnerstädte mit Einwohnerzahl zum Vergleich" : "no partners with a population to compare"
            }
            // Short enough for the detail column of an 80-column window.
            return (value ?? 0) >= 0.8   // within a factor of about 3
                ? (de ? "so groß wie Ihre Partner (typisch \(n(typical)))" : "as big as your partners (typically \(n(typical)))")
                : (de ? "anders als Ihre Partner (typisch \(n(typical)))" : "unlike your partners (typically \(n(typical)))")
        case .candidateNewCountry:
            let k = f.candidatePartnersInHomeCountry
            if k == 0 {
                return de ? "\(f.candidateName) hat noch keine Partnerstadt in \(f.homeCountry)"
                          : "\(f.candidateName) has no partner in \(f.homeCountry) yet"
            }
            return de ? "\(f.candidateName) hat schon \(count(k, "Partnerstadt", "Partnerstädte")) in \(f.homeCountry)"
                      : "\(f.candidateName) already has \(count(k, "partner", "partners")) in \(f.homeCountry)"
        case .themes, .sharedChallenges, .furtherAlong:
            return challengeText(lang)   // Explanation+Challenges.swift
        case .languages:
            guard value != nil else { return de ? "Sprachen unbekannt" : "languages unknown" }
            if f.commonLanguages.isEmpty { return de ? "keine gemeinsame Sprache" : "no language in common" }
            return de ? "gemeinsame Sprachen: \(f.commonLanguages.joined(separator: ", "))"
                      : "languages in common: \(f.commonLanguages.joined(separator: ", "))"
        case .newCountry:
            return f.homeHasPartnerInCountry
                ? (de ? "Sie haben schon eine Partnerstadt in \(f.candidateCountry)" : "you already have a partner in \(f.candidateCountry)")
                : (de ? "Sie haben noch keine Partnerstadt in \(f.candidateCountry)" : "you have no partner in \(f.candidateCountry) yet")
        case .networkReach, .theirPartnerSizes, .countryAffinity:
            return addedFeatureText(german: de)
        case .seeking:
            return f.seeking ? (de ? "sucht Partnerstädte" : "is looking for partners")
                             : (de ? "sucht laut Profil keine Partnerstädte" : "has not said it is looking for partners")
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

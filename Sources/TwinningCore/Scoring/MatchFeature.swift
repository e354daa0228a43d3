import Foundation

/// Why a home city looks for partners: to solve similar challenges together,
/// or to learn from a city whose strengths meet its challenges. The mode only
/// changes how city profiles are compared (and which built-in profile is used).
public enum MatchMode: String, Vocabulary {
    case similar, learn
}

/// How far away a partner may be. Youth exchanges travel by coach, so "bus"
/// prefers a day's drive; "far" prefers other continents; "none" keeps the
/// mild preference for nearness that real twinnings show.
public enum DistancePreference: String, Vocabulary {
    case bus, none, far
}

/// What kind of reason a feature gives. Stable raw values: they are part of
/// the JSON contract of `twinning match --format json`.
public enum MatchFeatureGroup: String, CaseIterable, Codable, Hashable, Sendable {
    /// What the cities face (derived character and profile challenges).
    case challenges
    /// What the cities work on or are good at (profile themes and strengths).
    case themes
    case size
    case geography
    case network
    case country
}

/// The named features of the scoring engine. Each is a value in [0, 1] (or
/// missing) computed by a function in `Features`; the raw value is the key
/// used in weight profile files.
public enum MatchFeature: String, CaseIterable, Codable, Hashable, Sendable {
    case sizeSimilarity = "size_similarity"
    case candidateSize = "candidate_size"
    case distance
    case sharedPartners = "shared_partners"
    case partnersOfPartners = "partners_of_partners"
    case adamicAdar = "adamic_adar"
    case regionLinks = "region_links"
    case nearbyLinks = "nearby_links"
    case countryLinks = "country_links"
    case candidatePartners = "candidate_partners"
    case partnerSizes = "partner_sizes"
    case candidateNewCountry = "candidate_new_country"
    case themes
    case languages
    case newCountry = "new_country"
    case seeking
    // What cities face (README, "City character"): Scoring/ChallengeFeatures.swift.
    case sharedChallenges = "shared_challenges"
    case furtherAlong = "further_along"
    // Added for issue 11 (a better engine underneath); computed in NetworkFeatures.swift.
    case networkReach = "network_reach"
    case theirPartnerSizes = "their_partner_sizes"
    case countryAffinity = "country_affinity"

    /// Position in the feature-major value table.
    var slot: Int { MatchFeature.slots[self]! }
    private static let slots: [MatchFeature: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The kind of reason this feature gives, for the JSON contract and for
    /// grouping (`twinning match --format json` reports it per reason).
    public var group: MatchFeatureGroup {
        switch self {
        case .sizeSimilarity, .candidateSize, .partnerSizes, .theirPartnerSizes: return .size
        case .distance: return .geography
        case .sharedPartners, .partnersOfPartners, .adamicAdar, .regionLinks, .nearbyLinks, .candidatePartners, .networkReach:
            return .network
        // Seeking is a profile flag, but it says nothing about what a city
        // faces or works on: it is a network (willingness) reason, never a theme.
        case .seeking: return .network
        case .countryLinks, .candidateNewCountry, .languages, .newCountry, .countryAffinity: return .country
        case .themes: return .themes
        case .sharedChallenges, .furtherAlong: return .challenges
        }
    }

    /// Short label for tables and the weights dialog, from the text catalogue
    /// (`match.<rawValue>`; CatalogueTests checks every feature has one in every language).
    /// `lang` is "en", "de", "fr" or a locale such as "de_DE.UTF-8".
    public func label(_ lang: String) -> String {
        Catalogue.shared.text(catalogueKey, String(lang.lowercased().prefix(2)))
    }

    public var catalogueKey: String { "match." + rawValue }
}

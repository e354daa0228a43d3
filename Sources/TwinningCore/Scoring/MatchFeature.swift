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

    /// Position in the feature-major value table.
    var slot: Int { MatchFeature.slots[self]! }
    private static let slots: [MatchFeature: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// Short label for tables and the weights dialog, from the text catalogue
    /// (`match.<rawValue>`; CatalogueTests checks every feature has one in every language).
    /// `lang` is "en", "de", "fr" or a locale such as "de_DE.UTF-8".
    public func label(_ lang: String) -> String {
        Catalogue.shared.text(catalogueKey, String(lang.lowercased().prefix(2)))
    }

    public var catalogueKey: String { "match." + rawValue }
}

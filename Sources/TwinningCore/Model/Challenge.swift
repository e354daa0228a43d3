import Foundation

/// What a city faces, derived from its facts (`CityCharacter`) with the
/// thresholds below (README, "City character"). Thresholds are choices, not
/// facts; each is named here once.
public enum Challenge: String, CaseIterable, Codable, Hashable, Sendable {
    case adminSeat = "admin_seat"
    case lowLyingCoast = "low_lying_coast"
    case seaPort = "sea_port"
    case riverTown = "river_town"
    case mountainTown = "mountain_town"
    case hotSummers = "hot_summers"
    case dryClimate = "dry_climate"
    case coldWinters = "cold_winters"
    case coalRegion = "coal_region"
    case ageingCountry = "ageing_country"
    case shrinkingCountry = "shrinking_country"

    public enum Threshold {
        /// Low-lying coast: within 10 km of the sea and at most 10 m above it (storm floods, sea-level rise).
        public static let lowCoastKm = 10.0, lowElevationM = 10
        /// Sea port: a UN/LOCODE port with a terminal within 5 km, and the sea within 15 km (inland ports are not sea ports).
        public static let portKm = 5.0, portCoastKm = 15.0
        /// River town: a major river within 2 km (river floods, water quality).
        public static let riverKm = 2.0
        /// Mountain town: 800 m of relief within ±18 km, or 800 m above the sea.
        public static let mountainM = 800
        /// Hot summers: warmest month at least 25 °C on average (2000–2025).
        public static let hotC = 25.0
        /// Dry climate: under 450 mm of rain a year.
        public static let dryMm = 450
        /// Cold winters: coldest month at most −5 °C on average.
        public static let coldC = -5.0
        /// Former coal and industry region: at least 500 MW of coal, lignite or peat units within 30 km (operating or closed).
        public static let coalMW = 500
        /// Ageing country: at least 30 % aged 65+ by 2050.
        public static let ageingShare = 0.30
        /// Shrinking country: population falls by 10 % or more from 2020 to 2050.
        public static let shrinkingChange = -0.10
    }

    /// Whether a city has the challenge: true, false, or nil when the facts it needs are unknown.
    public func applies(to c: CityCharacter) -> Bool? {
        switch self {
        case .adminSeat: return c.role.map { $0 != .other }
        case .lowLyingCoast:
            guard let coast = c.coastKm else { return nil }
            if coast > Threshold.lowCoastKm { return false }
            return c.elevationM.map { $0 <= Threshold.lowElevationM }
        case .seaPort:
            guard let port = c.portKm, let coast = c.coastKm else { return nil }
            if port > Threshold.portKm || coast > Threshold.portCoastKm { return false }
            return c.portTerminal
        case .riverTown: return c.riverKm.map { $0 <= Threshold.riverKm }
        case .mountainTown:
            if let r = c.reliefM, r >= Threshold.mountainM { return true }
            if let e = c.elevationM, e >= Threshold.mountainM { return true }
            // "No" needs both figures: a missing elevation might be a high one.
            return c.reliefM != nil && c.elevationM != nil ? false : nil
        case .hotSummers: return c.warmestC.map { $0 >= Threshold.hotC }
        case .dryClimate: return c.rainMm.map { $0 < Threshold.dryMm }
        case .coldWinters: return c.coldestC.map { $0 <= Threshold.coldC }
        case .coalRegion: return c.coalMW.map { $0 >= Threshold.coalMW }
        case .ageingCountry: return c.share65in2050.map { $0 >= Threshold.ageingShare }
        case .shrinkingCountry: return c.popChange2020to2050.map { $0 <= Threshold.shrinkingChange }
        }
    }

    /// Where a challenge is the same for two cities, the one with more of it
    /// is "further along" (it has lived with it longer or more strongly):
    /// hotter, drier, colder, more coal behind it, older already (2020),
    /// shrunk already (2000–2020), a capital rather than a region seat, more
    /// relief, lower above the sea. nil for yes/no challenges (a river, a port).
    public func intensity(_ c: CityCharacter) -> Double? {
        switch self {
        case .adminSeat: return c.role.map { $0 == .capital ? 2 : ($0 == .regionSeat ? 1 : 0) }
        case .mountainTown: return c.reliefM.map(Double.init)
        case .lowLyingCoast: return c.elevationM.map { -Double($0) }
        case .hotSummers: return c.warmestC
        case .dryClimate: return c.rainMm.map { -Double($0) }
        case .coldWinters: return c.coldestC.map { -$0 }
        case .coalRegion: return c.coalMW.map(Double.init)
        case .ageingCountry: return c.share65in2020
        case .shrinkingCountry: return c.popChange2000to2020.map { -$0 }
        default: return nil
        }
    }

    /// How much more counts as "further along": 1 °C, 50 mm, 2 °C, 1,000 MW, 2 points of 65+ share, 3 points of change,
    /// capital against region seat, 300 m of relief, 3 m lower.
    public var furtherMargin: Double {
        switch self {
        case .adminSeat: return 1
        case .mountainTown: return 300
        case .lowLyingCoast: return 3
        case .hotSummers: return 1
        case .dryClimate: return 50
        case .coldWinters: return 2
        case .coalRegion: return 1000
        case .ageingCountry: return 0.02
        case .shrinkingCountry: return 0.03
        default: return .infinity
        }
    }

    /// The vocabulary terms a challenge stands for, so a city without a
    /// profile still has challenges to meet with another city's strengths.
    public var terms: [ThemeTerm] {
        switch self {
        case .adminSeat: return [.sdg16]
        case .lowLyingCoast: return [.sdg13, .sdg14]
        case .seaPort: return [.sdg14, .economy]
        case .riverTown: return [.sdg6, .sdg13]
        case .mountainTown: return [.sdg15, .tourism]
        case .hotSummers: return [.sdg13, .health]
        case .dryClimate: return [.sdg6, .sdg13]
        case .coldWinters: return [.sdg7]
        case .coalRegion: return [.sdg8, .sdg9]
        case .ageingCountry: return [.health, .sdg3]
        case .shrinkingCountry: return [.sdg11]
        }
    }

    /// The short label of a challenge a city has, with its figure, for the
    /// Character line: "former coal region (3.0 GW within 30 km)".
    public func label(_ c: CityCharacter, _ lang: String) -> String {
        let l = ThemeVocabulary.language(lang)
        func pick(_ en: String, _ de: String, _ fr: String) -> String { l == "de" ? de : (l == "fr" ? fr : en) }
        let n = ChallengeText(lang)
        switch self {
        case .adminSeat:
            return c.role == .capital ? pick("capital", "Hauptstadt", "capitale") : pick("region seat", "Regionssitz", "chef-lieu de région")
        case .lowLyingCoast: return pick("low-lying coast", "tief liegende Küste", "côte basse") + n.paren(n.metres(c.elevationM))
        case .seaPort: return pick("sea port", "Seehafen", "port maritime")
        case .riverTown: return pick("river town", "Stadt am Fluss", "ville fluviale")
        case .mountainTown: return pick("mountain town", "Bergstadt", "ville de montagne") + n.paren(n.relief(c.reliefM))
        case .hotSummers: return pick("hot summers", "heiße Sommer", "étés chauds") + n.paren(n.celsius(c.warmestC))
        case .dryClimate: return pick("dry climate", "trockenes Klima", "climat sec") + n.paren(n.rain(c.rainMm))
        case .coldWinters: return pick("cold winters", "kalte Winter", "hivers froids") + n.paren(n.celsius(c.coldestC))
        case .coalRegion:
            return pick("former coal region", "ehemalige Kohleregion", "ancien bassin houiller")
                + n.paren(n.gigawatts(c.coalMW).map { $0 + pick(" within 30 km", " im Umkreis von 30 km", " à moins de 30 km") })
        case .ageingCountry:
            return pick("ageing country", "alterndes Land", "pays vieillissant")
                + n.paren(n.percent(c.share65in2050).map { $0 + pick(" aged 65+ by 2050", " über 65 bis 2050", " de 65 ans et plus en 2050") })
        case .shrinkingCountry:
            return pick("shrinking country", "schrumpfendes Land", "pays en déclin démographique")
                + n.paren(n.signedPercent(c.popChange2020to2050).map { $0 + pick(" by 2050", " bis 2050", " d'ici 2050") })
        }
    }

    /// The plain sentence for `twinning cities show`: what the challenge
    /// means for the town, and why it is one.
    public func sentence(_ c: CityCharacter, _ lang: String) -> String {
        let l = ThemeVocabulary.language(lang)
        func pick(_ en: String, _ de: String, _ fr: String) -> String { l == "de" ? de : (l == "fr" ? fr : en) }
        let why: String
        switch self {
        case .adminSeat: why = pick("administration for a whole region", "Verwaltung für eine ganze Region", "l’administration de toute une région")
        case .lowLyingCoast:
            why = pick("storm floods and rising sea levels", "Sturmfluten und steigender Meeresspiegel", "tempêtes, submersions et montée de la mer")
        case .seaPort: why = pick("port economy, the sea and trade", "Hafenwirtschaft, Meer und Handel", "économie portuaire, mer et commerce")
        case .riverTown: why = pick("river floods and water quality", "Hochwasser und Wasserqualität", "crues et qualité de l’eau")
        case .mountainTown: why = pick("slopes, access, mountain tourism", "Hänge, Erreichbarkeit, Bergtourismus", "pentes, accès, tourisme de montagne")
        case .hotSummers: why = pick("urban heat and health", "Hitze in der Stadt, Gesundheit", "chaleur en ville et santé")
        case .dryClimate: why = pick("water is scarce", "Wasser wird knapp", "l’eau se fait rare")
        case .coldWinters: why = pick("heating and energy", "Heizen und Energie", "chauffage et énergie")
        case .coalRegion:
            why = pick("structural change after coal and heavy industry", "Strukturwandel nach Kohle und Schwerindustrie",
                       "reconversion après le charbon et l’industrie lourde")
        case .ageingCountry: why = pick("care, health, an older population", "Pflege, Gesundheit, eine ältere Bevölkerung",
                                        "soins, santé, une population plus âgée")
        case .shrinkingCountry: why = pick("fewer people, empty buildings", "weniger Einwohner, leere Gebäude", "moins d’habitants, bâtiments vides")
        }
        // French puts a space before the colon.
        return label(c, lang) + (l == "fr" ? " : " : ": ") + why
    }

    /// What is unknown about a city for this challenge, e.g. "coal region unknown (data for Europe only)".
    public func unknownLabel(_ lang: String) -> String {
        let l = ThemeVocabulary.language(lang)
        func pick(_ en: String, _ de: String, _ fr: String) -> String { l == "de" ? de : (l == "fr" ? fr : en) }
        switch self {
        case .adminSeat: return pick("admin role unknown", "Verwaltungsrolle unbekannt", "rôle administratif inconnu")
        case .lowLyingCoast, .mountainTown: return pick("elevation unknown", "Höhe unbekannt", "altitude inconnue")
        case .seaPort: return pick("port unknown", "Hafen unbekannt", "port inconnu")
        case .riverTown: return pick("river unknown", "Fluss unbekannt", "fleuve inconnu")
        case .hotSummers, .dryClimate, .coldWinters: return pick("climate unknown", "Klima unbekannt", "climat inconnu")
        case .coalRegion: return pick("coal region unknown", "Kohleregion unbekannt", "bassin houiller inconnu")
        case .ageingCountry, .shrinkingCountry:
            return pick("country demography unknown", "Bevölkerungsentwicklung unbekannt", "démographie inconnue")
        }
    }
}

/// The challenges of one city: derived from its facts, with what is unknown.
public struct CityChallenges: Sendable, Equatable {
    public let character: CityCharacter
    public let present: [Challenge]
    public let unknown: [Challenge]

    public init(_ character: CityCharacter) {
        self.character = character
        present = Challenge.allCases.filter { $0.applies(to: character) == true }
        unknown = Challenge.allCases.filter { $0.applies(to: character) == nil }
    }

    /// "region seat · river town · former coal region (3.0 GW within 30 km) · ageing country (30 % aged 65+ by 2050)",
    /// then what is unknown ("climate unknown"), each said once.
    /// `compact`: country-level challenges without their figures, for a line that must fit 80 columns.
    public func line(_ lang: String, compact: Bool = false) -> String {
        var parts = present.map { c in
            compact && (c == .ageingCountry || c == .shrinkingCountry) ? c.label(CityCharacter(), lang) : c.label(character, lang)
        }
        var said = Set<String>()
        for u in unknown where said.insert(u.unknownLabel(lang)).inserted { parts.append(u.unknownLabel(lang)) }
        if parts.isEmpty {
            let l = ThemeVocabulary.language(lang)
            return l == "de" ? "keine der Herausforderungen" : (l == "fr" ? "aucun des défis" : "none of the challenges")
        }
        return parts.joined(separator: " · ")
    }

    /// The vocabulary terms of the derived challenges.
    public var terms: Set<ThemeTerm> { Set(present.flatMap(\.terms)) }
}

/// Numbers in challenge labels, in the user's language (German decimal comma).
struct ChallengeText {
    let comma: Bool
    let language: ReportLanguage
    init(_ lang: String) {
        language = ReportLanguage(rawValue: ThemeVocabulary.language(lang)) ?? .en
        comma = language != .en
    }

    func paren(_ s: String?) -> String { s.map { " (\($0))" } ?? "" }
    func decimal(_ x: Double, _ digits: Int) -> String {
        let s = String(format: "%.\(digits)f", x)
        return (comma ? s.replacingOccurrences(of: ".", with: ",") : s).replacingOccurrences(of: "-", with: "−")
    }
    /// Thousands grouped as the language writes them (French: a narrow space).
    func grouped(_ x: Int) -> String { ReportWords.number(x, language).replacingOccurrences(of: "-", with: "−") }
    func metres(_ m: Int?) -> String? { m.map { "\(grouped($0)) m" } }
    func relief(_ m: Int?) -> String? { m.map { comma ? "Relief \(grouped($0)) m" : "relief \(grouped($0)) m" } }
    func celsius(_ c: Double?) -> String? { c.map { "\(decimal($0, 0)) °C" } }
    func rain(_ mm: Int?) -> String? { mm.map { "\(grouped($0)) mm" } }
    func gigawatts(_ mw: Int?) -> String? { mw.map { "\(decimal(Double($0) / 1000, 1)) GW" } }
    func percent(_ share: Double?) -> String? { share.map { "\(Int((($0) * 100).rounded())) %" } }
    func signedPercent(_ change: Double?) -> String? {
        change.map { let p = Int(($0 * 100).rounded()); return (p < 0 ? "−" : "+") + "\(abs(p)) %" }
    }
}

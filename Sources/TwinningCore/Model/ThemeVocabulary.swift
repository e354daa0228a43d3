import Foundation

/// One word of the shared vocabulary for themes, strengths and challenges:
/// the 17 UN Sustainable Development Goals — the common language of
/// municipal partnerships (SKEW's municipal sustainability partnerships, the
/// SDG portal of German municipalities, CEMR's RFSC) — plus the exchange
/// themes the SDGs leave out and twinning lives on. The raw value is what the
/// database stores.
public enum ThemeTerm: String, CaseIterable, Codable, Hashable, Sendable {
    case sdg1, sdg2, sdg3, sdg4, sdg5, sdg6, sdg7, sdg8, sdg9, sdg10, sdg11, sdg12, sdg13, sdg14, sdg15, sdg16, sdg17
    case culture, youth, sport, remembrance, languages, music, economy, tourism, volunteering, digital, mobility
    case migration, health

    /// The goal number for an SDG, nil for an exchange theme.
    public var goal: Int? { rawValue.hasPrefix("sdg") ? Int(rawValue.dropFirst(3)) : nil }

    /// The label in "de", "fr" or (anything else) English. SDGs use the
    /// official UN short titles; the open-sdg translation files have typos
    /// we do not copy ("Travaux décent" for 8, "Energies propres" for 7).
    public func label(_ lang: String) -> String {
        let (en, de, fr) = ThemeTerm.labels[self]!
        switch ThemeVocabulary.language(lang) {
        case "de": return de
        case "fr": return fr
        default: return en
        }
    }

    /// "SDG 13 Climate action" for an SDG (the number is how partnerships cite them), the label otherwise.
    public func display(_ lang: String) -> String {
        guard let goal else { return label(lang) }
        let prefix = ThemeVocabulary.language(lang) == "fr" ? "ODD" : (ThemeVocabulary.language(lang) == "de" ? "SDG" : "SDG")
        return "\(prefix) \(goal) \(label(lang))"
    }

    static let labels: [ThemeTerm: (String, String, String)] = [
        .sdg1: ("No poverty", "Keine Armut", "Pas de pauvreté"),
        .sdg2: ("Zero hunger", "Kein Hunger", "Faim « zéro »"),
        .sdg3: ("Good health and well-being", "Gesundheit und Wohlergehen", "Bonne santé et bien-être"),
        .sdg4: ("Quality education", "Hochwertige Bildung", "Éducation de qualité"),
        .sdg5: ("Gender equality", "Geschlechtergleichheit", "Égalité entre les sexes"),
        .sdg6: ("Clean water and sanitation", "Sauberes Wasser und Sanitäreinrichtungen", "Eau propre et assainissement"),
        .sdg7: ("Affordable and clean energy", "Bezahlbare und saubere Energie", "Énergie propre et d'un coût abordable"),
        .sdg8: ("Decent work and economic growth", "Menschenwürdige Arbeit und Wirtschaftswachstum", "Travail décent et croissance économique"),
        .sdg9: ("Industry, innovation and infrastructure", "Industrie, Innovation und Infrastruktur", "Industrie, innovation et infrastructure"),
        .sdg10: ("Reduced inequalities", "Weniger Ungleichheiten", "Inégalités réduites"),
        .sdg11: ("Sustainable cities and communities", "Nachhaltige Städte und Gemeinden", "Villes et communautés durables"),
        .sdg12: ("Responsible consumption and production", "Nachhaltige/r Konsum und Produktion", "Consommation et production responsables"),
        .sdg13: ("Climate action", "Maßnahmen zum Klimaschutz", "Mesures relatives à la lutte contre les changements climatiques"),
        .sdg14: ("Life below water", "Leben unter Wasser", "Vie aquatique"),
        .sdg15: ("Life on land", "Leben an Land", "Vie terrestre"),
        .sdg16: ("Peace, justice and strong institutions", "Frieden, Gerechtigkeit und starke Institutionen", "Paix, justice et institutions efficaces"),
        .sdg17: ("Partnerships for the goals", "Partnerschaften zur Erreichung der Ziele", "Partenariats pour la réalisation des objectifs"),
        .culture: ("Culture", "Kultur", "Culture"),
        .youth: ("Youth and schools", "Jugend und Schulen", "Jeunesse et écoles"),
        .sport: ("Sport", "Sport", "Sport"),
        .remembrance: ("Remembrance and history", "Erinnerung und Geschichte", "Mémoire et histoire"),
        .languages: ("Languages", "Sprachen", "Langues"),
        .music: ("Music and festivals", "Musik und Feste", "Musique et fêtes"),
        .economy: ("Economy and trade", "Wirtschaft und Handel", "Économie et commerce"),
        .tourism: ("Tourism", "Tourismus", "Tourisme"),
        .volunteering: ("Volunteering and civil society", "Ehrenamt und Zivilgesellschaft", "Bénévolat et société civile"),
        .digital: ("Digital life and smart city", "Digitales Leben und Smart City", "Vie numérique et ville intelligente"),
        .mobility: ("Mobility", "Mobilität", "Mobilité"),
        .migration: ("Migration and integration", "Migration und Integration", "Migration et intégration"),
        .health: ("Health and care", "Gesundheit und Pflege", "Santé et soins"),
    ]

    /// Word beginnings (folded: lower case, no accents) that point to the
    /// term in German, English or French. A typed word that starts with one
    /// of them means the term; when several terms match, the longest
    /// beginning wins ("youth unemployment" → decent work, not youth).
    static let stems: [ThemeTerm: [String]] = [
        .sdg1: ["poverty", "armut", "pauvrete", "poor"],
        .sdg2: ["hunger", "faim", "food", "ernahrung", "lebensmittel", "alimentation", "agricultur", "landwirtschaft"],
        .sdg3: ["well-being", "wellbeing", "wohlergehen", "bien-etre", "air quality", "luftqualitat", "qualite de l'air"],
        .sdg4: ["education", "bildung", "educat", "learning", "lernen", "university", "universitat", "universite"],
        .sdg5: ["gender", "geschlecht", "egalite", "women", "frauen", "femmes", "equality"],
        .sdg6: ["water", "wasser", "eau", "sanitation", "assainissement", "drought", "durre", "secheresse"],
        .sdg7: ["energy", "energie", "renewable", "erneuerbar", "renouvelable", "solar", "heating", "heizung"],
        .sdg8: ["unemploy", "arbeitslos", "chomage", "employment", "decent work", "jobs", "arbeit", "travail", "emploi",
                "economic growth", "wirtschaftswachstum"],
        .sdg9: ["industr", "innovation", "infrastruct", "structural change", "strukturwandel", "changement structurel",
                "technolog", "research", "forschung", "recherche", "coal", "kohle", "charbon", "bergbau", "mining"],
        .sdg10: ["inequalit", "ungleich", "inegalit", "inclusion", "inklusion", "poverty gap"],
        .sdg11: ["sustainable cit", "nachhaltige stadt", "housing", "wohn", "logement", "urban", "stadtentwicklung",
                 "shrinking", "schrumpf", "decroissance", "garden", "garten", "jardin", "public space"],
        .sdg12: ["consumption", "konsum", "consommation", "waste", "abfall", "mull", "dechet", "recycling", "circular", "kreislauf"],
        .sdg13: ["clima", "klima", "climat", "flood", "hochwasser", "uberschwemmung", "inondation", "heat", "hitze", "canicule",
                 "carbon", "co2", "emission"],
        .sdg14: ["ocean", "meer", "mer ", "marine", "coast", "kuste", "cote", "below water", "unter wasser", "fisher", "fischer", "peche"],
        .sdg15: ["biodivers", "artenvielfalt", "artenschutz", "forest", "wald", "foret", "land life", "life on land", "leben an land", "nature", "natur"],
        .sdg16: ["peace", "frieden", "paix", "justice", "gerechtigkeit", "institution", "democra", "demokrat", "democrat",
                 "participation", "beteiligung", "teilhabe", "governance", "verwaltung", "administration"],
        .sdg17: ["partnerships for", "partnerschaften zur", "global partnership", "cooperation", "zusammenarbeit"],
        .culture: ["cultur", "kultur", "art", "kunst", "museum", "musee", "theat", "library", "bibliothek"],
        .youth: ["youth", "jugend", "jeunes", "jeunesse", "school", "schul", "ecole", "scolaire", "pupil", "student", "children", "kinder"],
        .sport: ["sport", "football", "fussball", "soccer", "athlet", "olymp", "cycling race"],
        .remembrance: ["remembrance", "erinnerung", "memoire", "history", "geschichte", "histoire", "heritage", "erbe", "patrimoine",
                       "memorial", "gedenk", "reconciliation", "versohnung"],
        .languages: ["language", "sprach", "langue", "linguist", "bilingual", "zweisprach"],
        .music: ["music", "musik", "musique", "festival", "fest", "fete", "carnival", "karneval", "carnaval", "choir", "chor"],
        .economy: ["economy", "econom", "wirtschaft", "trade", "handel", "commerce", "business", "messe", "trade fair",
                   "start-up", "startup", "grunder", "entrepreneur", "hafen"],
        .tourism: ["touris", "visitor", "besucher", "hotel"],
        .volunteering: ["volunteer", "ehrenamt", "benevol", "civil society", "zivilgesellschaft", "societe civile", "association", "verein"],
        .digital: ["digital", "numerique", "smart", "internet", "online", "e-government"],
        .mobility: ["mobilit", "transport", "verkehr", "cycl", "fahrrad", "radverkehr", "velo", "bicycle", "bike", "public transport",
                    "nahverkehr", "tram", "bus", "rail", "bahn"],
        .migration: ["migra", "integration", "refugee", "fluchtling", "refugie", "asyl", "asile", "newcomer"],
        .health: ["health", "gesundheit", "sante", "care", "pflege", "soins", "ageing", "aging", "alterung", "uberalterung", "vieillissement",
                  "demogra", "elderly", "senior", "hospital", "krankenhaus", "hopital"],
    ]
}

/// A tag of a city profile after reading it against the vocabulary: a term
/// (perhaps with the words the user typed, when they said more than the
/// term's name), or a free tag kept as typed.
public enum ThemeTag: Hashable, Sendable {
    /// `words`: what the user wrote when it was more than a name of the term
    /// ("climate adaptation" for climate action); nil when it was just its name.
    case term(ThemeTerm, words: String?)
    case free(String)

    public var term: ThemeTerm? {
        if case .term(let t, _) = self { return t }
        return nil
    }

    /// The form kept in the database: "sdg13", "sdg13: climate adaptation", or the free text.
    public var stored: String {
        switch self {
        case .term(let t, let words): return words.map { "\(t.rawValue): \($0)" } ?? t.rawValue
        case .free(let text): return text
        }
    }

    /// What a volunteer reads and types back: their own words when they gave
    /// some, else the term's label in `lang`. Reading it back gives the same tag.
    public func editable(_ lang: String) -> String {
        switch self {
        case .term(let t, let words): return words ?? t.label(lang)
        case .free(let text): return text
        }
    }

    /// For lists: "Climate action (climate adaptation)", "Culture", "gardening (free tag)".
    public func display(_ lang: String) -> String {
        switch self {
        case .term(let t, let words):
            guard let words, SearchKey.fold(words) != SearchKey.fold(t.label(lang)) else { return t.label(lang) }
            return "\(t.label(lang)) (\(words))"
        case .free(let text): return text
        }
    }
}

/// Reading typed tags against the vocabulary, forgivingly: "Klima",
/// "climate", "climat", "SDG 13", "ODD 13", "Ziel 13", "13" all mean climate
/// action; a word that means nothing known is kept as a free tag.
public enum ThemeVocabulary {
    /// "de", "fr" or "en" from a language tag or locale ("de_DE.UTF-8" → "de").
    public static func language(_ lang: String) -> String {
        let l = lang.lowercased()
        if l.hasPrefix("de") { return "de" }
        if l.hasPrefix("fr") { return "fr" }
        return "en"
    }

    /// Every name that means a term by itself (folded): its code, its number
    /// forms, its labels in the three languages, and the single words that
    /// volunteers use for it.
    private static let names: [String: ThemeTerm] = {
        var map: [String: ThemeTerm] = [:]
        let shortNames: [ThemeTerm: [String]] = [
            .sdg13: ["climate", "klima", "climat", "clima", "climate action", "klimaschutz", "climate protection"],
            .youth: ["youth", "jugend", "jeunesse", "schools", "schulen", "ecoles", "school exchange", "schulaustausch"],
            .culture: ["kultur", "culture", "arts"],
            .sport: ["sports", "sport"],
            .remembrance: ["remembrance", "erinnerung", "memoire", "history", "geschichte", "histoire"],
            .languages: ["language", "sprachen", "sprache", "langues"],
            .music: ["music", "musik", "musique", "festivals"],
            .economy: ["economy", "wirtschaft", "economie", "trade", "handel", "commerce"],
            .tourism: ["tourism", "tourismus", "tourisme"],
            .volunteering: ["volunteering", "ehrenamt", "benevolat", "civil society", "zivilgesellschaft"],
            .digital: ["digital", "digitalisierung", "smart city", "numerique"],
            .mobility: ["mobility", "mobilitat", "mobilite", "transport", "verkehr"],
            .migration: ["migration", "integration"],
            .health: ["health", "gesundheit", "sante", "care", "pflege"],
            .sdg16: ["peace", "frieden", "paix"],
            .sdg7: ["energy", "energie"],
            .sdg4: ["education", "bildung"],
            .sdg5: ["gender equality", "gleichstellung"],
            .sdg11: ["housing", "wohnen", "logement"],
        ]
        for term in ThemeTerm.allCases {
            map[term.rawValue] = term
            for lang in ["en", "de", "fr"] { map[SearchKey.fold(term.label(lang))] = term }
            if let goal = term.goal {
                for prefix in ["", "sdg", "sdg ", "sdg-", "goal ", "ziel ", "odd ", "odd", "objectif ", "#"] {
                    map[prefix + String(goal)] = term
                }
            }
            for name in shortNames[term] ?? [] { map[SearchKey.fold(name)] = term }
        }
        return map
    }()

    /// Reads one typed tag (or a stored one: "sdg13", "sdg13: climate adaptation").
    public static func parse(_ text: String) -> ThemeTag {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // The stored form "code: words" (only a known code counts as a prefix).
        if let colon = trimmed.firstIndex(of: ":") {
            let head = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces).lowercased()
            let words = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if let term = ThemeTerm(rawValue: head) {
                return .term(term, words: words.isEmpty ? nil : words)
            }
        }
        let key = SearchKey.fold(trimmed).trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
        if key.isEmpty { return .free(trimmed) }
        if let term = names[key] { return .term(term, words: nil) }
        // "SDG 13 Climate action", "Ziel 13: …": a goal number first.
        if let term = leadingGoal(key) { return .term(term, words: trimmed) }
        if let term = stemMatch(key) { return .term(term, words: trimmed) }
        return .free(trimmed)
    }

    /// Reads a comma-separated list, keeping each tag once (by its term and words).
    public static func parseList(_ tags: [String]) -> [ThemeTag] {
        var seen = Set<String>()
        return tags.map(parse).filter { seen.insert(SearchKey.fold($0.stored)).inserted }
    }

    /// The canonical stored forms of typed tags: what the database keeps.
    public static func canonical(_ tags: [String]) -> [String] { parseList(tags).map(\.stored) }

    /// The terms among stored or typed tags (free tags left out).
    public static func terms(_ tags: [String]) -> Set<ThemeTerm> { Set(tags.compactMap { parse($0).term }) }

    /// The free tags among typed tags: what the vocabulary does not know, to say so.
    public static func freeTags(_ tags: [String]) -> [String] {
        tags.map(parse).compactMap { if case .free(let t) = $0 { return t } else { return nil } }
    }

    private static func leadingGoal(_ key: String) -> ThemeTerm? {
        for prefix in ["sdg", "goal", "ziel", "odd", "objectif"] where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count).drop { $0 == " " || $0 == "-" || $0 == "#" }
            let digits = rest.prefix { $0.isNumber }
            if let n = Int(digits), (1...17).contains(n) { return ThemeTerm(rawValue: "sdg\(n)") }
        }
        return nil
    }

    /// The term whose longest stem begins a word of `key` (or, for stems of
    /// several words, appears in it). Ties go to the term listed first.
    private static func stemMatch(_ key: String) -> ThemeTerm? {
        let words = key.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init)
        var best: (ThemeTerm, Int)?
        for term in ThemeTerm.allCases {
            for stem in ThemeTerm.stems[term] ?? [] {
                let hit = stem.contains(" ") ? key.contains(stem.trimmingCharacters(in: .whitespaces)) && (" " + key + " ").contains(" " + stem)
                                             : words.contains { $0.hasPrefix(stem) }
                if hit, stem.count > (best?.1 ?? 0) { best = (term, stem.count) }
            }
        }
        return best?.0
    }
}

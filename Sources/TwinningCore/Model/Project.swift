import Foundation

/// Where a joint project stands.
public enum ProjectStatus: String, Vocabulary {
    case idea, planned, running, completed, paused, abandoned
}

/// A city's part in a project: the one that leads (applies for the money,
/// writes the report) or a partner.
public enum ProjectRole: String, Vocabulary {
    case lead, partner
}

/// One city taking part in a project.
public struct ProjectCity: Codable, Hashable, Sendable {
    public var cityId: Int64
    public var role: ProjectRole
    public init(cityId: Int64, role: ProjectRole = .partner) {
        self.cityId = cityId
        self.role = role
    }
}

/// A result in figures: "42 young people", "1,200 trees planted".
public struct ResultIndicator: Codable, Hashable, Sendable {
    public var value: Double
    public var unit: String
    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }

    public func validate(field: String = "indicators") throws {
        guard value.isFinite, abs(value) <= ResultIndicator.maxValue else {
            throw ValidationError(field: field, .indicatorTooLarge, .number(Int(ResultIndicator.maxValue)), "\(value)")
        }
        if unit.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(field: field, .indicatorNeedsUnit, "\(ResultIndicator.format(value))")
        }
        try Validation.shortText(unit, field: field)
    }

    /// Far above any twinning figure, and exact as a Double.
    public static let maxValue: Double = 1_000_000_000_000

    /// "42", "1.5": the number without a trailing ".0" (stored and exported form).
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// A joint project of partner cities: a youth climate camp, an online
/// exchange, a SKEW climate partnership's action programme, a solidarity
/// partnership. What a project record holds follows URBACT's Integrated
/// Action Plans, SKEW's joint action programmes and the Covenant of Mayors'
/// twinning reports: goals, cities with roles, funding, results in words and
/// figures. Its actions (who does what by when) are separate records
/// (`ProjectAction`) with their own version, so marking one done does not
/// clash with someone editing the project's goals.
///
/// The record is saved as a whole (cities, partnerships, contacts, funding and
/// indicators in their side tables) under one version number.
public struct Project: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var title: String
    /// A short description (a few lines).
    public var summary: String
    public var status: ProjectStatus
    public var startDate: PartialDate?
    public var endDate: PartialDate?
    /// Stored forms of the shared vocabulary (`ThemeVocabulary`): "sdg13", "youth", "sdg13: tree planting", or free tags.
    public var themes: [String]
    public var goals: String
    /// Two or more, each once.
    public var cities: [ProjectCity]
    public var partnershipIds: [Int64]
    public var contactIds: [Int64]
    public var funding: [FundingLine]
    /// Results in words.
    public var results: String
    public var indicators: [ResultIndicator]
    public var notes: String
    public var version: Int

    public init(id: Int64? = nil, title: String, summary: String = "", status: ProjectStatus = .idea,
                startDate: PartialDate? = nil, endDate: PartialDate? = nil, themes: [String] = [], goals: String = "",
                cities: [ProjectCity] = [], partnershipIds: [Int64] = [], contactIds: [Int64] = [],
                funding: [FundingLine] = [], results: String = "", indicators: [ResultIndicator] = [],
                notes: String = "", version: Int = 1) {
        self.id = id
        self.title = title.precomposedStringWithCanonicalMapping
        self.summary = summary
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.themes = themes
        self.goals = goals
        self.cities = cities
        self.partnershipIds = partnershipIds
        self.contactIds = contactIds
        self.funding = funding
        self.results = results
        self.indicators = indicators
        self.notes = notes
        self.version = version
    }

    public var cityIds: [Int64] { cities.map(\.cityId) }
    public var leadCityIds: [Int64] { cities.filter { $0.role == .lead }.map(\.cityId) }
    public func involves(_ city: Int64) -> Bool { cities.contains { $0.cityId == city } }
    /// The vocabulary terms among the themes (free tags left out).
    public var themeTerms: Set<ThemeTerm> { ThemeVocabulary.terms(themes) }

    /// Puts the themes into the vocabulary's stored forms (done before every save).
    public mutating func canonicalizeThemes() {
        themes = City.canonicalTags(themes)
    }

    public static let maxCities = 50
    public static let maxLines = 100

    public func validate() throws {
        try Validation.name(title, field: "title")
        try Validation.notes(summary, field: "summary")
        if let startDate, let endDate, endDate < startDate {
            throw ValidationError(field: "end", .endBeforeStart, .date(endDate), .date(startDate))
        }
        try Validation.tags(themes, field: "themes")
        try Validation.notes(goals, field: "goals")
        if cities.count < 2 {
            throw ValidationError(field: "cities", .projectTwoCities, "\(cities.count)")
        }
        if cities.count > Project.maxCities {
            throw ValidationError(field: "cities", .projectMostCities, "\(Project.maxCities)", "\(cities.count)")
        }
        if Set(cities.map(\.cityId)).count != cities.count {
            throw ValidationError(field: "cities", .cityTwice)
        }
        if Set(partnershipIds).count != partnershipIds.count {
            throw ValidationError(field: "partnerships", .partnershipTwice)
        }
        if Set(contactIds).count != contactIds.count {
            throw ValidationError(field: "contacts", .contactTwice)
        }
        if funding.count > Project.maxLines {
            throw ValidationError(field: "funding", .mostLines, "\(Project.maxLines)", "\(funding.count)")
        }
        for line in funding { try line.validate() }
        try Validation.notes(results, field: "results")
        if indicators.count > Project.maxLines {
            throw ValidationError(field: "indicators", .mostLines, "\(Project.maxLines)", "\(indicators.count)")
        }
        for indicator in indicators { try indicator.validate() }
        try Validation.notes(notes, field: "notes")
    }
}

import TwinningCore

public enum FieldID: String, Equatable, Sendable {
    case name, country, region, latitude, longitude, population, themes, strengths, challenges, notes, seeking
    case cityA, cityB, type, status, since, until, home
    case partnership, title, kind, start, end, direction, format, participants, youth, byCountry
    case reason, note, snoozeUntil, city
    case countries, minDistance, maxDistance, minPopulation, maxPopulation
}

public enum FieldKind: Equatable, Sendable {
    case text
    case decimal
    case integer
    case date
    /// One of fixed values (raw values), changed with ←/→.
    case choice([String])
    case toggle
    /// A city from the gazetteer, found by typing its name.
    case city
    /// A partnership, found by typing either city's name.
    case partnership
}

public struct FormField: Equatable, Sendable {
    public var id: FieldID
    public var label: S
    public var kind: FieldKind
    public var text: String
    public var required: Bool
    public var error: String?
    /// For choices: the index of the chosen value. For toggles: 0 = no, 1 = yes.
    public var choice = 0
    /// For city fields: the chosen city, and the suggestions for what is typed.
    public var cityId: Int64?
    /// For partnership fields: the chosen partnership.
    public var partnershipId: Int64?
    public var suggestions: [Int] = []
    public var suggestion = 0

    public init(_ id: FieldID, _ label: S, _ kind: FieldKind, text: String = "", required: Bool = false, choice: Int = 0,
                cityId: Int64? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.text = text
        self.required = required
        self.choice = choice
        self.cityId = cityId
    }
}

public enum FormKind: Equatable, Sendable {
    case newCity
    case editCity(City)
    case newPartnership
    case editPartnership(Partnership)
    case newEvent
    case editEvent(Event)
    case homeCity
    case rejectMatch(Suggestion)
    case snoozeMatch(Suggestion)
    case whyNot
    case explorerHome
    /// The match explorer's filters (countries, distance, inhabitants); nothing is saved.
    case matchFilters
}

public struct FormState: Equatable, Sendable {
    public var kind: FormKind
    public var fields: [FormField]
    public var focus = 0
    /// Something was typed or changed since the form opened.
    public var dirty = false
    public var message: String?

    public init(kind: FormKind, fields: [FormField]) {
        self.kind = kind
        self.fields = fields
    }

    public var focused: FormField { fields[focus] }

    /// Where the form's keys are looked up: the filter dialog has its own (Enter applies, Esc asks nothing).
    public var keyContext: KeyContext { kind == .matchFilters ? .filterDialog : .form }

    public func field(_ id: FieldID) -> FormField? { fields.first { $0.id == id } }
    public func index(of id: FieldID) -> Int? { fields.firstIndex { $0.id == id } }

    public var title: S {
        switch kind {
        case .newCity: return .formNewCity
        case .editCity: return .formEditCity
        case .newPartnership: return .formNewPartnership
        case .editPartnership: return .formEditPartnership
        case .newEvent: return .formNewEvent
        case .editEvent: return .formEditEvent
        case .homeCity: return .formHomeCity
        case .rejectMatch: return .formReject
        case .snoozeMatch: return .formSnooze
        case .whyNot: return .formWhyNot
        case .explorerHome: return .formExplorerHome
        case .matchFilters: return .formMatchFilters
        }
    }
}

/// Builds the forms the panes open.
public enum Forms {
    static func choice<V: Vocabulary>(_ id: FieldID, _ label: S, _ type: V.Type, _ value: V) -> FormField {
        let all = V.allCases.map(\.rawValue)
        return FormField(id, label, .choice(all), choice: all.firstIndex(of: value.rawValue) ?? 0)
    }

    /// Profile tags as a volunteer types them: their own words, or the
    /// vocabulary label ("Climate action", not "sdg13"); saved, they read back the same.
    static func tagText(_ tags: [String]?, _ language: Language) -> String {
        (tags ?? []).map { ThemeVocabulary.parse($0).editable(language.rawValue) }.joined(separator: ", ")
    }

    static func profileFields(_ city: City?, language: Language = .en) -> [FormField] {
        [
            FormField(.themes, .fieldThemes, .text, text: tagText(city?.themes, language)),
            FormField(.strengths, .fieldStrengths, .text, text: tagText(city?.strengths, language)),
            FormField(.challenges, .fieldChallenges, .text, text: tagText(city?.challenges, language)),
            FormField(.notes, .fieldNotes, .text, text: city?.notes ?? ""),
            FormField(.seeking, .fieldSeeking, .toggle, choice: city?.seekingPartners == true ? 1 : 0),
        ]
    }

    public static func newCity(name: String = "") -> FormState {
        FormState(kind: .newCity, fields: [
            FormField(.name, .fieldName, .text, text: name, required: true),
            FormField(.country, .fieldCountry, .text, required: true),
            FormField(.region, .fieldRegion, .text),
            FormField(.population, .fieldPopulation, .integer),
            FormField(.latitude, .fieldLatitude, .decimal),
            FormField(.longitude, .fieldLongitude, .decimal),
        ] + profileFields(nil))
    }

    public static func editCity(_ city: City, language: Language = .en) -> FormState {
        FormState(kind: .editCity(city), fields: profileFields(city, language: language))
    }

    public static func newPartnership(home: CitySummary?) -> FormState {
        FormState(kind: .newPartnership, fields: [
            FormField(.cityA, .fieldCityA, .city, text: home?.name ?? "", required: true, cityId: home?.id),
            FormField(.cityB, .fieldCityB, .city, required: true),
            choice(.type, .fieldType, PartnershipType.self, .partnership),
            choice(.status, .fieldStatus, PartnershipStatus.self, .active),
            FormField(.since, .fieldSince, .date),
            FormField(.themes, .fieldThemes, .text),
            FormField(.notes, .fieldNotes, .text),
        ])
    }

    public static func editPartnership(_ detail: PartnershipDetail, language: Language) -> FormState {
        let p = detail.partnership
        var form = FormState(kind: .editPartnership(p), fields: [
            choice(.type, .fieldType, PartnershipType.self, p.type),
            choice(.status, .fieldStatus, PartnershipStatus.self, p.status),
            FormField(.since, .fieldSince, .date, text: p.since?.display(language) ?? ""),
            FormField(.until, .fieldUntil, .date, text: p.until?.display(language) ?? ""),
            FormField(.themes, .fieldThemes, .text, text: p.themes.joined(separator: ", ")),
            FormField(.notes, .fieldNotes, .text, text: p.notes),
        ])
        form.message = "\(detail.cityA.name) ↔ \(detail.cityB.name)"
        return form
    }

    /// The event form. Fields are ordered for the common case: with the
    /// partnership already chosen, a visit is date, kind, participants, save.
    public static func newEvent(partnership: PartnershipDetail?, language: Language) -> FormState {
        var form = FormState(kind: .newEvent, fields: eventFields(nil, partnership: partnership, language: language))
        if partnership != nil { form.focus = 1 }
        return form
    }

    public static func editEvent(_ event: Event, partnership: PartnershipDetail?, language: Language) -> FormState {
        FormState(kind: .editEvent(event), fields: eventFields(event, partnership: partnership, language: language))
    }

    static func eventFields(_ e: Event?, partnership: PartnershipDetail?, language: Language) -> [FormField] {
        var picker = FormField(.partnership, .fieldPartnership, .partnership,
                               text: partnership.map { "\($0.cityA.name) ↔ \($0.cityB.name)" } ?? "", required: true)
        picker.partnershipId = partnership?.id
        let end = e?.endDate == e?.startDate ? nil : e?.endDate
        return [
            picker,
            FormField(.start, .fieldStart, .date, text: e?.startDate.display(language) ?? "", required: true),
            choice(.kind, .fieldKind, EventKind.self, e?.kind ?? .visit),
            FormField(.participants, .fieldParticipants, .integer, text: e?.participants.map(String.init) ?? ""),
            FormField(.youth, .fieldYouth, .integer, text: e?.youth.map(String.init) ?? ""),
            FormField(.end, .fieldEnd, .date, text: end?.display(language) ?? ""),
            choice(.direction, .fieldDirection, EventDirection.self, e?.direction ?? .both),
            choice(.format, .fieldFormat, EventFormat.self, e?.format ?? .in_person),
            FormField(.title, .fieldTitle, .text, text: e?.title ?? ""),
            FormField(.byCountry, .fieldByCountry, .text,
                      text: e.map { event in event.participantsByCountry.keys.sorted()
                          .map { "\($0) \(event.participantsByCountry[$0]!)" }.joined(separator: ", ") } ?? ""),
            FormField(.notes, .fieldNotes, .text, text: e?.notes ?? ""),
        ]
    }

    public static let rejectReasons = ["too_far", "too_different_in_size", "no_common_themes", "language_barrier",
                                       "already_in_contact", "other"]

    public static func rejectMatch(_ candidate: Suggestion) -> FormState {
        FormState(kind: .rejectMatch(candidate), fields: [
            FormField(.reason, .fieldReason, .choice(rejectReasons)),
            FormField(.note, .fieldNote, .text),
        ])
    }

    public static func snoozeMatch(_ candidate: Suggestion, today: PartialDate, language: Language) -> FormState {
        // Three months on, as a start.
        var month = (today.month ?? 1) + 3, year = today.year
        if month > 12 { month -= 12; year += 1 }
        let until = PartialDate(year: year, month: month, day: 1)!
        return FormState(kind: .snoozeMatch(candidate), fields: [
            FormField(.snoozeUntil, .fieldUntilDate, .date, text: until.display(language), required: true),
        ])
    }

    public static func cityQuestion(_ kind: FormKind) -> FormState {
        FormState(kind: kind, fields: [FormField(.city, .fieldCity, .city, required: true)])
    }

    public static func homeCity() -> FormState {
        FormState(kind: .homeCity, fields: [FormField(.home, .fieldCityA, .city, required: true)])
    }
}

import TwinningCore

// `Health` and `HealthRule` live in TwinningCore (Reports/Health.swift), shared with the reports.
extension Health {
    public var label: S {
        switch self {
        case .active: return .healthActive
        case .quiet: return .healthQuiet
        case .dormant: return .healthDormant
        }
    }
}

/// What was read from the database. Compared by revision only: the lists are
/// large and only ever replaced whole.
public struct AppData: Equatable, Sendable {
    public var revision = 0
    /// Cities of the register, by name.
    public var register: [CitySummary] = []
    public var partnerCounts: [Int64: Int] = [:]
    /// The whole gazetteer, largest first (for the "all cities" view and pickers).
    public var gazetteer: [CitySummary] = []
    public var partnerships: [PartnershipDetail] = []
    /// All events, newest first.
    public var events: [EventDetail] = []
    public var eventIndex = NameIndex(keys: [])
    public var registerIndex = NameIndex(keys: [])
    public var gazetteerIndex = NameIndex(keys: [])
    /// Other names (exonyms) of gazetteer cities by city id, loaded with the gazetteer.
    public var otherNames: [Int64: [String]] = [:]
    public var partnershipIndex = NameIndex(keys: [])
    /// Project work per partnership: a running project with recent done actions keeps it from dormant.
    public var projectActivity: [Int64: PartnershipProjectActivity] = [:]
    /// The projects as the report pane needs them (grouped reads, see ReportProjects+Load.swift).
    public var reportProjects = ReportProjectData(projects: [], openActions: [])

    public init() {}

    public static func == (lhs: AppData, rhs: AppData) -> Bool { lhs.revision == rhs.revision }

    /// Where each city id is in `gazetteer`, so the title bar and pickers do
    /// not scan 70,000 cities on every frame.
    public var gazetteerPosition: [Int64: Int] = [:]

    /// The country codes of the gazetteer, to check a filter's codes against.
    public var countryCodes: Set<String> = []

    public func city(id: Int64) -> CitySummary? {
        if let index = gazetteerPosition[id], gazetteer.indices.contains(index) { return gazetteer[index] }
        return register.first { $0.id == id } ?? gazetteer.first { $0.id == id }
    }
}

public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Sendable { case info, error, warning }
    public var text: String
    public var kind: Kind
    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// The whole state of the full-screen program. Each pane's own part is a
/// field defined in its folder (Panes/<Pane>/<Pane>State.swift); what is here
/// is shared by all of them.
public struct AppState: Equatable, Sendable {
    public static let minimumSize = Size(rows: 16, columns: 60)

    public var size: Size
    public var language: Language
    public var pane = Pane.cities
    public var cities = CitiesPaneState()
    public var partnerships = PartnershipsPaneState()
    public var events = EventsPaneState()
    public var reports = ReportsPaneState()
    public var matches = MatchesPaneState()
    public var projects = ProjectsPaneState()
    public var overlay: TextOverlay?
    /// The terminal cannot show braille or other non-ASCII drawing characters.
    public var asciiOnly = false
    public var data = AppData()
    /// The date the program counts from (health marks, "today" in date fields).
    public var today = PartialDate(year: 2026, month: 1, day: 1)!
    public var healthRule = HealthRule()
    /// The partnership of the last event saved, the default for the next one.
    public var lastEventPartnership: Int64?
    /// The save a form asked for last; "overwrite" repeats it after a conflict.
    public var pendingSave: Effect?
    public var cityDetail: CityDetail?
    public var partnershipInfo: PartnershipInfo?
    /// True while the user types into the active pane's filter.
    public var editingFilter = false
    public var form: FormState?
    public var confirmation: Confirmation?
    public var showingHelp = false
    /// The change log shown over the panes (L); nil when closed.
    public var history: [ChangeRecord]?
    public var helpScroll = 0
    public var status: StatusMessage?
    public var homeCityId: Int64?
    public var readOnly = false
    public var quitting = false

    public init(size: Size, language: Language) {
        self.size = size
        self.language = language
    }

    public var isTooSmall: Bool { size.rows < AppState.minimumSize.rows || size.columns < AppState.minimumSize.columns }

    /// The keys that work here, most specific first.
    public var keyContexts: [KeyContext] {
        if showingHelp || history != nil || overlay != nil { return [.help] }
        for pane in Pane.allCases {
            if let contexts = pane.feature.dialogContexts(self) { return contexts }
        }
        if let confirmation { return confirmation.purpose == .conflict ? [.conflict] : [.confirm] }
        if let form { return [form.keyContext] }
        if editingFilter { return [.filter] }
        return pane.feature.keyContexts(self) + [.global]
    }

    public func health(_ partnership: PartnershipDetail) -> Health {
        healthRule.health(partnership, projects: data.projectActivity[partnership.id], today: today)
    }

    public var homeCity: CitySummary? { homeCityId.flatMap(data.city(id:)) }
}

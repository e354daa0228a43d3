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
///
/// The first screen needs the register's first page only (`registerHead`).
/// The whole register, the gazetteer (70,000 cities and their other names),
/// the partnerships and the events are each read on first use or ahead
/// (`Deferred`), so opening the program does not grow with them; a copy
/// of `AppData` shares what was read, and setting a list replaces it in this
/// copy only.
public struct AppData: Equatable, Sendable {
    public var revision = 0
    /// Cities of the register, by name. Read whole after the first screen
    /// (`prepareAhead`) or on the first key that needs it; the first screen
    /// shows `registerHead`, so opening the program does not wait for 66,000
    /// cities of a large register.
    public var register: [CitySummary] {
        get { registerStore.value.cities }
        set { registerStore = Deferred(value: RegisterLists(newValue)); registerHead = nil }
    }
    var registerStore = Deferred(value: RegisterLists([]))
    /// The register's first page with the home city and the count, while the whole register is not read.
    var registerHead: ListHead<CitySummary>?
    /// True once the whole register was read (the benchmark and tests ask).
    public var registerIsRead: Bool { registerStore.isLoaded }
    /// Why the whole register could not be read, if it could not.
    public var registerFailure: Phrase? { registerStore.isLoaded ? registerStore.value.failure : nil }
    /// The register's filter index, built when the Cities pane is first
    /// filtered: an empty filter lists the register as read, so the first
    /// screen does not wait for the other names of every city in it.
    public var registerIndex: NameIndex {
        get { registerIndexStore.value.index }
        set { registerIndexStore = Deferred(value: RegisterIndex(index: newValue, keys: [:])) }
    }
    var registerIndexStore = Deferred(value: RegisterIndex(index: NameIndex(keys: []), keys: [:]))
    /// Partnerships per city id, counted by the database after the first
    /// screen (on the background thread); until then the rows on screen ask
    /// one by one (`partnerCount`), so the first screen does not count every
    /// city's partnerships.
    var partnerCountStore = Deferred(value: [Int64: Int]())
    var partnerCountLookup: (@Sendable (Int64) -> Int)?

    /// One city's partnerships, for a row on screen.
    public func partnerCount(_ id: Int64) -> Int {
        if !partnerCountStore.isLoaded, let partnerCountLookup { return partnerCountLookup(id) }
        return partnerCountStore.value[id] ?? 0
    }
    /// Where each city id is in `register` (the title bar asks on every frame).
    public var registerPosition: [Int64: Int] { registerStore.value.position }

    /// The first pages of the Partnerships and Events lists (read on their
    /// first switch when the whole list is not read yet; nil: none).
    var partnershipHeadStore = Deferred<ListHead<PartnershipDetail>?>(value: nil)
    var eventHeadStore = Deferred<ListHead<EventDetail>?>(value: nil)

    var gazetteerStore = Deferred(value: GazetteerLists())
    var partnershipStore = Deferred(value: PartnershipLists())
    var eventStore = Deferred(value: EventLists())
    /// One city by id when the gazetteer is not read yet (the home city in the title bar).
    var cityLookup: (@Sendable (Int64) -> CitySummary?)?
    /// Project work per partnership: a running project with recent done actions keeps it from dormant.
    public var projectActivity: [Int64: PartnershipProjectActivity] = [:]
    /// The projects as the report pane needs them (grouped reads, see ReportProjects+Load.swift),
    /// read when the Reports pane first asks, not on every load of the data.
    var reportProjectStore = Deferred(value: ReportProjectData(projects: [], openActions: []))
    public var reportProjects: ReportProjectData {
        get { reportProjectStore.value }
        set { reportProjectStore = Deferred(value: newValue) }
    }

    public init() {}

    public static func == (lhs: AppData, rhs: AppData) -> Bool { lhs.revision == rhs.revision }

    /// The whole gazetteer, largest first (for the "all cities" view and pickers).
    public var gazetteer: [CitySummary] {
        get { gazetteerStore.value.cities }
        set { var lists = gazetteerStore.value; lists.cities = newValue; lists.position = AppData.positions(newValue); gazetteerStore = Deferred(value: lists) }
    }
    public var gazetteerIndex: NameIndex {
        get { gazetteerStore.value.index }
        set { var lists = gazetteerStore.value; lists.index = newValue; gazetteerStore = Deferred(value: lists) }
    }
    /// Other names (exonyms) of gazetteer cities by city id, loaded with the gazetteer.
    public var otherNames: [Int64: [String]] {
        get { gazetteerStore.value.otherNames }
        set { var lists = gazetteerStore.value; lists.otherNames = newValue; gazetteerStore = Deferred(value: lists) }
    }
    /// Where each city id is in `gazetteer`, so pickers do not scan 70,000 cities.
    public var gazetteerPosition: [Int64: Int] { gazetteerStore.value.position }
    /// The country codes of the gazetteer, to check a filter's codes against.
    public var countryCodes: Set<String> {
        get { gazetteerStore.value.countryCodes }
        set { var lists = gazetteerStore.value; lists.countryCodes = newValue; gazetteerStore = Deferred(value: lists) }
    }
    public var partnerships: [PartnershipDetail] {
        get { partnershipStore.value.partnerships }
        set { var lists = partnershipStore.value; lists.partnerships = newValue; partnershipStore = Deferred(value: lists); partnershipHeadStore = Deferred(value: nil) }
    }
    public var partnershipIndex: NameIndex {
        get { partnershipStore.value.index }
        set { var lists = partnershipStore.value; lists.index = newValue; partnershipStore = Deferred(value: lists) }
    }
    /// All events, newest first.
    public var events: [EventDetail] {
        get { eventStore.value.events }
        set { var lists = eventStore.value; lists.events = newValue; eventStore = Deferred(value: lists); eventHeadStore = Deferred(value: nil) }
    }
    public var eventIndex: NameIndex {
        get { eventStore.value.index }
        set { var lists = eventStore.value; lists.index = newValue; eventStore = Deferred(value: lists) }
    }

    /// True once the gazetteer was read (tests and the benchmark ask).
    public var gazetteerIsRead: Bool { gazetteerStore.isLoaded }
    public var partnershipsAreRead: Bool { partnershipStore.isLoaded }
    /// Why the partnerships or events could not be read, if they could not.
    public var partnershipsFailure: Phrase? { partnershipStore.value.failure }
    public var eventsFailure: Phrase? { eventStore.value.failure }
    public var eventsAreRead: Bool { eventStore.isLoaded }

    public func city(id: Int64) -> CitySummary? {
        if registerStore.isLoaded {
            if let index = registerPosition[id], register.indices.contains(index) { return register[index] }
        } else if let known = registerHead?.rows.first(where: { $0.id == id }) {
            return known
        }
        if !gazetteerStore.isLoaded, let cityLookup { return cityLookup(id) }
        if let index = gazetteerPosition[id], gazetteer.indices.contains(index) { return gazetteer[index] }
        return gazetteer.first { $0.id == id }
    }

    static func positions(_ cities: [CitySummary]) -> [Int64: Int] {
        Dictionary(cities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
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
    /// Panes whose lists were not filtered against the data loaded last (they
    /// were not shown), with the selection to keep when they are (`DeferredRefresh.swift`).
    public var stalePanes: [Pane: Int64?] = [:]
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

import TwinningCore

public enum Pane: Int, CaseIterable, Sendable {
    case cities, partnerships, events, matches, reports

    public var title: S {
        switch self {
        case .cities: return .paneCities
        case .partnerships: return .panePartnerships
        case .events: return .paneEvents
        case .matches: return .paneMatches
        case .reports: return .paneReports
        }
    }
}

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

/// The part of the world the map shows: a centre and a width in degrees of longitude.
public struct MapView: Equatable, Sendable {
    public var centerLatitude: Double
    public var centerLongitude: Double
    public var spanLongitude: Double
    public init(centerLatitude: Double = 30, centerLongitude: Double = 10, spanLongitude: Double = 360) {
        self.centerLatitude = centerLatitude
        self.centerLongitude = centerLongitude
        self.spanLongitude = spanLongitude
    }
}

/// A text shown over the panes (why-not, review history); Esc closes it.
public struct TextOverlay: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }
}

public struct MatchesPaneState: Equatable, Sendable {
    /// The city suggestions are for; nil: the association's city.
    public var home: Int64?
    public var mode = MatchMode.learn
    /// Weights being tried; nil: the profile of the mode.
    public var profile: WeightProfile?
    /// The user's saved profiles (`~/.config/twinning/weights/MODE.weights`),
    /// read at start and replaced on "save": they come before the built-in
    /// ones, as in `twinning match`.
    public var savedProfiles: [MatchMode: WeightProfile] = [:]

    /// The profile of a mode: the user's saved one, else the built-in.
    public func profile(of mode: MatchMode) -> WeightProfile { savedProfiles[mode] ?? WeightProfile.builtIn(mode) }
    /// Which candidates may be suggested: countries, distance and inhabitants (the `/` dialog).
    /// Abroad by default: 96 % of real twinnings cross a border (`d` brings the home country back).
    public var filters = MatchFilters(leaveOutHomeCountry: true)
    public var rows: [Suggestion] = []
    public var total = 0
    /// What `rows` were ranked for, so a pane switch does not rank again.
    public var rankedKey: String?
    public var list = ListPosition()
    public var weightsOpen = false
    public var weightFocus = 0
    /// The candidate waiting for "proposed partnership or contact?".
    public var accepting: Suggestion?
    public init() {}
}

public struct ReportsPaneState: Equatable, Sendable {
    public var year: Int?
    /// All partnerships instead of our city's.
    public var all = false
    public var showMap = false
    /// nil: fitted to the partners.
    public var map: MapView?
    public var scroll = 0
    public init() {}
}

public struct EventsPaneState: Equatable, Sendable {
    public var filter = ""
    public var visible: [Int] = []
    public var list = ListPosition()
    /// Quick filters: one year, one kind, only our city's partnerships, one partnership.
    public var year: Int?
    public var kind: EventKind?
    public var ourCityOnly = false
    public var partnershipId: Int64?
    public init() {}
}

/// Selection and scroll of one list.
public struct ListPosition: Equatable, Sendable {
    public var selection = 0
    public var scroll = 0
    public init() {}
}

public enum CityScope: Equatable, Sendable { case register, gazetteer }

public enum PartnershipSort: CaseIterable, Equatable, Sendable {
    case name, since, lastEvent, health

    public var label: S {
        switch self {
        case .name: return .sortName
        case .since: return .sortSince
        case .lastEvent: return .sortLastEvent
        case .health: return .colHealth
        }
    }
}

public struct CitiesPaneState: Equatable, Sendable {
    public var scope = CityScope.register
    public var filter = ""
    /// Indices into the scope's list (register or gazetteer) that pass the filter.
    public var visible: [Int] = []
    public var list = ListPosition()
    /// Enter moves into the partners of the detail; Enter there opens the partnership.
    public var inPartners = false
    public var partnerSelection = 0
    public init() {}
}

public struct PartnershipsPaneState: Equatable, Sendable {
    public var filter = ""
    public var visible: [Int] = []
    public var list = ListPosition()
    public var sort = PartnershipSort.name
    public var health: Health?
    public init() {}
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
    public var partnershipIndex = NameIndex(keys: [])

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

/// The selected city with everything its detail area shows.
public struct CityDetail: Equatable, Sendable {
    public var city: City
    public var partners: [PartnershipDetail]
    public var events: [EventDetail]
    public var contacts: [Contact]
    /// The facts behind its challenges (read on first use); nil when the files cannot be read.
    public var character: CityCharacter?
    public init(city: City, partners: [PartnershipDetail], events: [EventDetail], contacts: [Contact], character: CityCharacter? = nil) {
        self.character = character
        self.city = city
        self.partners = partners
        self.events = events
        self.contacts = contacts
    }
}

/// Events and contacts of the selected partnership.
public struct PartnershipInfo: Equatable, Sendable {
    public var partnershipId: Int64
    public var events: [EventDetail]
    public var contacts: [Contact]
    public init(partnershipId: Int64, events: [EventDetail], contacts: [Contact]) {
        self.partnershipId = partnershipId
        self.events = events
        self.contacts = contacts
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

/// A yes/no question. The default answer is No.
public struct Confirmation: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case deletePartnership(Int64)
        case deleteEvent(Int64)
        /// Someone else saved the record being edited: reload theirs or overwrite.
        case conflict
        case discardForm
        case quit
    }
    public var title: String
    public var message: String
    public var purpose: Purpose
    public var yesSelected = false
    public init(title: String, message: String, purpose: Purpose) {
        self.title = title
        self.message = message
        self.purpose = purpose
    }
}

/// The whole state of the full-screen program.
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
        if matches.accepting != nil { return [.accept] }
        if pane == .matches && matches.weightsOpen && form == nil { return [.weights] }
        if let confirmation { return confirmation.purpose == .conflict ? [.conflict] : [.confirm] }
        if let form { return [form.keyContext] }
        if editingFilter { return [.filter] }
        switch pane {
        case .cities: return [.cities, .list, .global]
        case .partnerships: return [.partnerships, .list, .global]
        case .events: return [.events, .list, .global]
        case .matches: return [.matches, .list, .global]
        case .reports: return [reports.showMap ? .map : .reports, .global]
        }
    }

    public var selectedEvent: EventDetail? {
        guard events.visible.indices.contains(events.list.selection) else { return nil }
        let index = events.visible[events.list.selection]
        return data.events.indices.contains(index) ? data.events[index] : nil
    }

    /// The city the match explorer suggests partners for.
    public var matchHome: Int64? { matches.home ?? homeCityId }

    public var matchProfile: WeightProfile { matches.profile ?? matches.profile(of: matches.mode) }

    /// Identifies a ranking: home, weights and filters.
    public var matchKey: String? {
        guard let home = matchHome else { return nil }
        return "\(home)|\(matchProfile.serialized())|\(matches.filters.key)|\(data.revision)"
    }

    public var selectedMatch: Suggestion? {
        matches.rows.indices.contains(matches.list.selection) ? matches.rows[matches.list.selection] : nil
    }

    public func health(_ partnership: PartnershipDetail) -> Health {
        healthRule.health(lastEvent: partnership.lastEvent, today: today)
    }

    /// The cities the Cities pane lists in its current scope.
    public var cityRows: [CitySummary] { cities.scope == .register ? data.register : data.gazetteer }

    public var selectedCity: CitySummary? {
        let rows = cityRows
        guard cities.visible.indices.contains(cities.list.selection) else { return nil }
        let index = cities.visible[cities.list.selection]
        return rows.indices.contains(index) ? rows[index] : nil
    }

    public var selectedPartnership: PartnershipDetail? {
        guard partnerships.visible.indices.contains(partnerships.list.selection) else { return nil }
        let index = partnerships.visible[partnerships.list.selection]
        return data.partnerships.indices.contains(index) ? data.partnerships[index] : nil
    }

    public var homeCity: CitySummary? { homeCityId.flatMap(data.city(id:)) }
}

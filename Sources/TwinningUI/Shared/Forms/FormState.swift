import TwinningCore

public enum FieldID: String, Equatable, Sendable {
    case name, country, region, latitude, longitude, population, themes, strengths, challenges, notes, seeking
    case cityA, cityB, type, status, since, until, home
    case partnership, title, kind, start, end, direction, format, participants, youth, byCountry
    case reason, note, snoozeUntil, city, file
    case countries, minDistance, maxDistance, minPopulation, maxPopulation
    // Projects and their actions; the event form's project
    case projectCities, projectStatus, goals, summary, funding, results, indicators, what, who, due, done, project
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
    /// True when nothing matched what was typed and `suggestions` are the
    /// closest names instead ("did you mean").
    public var suggestionsAreGuesses = false
    public var suggestion = 0
    /// For choices built from the data (the event form's project): filled in from the state yet.
    public var choicesFilled = false

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
    case newProject
    case editProject(Project)
    case newAction(projectId: Int64)
    case editAction(ProjectAction)
    /// Where to save the events shown as a calendar (.ics).
    case exportCalendar(count: Int)

    /// Picking the city is the whole answer: Enter on a suggestion submits.
    var submitsOnPick: Bool { self == .whyNot || self == .explorerHome }

    /// Enter saves from any field, not only the last: the action form is a
    /// quick one (what, Tab, due date, Enter).
    var savesOnEnter: Bool {
        switch self {
        case .newAction, .editAction: return true
        default: return false
        }
    }
}

public struct FormState: Equatable, Sendable {
    public var kind: FormKind
    public var fields: [FormField]
    public var focus = 0
    /// Something was typed or changed since the form opened.
    public var dirty = false
    /// What went wrong beyond one field (e.g. the disk is full); shown wrapped below the fields.
    public var message: String?
    /// A line under the title saying what the form is about ("Dortmund ↔ Amiens").
    public var subtitle: String?
    /// The first field in view when the form is taller than the window
    /// (kept by the reducer with `FormGeometry`, so the view does not jump).
    public var scroll = 0

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
        case .newProject: return .formNewProject
        case .editProject: return .formEditProject
        case .newAction: return .formNewAction
        case .editAction: return .formEditAction
        case .exportCalendar: return .formCalendar
        }
    }
}

/// Builds the forms the panes open; each pane adds its own forms in its
/// folder (`extension Forms` in Panes/<Pane>/<Pane>Forms.swift).
public enum Forms {
    static func choice<V: Vocabulary>(_ id: FieldID, _ label: S, _ type: V.Type, _ value: V) -> FormField {
        let all = V.allCases.map(\.rawValue)
        return FormField(id, label, .choice(all), choice: all.firstIndex(of: value.rawValue) ?? 0)
    }
}

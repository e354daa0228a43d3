import TwinningCore

public enum Pane: Int, CaseIterable, Sendable {
    case cities, partnerships, events, matches, reports, projects

    public var title: S {
        switch self {
        case .cities: return .paneCities
        case .partnerships: return .panePartnerships
        case .events: return .paneEvents
        case .matches: return .paneMatches
        case .reports: return .paneReports
        case .projects: return .paneProjects
        }
    }

    /// The one place a pane is registered: its folder under Panes/ holds the rest.
    var feature: any PaneFeature.Type {
        switch self {
        case .cities: return CitiesPane.self
        case .partnerships: return PartnershipsPane.self
        case .events: return EventsPane.self
        case .matches: return MatchesPane.self
        case .reports: return ReportsPane.self
        case .projects: return ProjectsPane.self
        }
    }
}

/// What the focused pane's status line shows at the right: its notes and
/// "shown of total", and on the left the filter being typed or in force.
struct PaneStatus {
    var filter = ""
    var shown = 0
    var total = 0
    var notes: [String] = []
    /// The Reports pane has no list to count.
    var showsCount = true
}

/// One pane of the program (as a Bubble Tea component or a TCA feature): its
/// key contexts, its reducer for the commands of those contexts, its view.
/// Its state is a field of `AppState` (`state.cities` …) and is defined in
/// the pane's folder; the top-level `reduce` and `render` route to the
/// focused pane and keep what all panes share (lists, filters, questions,
/// forms, help, undo) in Shared/.
protocol PaneFeature {
    /// The pane's own key contexts, most specific first (`.global` follows).
    static func keyContexts(_ state: AppState) -> [KeyContext]
    /// A dialog of the pane that takes every key, looked up before questions and forms.
    static func dialogContexts(_ state: AppState) -> [KeyContext]?
    /// Keys for such a dialog; nil when none is open. Asked after questions and forms.
    static func reduceDialogKey(_ state: inout AppState, _ key: Key) -> [Effect]?
    /// A command of the pane's contexts (lists included), with the key that gave it.
    static func reduce(_ state: inout AppState, _ command: Command, key: Key) -> [Effect]
    /// Loads what the pane's detail needs for its selection, if not loaded yet.
    static func detailEffects(_ state: AppState) -> [Effect]
    static func render(_ screen: inout Screen, _ state: AppState, _ layout: Layout)
    static func status(_ state: AppState) -> PaneStatus
    /// The report and the map draw over the whole body, without the detail's border.
    static var usesWholeBody: Bool { get }

    /// The text of the pane's filter line; nil: the pane has none.
    static func filterText(_ state: AppState) -> String?
    static func setFilter(_ state: inout AppState, _ text: String)

    /// Any pane switch (to or from any pane).
    static func paneSwitched(_ state: inout AppState)
    /// The window's size changed.
    static func resized(_ state: inout AppState)
    /// The home city changed.
    static func homeCityChanged(_ state: inout AppState)
    /// What the pane keeps selected across a reload of the data.
    static func keptSelection(_ state: AppState) -> Int64?
    /// New data arrived: filter again, keeping `keep` selected, and forget loaded details.
    static func dataLoaded(_ state: inout AppState, keep: Int64?)
    /// Selects the record with this id (of the kind `Selection` names for the pane).
    static func select(_ state: inout AppState, id: Int64)
}

extension PaneFeature {
    static func dialogContexts(_ state: AppState) -> [KeyContext]? { nil }
    static func reduceDialogKey(_ state: inout AppState, _ key: Key) -> [Effect]? { nil }
    static func detailEffects(_ state: AppState) -> [Effect] { [] }
    static var usesWholeBody: Bool { false }
    static func filterText(_ state: AppState) -> String? { nil }
    static func setFilter(_ state: inout AppState, _ text: String) {}
    static func paneSwitched(_ state: inout AppState) {}
    static func resized(_ state: inout AppState) {}
    static func homeCityChanged(_ state: inout AppState) {}
    static func keptSelection(_ state: AppState) -> Int64? { nil }
    static func dataLoaded(_ state: inout AppState, keep: Int64?) {}
    static func select(_ state: inout AppState, id: Int64) {}
}

extension Selection {
    /// The pane that shows what is selected.
    var pane: Pane {
        switch self {
        case .city: return .cities
        case .partnership: return .partnerships
        case .event: return .events
        case .project: return .projects
        }
    }

    var id: Int64 {
        switch self {
        case .city(let id), .partnership(let id), .event(let id), .project(let id): return id
        }
    }
}

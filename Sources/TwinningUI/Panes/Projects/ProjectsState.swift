import TwinningCore

/// The Projects pane's own state: every project's summary (loaded with the
/// data, filtered here as the user types), the quick filters, and the
/// detail of the selected project with its selected action.
public struct ProjectsPaneState: Equatable, Sendable {
    /// All projects, in title order, as `AppDatabase.projects` gives them.
    public var all: [ProjectSummary] = []
    public var filter = ""
    public var status: ProjectStatus?
    /// A vocabulary term; the `t` key steps through the terms the projects use.
    public var theme: ThemeTerm?
    public var ourCityOnly = false
    public var visible: [Int] = []
    public var list = ListPosition()
    /// The selected project's detail once loaded.
    public var detail: ProjectDetail?
    /// Enter: the detail takes the body and ↑↓ choose among the actions.
    public var inDetail = false
    /// The chosen action in `detail.actions` while `inDetail`.
    public var action = 0
    /// A project to select once the list is (re)loaded (after a save).
    public var pendingSelection: Int64?
    public init() {}

    /// Any quick filter or text in force.
    var isFiltered: Bool { !filter.isEmpty || status != nil || theme != nil || ourCityOnly }
}

extension AppState {
    public var selectedProject: ProjectSummary? {
        guard projects.visible.indices.contains(projects.list.selection) else { return nil }
        let index = projects.visible[projects.list.selection]
        return projects.all.indices.contains(index) ? projects.all[index] : nil
    }

    /// The detail, when it belongs to the selected project.
    var projectDetail: ProjectDetail? {
        guard let detail = projects.detail, detail.id == selectedProject?.id else { return nil }
        return detail
    }

    /// The action `d`/Space marks done: the chosen one in the detail, else the
    /// project's next open action (the one the list shows as due).
    var selectedProjectAction: ProjectAction? {
        guard let detail = projectDetail else { return nil }
        if projects.inDetail {
            return detail.actions.indices.contains(projects.action) ? detail.actions[projects.action] : nil
        }
        return detail.actions.first { !$0.isDone }
    }

    /// The projects of a partnership: those it is linked to, or, where a project
    /// names no partnership, those both of its cities take part in.
    func projects(of partnership: PartnershipDetail) -> [ProjectSummary] {
        projects.all.filter { summary in
            let ids = Set(summary.cities.map(\.city.id))
            return ids.contains(partnership.cityA.id) && ids.contains(partnership.cityB.id)
        }
    }
}

/// The themes the loaded projects use, in vocabulary order (what `t` steps through).
func projectThemes(_ all: [ProjectSummary]) -> [ThemeTerm] {
    let used = Set(all.flatMap { ThemeVocabulary.terms($0.themes) })
    return ThemeTerm.allCases.filter(used.contains)
}

func refilterProjects(_ state: inout AppState, keepId: Int64?) {
    let pane = state.projects
    let home = state.homeCityId
    let words = SearchKey.fold(pane.filter).split(separator: " ").map(String.init)
    let visible = pane.all.indices.filter { i in
        let p = pane.all[i]
        if let status = pane.status, p.status != status { return false }
        if let theme = pane.theme, !ThemeVocabulary.terms(p.themes).contains(theme) { return false }
        if pane.ourCityOnly, let home, !p.cities.contains(where: { $0.city.id == home }) { return false }
        if !words.isEmpty {
            let key = SearchKey.fold(([p.title] + p.cities.map(\.city.name) + p.themes.map {
                ThemeVocabulary.parse($0).display(state.language.rawValue) }).joined(separator: " "))
            if !words.allSatisfy(key.contains) { return false }
        }
        return true
    }
    state.projects.visible = visible
    let selection = keepId.flatMap { id in visible.firstIndex { pane.all[$0].id == id } } ?? 0
    state.projects.list.selection = min(selection, max(0, visible.count - 1))
    state.projects.list.scroll = scrolled(state.projects.list, page: Layout(state.size).listDataRows, count: visible.count)
    if state.projects.detail?.id != state.selectedProject?.id {
        state.projects.inDetail = false
        state.projects.action = 0
    }
}

import TwinningCore

/// The Projects pane: the joint projects of the register with their status,
/// cities, themes and next due action; quick filters (status, theme, our
/// city) and the text filter; the detail with goals, cities and roles,
/// actions, funding, results and linked events; forms for a project and an
/// action. `d`/Space marks an action done (`u` takes it back, as any change).
enum ProjectsPane: PaneFeature {
    static func keyContexts(_ state: AppState) -> [KeyContext] {
        state.projects.inDetail ? [.projectDetail] : [.projects, .list]
    }

    static func reduce(_ state: inout AppState, _ command: Command, key: Key) -> [Effect] {
        switch command {
        case _ where ListPosition.moves.contains(command):
            if state.projects.inDetail {
                // Moving among the project's actions: the detail is loaded already.
                var position = ListPosition()
                position.selection = state.projects.action
                position.step(command, page: 5, count: state.projectDetail?.actions.count ?? 0)
                state.projects.action = position.selection
                return []
            }
            state.projects.list.step(command, page: Layout(state.size).listDataRows, count: state.projects.visible.count)
            return detailEffects(state)
        case .open:
            if state.projects.inDetail { return reduce(&state, .editAction, key: key) }
            guard let detail = state.projectDetail else { return [] }
            state.projects.inDetail = true
            state.projects.action = detail.actions.firstIndex { !$0.isDone } ?? 0
            return []
        case .back:
            if state.projects.inDetail {
                state.projects.inDetail = false
                return []
            }
            // Esc backs out of every filter at once, so hidden projects come back.
            guard state.projects.isFiltered else { return [] }
            let keep = state.selectedProject?.id
            state.projects.filter = ""
            state.projects.status = nil
            state.projects.theme = nil
            state.projects.ourCityOnly = false
            refilterProjects(&state, keepId: keep)
            return detailEffects(state)
        case .newProject:
            guard writable(&state) else { return [] }
            state.form = Forms.newProject(home: state.homeCity, language: state.language)
            return []
        case .editProject:
            guard writable(&state), let detail = state.projectDetail else { return [] }
            state.form = Forms.editProject(detail, language: state.language)
            return []
        case .deleteProject:
            guard writable(&state), let detail = state.projectDetail else { return [] }
            let p = detail.project
            state.confirmation = Confirmation(
                title: tr(.confirmTitle, state.language),
                message: tr(.confirmDeleteProject, state.language, TextSafety.sanitized(p.title),
                            Formatting.number(detail.actions.count, state.language), Formatting.number(detail.events.count, state.language)),
                purpose: .deleteProject(detail.id))
            return []
        case .newAction:
            guard writable(&state), let project = state.selectedProject else { return [] }
            state.form = Forms.newAction(projectId: project.id, projectTitle: project.title, language: state.language)
            return []
        case .editAction:
            guard writable(&state), let action = state.selectedProjectAction else { return noAction(&state) }
            var form = Forms.editAction(action, language: state.language)
            form.subtitle = state.projectDetail.map { TextSafety.sanitized($0.project.title) }
            state.form = form
            return []
        case .actionDone:
            guard writable(&state) else { return [] }
            guard let action = state.selectedProjectAction else { return noAction(&state) }
            if let done = action.done {
                state.status = StatusMessage(tr(.actionAlreadyDone, state.language, TextSafety.sanitized(action.what),
                                                done.display(state.language)), kind: .warning)
                return []
            }
            return [.projects(.markDone(action, on: state.today))]
        case .deleteAction:
            guard writable(&state), let action = state.selectedProjectAction else { return noAction(&state) }
            state.confirmation = Confirmation(title: tr(.confirmTitle, state.language),
                                              message: tr(.confirmDeleteAction, state.language, TextSafety.sanitized(action.what)),
                                              purpose: .deleteAction(action))
            return []
        case .statusFilter:
            let options: [ProjectStatus?] = [nil] + ProjectStatus.allCases.map { $0 }
            let index = options.firstIndex(of: state.projects.status) ?? 0
            state.projects.status = options[(index + 1) % options.count]
            refilterProjects(&state, keepId: state.selectedProject?.id)
            return detailEffects(state)
        case .themeFilter:
            let options: [ThemeTerm?] = [nil] + projectThemes(state.projects.all).map { $0 }
            let index = options.firstIndex(of: state.projects.theme) ?? 0
            state.projects.theme = options[(index + 1) % options.count]
            refilterProjects(&state, keepId: state.selectedProject?.id)
            return detailEffects(state)
        case .ourCityFilter:
            guard state.homeCityId != nil else {
                state.status = StatusMessage(tr(.noHome, state.language), kind: .warning)
                return []
            }
            state.projects.ourCityOnly.toggle()
            refilterProjects(&state, keepId: state.selectedProject?.id)
            return detailEffects(state)
        default:
            return []
        }
    }

    /// "This project has no actions yet (a adds one)."
    private static func noAction(_ state: inout AppState) -> [Effect] {
        if state.selectedProject != nil {
            state.status = StatusMessage(tr(.noActionsYet, state.language), kind: .warning)
        }
        return []
    }

    /// New data: the projects are read again after every load of the lists.
    static func loadEffects(_ state: AppState) -> [Effect] { [.projects(.loadList(today: state.today))] }

    static func loaded(_ state: inout AppState, _ result: ProjectsResult) -> [Effect] {
        switch result {
        case .list(let items):
            let before = state.selectedProject?.id
            let keep = state.projects.pendingSelection ?? before
            let (inDetail, action) = (state.projects.inDetail, state.projects.action)
            state.projects.pendingSelection = nil
            state.projects.all = items
            // A filter that hides the project just saved or chosen gives way.
            if let keep, !visibleIds(state).contains(keep), items.contains(where: { $0.id == keep }) {
                clearFilters(&state)
            }
            refilterProjects(&state, keepId: keep)
            // The detail may have changed with the data: read it again, keeping the chosen action.
            state.projects.detail = nil
            if state.selectedProject?.id == before && before != nil {
                state.projects.inDetail = inDetail
                state.projects.action = action
            } else {
                state.projects.inDetail = false
                state.projects.action = 0
            }
            return state.pane == .projects ? detailEffects(state) : []
        case .detail(let detail):
            guard detail.id == state.selectedProject?.id else { return [] }
            state.projects.detail = detail
            state.projects.action = min(state.projects.action, max(0, detail.actions.count - 1))
            if detail.actions.isEmpty { state.projects.action = 0 }
            return []
        }
    }

    private static func visibleIds(_ state: AppState) -> Set<Int64> {
        var copy = state
        refilterProjects(&copy, keepId: nil)
        return Set(copy.projects.visible.map { copy.projects.all[$0].id })
    }

    private static func clearFilters(_ state: inout AppState) {
        state.projects.filter = ""
        state.projects.status = nil
        state.projects.theme = nil
        state.projects.ourCityOnly = false
    }

    static func detailEffects(_ state: AppState) -> [Effect] {
        guard let selected = state.selectedProject, state.projects.detail?.id != selected.id else { return [] }
        return [.projects(.loadDetail(selected.id))]
    }

    static func render(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        renderProjectsPane(&screen, state, layout)
    }

    static func status(_ state: AppState) -> PaneStatus {
        let language = state.language
        var notes: [String] = []
        if let status = state.projects.status { notes.append(status.label(language)) }
        if let theme = state.projects.theme { notes.append(theme.label(language.rawValue)) }
        if state.projects.ourCityOnly { notes.append(tr(.filterOurCity, language)) }
        let overdue = state.projects.visible.filter { state.projects.all[$0].isOverdue }.count
        if overdue > 0 { notes.append(tr(.projectsLate, language, Formatting.number(overdue, language))) }
        return PaneStatus(filter: state.projects.filter, shown: state.projects.visible.count, total: state.projects.all.count, notes: notes)
    }

    static func filterText(_ state: AppState) -> String? { state.projects.inDetail ? nil : state.projects.filter }

    static func setFilter(_ state: inout AppState, _ text: String) {
        state.projects.filter = text
        refilterProjects(&state, keepId: nil)
    }

    static func resized(_ state: inout AppState) {
        state.projects.list.scroll = scrolled(state.projects.list, page: Layout(state.size).listDataRows, count: state.projects.visible.count)
    }

    static func homeCityChanged(_ state: inout AppState) {
        if state.projects.ourCityOnly { refilterProjects(&state, keepId: state.selectedProject?.id) }
    }

    static func keptSelection(_ state: AppState) -> Int64? { state.selectedProject?.id }

    static func dataLoaded(_ state: inout AppState, keep: Int64?) {
        // The projects follow the data (`loadEffects`); the selection waits for them.
        if state.projects.pendingSelection == nil { state.projects.pendingSelection = keep }
    }

    static func select(_ state: inout AppState, id: Int64) {
        state.projects.pendingSelection = id
    }
}

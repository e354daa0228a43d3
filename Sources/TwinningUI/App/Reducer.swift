import TwinningCore

/// The whole behaviour of the program as a pure function: the state after an
/// action, and the effects to perform. No terminal, no database. What a pane
/// does is in its folder (Panes/<Pane>/); this routes to the focused pane and
/// keeps what every pane shares.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects = reduceAction(&state, action)
    // However the pane in front was reached, its list matches the data.
    if refreshIfStale(&state, state.pane) { effects += detailEffects(state) + readAhead(state) }
    return effects
}

private func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let size):
        state.size = size
        for pane in Pane.allCases { pane.feature.resized(&state) }
        return []
    case .dataLoaded(let data, let select):
        // The projects are read after the lists, whichever pane is in front (the partnership detail and the event form use them).
        return applyData(&state, data, select: select) + ProjectsPane.loadEffects(state)
    case .projectsLoaded(let result):
        return ProjectsPane.loaded(&state, result)
    case .cityDetailLoaded(let detail):
        CitiesPane.detailLoaded(&state, detail)
        return []
    case .partnershipInfoLoaded(let info):
        PartnershipsPane.infoLoaded(&state, info)
        return []
    case .saved(let message, let select):
        state.form = nil
        state.confirmation = nil
        state.pendingSave = nil
        state.status = StatusMessage(message)
        return [.loadData(select: select)]
    case .conflict:
        state.confirmation = Confirmation(title: tr(.conflictTitle, state.language), message: tr(.conflictQuestion, state.language),
                                          purpose: .conflict)
        return []
    case .reloaded(let form):
        state.form = form
        state.confirmation = nil
        state.status = StatusMessage(tr(.reloaded, state.language), kind: .warning)
        return []
    case .matchesRanked(let rows, let total, let key):
        MatchesPane.ranked(&state, rows, total: total, key: key)
        return []
    case .overlayLoaded(let overlay):
        state.overlay = overlay
        state.helpScroll = 0
        return []
    case .historyLoaded(let changes):
        state.history = changes
        state.helpScroll = 0
        return []
    case .formClosed(let message):
        state.form = nil
        state.confirmation = nil
        state.pendingSave = nil
        state.status = StatusMessage(message, kind: .error)
        return [.loadData(select: nil)]
    case .failed(let message, let field):
        state.status = StatusMessage(message, kind: .error)
        if var form = state.form {
            if let field, let index = form.index(of: field) {
                form.fields[index].error = message
                form.focus = index
            } else {
                form.message = message
            }
            state.form = form
        }
        return []
    case .homeCitySaved(let id):
        state.homeCityId = id
        state.form = nil
        if let city = state.data.city(id: id) { state.status = StatusMessage(tr(.homeSet, state.language, city.name)) }
        for pane in Pane.allCases { pane.feature.homeCityChanged(&state) }
        return detailEffects(state)
    case .calendarExists(let file, let count, let replace):
        askReplaceCalendar(&state, file: file, count: count, replace: replace)
        return []
    case .notice(let message):
        state.status = StatusMessage(message, kind: .warning)
        return []
    case .key(let key):
        return reduceKey(&state, key)
    }
}

/// A key goes to what is in front: an overlay, a question, a form, a dialog
/// of the pane, the filter being typed, and only then the pane's key table.
private func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .resize { return [] }
    if state.isTooSmall {
        // Only leaving works until the window is large enough again.
        if key == .char("q") || key == .function(10) { return [.quit] }
        return []
    }
    if state.showingHelp || state.history != nil || state.overlay != nil { return reduceOverlayKey(&state, key) }
    if state.confirmation != nil { return reduceConfirmation(&state, key) }
    if state.form != nil { return reduceForm(&state, key) }
    for pane in Pane.allCases {
        if let effects = pane.feature.reduceDialogKey(&state, key) { return effects }
    }
    if state.editingFilter { return reduceFilterTyping(&state, key) }
    guard let command = KeyMap.command(for: key, in: state.keyContexts) else { return [] }
    state.status = nil
    if let effects = reduceGlobal(&state, command, key: key) { return effects }
    return state.pane.feature.reduce(&state, command, key: key)
}

/// The commands of the `.global` context (and `/`, which starts any pane's
/// filter line); nil for the pane's own.
private func reduceGlobal(_ state: inout AppState, _ command: Command, key: Key) -> [Effect]? {
    switch command {
    case .help:
        state.showingHelp = true
        state.helpScroll = 0
        return []
    case .quit:
        return [.quit]
    case .redraw:
        return [.redraw]
    case .nextPane, .prevPane, .goToPane:
        let panes = Pane.allCases
        var target = state.pane
        if command == .goToPane, case .char(let c) = key, let n = c.wholeNumberValue, panes.indices.contains(n - 1) {
            target = panes[n - 1]
        } else if command == .nextPane {
            target = panes[(state.pane.rawValue + 1) % panes.count]
        } else if command == .prevPane {
            target = panes[(state.pane.rawValue + panes.count - 1) % panes.count]
        }
        state.pane = target
        let refreshed = refreshIfStale(&state, target)
        for pane in Pane.allCases { pane.feature.paneSwitched(&state) }
        return detailEffects(state) + (refreshed ? readAhead(state) : [])
    case .chooseHome:
        state.form = Forms.homeCity()
        return []
    case .filter:
        state.editingFilter = true
        return deferredPanes.contains(state.pane) ? [.prepareFilter(state.pane)] : []
    case .undo:
        guard writable(&state) else { return [] }
        return [.undo]
    case .history:
        return [.loadHistory]
    default:
        return nil
    }
}

/// False (and says so) in a read-only session.
func writable(_ state: inout AppState) -> Bool {
    if state.readOnly {
        state.status = StatusMessage(tr(.readOnlyRefused, state.language), kind: .warning)
        return false
    }
    return true
}

/// Loads what the detail area needs for the current selection, if not loaded yet.
func detailEffects(_ state: AppState) -> [Effect] {
    state.pane.feature.detailEffects(state)
}

/// Selects a city, partnership or event in its pane, clearing a filter that hides it.
func select(_ state: inout AppState, _ target: Selection) {
    target.pane.feature.select(&state, id: target.id)
}

private func applyData(_ state: inout AppState, _ data: AppData, select target: Selection?) -> [Effect] {
    // A pane still waiting for the last data keeps the selection it had then.
    let kept = Pane.allCases.map { pane in state.stalePanes[pane] ?? pane.feature.keptSelection(state) }
    state.data = data
    // Details may have changed with the data: each pane reloads its own, the
    // Partnerships and Events panes when next shown (their lists are read then).
    for (pane, keep) in zip(Pane.allCases, kept) {
        if deferredPanes.contains(pane) && pane != state.pane && pane != target?.pane {
            markStale(&state, pane, keep: keep)
        } else {
            pane.feature.dataLoaded(&state, keep: keep)
        }
    }
    if let target {
        select(&state, target)
        state.pane = target.pane
    }
    return detailEffects(state)
}

import TwinningCore

/// The whole behaviour of the program as a pure function: the state after an
/// action, and the effects to perform. No terminal, no database.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let size):
        state.size = size
        clampScroll(&state)
        return []
    case .dataLoaded(let data, let select):
        return applyData(&state, data, select: select)
    case .cityDetailLoaded(let detail):
        guard state.selectedCity?.id == detail.city.id else { return [] }
        state.cityDetail = detail
        state.cities.partnerSelection = min(state.cities.partnerSelection, max(0, detail.partners.count - 1))
        return []
    case .partnershipInfoLoaded(let info):
        guard state.selectedPartnership?.id == info.partnershipId else { return [] }
        state.partnershipInfo = info
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
        state.matches.rows = rows
        state.matches.total = total
        state.matches.rankedKey = key
        let page = Layout(state.size).matchDataRows
        state.matches.list.selection = min(state.matches.list.selection, max(0, rows.count - 1))
        state.matches.list.scroll = scrolled(state.matches.list, page: page, count: rows.count)
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
        refilterCities(&state, keepId: state.selectedCity?.id)
        refilterPartnerships(&state, keepId: state.selectedPartnership?.id)
        return detailEffects(state)
    case .notice(let message):
        state.status = StatusMessage(message, kind: .warning)
        return []
    case .key(let key):
        return reduceKey(&state, key)
    }
}

private func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .resize { return [] }
    if state.isTooSmall {
        // Only leaving works until the window is large enough again.
        if key == .char("q") || key == .function(10) { return [.quit] }
        return []
    }
    if state.showingHelp || state.history != nil || state.overlay != nil {
        if KeyMap.command(for: key, in: [.help]) == .closeHelp { state.showingHelp = false; state.history = nil; state.overlay = nil }
        else if key == .down || key == .char("j") { state.helpScroll += 1 }
        else if key == .up || key == .char("k") { state.helpScroll = max(0, state.helpScroll - 1) }
        return []
    }
    if state.confirmation != nil { return reduceConfirmation(&state, key) }
    if state.form != nil { return reduceForm(&state, key) }
    if state.matches.accepting != nil { return reduceAccept(&state, key) }
    if state.pane == .matches && state.matches.weightsOpen { return reduceWeights(&state, key) }
    if state.editingFilter { return reduceFilterTyping(&state, key) }
    guard let command = KeyMap.command(for: key, in: state.keyContexts) else { return [] }
    state.status = nil
    return perform(&state, command, key: key)
}

private func perform(_ state: inout AppState, _ command: Command, key: Key) -> [Effect] {
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
        state.cities.inPartners = false
        state.matches.weightsOpen = false
        return detailEffects(state)
    case .chooseHome:
        state.form = Forms.homeCity()
        return []
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
        return move(&state, command)
    case .filter:
        state.editingFilter = true
        return []
    case .open:
        return open(&state)
    case .back:
        if state.pane == .cities && state.cities.inPartners {
            state.cities.inPartners = false
        } else if state.pane == .cities && !state.cities.filter.isEmpty {
            setFilter(&state, "")
            return detailEffects(state)
        } else if state.pane == .partnerships && !state.partnerships.filter.isEmpty {
            setFilter(&state, "")
            return detailEffects(state)
        } else if state.pane == .events && (state.events.partnershipId != nil || !state.events.filter.isEmpty) {
            // Back from one partnership's events: to that partnership.
            let from = state.events.partnershipId
            state.events.partnershipId = nil
            setFilter(&state, "")
            if let from {
                state.pane = .partnerships
                select(&state, .partnership(from))
                return detailEffects(state)
            }
        }
        return []
    case .toggleScope:
        let keep = state.selectedCity?.id
        state.cities.scope = state.cities.scope == .register ? .gazetteer : .register
        state.cities.inPartners = false
        refilterCities(&state, keepId: keep)
        return detailEffects(state)
    case .newCity:
        guard writable(&state) else { return [] }
        state.form = Forms.newCity(name: state.cities.filter)
        return []
    case .editCity:
        guard writable(&state) else { return [] }
        guard let detail = state.cityDetail, detail.city.id == state.selectedCity?.id else { return [] }
        state.form = Forms.editCity(detail.city, language: state.language)
        return []
    case .newPartnership:
        guard writable(&state) else { return [] }
        state.form = Forms.newPartnership(home: state.homeCity)
        if state.homeCity != nil { state.form?.focus = 1 }
        return []
    case .editPartnership:
        guard writable(&state), let selected = state.selectedPartnership else { return [] }
        state.form = Forms.editPartnership(selected, language: state.language)
        return []
    case .deletePartnership:
        guard writable(&state), let selected = state.selectedPartnership else { return [] }
        state.confirmation = Confirmation(
            title: tr(.confirmTitle, state.language),
            message: tr(.confirmDeletePartnership, state.language, selected.cityA.name, selected.cityB.name, String(selected.eventCount)),
            purpose: .deletePartnership(selected.id))
        return []
    case .healthFilter:
        let options: [Health?] = [nil] + Health.allCases.map { $0 }
        let index = options.firstIndex(of: state.partnerships.health) ?? 0
        state.partnerships.health = options[(index + 1) % options.count]
        refilterPartnerships(&state, keepId: state.selectedPartnership?.id)
        return detailEffects(state)
    case .newEvent:
        guard writable(&state) else { return [] }
        let preset = state.events.partnershipId ?? state.selectedEvent?.event.partnershipId ?? state.lastEventPartnership
        let partnership = preset.flatMap { id in state.data.partnerships.first { $0.id == id } }
        state.form = Forms.newEvent(partnership: partnership, language: state.language)
        return []
    case .editEvent:
        guard writable(&state), let selected = state.selectedEvent else { return [] }
        let partnership = state.data.partnerships.first { $0.id == selected.event.partnershipId }
        state.form = Forms.editEvent(selected.event, partnership: partnership, language: state.language)
        return []
    case .deleteEvent:
        guard writable(&state), let selected = state.selectedEvent else { return [] }
        let e = selected.event
        state.confirmation = Confirmation(
            title: tr(.confirmTitle, state.language),
            message: tr(.confirmDeleteEvent, state.language, e.title.isEmpty ? e.kind.label(state.language) : e.title,
                        e.startDate.display(state.language), "\(selected.cityA.name) ↔ \(selected.cityB.name)"),
            purpose: .deleteEvent(selected.id))
        return []
    case .yearFilter:
        let years = Array(Set(state.data.events.map(\.event.startDate.year))).sorted(by: >)
        let options: [Int?] = [nil] + years.map { $0 }
        let index = options.firstIndex(of: state.events.year) ?? 0
        state.events.year = options[(index + 1) % options.count]
        refilterEvents(&state, keepId: nil)
        return []
    case .kindFilter:
        let options: [EventKind?] = [nil] + EventKind.allCases.map { $0 }
        let index = options.firstIndex(of: state.events.kind) ?? 0
        state.events.kind = options[(index + 1) % options.count]
        refilterEvents(&state, keepId: nil)
        return []
    case .ourCityFilter:
        state.events.ourCityOnly.toggle()
        refilterEvents(&state, keepId: state.selectedEvent?.id)
        return []
    case .undo:
        guard writable(&state) else { return [] }
        return [.undo]
    case .history:
        return [.loadHistory]
    case .toggleDomestic:
        state.matches.filters.leaveOutHomeCountry.toggle()
        state.matches.list = ListPosition()
        return detailEffects(state)
    case .toggleMode:
        state.matches.mode = state.matches.mode == .learn ? .similar : .learn
        state.matches.profile = nil
        state.matches.list = ListPosition()
        return detailEffects(state)
    case .accept:
        guard writable(&state), let candidate = state.selectedMatch else { return [] }
        state.matches.accepting = candidate
        return []
    case .reject:
        guard writable(&state), let candidate = state.selectedMatch else { return [] }
        state.form = Forms.rejectMatch(candidate)
        return []
    case .snooze:
        guard writable(&state), let candidate = state.selectedMatch else { return [] }
        state.form = Forms.snoozeMatch(candidate, today: state.today, language: state.language)
        return []
    case .whyNot:
        guard state.matchHome != nil else { return [] }
        state.form = Forms.cityQuestion(.whyNot)
        return []
    case .explorerHome:
        state.form = Forms.cityQuestion(.explorerHome)
        return []
    case .weights:
        state.matches.weightsOpen = true
        if state.matches.profile == nil { state.matches.profile = state.matches.profile(of: state.matches.mode) }
        return []
    case .reviews:
        guard let home = state.matchHome else { return [] }
        return [.loadReviews(home: home)]
    case .matchFilters:
        state.form = MatchFilterInput.form(state.matches.filters, language: state.language)
        return []
    case .clearMatchFilters:
        guard !state.matches.filters.isEmpty else {
            state.status = StatusMessage(tr(.filtersNoneSet, state.language))
            return []
        }
        state.matches.filters = MatchFilters(leaveOutHomeCountry: state.matches.filters.leaveOutHomeCountry)
        state.matches.list = ListPosition()
        state.status = StatusMessage(tr(.filtersCleared, state.language))
        return detailEffects(state)
    case .exportReport:
        return [.exportReport(cityId: state.reports.all ? nil : state.homeCityId, year: state.reports.year ?? state.today.year)]
    case .previousYear, .nextYear:
        let year = state.reports.year ?? state.today.year
        state.reports.year = command == .previousYear ? year - 1 : min(year + 1, state.today.year)
        return []
    case .reportScope:
        state.reports.all.toggle()
        state.reports.map = nil
        return []
    case .showMap:
        state.reports.showMap = true
        return []
    case .showReport:
        state.reports.showMap = false
        return []
    case .panUp, .panDown, .panLeft, .panRight, .zoomIn, .zoomOut:
        var view = state.reports.map ?? MapGeometry.fit(state)
        let step = view.spanLongitude / 8
        switch command {
        case .panUp: view.centerLatitude = min(85, view.centerLatitude + step / 2)
        case .panDown: view.centerLatitude = max(-85, view.centerLatitude - step / 2)
        case .panLeft: view.centerLongitude -= step
        case .panRight: view.centerLongitude += step
        case .zoomIn: view.spanLongitude = max(0.5, view.spanLongitude / 1.5)
        default: view.spanLongitude = min(360, view.spanLongitude * 1.5)
        }
        state.reports.map = view
        return []
    case .fitMap:
        state.reports.map = nil
        return []
    case .sort:
        let all = PartnershipSort.allCases
        state.partnerships.sort = all[(all.firstIndex(of: state.partnerships.sort)! + 1) % all.count]
        refilterPartnerships(&state, keepId: state.selectedPartnership?.id)
        return detailEffects(state)
    default:
        return []
    }
}

private func writable(_ state: inout AppState) -> Bool {
    if state.readOnly {
        state.status = StatusMessage(tr(.readOnlyRefused, state.language), kind: .warning)
        return false
    }
    return true
}

// MARK: - Lists

private func move(_ state: inout AppState, _ command: Command) -> [Effect] {
    let layout = Layout(state.size)
    let page = state.pane == .matches ? layout.matchDataRows : layout.listDataRows
    func step(_ position: inout ListPosition, count: Int) {
        guard count > 0 else { position = ListPosition(); return }
        var selection = position.selection
        switch command {
        case .up: selection -= 1
        case .down: selection += 1
        case .pageUp: selection -= page
        case .pageDown: selection += page
        case .top: selection = 0
        case .bottom: selection = count - 1
        default: break
        }
        position.selection = min(max(0, selection), count - 1)
        position.scroll = scrolled(position, page: page, count: count)
    }
    switch state.pane {
    case .cities:
        if state.cities.inPartners {
            let count = state.cityDetail?.partners.count ?? 0
            var position = ListPosition()
            position.selection = state.cities.partnerSelection
            step(&position, count: count)
            state.cities.partnerSelection = position.selection
            return []
        }
        step(&state.cities.list, count: state.cities.visible.count)
    case .partnerships:
        step(&state.partnerships.list, count: state.partnerships.visible.count)
    case .events:
        step(&state.events.list, count: state.events.visible.count)
    case .reports:
        state.reports.scroll = max(0, state.reports.scroll + (command == .down ? 1 : command == .up ? -1 : 0))
        return []
    case .matches:
        step(&state.matches.list, count: state.matches.rows.count)
        return []
    }
    return detailEffects(state)
}

func scrolled(_ position: ListPosition, page: Int, count: Int) -> Int {
    var scroll = position.scroll
    if position.selection < scroll { scroll = position.selection }
    if position.selection >= scroll + page { scroll = position.selection - page + 1 }
    return max(0, min(scroll, max(0, count - page)))
}

private func clampScroll(_ state: inout AppState) {
    let page = Layout(state.size).listDataRows
    state.cities.list.scroll = scrolled(state.cities.list, page: page, count: state.cities.visible.count)
    state.partnerships.list.scroll = scrolled(state.partnerships.list, page: page, count: state.partnerships.visible.count)
}

private func open(_ state: inout AppState) -> [Effect] {
    switch state.pane {
    case .cities:
        guard let detail = state.cityDetail, detail.city.id == state.selectedCity?.id, !detail.partners.isEmpty else { return [] }
        if !state.cities.inPartners {
            state.cities.inPartners = true
            state.cities.partnerSelection = 0
            return []
        }
        let partnership = detail.partners[min(state.cities.partnerSelection, detail.partners.count - 1)]
        state.cities.inPartners = false
        state.pane = .partnerships
        select(&state, .partnership(partnership.id))
        return detailEffects(state)
    case .partnerships:
        guard let selected = state.selectedPartnership else { return [] }
        state.pane = .events
        state.events.partnershipId = selected.id
        state.events.filter = ""
        refilterEvents(&state, keepId: nil)
        return []
    case .events, .reports, .matches:
        return []
    }
}

/// Loads what the detail area needs for the current selection, if not loaded yet.
func detailEffects(_ state: AppState) -> [Effect] {
    switch state.pane {
    case .cities:
        guard let city = state.selectedCity else { return [] }
        return state.cityDetail?.city.id == city.id ? [] : [.loadCityDetail(city.id)]
    case .partnerships:
        guard let partnership = state.selectedPartnership else { return [] }
        return state.partnershipInfo?.partnershipId == partnership.id ? [] : [.loadPartnershipInfo(partnership.id)]
    case .matches:
        guard let home = state.matchHome, let key = state.matchKey, key != state.matches.rankedKey else { return [] }
        return [.rankMatches(home: home, profile: state.matchProfile, filters: state.matches.filters, key: key)]
    case .events, .reports:
        return [] // their lists hold everything they show
    }
}

// MARK: - Filters

private func reduceFilterTyping(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch KeyMap.command(for: key, in: [.filter]) {
    case .filterDone:
        state.editingFilter = false
        return detailEffects(state)
    case .filterClear:
        state.editingFilter = false
        setFilter(&state, "")
        return detailEffects(state)
    default:
        break
    }
    var text: String
    switch state.pane {
    case .cities: text = state.cities.filter
    case .partnerships: text = state.partnerships.filter
    case .events: text = state.events.filter
    case .matches, .reports: return [] // the match explorer filters in a dialog
    }
    switch key {
    case .backspace:
        if !text.isEmpty { text.removeLast() }
    case .ctrl("u"):
        text = ""
    case .char(let c):
        guard text.count < 100 else { return [] }
        text.append(c)
    default:
        return []
    }
    setFilter(&state, text)
    return detailEffects(state)
}

private func setFilter(_ state: inout AppState, _ text: String) {
    switch state.pane {
    case .cities:
        state.cities.filter = text
        state.cities.inPartners = false
        refilterCities(&state, keepId: nil)
    case .partnerships:
        state.partnerships.filter = text
        refilterPartnerships(&state, keepId: nil)
    case .events:
        state.events.filter = text
        refilterEvents(&state, keepId: nil)
    case .matches, .reports:
        break
    }
}

// MARK: - Match explorer dialogs

private func reduceAccept(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let candidate = state.matches.accepting, let home = state.matchHome else { return [] }
    switch KeyMap.command(for: key, in: [.accept]) {
    case .acceptAsPartnership, .acceptAsContact:
        state.matches.accepting = nil
        let type: PartnershipType = KeyMap.command(for: key, in: [.accept]) == .acceptAsPartnership ? .partnership : .contact
        let review = MatchReview(homeCityId: home, candidateCityId: candidate.cityId, decision: .accept,
                                 reason: type == .contact ? "contact" : "proposed partnership")
        return [.review(review, create: type, name: candidate.name)]
    case .cancel:
        state.matches.accepting = nil
    default:
        break
    }
    return []
}

private func reduceWeights(_ state: inout AppState, _ key: Key) -> [Effect] {
    var profile = state.matchProfile
    let features = MatchFeature.allCases
    switch KeyMap.command(for: key, in: [.weights]) {
    case .weightUp:
        state.matches.weightFocus = max(0, state.matches.weightFocus - 1)
    case .weightDown:
        state.matches.weightFocus = min(features.count - 1, state.matches.weightFocus + 1)
    case .weightMore, .weightLess:
        let feature = features[state.matches.weightFocus]
        let step: Float = KeyMap.command(for: key, in: [.weights]) == .weightMore ? 0.25 : -0.25
        profile.weights[feature] = min(10, max(0, ((profile.weight(feature) + step) * 4).rounded() / 4))
        state.matches.profile = profile
        // With every weight at 0 all candidates score 0: the list would look ranked but is not.
        let warning = StatusMessage(tr(.weightsAllZero, state.language), kind: .warning)
        if profile.allWeightsZero { state.status = warning } else if state.status == warning { state.status = nil }
        return detailEffects(state) // re-rank at once
    case .saveProfile:
        state.matches.savedProfiles[profile.mode] = profile
        return [.saveProfile(profile)]
    case .closeWeights:
        state.matches.weightsOpen = false
    default:
        break
    }
    return []
}

func refilterEvents(_ state: inout AppState, keepId: Int64?) {
    let list = state.data.events
    let home = state.homeCityId
    let pane = state.events
    let visible = state.data.eventIndex.filter(pane.filter).filter { i in
        let e = list[i]
        if let year = pane.year, e.event.startDate.year != year { return false }
        if let kind = pane.kind, e.event.kind != kind { return false }
        if let id = pane.partnershipId, e.event.partnershipId != id { return false }
        if pane.ourCityOnly, let home, e.cityA.id != home && e.cityB.id != home { return false }
        return true
    }.sorted() // newest first, as loaded
    state.events.visible = visible
    let selection = keepId.flatMap { id in visible.firstIndex { list[$0].id == id } } ?? 0
    state.events.list.selection = min(selection, max(0, visible.count - 1))
    state.events.list.scroll = scrolled(state.events.list, page: Layout(state.size).listDataRows, count: visible.count)
}

func refilterCities(_ state: inout AppState, keepId: Int64?) {
    let index = state.cities.scope == .register ? state.data.registerIndex : state.data.gazetteerIndex
    var visible = index.filter(state.cities.filter)
    // The home city leads the register, so the association finds itself first.
    if state.cities.scope == .register, state.cities.filter.isEmpty, let home = state.homeCityId,
       let at = visible.firstIndex(where: { state.data.register[$0].id == home }) {
        visible.insert(visible.remove(at: at), at: 0)
    }
    state.cities.visible = visible
    let rows = state.cityRows
    let selection = keepId.flatMap { id in visible.firstIndex { rows[$0].id == id } } ?? 0
    state.cities.list.selection = min(selection, max(0, visible.count - 1))
    state.cities.list.scroll = scrolled(state.cities.list, page: Layout(state.size).listDataRows, count: visible.count)
}

func refilterPartnerships(_ state: inout AppState, keepId: Int64? = nil) {
    let list = state.data.partnerships
    var visible = state.data.partnershipIndex.filter(state.partnerships.filter)
    if let wanted = state.partnerships.health {
        visible = visible.filter { state.health(list[$0]) == wanted }
    }
    let home = state.homeCityId
    func homeFirst(_ i: Int) -> Int { home != nil && list[i].partnership.involves(home!) ? 0 : 1 }
    // The home city's partnerships lead in every order; within a group the
    // filter's ranking (or the name) decides unless another sort is chosen.
    let rank = Dictionary(uniqueKeysWithValues: visible.enumerated().map { ($1, $0) })
    visible.sort { a, b in
        if homeFirst(a) != homeFirst(b) { return homeFirst(a) < homeFirst(b) }
        switch state.partnerships.sort {
        case .name:
            break
        case .since:
            // Longest-standing first; unknown dates last.
            if let o = ordered(list[a].partnership.since?.iso, list[b].partnership.since?.iso, newestFirst: false) { return o }
        case .lastEvent:
            // Most recently visited first; never visited last.
            if let o = ordered(list[a].lastEvent?.iso, list[b].lastEvent?.iso, newestFirst: true) { return o }
        case .health:
            // Dormant first: those need attention.
            let ha = state.health(list[a]), hb = state.health(list[b])
            if ha != hb { return ha > hb }
        }
        return rank[a]! < rank[b]!
    }
    state.partnerships.visible = visible
    let selection = keepId.flatMap { id in visible.firstIndex { list[$0].id == id } } ?? 0
    state.partnerships.list.selection = min(selection, max(0, visible.count - 1))
    state.partnerships.list.scroll = scrolled(state.partnerships.list, page: Layout(state.size).listDataRows, count: visible.count)
}

/// Compares two optional dates, missing ones last; nil when equal.
private func ordered(_ x: String?, _ y: String?, newestFirst: Bool) -> Bool? {
    switch (x, y) {
    case let (x?, y?): return x == y ? nil : (newestFirst ? x > y : x < y)
    case (nil, _?): return false
    case (_?, nil): return true
    default: return nil
    }
}

/// Selects a city or partnership in its pane, clearing a filter that hides it.
func select(_ state: inout AppState, _ target: Selection) {
    switch target {
    case .city(let id):
        if !state.data.register.contains(where: { $0.id == id }) { state.cities.scope = .gazetteer }
        refilterCities(&state, keepId: id)
        if state.selectedCity?.id != id {
            state.cities.filter = ""
            refilterCities(&state, keepId: id)
        }
    case .partnership(let id):
        refilterPartnerships(&state, keepId: id)
        if state.selectedPartnership?.id != id {
            state.partnerships.filter = ""
            state.partnerships.health = nil
            refilterPartnerships(&state, keepId: id)
        }
    case .event(let id):
        refilterEvents(&state, keepId: id)
        if state.selectedEvent?.id != id {
            state.events = EventsPaneState()
            refilterEvents(&state, keepId: id)
        }
        if let event = state.selectedEvent { state.lastEventPartnership = event.event.partnershipId }
    }
}

private func applyData(_ state: inout AppState, _ data: AppData, select target: Selection?) -> [Effect] {
    let keepCity = state.selectedCity?.id
    let keepPartnership = state.selectedPartnership?.id
    let keepEvent = state.selectedEvent?.id
    state.data = data
    refilterCities(&state, keepId: keepCity)
    refilterPartnerships(&state, keepId: keepPartnership)
    refilterEvents(&state, keepId: keepEvent)
    // Details may have changed with the data: reload them.
    state.cityDetail = nil
    state.partnershipInfo = nil
    if let target {
        select(&state, target)
        switch target {
        case .city: state.pane = .cities
        case .partnership: state.pane = .partnerships
        case .event: state.pane = .events
        }
    }
    return detailEffects(state)
}

// MARK: - Questions

private func reduceConfirmation(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var question = state.confirmation else { return [] }
    if question.purpose == .conflict {
        switch KeyMap.command(for: key, in: [.conflict]) {
        case .reload:
            guard let form = state.form else { return [] }
            state.confirmation = nil
            return [.reload(form.kind)]
        case .overwrite:
            state.confirmation = nil
            return state.pendingSave.map { [.overwrite($0)] } ?? []
        case .cancel:
            state.confirmation = nil
        default:
            break
        }
        return []
    }
    switch KeyMap.command(for: key, in: [.confirm]) {
    case .yes:
        return answerYes(&state, question)
    case .no:
        state.confirmation = nil
    case .switchAnswer:
        question.yesSelected.toggle()
        state.confirmation = question
    case .confirmDefault:
        if question.yesSelected { return answerYes(&state, question) }
        state.confirmation = nil
    default:
        break
    }
    return []
}

private func answerYes(_ state: inout AppState, _ question: Confirmation) -> [Effect] {
    state.confirmation = nil
    switch question.purpose {
    case .deletePartnership(let id):
        return [.deletePartnership(id)]
    case .deleteEvent(let id):
        return [.deleteEvent(id)]
    case .conflict:
        return []
    case .discardForm:
        state.form = nil
        return []
    case .quit:
        return [.quit]
    }
}

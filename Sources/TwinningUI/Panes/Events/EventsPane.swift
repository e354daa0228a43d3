import TwinningCore

/// The Events pane: every visit and activity, newest first, with quick
/// filters (year, kind, our city, one partnership), the detail with its
/// funding check, and the event form.
enum EventsPane: PaneFeature {
    static func keyContexts(_ state: AppState) -> [KeyContext] { [.events, .list] }

    static func reduce(_ state: inout AppState, _ command: Command, key: Key) -> [Effect] {
        // The first switch showed the list's first page; the pane's first key moves in the whole list.
        if state.events.fromHead { refilterEvents(&state, keepId: state.selectedEvent?.id, wholeList: true) }
        switch command {
        case _ where ListPosition.moves.contains(command):
            state.events.list.step(command, page: Layout(state.size).listDataRows, count: state.events.visible.count)
            return detailEffects(state)
        case .back:
            if state.events.partnershipId == nil && state.events.filter.isEmpty {
                // Esc backs out of the quick filters too, so hidden events come back.
                guard state.events.year != nil || state.events.kind != nil || state.events.ourCityOnly else { return [] }
                state.events.year = nil
                state.events.kind = nil
                state.events.ourCityOnly = false
                refilterEvents(&state, keepId: state.selectedEvent?.id)
                return detailEffects(state)
            }
            // Back from one partnership's events: to that partnership.
            let from = state.events.partnershipId
            state.events.partnershipId = nil
            setFilter(&state, "")
            if let from {
                state.pane = .partnerships
                TwinningUI.select(&state, .partnership(from))
                return TwinningUI.detailEffects(state)
            }
            return []
        case .newEvent:
            guard writable(&state) else { return [] }
            let preset = state.events.partnershipId ?? state.selectedEvent?.event.partnershipId ?? state.lastEventPartnership
            let partnership = preset.flatMap { id in state.data.partnerships.first { $0.id == id } }
            var form = Forms.newEvent(partnership: partnership, language: state.language)
            EventProjectField.follow(&form, state)
            state.form = form
            return []
        case .editEvent:
            guard writable(&state), let selected = state.selectedEvent else { return [] }
            let partnership = state.data.partnerships.first { $0.id == selected.event.partnershipId }
            var form = Forms.editEvent(selected.event, partnership: partnership, language: state.language)
            EventProjectField.follow(&form, state)
            state.form = form
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
        case .exportCalendar:
            openCalendarExport(&state)
            return []
        default:
            return [] // Enter: the list holds everything the detail shows
        }
    }

    static func render(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        renderEventsPane(&screen, state, layout)
    }

    static func status(_ state: AppState) -> PaneStatus {
        let language = state.language
        var notes: [String] = []
        if let id = state.events.partnershipId, let p = state.data.partnerships.first(where: { $0.id == id }) {
            notes.append(tr(.eventsOf, language, "\(p.cityA.name) ↔ \(p.cityB.name)"))
        }
        if let year = state.events.year { notes.append(tr(.filterYear, language, String(year))) }
        if let kind = state.events.kind { notes.append(tr(.filterKind, language, kind.label(language))) }
        if state.events.ourCityOnly { notes.append(tr(.filterOurCity, language)) }
        return PaneStatus(filter: state.events.filter, shown: state.events.fromHead ? state.eventRowsTotal : state.events.visible.count,
                          total: state.eventRowsTotal, notes: notes)
    }

    static func filterText(_ state: AppState) -> String? { state.events.filter }

    static func setFilter(_ state: inout AppState, _ text: String) {
        state.events.filter = text
        refilterEvents(&state, keepId: nil)
    }

    static func keptSelection(_ state: AppState) -> Int64? { state.selectedEvent?.id }

    static func dataLoaded(_ state: inout AppState, keep: Int64?) { refilterEvents(&state, keepId: keep) }

    static func select(_ state: inout AppState, id: Int64) {
        refilterEvents(&state, keepId: id)
        if state.selectedEvent?.id != id {
            state.events = EventsPaneState()
            refilterEvents(&state, keepId: id)
        }
        if let event = state.selectedEvent { state.lastEventPartnership = event.event.partnershipId }
    }
}

import TwinningCore

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

extension AppState {
    public var selectedEvent: EventDetail? {
        guard events.visible.indices.contains(events.list.selection) else { return nil }
        let index = events.visible[events.list.selection]
        return data.events.indices.contains(index) ? data.events[index] : nil
    }
}

func refilterEvents(_ state: inout AppState, keepId: Int64?) {
    state.stalePanes[.events] = nil // filtered against the data as it is now
    let list = state.data.events
    let home = state.homeCityId
    let pane = state.events
    let matches = filteredRows(pane.filter, count: list.count) { state.data.eventIndex }
    let quick = pane.year != nil || pane.kind != nil || pane.partnershipId != nil || (pane.ourCityOnly && home != nil)
    // Fields read in place (no copy of each row and its strings); no pass at all without a quick filter.
    let visible = (!quick ? matches : matches.filter { i in
        if let year = pane.year, list[i].event.startDate.year != year { return false }
        if let kind = pane.kind, list[i].event.kind != kind { return false }
        if let id = pane.partnershipId, list[i].event.partnershipId != id { return false }
        if pane.ourCityOnly, let home, list[i].cityA.id != home && list[i].cityB.id != home { return false }
        return true
    }).sorted() // newest first, as loaded
    state.events.visible = visible
    let selection = keepId.flatMap { id in visible.firstIndex { list[$0].id == id } } ?? 0
    state.events.list.selection = min(selection, max(0, visible.count - 1))
    state.events.list.scroll = scrolled(state.events.list, page: Layout(state.size).listDataRows, count: visible.count)
}

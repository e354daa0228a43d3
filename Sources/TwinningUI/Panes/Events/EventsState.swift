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
    /// `visible` counts in the list's first page (`AppData.eventHeadStore`), see `fromHead` of the Cities pane.
    public var fromHead = false
    public init() {}
}

extension AppState {
    public var selectedEvent: EventDetail? {
        guard events.visible.indices.contains(events.list.selection) else { return nil }
        let index = events.visible[events.list.selection]
        let rows = eventRows
        return rows.indices.contains(index) ? rows[index] : nil
    }

    /// The rows `events.visible` counts in: the first page, or the whole list.
    var eventRows: [EventDetail] {
        if events.fromHead, let head = data.eventHeadStore.value { return head.rows }
        return data.events
    }
    var eventRowsTotal: Int {
        if events.fromHead, let head = data.eventHeadStore.value { return head.total }
        return data.events.count
    }
}

func refilterEvents(_ state: inout AppState, keepId: Int64?, wholeList: Bool = false) {
    state.stalePanes[.events] = nil // filtered against the data as it is now
    // The first switch: the list's first page (newest first), while the whole list is read behind it.
    let pane0 = state.events
    if !wholeList, pane0.filter.isEmpty, pane0.year == nil, pane0.kind == nil, pane0.partnershipId == nil, !pane0.ourCityOnly,
       !state.data.eventsAreRead, let head = state.data.eventHeadStore.value,
       head.show(keepId: keepId, id: \.id, visible: &state.events.visible, list: &state.events.list, page: Layout(state.size).listDataRows) {
        state.events.fromHead = true
        return
    }
    state.events.fromHead = false
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

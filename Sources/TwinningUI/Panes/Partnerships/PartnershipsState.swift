import TwinningCore

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

public struct PartnershipsPaneState: Equatable, Sendable {
    public var filter = ""
    public var visible: [Int] = []
    public var list = ListPosition()
    public var sort = PartnershipSort.name
    public var health: Health?
    /// `visible` counts in the list's first page (`AppData.partnershipHeadStore`), see `fromHead` of the Cities pane.
    public var fromHead = false
    public init() {}
}

/// Events and contacts of the selected partnership (`AppState.partnershipInfo`).
public struct PartnershipInfo: Equatable, Sendable {
    public var partnershipId: Int64
    public var events: [EventDetail]
    public var contacts: [Contact]
    /// All events of the partnership; `events` holds the latest few.
    public var eventCount: Int
    public init(partnershipId: Int64, events: [EventDetail], contacts: [Contact], eventCount: Int? = nil) {
        self.partnershipId = partnershipId
        self.events = events
        self.contacts = contacts
        self.eventCount = max(eventCount ?? events.count, events.count)
    }
}

extension AppState {
    public var selectedPartnership: PartnershipDetail? {
        guard partnerships.visible.indices.contains(partnerships.list.selection) else { return nil }
        let index = partnerships.visible[partnerships.list.selection]
        let rows = partnershipRows
        return rows.indices.contains(index) ? rows[index] : nil
    }

    /// The rows `partnerships.visible` counts in: the first page, or the whole list.
    var partnershipRows: [PartnershipDetail] {
        if partnerships.fromHead, let head = data.partnershipHeadStore.value { return head.rows }
        return data.partnerships
    }
    var partnershipRowsTotal: Int {
        if partnerships.fromHead, let head = data.partnershipHeadStore.value { return head.total }
        return data.partnerships.count
    }
}

func refilterPartnerships(_ state: inout AppState, keepId: Int64? = nil, wholeList: Bool = false) {
    state.stalePanes[.partnerships] = nil // filtered against the data as it is now
    // The first switch: the list's first page, while the whole list is read behind it.
    if !wholeList, state.partnerships.filter.isEmpty, state.partnerships.health == nil, state.partnerships.sort == .name,
       !state.data.partnershipsAreRead, let head = state.data.partnershipHeadStore.value, head.leading == state.homeCityId,
       head.show(keepId: keepId, id: \.id, visible: &state.partnerships.visible, list: &state.partnerships.list,
                 page: Layout(state.size).listDataRows) {
        state.partnerships.fromHead = true
        return
    }
    state.partnerships.fromHead = false
    let list = state.data.partnerships
    var visible = filteredRows(state.partnerships.filter, count: list.count) { state.data.partnershipIndex }
    if let wanted = state.partnerships.health {
        visible = visible.filter { state.health(list[$0]) == wanted }
    }
    let home = state.homeCityId
    // The home city's partnerships lead in every order; within a group the
    // filter's ranking (or the name) decides unless another sort is chosen.
    // Each row's keys are taken once, not in every comparison (which copied
    // the row and looked up its rank: seconds over 110,000 partnerships).
    let ours = visible.map { i in home.map { list[i].partnership.involves($0) } ?? false }
    switch state.partnerships.sort {
    case .name:
        // Only the home group moves to the front, each group keeping the ranking.
        visible = visible.indices.filter { ours[$0] }.map { visible[$0] } + visible.indices.filter { !ours[$0] }.map { visible[$0] }
    case .since, .lastEvent, .health:
        // One whole number per row, compared as such (a closure comparing
        // optional date strings took 34–70 ms a sort over 110,000 rows):
        // our group, then the order's key, then the filter's ranking.
        let sort = state.partnerships.sort
        let unknown = 1 << 27 // after every date key (9999-12-31 is 99,991,231) and every health
        var keys = [UInt64](repeating: 0, count: visible.count)
        for (position, row) in visible.enumerated() {
            let primary: Int
            switch sort {
            case .since: primary = list[row].partnership.since?.sortKey ?? unknown // longest-standing first
            case .lastEvent: primary = list[row].lastEvent.map { 99_999_999 - $0.sortKey } ?? unknown // most recent first
            case .health: primary = Health.dormant.rawValue - state.health(list[row]).rawValue // dormant first
            case .name: primary = 0
            }
            keys[position] = UInt64(ours[position] ? 0 : 1) << 62 | UInt64(primary) << 32 | UInt64(position)
        }
        keys.sort()
        visible = keys.map { visible[Int($0 & 0xFFFF_FFFF)] }
    }
    state.partnerships.visible = visible
    let selection = keepId.flatMap { id in visible.firstIndex { list[$0].id == id } } ?? 0
    state.partnerships.list.selection = min(selection, max(0, visible.count - 1))
    state.partnerships.list.scroll = scrolled(state.partnerships.list, page: Layout(state.size).listDataRows, count: visible.count)
}


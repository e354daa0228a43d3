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
        return data.partnerships.indices.contains(index) ? data.partnerships[index] : nil
    }
}

func refilterPartnerships(_ state: inout AppState, keepId: Int64? = nil) {
    state.stalePanes[.partnerships] = nil // filtered against the data as it is now
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

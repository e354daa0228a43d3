import TwinningCore

public enum CityScope: Equatable, Sendable { case register, gazetteer }

public struct CitiesPaneState: Equatable, Sendable {
    public var scope = CityScope.register
    public var filter = ""
    /// Indices into the scope's list (register or gazetteer) that pass the filter.
    public var visible: [Int] = []
    public var list = ListPosition()
    /// Enter moves into the partners of the detail; Enter there opens the partnership.
    public var inPartners = false
    public var partnerSelection = 0
    public init() {}
}

/// The selected city with everything its detail area shows (`AppState.cityDetail`).
public struct CityDetail: Equatable, Sendable {
    public var city: City
    public var partners: [PartnershipDetail]
    public var events: [EventDetail]
    public var contacts: [Contact]
    /// The facts behind its challenges (read on first use); nil when the files cannot be read.
    public var character: CityCharacter?
    public init(city: City, partners: [PartnershipDetail], events: [EventDetail], contacts: [Contact], character: CityCharacter? = nil) {
        self.character = character
        self.city = city
        self.partners = partners
        self.events = events
        self.contacts = contacts
    }
}

extension AppState {
    /// The cities the Cities pane lists in its current scope.
    public var cityRows: [CitySummary] { cities.scope == .register ? data.register : data.gazetteer }

    public var selectedCity: CitySummary? {
        let rows = cityRows
        guard cities.visible.indices.contains(cities.list.selection) else { return nil }
        let index = cities.visible[cities.list.selection]
        return rows.indices.contains(index) ? rows[index] : nil
    }
}

func refilterCities(_ state: inout AppState, keepId: Int64?) {
    let scope = state.cities.scope, data = state.data
    var visible = filteredRows(state.cities.filter, count: state.cityRows.count) {
        scope == .register ? data.registerIndex : data.gazetteerIndex
    }
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

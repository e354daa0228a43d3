import TwinningCore

public enum CityScope: Equatable, Sendable { case register, gazetteer }

public struct CitiesPaneState: Equatable, Sendable {
    public var scope = CityScope.register
    public var filter = ""
    /// Indices into the scope's list (register or gazetteer) that pass the filter.
    public var visible: [Int] = []
    public var list = ListPosition()
    /// `visible` counts in the register's first page (`AppData.registerHead`):
    /// the first screen, before the whole register is read. The pane's first
    /// key lists the whole register, keeping the selected city.
    public var fromHead = false
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
    public var cityRows: [CitySummary] {
        guard cities.scope == .register else { return data.gazetteer }
        if cities.fromHead, let head = data.registerHead { return head.rows }
        return data.register
    }

    /// How many cities the scope holds: the register's count is known before it is read whole.
    var cityRowsTotal: Int {
        if cities.scope == .register, cities.fromHead, let head = data.registerHead { return head.total }
        return cityRows.count
    }

    public var selectedCity: CitySummary? {
        let rows = cityRows
        guard cities.visible.indices.contains(cities.list.selection) else { return nil }
        let index = cities.visible[cities.list.selection]
        return rows.indices.contains(index) ? rows[index] : nil
    }
}

/// `wholeRegister` lists the whole register even if it is not read yet (it
/// is read now): a key in the pane needs the whole list to move in.
func refilterCities(_ state: inout AppState, keepId: Int64?, wholeRegister: Bool = false) {
    let scope = state.cities.scope, data = state.data
    // The first screen: the register's first page, while the rest is read behind it.
    if !wholeRegister, scope == .register, state.cities.filter.isEmpty, !data.registerIsRead, let head = data.registerHead,
       head.leading == state.homeCityId,
       head.show(keepId: keepId, id: \.id, visible: &state.cities.visible, list: &state.cities.list, page: Layout(state.size).listDataRows) {
        state.cities.fromHead = true
        return
    }
    state.cities.fromHead = false
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

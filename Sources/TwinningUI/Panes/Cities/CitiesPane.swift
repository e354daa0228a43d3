import TwinningCore

/// The Cities pane: the register (or the whole gazetteer), a city's detail
/// with its partners, and the city forms.
enum CitiesPane: PaneFeature {
    static func keyContexts(_ state: AppState) -> [KeyContext] { [.cities, .list] }

    static func reduce(_ state: inout AppState, _ command: Command, key: Key) -> [Effect] {
        // The first screen showed the register's first page; its first key moves in the whole list.
        if state.cities.fromHead { refilterCities(&state, keepId: state.selectedCity?.id, wholeRegister: true) }
        switch command {
        case _ where ListPosition.moves.contains(command):
            let page = Layout(state.size).listDataRows
            if state.cities.inPartners {
                // Moving among the partners of the detail: no other detail to load.
                var position = ListPosition()
                position.selection = state.cities.partnerSelection
                position.step(command, page: page, count: state.cityDetail?.partners.count ?? 0)
                state.cities.partnerSelection = position.selection
                return []
            }
            state.cities.list.step(command, page: page, count: state.cities.visible.count)
            return detailEffects(state)
        case .open:
            guard let detail = state.cityDetail, detail.city.id == state.selectedCity?.id, !detail.partners.isEmpty else { return [] }
            if !state.cities.inPartners {
                state.cities.inPartners = true
                state.cities.partnerSelection = 0
                return []
            }
            let partnership = detail.partners[min(state.cities.partnerSelection, detail.partners.count - 1)]
            state.cities.inPartners = false
            state.pane = .partnerships
            TwinningUI.select(&state, .partnership(partnership.id))
            return TwinningUI.detailEffects(state)
        case .back:
            if state.cities.inPartners {
                state.cities.inPartners = false
            } else if !state.cities.filter.isEmpty {
                setFilter(&state, "")
                return detailEffects(state)
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
        default:
            return []
        }
    }

    static func detailEffects(_ state: AppState) -> [Effect] {
        guard let city = state.selectedCity else { return [] }
        return state.cityDetail?.city.id == city.id ? [] : [.loadCityDetail(city.id)]
    }

    static func detailLoaded(_ state: inout AppState, _ detail: CityDetail) {
        guard state.selectedCity?.id == detail.city.id else { return }
        state.cityDetail = detail
        state.cities.partnerSelection = min(state.cities.partnerSelection, max(0, detail.partners.count - 1))
    }

    static func render(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        renderCitiesPane(&screen, state, layout)
    }

    static func status(_ state: AppState) -> PaneStatus {
        PaneStatus(filter: state.cities.filter, shown: state.cities.fromHead ? state.cityRowsTotal : state.cities.visible.count,
                   total: state.cityRowsTotal)
    }

    static func filterText(_ state: AppState) -> String? { state.cities.filter }

    static func setFilter(_ state: inout AppState, _ text: String) {
        state.cities.filter = text
        state.cities.inPartners = false
        refilterCities(&state, keepId: nil)
    }

    static func paneSwitched(_ state: inout AppState) { state.cities.inPartners = false }

    static func resized(_ state: inout AppState) {
        state.cities.list.scroll = scrolled(state.cities.list, page: Layout(state.size).listDataRows, count: state.cities.visible.count)
    }

    static func homeCityChanged(_ state: inout AppState) { refilterCities(&state, keepId: state.selectedCity?.id, wholeRegister: true) }

    static func keptSelection(_ state: AppState) -> Int64? { state.selectedCity?.id }

    static func dataLoaded(_ state: inout AppState, keep: Int64?) {
        refilterCities(&state, keepId: keep)
        state.cityDetail = nil
    }

    static func select(_ state: inout AppState, id: Int64) {
        if !state.data.register.contains(where: { $0.id == id }) { state.cities.scope = .gazetteer }
        refilterCities(&state, keepId: id)
        if state.selectedCity?.id != id {
            state.cities.filter = ""
            refilterCities(&state, keepId: id)
        }
    }
}

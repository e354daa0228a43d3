import TwinningCore

/// The Partnerships pane: every partnership with its health, sorted and
/// filtered, the selected one's events and contacts, and its forms.
enum PartnershipsPane: PaneFeature {
    static func keyContexts(_ state: AppState) -> [KeyContext] { [.partnerships, .list] }

    static func reduce(_ state: inout AppState, _ command: Command, key: Key) -> [Effect] {
        // The first switch showed the list's first page; the pane's first key moves in the whole list.
        if state.partnerships.fromHead { refilterPartnerships(&state, keepId: state.selectedPartnership?.id, wholeList: true) }
        switch command {
        case _ where ListPosition.moves.contains(command):
            state.partnerships.list.step(command, page: Layout(state.size).listDataRows, count: state.partnerships.visible.count)
            return detailEffects(state)
        case .open:
            // Enter: the events of this partnership.
            guard let selected = state.selectedPartnership else { return [] }
            state.pane = .events
            state.events.partnershipId = selected.id
            state.events.filter = ""
            refilterEvents(&state, keepId: nil)
            return []
        case .back:
            if !state.partnerships.filter.isEmpty {
                setFilter(&state, "")
                return detailEffects(state)
            }
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
                message: tr(selected.eventCount == 0 ? .confirmDeletePartnershipNone : .confirmDeletePartnership,
                            state.language, selected.cityA.name, selected.cityB.name,
                            Formatting.number(selected.eventCount, state.language)),
                purpose: .deletePartnership(selected.id))
            return []
        case .healthFilter:
            let options: [Health?] = [nil] + Health.allCases.map { $0 }
            let index = options.firstIndex(of: state.partnerships.health) ?? 0
            state.partnerships.health = options[(index + 1) % options.count]
            refilterPartnerships(&state, keepId: state.selectedPartnership?.id)
            return detailEffects(state)
        case .sort:
            let all = PartnershipSort.allCases
            state.partnerships.sort = all[(all.firstIndex(of: state.partnerships.sort)! + 1) % all.count]
            refilterPartnerships(&state, keepId: state.selectedPartnership?.id)
            return detailEffects(state)
        default:
            return []
        }
    }

    static func detailEffects(_ state: AppState) -> [Effect] {
        guard let partnership = state.selectedPartnership else { return [] }
        return state.partnershipInfo?.partnershipId == partnership.id ? [] : [.loadPartnershipInfo(partnership.id)]
    }

    static func infoLoaded(_ state: inout AppState, _ info: PartnershipInfo) {
        guard state.selectedPartnership?.id == info.partnershipId else { return }
        state.partnershipInfo = info
    }

    static func render(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        renderPartnershipsPane(&screen, state, layout)
    }

    static func status(_ state: AppState) -> PaneStatus {
        let language = state.language
        var notes: [String] = []
        if let health = state.partnerships.health { notes.append(tr(.filterHealth, language, tr(health.label, language))) }
        notes.append(tr(.sortedBy, language, tr(state.partnerships.sort.label, language)))
        return PaneStatus(filter: state.partnerships.filter,
                          shown: state.partnerships.fromHead ? state.partnershipRowsTotal : state.partnerships.visible.count,
                          total: state.partnershipRowsTotal, notes: notes)
    }

    static func filterText(_ state: AppState) -> String? { state.partnerships.filter }

    static func setFilter(_ state: inout AppState, _ text: String) {
        state.partnerships.filter = text
        refilterPartnerships(&state, keepId: nil)
    }

    static func resized(_ state: inout AppState) {
        state.partnerships.list.scroll = scrolled(state.partnerships.list, page: Layout(state.size).listDataRows,
                                                  count: state.partnerships.visible.count)
    }

    /// Our partnerships move to the top; the cursor goes with them unless it
    /// already stands on one of ours. Left on someone else's row, the next
    /// "log a visit" would land on the wrong partnership.
    static func homeCityChanged(_ state: inout AppState) {
        let keep = state.selectedPartnership.flatMap { p in state.homeCityId.map(p.partnership.involves) == true ? p.id : nil }
        refilterPartnerships(&state, keepId: keep)
    }

    static func keptSelection(_ state: AppState) -> Int64? { state.selectedPartnership?.id }

    static func dataLoaded(_ state: inout AppState, keep: Int64?) {
        refilterPartnerships(&state, keepId: keep)
        state.partnershipInfo = nil
    }

    static func select(_ state: inout AppState, id: Int64) {
        refilterPartnerships(&state, keepId: id)
        if state.selectedPartnership?.id != id {
            state.partnerships.filter = ""
            state.partnerships.health = nil
            refilterPartnerships(&state, keepId: id)
        }
    }
}

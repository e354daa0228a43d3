import TwinningCore

/// The match explorer: suggested partner cities for a home city, ranked by
/// the scoring engine with the mode's weights and the filters, each with its
/// explanation; accept, reject, snooze, why-not, and the weights dialog.
enum MatchesPane: PaneFeature {
    static func keyContexts(_ state: AppState) -> [KeyContext] { [.matches, .list] }

    static func reduce(_ state: inout AppState, _ command: Command, key: Key) -> [Effect] {
        switch command {
        case _ where ListPosition.moves.contains(command):
            // The suggestions are ranked already: moving loads nothing.
            state.matches.list.step(command, page: Layout(state.size).matchDataRows, count: state.matches.rows.count)
            return []
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
        default:
            return [] // Enter and Esc: nothing to open or leave
        }
    }

    /// Ranks again when home, weights, filters or data changed since the last ranking.
    static func detailEffects(_ state: AppState) -> [Effect] {
        guard let home = state.matchHome, let key = state.matchKey, key != state.matches.rankedKey else { return [] }
        return [.rankMatches(home: home, profile: state.matchProfile, filters: state.matches.filters, key: key)]
    }

    static func ranked(_ state: inout AppState, _ rows: [Suggestion], total: Int, key: String) {
        state.matches.rows = rows
        state.matches.total = total
        state.matches.rankedKey = key
        let page = Layout(state.size).matchDataRows
        state.matches.list.selection = min(state.matches.list.selection, max(0, rows.count - 1))
        state.matches.list.scroll = scrolled(state.matches.list, page: page, count: rows.count)
    }

    static func render(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        renderMatchesPane(&screen, state, layout)
    }

    static func status(_ state: AppState) -> PaneStatus {
        // Its filters are under the pane's title, not on the status line.
        PaneStatus(shown: state.matches.rows.count, total: state.matches.total, notes: [tr(state.matches.mode.label, state.language)])
    }

    static func paneSwitched(_ state: inout AppState) { state.matches.weightsOpen = false }
}

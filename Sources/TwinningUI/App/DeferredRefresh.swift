import TwinningCore

// New data reaches the pane in front at once and the Partnerships and Events
// panes when they are next shown: filtering them would read every
// partnership and event (`AppData`'s deferred lists) before the first screen.

/// The panes whose lists wait until shown.
let deferredPanes: Set<Pane> = [.partnerships, .events]

/// Remembers that `pane` must filter again (keeping `keep` selected) and
/// empties its list meanwhile, so nothing points into the old data.
func markStale(_ state: inout AppState, _ pane: Pane, keep: Int64?) {
    state.stalePanes[pane] = .some(keep)
    switch pane {
    case .partnerships:
        state.partnerships.visible = []
        state.partnerships.list = ListPosition()
        state.partnershipInfo = nil
    case .events:
        state.events.visible = []
        state.events.list = ListPosition()
    default:
        break
    }
}

/// When the pane in front shows its list's first page (`ListHead`): the whole
/// list read behind it, so the pane's first key need not wait for it.
func readAhead(_ state: AppState) -> [Effect] {
    (state.pane == .partnerships && state.partnerships.fromHead) || (state.pane == .events && state.events.fromHead)
        ? [.readAhead(state.pane)] : []
}

/// Filters a pane that waited for the data; true if it did.
func refreshIfStale(_ state: inout AppState, _ pane: Pane) -> Bool {
    guard let keep = state.stalePanes.removeValue(forKey: pane) else { return false }
    pane.feature.dataLoaded(&state, keep: keep)
    return true
}

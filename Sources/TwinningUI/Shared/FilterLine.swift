import TwinningCore

/// The filter line of a list pane: `/` starts typing, the text narrows the
/// list at every key, Enter keeps it, Esc clears it. The pane says what its
/// filter holds (`filterText`) and how to apply one (`setFilter`).

func reduceFilterTyping(_ state: inout AppState, _ key: Key) -> [Effect] {
    let pane = state.pane.feature
    switch KeyMap.command(for: key, in: [.filter]) {
    case .filterDone:
        state.editingFilter = false
        return pane.detailEffects(state)
    case .filterClear:
        state.editingFilter = false
        pane.setFilter(&state, "")
        return pane.detailEffects(state)
    default:
        break
    }
    guard var text = pane.filterText(state) else { return [] } // the match explorer filters in a dialog
    switch key {
    case .backspace:
        if !text.isEmpty { text.removeLast() }
    case .ctrl("u"):
        text = ""
    case .char(let c):
        guard text.count < 100 else { return [] }
        text.append(c)
    default:
        return []
    }
    pane.setFilter(&state, text)
    return pane.detailEffects(state)
}

/// "Filter: text" on the status line, with the cursor while typing, or a
/// warning that nothing matches.
func renderFilterPrompt(_ screen: inout Screen, _ state: AppState, filter: String, shown: Int, row: Int, available: Int) {
    let language = state.language
    let prompt = tr(.filterPrompt, language)
    var col = screen.put(prompt, row: row, col: 0, role: .statusInfo, maxWidth: available)
    col += screen.put(filter, row: row, col: col, role: .fieldFocused, maxWidth: max(0, available - col))
    if state.editingFilter {
        if filter.isEmpty {
            screen.put(" " + tr(.filterEmpty, language), row: row, col: col, role: .dim, maxWidth: max(0, available - col))
        }
        screen.cursor = Position(row: row, col: min(col, state.size.columns - 1))
    } else if shown == 0 {
        screen.put("  " + tr(.noMatches, language, filter), row: row, col: col, role: .statusWarning,
                   maxWidth: max(0, available - col))
    }
}

import TwinningCore

/// The frame around the panes: title line, tabs, status line and key bar
/// (htop's function bar: the keys of the focused pane, from the key table).

func renderTooSmall(_ screen: inout Screen, _ state: AppState) {
    let message = tr(.enlarge, state.language, String(AppState.minimumSize.columns), String(AppState.minimumSize.rows),
                     String(state.size.columns), String(state.size.rows))
    let lines = wrap(message, width: max(1, state.size.columns - 2))
    let top = max(0, (state.size.rows - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        let col = max(0, (state.size.columns - DisplayWidth.of(line)) / 2)
        screen.put(line, row: top + i, col: col, role: .statusWarning)
    }
    if state.size.rows > 0 {
        screen.put("q", row: state.size.rows - 1, col: 0, role: .keyBarKey)
        screen.put(" " + tr(.barQuit, state.language), row: state.size.rows - 1, col: 1, role: .keyBar)
    }
    screen.cursor = Position(row: min(top, max(0, state.size.rows - 1)), col: 0)
}

func renderFrame(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    screen.fillRow(layout.titleRow, role: .title)
    var right = state.homeCity.map { tr(.homeLabel, language, $0.name) } ?? tr(.noHome, language)
    if state.readOnly { right = "[\(tr(.readOnlyMark, language))]  " + right }
    let rightWidth = DisplayWidth.of(right)
    screen.put(" " + tr(.appTitle, language), row: layout.titleRow, col: 0, role: .title,
               maxWidth: max(0, state.size.columns - rightWidth - 2))
    screen.put(right + " ", row: layout.titleRow, col: max(0, state.size.columns - rightWidth - 1), role: .title)

    // Every tab must stay visible: on a narrow window the names are shortened.
    // The longest names of the other panes give way first, a column at a time, so
    // short ones and the name of the pane one is in stay whole as long as possible.
    let labels = Pane.allCases.map { " \($0.rawValue + 1) \(tr($0.title, language)) " }
    var widths = labels.map { DisplayWidth.of($0) }
    let active = Pane.allCases.firstIndex(of: state.pane) ?? 0
    while widths.map({ $0 + 1 }).reduce(0, +) > state.size.columns {
        let others = widths.indices.filter { $0 != active && widths[$0] > 4 }
        if let widest = others.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
        } else if widths[active] > 4 {
            widths[active] -= 1
        } else {
            break
        }
    }
    var col = 0
    for ((pane, label), width) in zip(zip(Pane.allCases, labels), widths) {
        let text = width < DisplayWidth.of(label) ? DisplayWidth.truncate(label, to: width) : label
        col += screen.put(text, row: layout.tabRow, col: col, role: pane == state.pane ? .tabActive : .tabInactive)
        col += screen.put(" ", row: layout.tabRow, col: col, role: .normal)
    }
    if state.pane.feature.usesWholeBody {
        // The report and the map use the whole body.
    } else if layout.sideBySide {
        for row in layout.detail.row..<(layout.detail.row + layout.detail.rows) {
            screen.put("│", row: row, col: layout.detail.col - 1, role: .border)
        }
    } else {
        let row = layout.detail.row - 1
        screen.put(String(repeating: "─", count: state.size.columns), row: row, col: 0, role: .border)
    }
}

/// The pane's notes and counts, shown at the right of the status line.
private func statusCounts(_ state: AppState) -> String {
    let figures = state.pane.feature.status(state)
    guard figures.showsCount else { return "" }
    return (figures.notes + [tr(.citiesCount, state.language, Formatting.number(figures.shown, state.language),
                                Formatting.number(figures.total, state.language))]).joined(separator: " · ")
}

/// The status message as the lines it takes: one when it fits beside the
/// counts, else wrapped (by display width) over the rows just above the
/// status line, so the part that says what is wrong is never cut off.
func statusMessageLines(_ state: AppState) -> [String] {
    guard let status = state.status, !state.editingFilter, state.pane.feature.status(state).filter.isEmpty else { return [] }
    let columns = state.size.columns
    let available = max(0, columns - DisplayWidth.of(statusCounts(state)) - 2)
    // Bytes first: no character is wider than its UTF-8 bytes, and a huge text is not measured whole.
    if status.text.utf8.count <= available || (status.text.utf8.count <= 4 * available && DisplayWidth.of(status.text) <= available) {
        return [status.text]
    }
    // Beside the counts while that leaves a reasonable line, else the whole width.
    let width = available >= columns / 2 ? available : max(1, columns - 1)
    // A third of the window at most; a message that long is rare, and its
    // last line then says so with "…".
    return wrap(status.text, width: width, lines: max(1, state.size.rows / 3))
}

/// The first row the status message takes (the status row unless it wraps).
func statusLineTop(_ state: AppState) -> Int {
    Layout(state.size).statusRow - max(0, statusMessageLines(state).count - 1)
}

/// The status line: the filter (being typed or in force) or the last message
/// on the left, the pane's notes and counts on the right.
func renderStatus(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let figures = state.pane.feature.status(state)
    let (filter, shown) = (figures.filter, figures.shown)
    let count = statusCounts(state)
    let countWidth = DisplayWidth.of(count)
    let available = max(0, state.size.columns - countWidth - 2)
    if state.editingFilter || !filter.isEmpty {
        renderFilterPrompt(&screen, state, filter: filter, shown: shown, row: layout.statusRow, available: available)
    } else if let status = state.status {
        let role: StyleRole = status.kind == .error ? .statusError : (status.kind == .warning ? .statusWarning : .statusInfo)
        let lines = statusMessageLines(state)
        let top = layout.statusRow - (lines.count - 1)
        for (i, line) in lines.enumerated() {
            // Rows borrowed from the pane above are cleared first, so the message reads as one.
            if top + i < layout.statusRow {
                screen.put(String(repeating: " ", count: state.size.columns), row: top + i, col: 0, role: .normal)
            }
            screen.put(line, row: top + i, col: 0, role: role, maxWidth: state.size.columns)
        }
        // The counts give way to a last line that needs the room.
        if let last = lines.last, DisplayWidth.of(last) > available { return }
    }
    screen.put(count, row: layout.statusRow, col: state.size.columns - countWidth, role: .dim)
}

func renderKeyBar(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    screen.fillRow(layout.barRow, role: .keyBar)
    var col = 0
    // Help and Quit first, as in htop, so they never fall off a narrow bar;
    // then the pane's own keys, the list keys, and the rest (undo) last.
    let contexts = state.keyContexts
    func rank(_ binding: KeyBinding) -> Int {
        if binding.command == .help || binding.command == .quit { return 0 }
        if binding.context == .global { return 3 }
        if binding.context == .list { return 2 }
        return 1
    }
    let ordered = KeyMap.bar(for: contexts, readOnly: state.readOnly).enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
    for binding in ordered.map(\.element) {
        // The yes key is the language's own (j in German), as on the question's button.
        let keys = binding.command == .yes ? tr(.yesKey, state.language) : KeyMap.barKeyLabel(binding, state.language)
        let label = tr(binding.bar!, state.language)
        let width = DisplayWidth.of(keys) + 1 + DisplayWidth.of(label) + 2
        guard col + width <= state.size.columns else { continue }
        col += screen.put(keys, row: layout.barRow, col: col, role: .keyBarKey)
        col += screen.put(" " + label + "  ", row: layout.barRow, col: col, role: .keyBar)
    }
}

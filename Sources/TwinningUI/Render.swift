import TwinningCore

/// Draws the whole state into a screen of cells. Pure: the same state gives the
/// same screen, so golden files can pin every pane. Colours are not chosen
/// here: cells carry roles, and the terminal maps roles to the user's theme.
public func render(_ state: AppState) -> Screen {
    var screen = Screen(size: state.size)
    if state.isTooSmall {
        renderTooSmall(&screen, state)
        return screen
    }
    let layout = Layout(state.size)
    renderFrame(&screen, state, layout)
    switch state.pane {
    case .cities: renderCitiesPane(&screen, state, layout)
    case .partnerships: renderPartnershipsPane(&screen, state, layout)
    case .events: renderEventsPane(&screen, state, layout)
    case .matches: renderMatchesPane(&screen, state, layout)
    case .reports: renderReportsPane(&screen, state, layout)
    }
    renderStatus(&screen, state, layout)
    renderKeyBar(&screen, state, layout)
    if state.showingHelp { renderHelp(&screen, state, layout) }
    if let history = state.history { renderHistory(&screen, state, history) }
    if let overlay = state.overlay { renderOverlay(&screen, state, overlay) }
    if let form = state.form { renderForm(&screen, state, form) }
    if let question = state.confirmation { renderConfirmation(&screen, state, question) }
    return screen
}

private func renderTooSmall(_ screen: inout Screen, _ state: AppState) {
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

private func renderFrame(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    screen.fillRow(layout.titleRow, role: .title)
    var right = state.homeCity.map { tr(.homeLabel, language, $0.name) } ?? tr(.noHome, language)
    if state.readOnly { right = "[\(tr(.readOnlyMark, language))]  " + right }
    let rightWidth = DisplayWidth.of(right)
    screen.put(" " + tr(.appTitle, language), row: layout.titleRow, col: 0, role: .title,
               maxWidth: max(0, state.size.columns - rightWidth - 2))
    screen.put(right + " ", row: layout.titleRow, col: max(0, state.size.columns - rightWidth - 1), role: .title)

    // Every tab must stay visible: on a narrow window the names are shortened.
    let labels = Pane.allCases.map { " \($0.rawValue + 1) \(tr($0.title, language)) " }
    let fullWidth = labels.map { DisplayWidth.of($0) + 1 }.reduce(0, +)
    let share = max(4, state.size.columns / Pane.allCases.count - 1)
    var col = 0
    for (pane, label) in zip(Pane.allCases, labels) {
        let text = fullWidth <= state.size.columns ? label : DisplayWidth.truncate(label, to: share)
        col += screen.put(text, row: layout.tabRow, col: col, role: pane == state.pane ? .tabActive : .tabInactive)
        col += screen.put(" ", row: layout.tabRow, col: col, role: .normal)
    }
    if state.pane == .reports {
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

private func renderStatus(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    let filter: String, shown: Int, total: Int
    var notes: [String] = []
    switch state.pane {
    case .cities:
        (filter, shown, total) = (state.cities.filter, state.cities.visible.count, state.cityRows.count)
    case .partnerships:
        (filter, shown, total) = (state.partnerships.filter, state.partnerships.visible.count, state.data.partnerships.count)
        if let health = state.partnerships.health { notes.append(tr(.filterHealth, language, tr(health.label, language))) }
        notes.append(tr(.sortedBy, language, tr(state.partnerships.sort.label, language)))
    case .reports:
        (filter, shown, total) = ("", 0, 0)
    case .matches:
        (filter, shown, total) = ("", state.matches.rows.count, state.matches.total) // its filters are under the pane's title
        notes.append(tr(state.matches.mode.label, language))
    case .events:
        (filter, shown, total) = (state.events.filter, state.events.visible.count, state.data.events.count)
        if let id = state.events.partnershipId, let p = state.data.partnerships.first(where: { $0.id == id }) {
            notes.append(tr(.eventsOf, language, "\(p.cityA.name) ↔ \(p.cityB.name)"))
        }
        if let year = state.events.year { notes.append(tr(.filterYear, language, String(year))) }
        if let kind = state.events.kind { notes.append(tr(.filterKind, language, kind.label(language))) }
        if state.events.ourCityOnly { notes.append(tr(.filterOurCity, language)) }
    }
    let count = state.pane == .reports ? "" : (notes + [tr(.citiesCount, language, Formatting.number(shown, language),
                                                                                     Formatting.number(total, language))])
        .joined(separator: " · ")
    let countWidth = DisplayWidth.of(count)
    let available = max(0, state.size.columns - countWidth - 2)
    if state.editingFilter || !filter.isEmpty {
        let prompt = tr(.filterPrompt, language)
        var col = screen.put(prompt, row: layout.statusRow, col: 0, role: .statusInfo, maxWidth: available)
        col += screen.put(filter, row: layout.statusRow, col: col, role: .fieldFocused, maxWidth: max(0, available - col))
        if state.editingFilter {
            if filter.isEmpty {
                screen.put(" " + tr(.filterEmpty, language), row: layout.statusRow, col: col, role: .dim, maxWidth: max(0, available - col))
            }
            screen.cursor = Position(row: layout.statusRow, col: min(col, state.size.columns - 1))
        } else if shown == 0 {
            screen.put("  " + tr(.noMatches, language, filter), row: layout.statusRow, col: col, role: .statusWarning,
                       maxWidth: max(0, available - col))
        }
    } else if let status = state.status {
        let role: StyleRole = status.kind == .error ? .statusError : (status.kind == .warning ? .statusWarning : .statusInfo)
        screen.put(status.text, row: layout.statusRow, col: 0, role: role, maxWidth: available)
    }
    screen.put(count, row: layout.statusRow, col: state.size.columns - countWidth, role: .dim)
}

private func renderKeyBar(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
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
        let keys = KeyMap.barKeyLabel(binding, state.language)
        let label = tr(binding.bar!, state.language)
        let width = DisplayWidth.of(keys) + 1 + DisplayWidth.of(label) + 2
        guard col + width <= state.size.columns else { continue }
        col += screen.put(keys, row: layout.barRow, col: col, role: .keyBarKey)
        col += screen.put(" " + label + "  ", row: layout.barRow, col: col, role: .keyBar)
    }
}

/// A list row: reverse video and a ">" marker when selected, so selection
/// never depends on colour alone.
func putRow(_ screen: inout Screen, row: Int, col: Int, width: Int, cells: [(String, Int, Bool)], selected: Bool, home: Bool = false) {
    let role: StyleRole = selected ? .selected : (home ? .homeCity : .normal)
    screen.fill(row: row, col: col, width: width, role: role)
    screen.put(selected ? ">" : " ", row: row, col: col, role: selected ? .selected : .marker)
    var x = col + 2
    for (text, cellWidth, right) in cells where cellWidth > 0 {
        guard x < col + width else { break }
        let w = min(cellWidth, col + width - x)
        screen.put(DisplayWidth.pad(text, to: w, alignRight: right), row: row, col: x, role: role, maxWidth: w)
        x += cellWidth + 1
    }
    if selected { screen.cursor = Position(row: row, col: col) }
}

func putHeader(_ screen: inout Screen, row: Int, col: Int, width: Int, cells: [(String, Int, Bool)]) {
    screen.fill(row: row, col: col, width: width, role: .header)
    var x = col + 2
    for (text, cellWidth, right) in cells where cellWidth > 0 {
        guard x < col + width else { break }
        let w = min(cellWidth, col + width - x)
        screen.put(DisplayWidth.pad(text, to: w, alignRight: right), row: row, col: x, role: .header, maxWidth: w)
        x += cellWidth + 1
    }
}

/// Splits text into lines of at most `width` display columns, at spaces where possible.
public func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            var rest = String(word)
            while DisplayWidth.of(rest) > width {
                var head = ""
                for c in rest {
                    if DisplayWidth.of(head + String(c)) > width { break }
                    head.append(c)
                }
                if head.isEmpty { break }
                lines.append(head)
                rest.removeFirst(head.count)
            }
            line = rest
        }
        lines.append(line)
    }
    return lines
}

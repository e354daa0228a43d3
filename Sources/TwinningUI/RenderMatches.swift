import TwinningCore

extension MatchMode {
    var label: S { self == .learn ? .modeLearn : .modeSimilar }
}

func renderMatchesPane(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    let lang = language.rawValue
    let rect = layout.list
    guard let homeId = state.matchHome, let home = state.data.city(id: homeId) else {
        screen.put(tr(.matchesNoHome, language), row: rect.row + 1, col: 2, role: .statusWarning, maxWidth: rect.columns - 2)
        return
    }
    let nameWidth = rect.columns >= 100 ? 24 : 18
    let scoreWidth = 15
    let reasonWidth = max(8, rect.columns - (2 + 4 + 1 + nameWidth + 1 + 4 + 1 + scoreWidth + 1) - 1)
    putHeader(&screen, row: rect.row, col: rect.col, width: rect.columns, cells: [
        (tr(.colRank, language), 4, true),
        (tr(.matchesTitle, language, home.name, tr(state.matches.mode.label, language)), nameWidth + 5 + scoreWidth + reasonWidth, false),
    ])
    renderFilterLine(&screen, state, row: rect.row + 1, col: rect.col, width: rect.columns)
    let first = rect.row + 2
    if state.matches.rows.isEmpty && state.matches.rankedKey != state.matchKey {
        screen.put(tr(.ranking, language), row: first, col: 2, role: .dim)
    } else if state.matches.rows.isEmpty && !state.matches.filters.isEmpty {
        let text = tr(.filtersNothingPasses, language, KeyMap.keys(for: .matchFilters, in: .matches, language),
                      KeyMap.keys(for: .clearMatchFilters, in: .matches, language))
        for (i, line) in wrap(text, width: max(1, rect.columns - 4)).prefix(layout.matchDataRows).enumerated() {
            screen.put(line, row: first + i, col: rect.col + 2, role: .statusWarning, maxWidth: rect.columns - 4)
        }
    }
    for line in 0..<layout.matchDataRows {
        let position = state.matches.list.scroll + line
        guard state.matches.rows.indices.contains(position) else { break }
        let s = state.matches.rows[position]
        let bar = bars(SafeMath.int(s.score * 100), of: 100, width: 10, ascii: state.asciiOnly)
        let score = DisplayWidth.pad(bar, to: 10) + " " + Formatting.fixed(Double(s.score), digits: 2, language)
        let reason = s.reasons(limit: 1).first?.text(lang) ?? ""
        putRow(&screen, row: first + line, col: rect.col, width: rect.columns, cells: [
            (String(s.rank), 4, true), (s.name, nameWidth, false), (s.countryCode, 4, false), (score, scoreWidth, false),
            (reason, reasonWidth, false),
        ], selected: position == state.matches.list.selection)
    }
    renderMatchDetail(&screen, state, layout.detail)
    if state.matches.weightsOpen { renderWeights(&screen, state) }
    if let candidate = state.matches.accepting { renderAccept(&screen, state, candidate) }
}

/// The line under the title: the filters in force and the keys that change
/// them, or, with none, the key that sets them. Always there, so the list
/// never jumps and the way to filter is never hidden.
private func renderFilterLine(_ screen: inout Screen, _ state: AppState, row: Int, col: Int, width: Int) {
    let language = state.language
    let change = KeyMap.keys(for: .matchFilters, in: .matches, language)
    guard let summary = MatchFilterInput.summary(state.matches.filters, language: language) else {
        screen.put(tr(.filtersNone, language, change), row: row, col: col + 2, role: .dim, maxWidth: width - 2)
        return
    }
    let clear = tr(.filtersClear, language, KeyMap.keys(for: .clearMatchFilters, in: .matches, language))
    let used = screen.put(tr(.filtersActive, language, summary), row: row, col: col + 2, role: .statusWarning, maxWidth: width - 2)
    // The keys on the right as far as there is room; how to clear them matters most.
    for hint in [tr(.filtersChange, language, change) + " · " + clear, clear] {
        let hintWidth = DisplayWidth.of(hint)
        if 2 + used + 3 + hintWidth <= width - 1 {
            screen.put(hint, row: row, col: col + width - 1 - hintWidth, role: .dim)
            break
        }
    }
}

/// Every feature of the selected suggestion: its value, its part of the score, in words.
private func renderMatchDetail(_ screen: inout Screen, _ state: AppState, _ rect: Layout.Rect) {
    guard rect.rows > 0, let s = state.selectedMatch else { return }
    let language = state.language
    let lang = language.rawValue
    var row = rect.row
    func line(_ text: String, _ role: StyleRole = .normal) {
        guard row < rect.row + rect.rows else { return }
        screen.put(text, row: row, col: rect.col + 1, role: role, maxWidth: rect.columns - 1)
        row += 1
    }
    line("\(s.name) (\(s.countryCode)) · " + tr(.matchDetailScore, language, Formatting.fixed(Double(s.score), digits: 2, language), String(s.rank),
                                                 Formatting.number(state.matches.total, language)), .header)
    let ordered = s.contributions.filter { $0.weight > 0 }.sorted {
        $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.feature.rawValue < $1.feature.rawValue
    }
    for c in ordered {
        let value = c.value.map { Formatting.fixed(Double($0), digits: 2, language) } ?? " –  "
        let part = c.value == nil ? "      " : "+" + Formatting.fixed(Double(c.contribution), digits: 2, language) + " "
        line("\(part) \(DisplayWidth.pad(c.feature.label(lang), to: 20)) \(value)  \(s.explanation(c.feature).text(lang))",
             c.value == nil ? .dim : .normal)
    }
}

private func renderWeights(_ screen: inout Screen, _ state: AppState) {
    let language = state.language
    let profile = state.matchProfile
    let features = MatchFeature.allCases
    let width = min(state.size.columns - 4, 64)
    let height = min(state.size.rows - 3, features.count + 4)
    let top = max(1, (state.size.rows - height) / 2)
    let inner = drawBox(&screen, row: top, col: (state.size.columns - width) / 2, rows: height, columns: width,
                        title: tr(.weightsTitle, language, tr(profile.mode.label, language)))
    let visible = inner.rows - 1
    let first = max(0, state.matches.weightFocus - visible + 1)
    for (i, feature) in features.enumerated().dropFirst(first).prefix(visible) {
        let r = inner.row + i - first
        let weight = profile.weight(feature)
        let slider = bars(SafeMath.int(weight * 100), of: 1000, width: 20, ascii: state.asciiOnly)
        let text = DisplayWidth.pad(feature.label(language.rawValue), to: 22) + DisplayWidth.pad(Formatting.fixed(Double(weight), digits: 2, language), to: 5, alignRight: true) + "  " + slider
        let focused = i == state.matches.weightFocus
        screen.fill(row: r, col: inner.col, width: inner.columns, role: focused ? .selected : .dialog)
        screen.put((focused ? "> " : "  ") + text, row: r, col: inner.col, role: focused ? .selected : .dialog, maxWidth: inner.columns)
        if focused { screen.cursor = Position(row: r, col: inner.col) }
    }
    screen.put(tr(.weightsHint, language), row: inner.row + inner.rows - 1, col: inner.col, role: .dim, maxWidth: inner.columns)
}

private func renderAccept(_ screen: inout Screen, _ state: AppState, _ candidate: Suggestion) {
    let language = state.language
    let width = min(state.size.columns - 4, 64)
    let lines = wrap(tr(.acceptQuestion, language, candidate.name), width: width - 4)
    let height = lines.count + 4
    let top = max(1, (state.size.rows - height) / 2)
    let inner = drawBox(&screen, row: top, col: (state.size.columns - width) / 2, rows: height, columns: width,
                        title: tr(.acceptTitle, language, candidate.name))
    for (i, text) in lines.enumerated() { screen.put(text, row: inner.row + i, col: inner.col, role: .dialog) }
    var col = inner.col
    let row = inner.row + lines.count + 1
    for (key, label) in [("p", S.acceptPartnership), ("c", .acceptContact), (Key.escape.name(language), .barCancel)] {
        col += screen.put("[ \(key)  \(tr(label, language)) ]", row: row, col: col, role: .dialog) + 2
    }
    screen.cursor = Position(row: row, col: inner.col)
}

/// A text over the panes (why-not, reviews): Esc closes it, ↑↓ scroll.
func renderOverlay(_ screen: inout Screen, _ state: AppState, _ overlay: TextOverlay) {
    let inner = drawBox(&screen, row: 1, col: 0, rows: state.size.rows - 2, columns: state.size.columns, title: overlay.title)
    let lines = overlay.lines.flatMap { wrap($0, width: max(1, inner.columns)) }
    let visible = inner.rows - 1
    let scroll = min(state.helpScroll, max(0, lines.count - visible))
    for (i, text) in lines.dropFirst(scroll).prefix(visible).enumerated() {
        screen.put(text, row: inner.row + i, col: inner.col, role: .dialog, maxWidth: inner.columns)
    }
    screen.put(tr(.overlayClose, state.language) + "  ↑↓", row: inner.row + inner.rows - 1, col: inner.col, role: .dim, maxWidth: inner.columns)
    screen.cursor = Position(row: inner.row, col: inner.col)
}

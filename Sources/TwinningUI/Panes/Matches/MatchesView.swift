import TwinningCore

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
    // Abroad by default, said on the line with the key that changes it.
    let home = state.matchHome.flatMap { state.data.city(id: $0) }?.countryCode ?? ""
    let filters = state.matches.filters
    let abroad = filters.leaveOutHomeCountry && !filters.countries.contains(home)
    let domesticKey = KeyMap.keys(for: .toggleDomestic, in: .matches, language)
    let scope = abroad ? tr(.filtersAbroad, language, home, domesticKey) : tr(.filtersDomestic, language, home, domesticKey)
    guard let summary = MatchFilterInput.summary(filters, language: language) else {
        let used = screen.put(scope, row: row, col: col + 2, role: .dim, maxWidth: width - 2)
        let hint = tr(.filtersNoneShort, language, change)
        if 2 + used + 3 + DisplayWidth.of(hint) <= width - 1 {
            screen.put(hint, row: row, col: col + width - 1 - DisplayWidth.of(hint), role: .dim)
        }
        return
    }
    let clear = tr(.filtersClear, language, KeyMap.keys(for: .clearMatchFilters, in: .matches, language))
    let used = screen.put(tr(.filtersActive, language, summary) + (abroad && filters.countries.isEmpty ? " · " + tr(.filtersAbroadShort, language, home) : ""),
                          row: row, col: col + 2, role: .statusWarning, maxWidth: width - 2)
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
        putDetailLine(&screen, text, row: row, col: rect.col + 1, role: role, width: rect.columns - 1)
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

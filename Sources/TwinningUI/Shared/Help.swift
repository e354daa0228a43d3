import TwinningCore

/// The help screen (F1/?): every key of the key table, the keys of the pane
/// behind it first.
func renderHelp(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    let rows = state.size.rows - 2
    let inner = drawBox(&screen, row: 1, col: 0, rows: rows, columns: state.size.columns, title: tr(.helpTitle, language))
    // The keys of the pane behind the help first, then the rest.
    var behind = state
    behind.showingHelp = false
    let order = behind.keyContexts + KeyContext.allCases.filter { !behind.keyContexts.contains($0) && $0 != .help }
    var lines: [(String, StyleRole)] = []
    // First what people come to do, in plain steps; then the key table.
    lines.append((tr(.howTitle, language), .header))
    let recipes: [S] = state.readOnly ? [.howReport, .howDormant] : [.howVisit, .howPartnership, .howAction, .howReport, .howDormant, .howUndo]
    for recipe in recipes {
        for (i, text) in wrap(tr(recipe, language), width: max(10, inner.columns - 4)).enumerated() {
            lines.append(((i == 0 ? "  • " : "    ") + text, .normal))
        }
    }
    if state.readOnly { lines.append(("  " + tr(.helpReadOnlyKeys, language), .normal)) }
    lines.append(("", .normal))
    let headings: [KeyContext: String] = [
        .global: tr(.helpContextGeneral, language), .list: tr(.paneCities, language) + " / " + tr(.panePartnerships, language),
        .cities: tr(.paneCities, language), .partnerships: tr(.panePartnerships, language), .filter: tr(.barFilter, language),
        .form: tr(.helpContextForms, language),
        .confirm: tr(.confirmTitle, language),
        .events: tr(.paneEvents, language), .matches: tr(.paneMatches, language), .reports: tr(.paneReports, language),
        .map: tr(.barMap, language), .weights: tr(.barWeights, language), .accept: tr(.barAccept, language),
        .filterDialog: tr(.formMatchFilters, language), .conflict: tr(.conflictTitle, language),
        .projects: tr(.paneProjects, language), .projectDetail: tr(.helpContextProjectDetail, language),
    ]
    for context in order {
        lines.append((headings[context] ?? context.rawValue, .header))
        for binding in KeyMap.bindings where binding.context == context
            && !(state.readOnly && Command.changesData.contains(binding.command)) {
            let keys = DisplayWidth.pad(KeyMap.keyLabel(binding, limit: 4, language), to: 18)
            lines.append(("  " + keys + tr(binding.help, language), .normal))
        }
    }
    let scroll = min(state.helpScroll, max(0, lines.count - inner.rows + 1))
    for (i, (text, role)) in lines.dropFirst(scroll).prefix(inner.rows - 1).enumerated() {
        screen.put(text, row: inner.row + i, col: inner.col, role: role == .header ? .dialogTitle : .dialog, maxWidth: inner.columns)
    }
    screen.put(tr(.helpClose, language) + "  ↑↓", row: inner.row + inner.rows - 1, col: inner.col, role: .dim, maxWidth: inner.columns)
    screen.cursor = Position(row: inner.row, col: inner.col)
}

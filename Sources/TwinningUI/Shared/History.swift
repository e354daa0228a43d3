import TwinningCore

/// The change log over the panes: newest first, who, when, what. A long
/// description continues on the next lines under itself instead of being cut off.
func renderHistory(_ screen: inout Screen, _ state: AppState, _ changes: [ChangeRecord]) {
    let language = state.language
    let inner = drawBox(&screen, row: 1, col: 0, rows: state.size.rows - 2, columns: state.size.columns, title: tr(.historyTitle, language))
    if changes.isEmpty {
        screen.put(tr(.historyEmpty, language), row: inner.row, col: inner.col, role: .dim)
    }
    var lines: [String] = []
    let verbWidth = ChangeWords.verbWidth(language)
    for change in changes {
        let when = LocalTime.dateTime(change.at, language.report)
        let head = "\(when)  \(DisplayWidth.pad(TextSafety.sanitized(change.user), to: 10))  \(DisplayWidth.pad(ChangeWords.verb(change.action, language), to: verbWidth))  "
        var text = historyText(change, state)
        if change.undone { text += " " + tr(.historyUndone, language) }
        let indent = DisplayWidth.of(head)
        guard inner.columns - indent >= 20 else {
            lines.append(head + text)
            continue
        }
        let wrapped = wrap(text, width: inner.columns - indent)
        lines.append(head + (wrapped.first ?? ""))
        lines += wrapped.dropFirst().map { String(repeating: " ", count: indent) + $0 }
    }
    let visible = inner.rows - 1
    let scroll = min(state.helpScroll, max(0, lines.count - visible))
    for (i, text) in lines.dropFirst(scroll).prefix(visible).enumerated() {
        screen.put(text, row: inner.row + i, col: inner.col, role: .dialog, maxWidth: inner.columns)
    }
    screen.put(tr(.overlayClose, language) + "  ↑↓", row: inner.row + inner.rows - 1, col: inner.col, role: .dim, maxWidth: inner.columns)
    screen.cursor = Position(row: inner.row, col: inner.col)
}

/// What a history line says about its record, in the user's language from
/// the record's copy in the log (`ChangeWords`).
func historyText(_ change: ChangeRecord, _ state: AppState) -> String {
    ChangeWords.subject(change, state.language) { state.data.city(id: $0)?.name }
}

/// "import of events.csv: 10,000 added, 3 updated" in the user's language.
func importText(_ summary: ImportSummary, _ language: Language) -> String {
    var counts = [tr(.importAdded, language, Formatting.number(summary.added, language))]
    if summary.updated > 0 { counts.append(tr(.importUpdated, language, Formatting.number(summary.updated, language))) }
    if summary.unchanged > 0 { counts.append(tr(.importUnchanged, language, Formatting.number(summary.unchanged, language))) }
    return tr(.historyImport, language, TextSafety.sanitized(summary.file), counts.joined(separator: ", "))
}

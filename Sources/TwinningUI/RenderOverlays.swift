import TwinningCore

/// A framed box with a title; returns the inner rectangle.
@discardableResult
func drawBox(_ screen: inout Screen, row: Int, col: Int, rows: Int, columns: Int, title: String) -> Layout.Rect {
    for r in row..<(row + rows) { screen.fill(row: r, col: col, width: columns, role: .dialog) }
    let horizontal = String(repeating: "─", count: max(0, columns - 2))
    screen.put("┌" + horizontal + "┐", row: row, col: col, role: .dialog)
    screen.put("└" + horizontal + "┘", row: row + rows - 1, col: col, role: .dialog)
    for r in (row + 1)..<(row + rows - 1) {
        screen.put("│", row: r, col: col, role: .dialog)
        screen.put("│", row: r, col: col + columns - 1, role: .dialog)
    }
    screen.put(" \(title) ", row: row, col: col + 2, role: .dialogTitle, maxWidth: max(0, columns - 4))
    return Layout.Rect(row: row + 1, col: col + 2, rows: rows - 2, columns: columns - 4)
}

func renderHelp(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    let rows = state.size.rows - 2
    let inner = drawBox(&screen, row: 1, col: 0, rows: rows, columns: state.size.columns, title: tr(.helpTitle, language))
    // The keys of the pane behind the help first, then the rest.
    var behind = state
    behind.showingHelp = false
    let order = behind.keyContexts + KeyContext.allCases.filter { !behind.keyContexts.contains($0) && $0 != .help }
    var lines: [(String, StyleRole)] = []
    let headings: [KeyContext: String] = [
        .global: tr(.helpContextGeneral, language), .list: tr(.paneCities, language) + " / " + tr(.panePartnerships, language),
        .cities: tr(.paneCities, language), .partnerships: tr(.panePartnerships, language), .filter: tr(.barFilter, language),
        .form: tr(.helpContextForms, language),
        .confirm: tr(.confirmTitle, language),
        .events: tr(.paneEvents, language), .matches: tr(.paneMatches, language), .reports: tr(.paneReports, language),
        .map: tr(.barMap, language), .weights: tr(.barWeights, language), .accept: tr(.barAccept, language),
        .filterDialog: tr(.formMatchFilters, language), .conflict: tr(.conflictTitle, language),
    ]
    for context in order {
        lines.append((headings[context] ?? context.rawValue, .header))
        for binding in KeyMap.bindings where binding.context == context {
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

func renderConfirmation(_ screen: inout Screen, _ state: AppState, _ question: Confirmation) {
    let language = state.language
    let width = min(state.size.columns - 4, 64)
    let lines = wrap(question.message, width: width - 4)
    let height = lines.count + 5
    let top = max(1, (state.size.rows - height) / 2)
    let left = (state.size.columns - width) / 2
    let inner = drawBox(&screen, row: top, col: left, rows: height, columns: width, title: question.title)
    for (i, text) in lines.enumerated() {
        screen.put(text, row: inner.row + i, col: inner.col, role: .dialog, maxWidth: inner.columns)
    }
    let buttonRow = inner.row + lines.count + 1
    if question.purpose == .conflict {
        // Three ways out, each with its key; nothing is chosen for the user.
        var col = inner.col
        for (key, label) in [("r", S.conflictReload), ("o", .conflictOverwrite), (Key.escape.name(language), .conflictBack)] {
            col += screen.put("[ \(key)  \(tr(label, language)) ]", row: buttonRow, col: col, role: .dialog) + 3
        }
        screen.cursor = Position(row: buttonRow, col: inner.col)
        return
    }
    let no = "[ n  \(tr(.barNo, language)) ]"
    let yes = "[ y  \(tr(.barYes, language)) ]"
    let yesCol = inner.col
    let noCol = inner.col + DisplayWidth.of(yes) + 3
    screen.put(yes, row: buttonRow, col: yesCol, role: question.yesSelected ? .selected : .dialog)
    screen.put(no, row: buttonRow, col: noCol, role: question.yesSelected ? .dialog : .selected)
    screen.cursor = Position(row: buttonRow, col: question.yesSelected ? yesCol : noCol)
}

func renderForm(_ screen: inout Screen, _ state: AppState, _ form: FormState) {
    let language = state.language
    let width = min(state.size.columns - 2, 76)
    let errorLines = form.fields.filter { $0.error != nil }.count
    // Room below the fields for the suggestions of a city field.
    let dropdownRoom = form.fields.contains { $0.kind == .city || $0.kind == .partnership } ? 6 : 0
    // Leaves the status line visible: it repeats the first error in words.
    let introLine = form.kind == .homeCity || form.kind == .matchFilters
    let height = min(state.size.rows - 3, form.fields.count + errorLines + 4 + (form.message == nil ? 0 : 1)
                     + (introLine ? 1 : 0) + dropdownRoom)
    let top = max(1, (state.size.rows - height) / 2)
    let left = (state.size.columns - width) / 2
    var title = tr(form.title, language)
    switch form.kind {
    case .editCity(let city): title = tr(.formEditCity, language, city.name)
    case .rejectMatch(let candidate): title = tr(.formReject, language, candidate.name)
    case .snoozeMatch(let candidate): title = tr(.formSnooze, language, candidate.name)
    default: break
    }
    let inner = drawBox(&screen, row: top, col: left, rows: height, columns: width, title: title)
    let labelWidth = min(20, inner.columns / 3)
    let valueCol = inner.col + labelWidth + 1
    let valueWidth = inner.columns - labelWidth - 1
    var row = inner.row
    if let message = form.message {
        screen.put(message, row: row, col: inner.col, role: form.fields.contains { $0.error != nil } ? .dialog : .fieldError, maxWidth: inner.columns)
        row += 1
    }
    if introLine {
        screen.put(tr(form.kind == .homeCity ? .welcomeText : .filtersIntro, language), row: row, col: inner.col, role: .dialog,
                   maxWidth: inner.columns)
        row += 1
    }
    var cursor: Position?
    var dropdown: (row: Int, field: FormField)?
    let lastRow = inner.row + inner.rows - 2
    for (index, field) in form.fields.enumerated() {
        guard row <= lastRow else { break }
        let focused = index == form.focus
        let label = tr(field.label, language) + (field.required ? " *" : "")
        screen.put(DisplayWidth.pad(label, to: labelWidth), row: row, col: inner.col, role: focused ? .dialogTitle : .dialog)
        var value = field.text
        var note = ""
        switch field.kind {
        case .choice(let values):
            var label = choiceLabel(field, values[field.choice], language)
            if field.id == .direction, let id = form.field(.partnership)?.partnershipId,
               let p = state.data.partnerships.first(where: { $0.id == id }),
               let direction = EventDirection(rawValue: values[field.choice]) {
                label = direction.label(language, a: p.cityA.name, b: p.cityB.name)
            }
            value = "◂ " + label + " ▸"
        case .toggle:
            value = "[\(field.choice == 1 ? "x" : " ")] " + tr(field.choice == 1 ? .yes : .no, language)
        case .date:
            if let date = DateInput.parse(field.text, today: state.today) { note = "  = " + Formatting.longDate(date, language) }
        case .city:
            if field.cityId != nil, let city = state.data.city(id: field.cityId!) {
                note = "  ✓ \(city.countryCode)" + (city.admin1Name.map { ", \($0)" } ?? "")
            }
        default:
            if let understood = MatchFilterInput.understood(field, language: language) { note = "  " + understood }
        }
        let fieldRole: StyleRole = field.error != nil ? .fieldError : (focused ? .fieldFocused : .field)
        screen.fill(row: row, col: valueCol, width: valueWidth, role: fieldRole)
        let shown = DisplayWidth.of(value) > valueWidth - 1 ? "…" + String(value.suffix(max(1, valueWidth - 2))) : value
        let used = screen.put(shown, row: row, col: valueCol, role: fieldRole, maxWidth: valueWidth)
        if !note.isEmpty { screen.put(note, row: row, col: valueCol + used, role: fieldRole, maxWidth: max(0, valueWidth - used)) }
        if focused {
            let textLike: Bool
            switch field.kind { case .choice, .toggle: textLike = false; default: textLike = true }
            cursor = Position(row: row, col: textLike ? min(valueCol + used, valueCol + valueWidth - 1) : valueCol)
            if !field.suggestions.isEmpty && ((field.kind == .city && field.cityId == nil)
                || (field.kind == .partnership && field.partnershipId == nil)) { dropdown = (row + 1, field) }
        }
        row += 1
        if let error = field.error, row <= lastRow {
            screen.put("! " + error, row: row, col: valueCol, role: .fieldError, maxWidth: valueWidth)
            row += 1
        }
    }
    var hint = form.focused.kind == .city || form.focused.kind == .partnership ? tr(.pickerHint, language) : tr(.formHint, language)
    if form.keyContext == .filterDialog {
        // Made from the key table, so the hint and the keys never disagree;
        // as many as fit (the key bar below has them all).
        hint = ""
        for binding in KeyMap.bar(for: [.filterDialog]) {
            let entry = (hint.isEmpty ? "" : hint + " · ") + KeyMap.barKeyLabel(binding, language) + " " + tr(binding.bar!, language)
            if DisplayWidth.of(entry) > inner.columns { break }
            hint = entry
        }
    }
    screen.put(hint, row: inner.row + inner.rows - 1, col: inner.col, role: .dim, maxWidth: inner.columns)
    if let (startRow, field) = dropdown {
        for (i, index) in field.suggestions.enumerated() {
            let r = startRow + i
            guard r < top + height - 1 else { break }
            let text: String
            if field.kind == .partnership {
                guard state.data.partnerships.indices.contains(index) else { break }
                let p = state.data.partnerships[index]
                text = "\(p.cityA.name) (\(p.cityA.countryCode)) ↔ \(p.cityB.name) (\(p.cityB.countryCode))"
            } else {
                guard state.data.gazetteer.indices.contains(index) else { break }
                let city = state.data.gazetteer[index]
                text = "\(city.name), \(city.admin1Name ?? "") \(city.countryCode) · \(Formatting.number(city.population, language))"
            }
            let selected = i == field.suggestion
            screen.fill(row: r, col: valueCol, width: valueWidth, role: selected ? .selected : .field)
            screen.put((selected ? "> " : "  ") + text, row: r, col: valueCol, role: selected ? .selected : .field, maxWidth: valueWidth)
        }
    }
    screen.cursor = cursor
}

/// The label of a choice value in the user's language.
func choiceLabel(_ field: FormField, _ raw: String, _ language: Language) -> String {
    switch field.id {
    case .type: return PartnershipType(rawValue: raw)?.label(language) ?? raw
    case .status: return PartnershipStatus(rawValue: raw)?.label(language) ?? raw
    case .kind: return EventKind(rawValue: raw)?.label(language) ?? raw
    case .format: return EventFormat(rawValue: raw)?.label(language) ?? raw
    case .direction:
        return EventDirection(rawValue: raw)?.label(language, a: "A", b: "B") ?? raw
    default: return raw.replacingOccurrences(of: "_", with: " ")
    }
}

/// The change log over the panes: newest first, who, when, what. A long
/// description continues on the next lines under itself instead of being cut off.
func renderHistory(_ screen: inout Screen, _ state: AppState, _ changes: [ChangeRecord]) {
    let language = state.language
    let inner = drawBox(&screen, row: 1, col: 0, rows: state.size.rows - 2, columns: state.size.columns, title: tr(.historyTitle, language))
    if changes.isEmpty {
        screen.put(tr(.historyEmpty, language), row: inner.row, col: inner.col, role: .dim)
    }
    var lines: [String] = []
    for change in changes {
        let when = change.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "").prefix(16)
        let head = "\(when)  \(DisplayWidth.pad(change.user, to: 10))  \(DisplayWidth.pad(change.action.rawValue, to: 7))  "
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

/// What a history line says about its record. A review is told in the
/// user's language from its copy in the log; everything else by its summary.
func historyText(_ change: ChangeRecord, _ state: AppState) -> String {
    if let summary = change.importSummary { return importText(summary, state.language) }
    guard let review = change.review, let candidate = state.data.city(id: review.candidateCityId),
          let home = state.data.city(id: review.homeCityId) else { return change.summary }
    var text = tr(.historyReview, state.language, candidate.name, home.name, review.decisionLabel(state.language))
    if !review.reason.isEmpty { text += " (\(TextSafety.excerpt(review.reason, max: 80)))" }
    return text
}

/// "import of events.csv: 10,000 added, 3 updated" in the user's language.
func importText(_ summary: ImportSummary, _ language: Language) -> String {
    var counts = [tr(.importAdded, language, Formatting.number(summary.added, language))]
    if summary.updated > 0 { counts.append(tr(.importUpdated, language, Formatting.number(summary.updated, language))) }
    if summary.unchanged > 0 { counts.append(tr(.importUnchanged, language, Formatting.number(summary.unchanged, language))) }
    return tr(.historyImport, language, TextSafety.sanitized(summary.file), counts.joined(separator: ", "))
}

import TwinningCore

func renderForm(_ screen: inout Screen, _ state: AppState, _ form: FormState) {
    let language = state.language
    let geometry = FormGeometry(state, form)
    let (top, height) = (geometry.top, geometry.height)
    var title = tr(form.title, language)
    switch form.kind {
    case .editCity(let city): title = tr(.formEditCity, language, city.name)
    case .rejectMatch(let candidate): title = tr(.formReject, language, candidate.name)
    case .snoozeMatch(let candidate): title = tr(.formSnooze, language, candidate.name)
    case .exportCalendar(let count): title = count == 1 ? tr(.formCalendarOne, language) : tr(.formCalendar, language, Formatting.number(count, language))
    default: break
    }
    let inner = drawBox(&screen, row: top, col: geometry.left, rows: height, columns: geometry.width, title: title)
    // Fields out of view are counted on the frame, where they would be.
    let right = geometry.left + geometry.width - 2
    if geometry.hiddenAbove > 0 {
        let mark = " " + tr(.formMoreAbove, language, String(geometry.hiddenAbove)) + " "
        screen.put(mark, row: top, col: right - DisplayWidth.of(mark), role: .dialogTitle)
    }
    if geometry.hiddenBelow(form) > 0 {
        let mark = " " + tr(.formMoreBelow, language, String(geometry.hiddenBelow(form))) + " "
        screen.put(mark, row: top + height - 1, col: right - DisplayWidth.of(mark), role: .dialogTitle)
    }
    let labelWidth = geometry.labelWidth
    let valueCol = inner.col + labelWidth + 1
    let valueWidth = geometry.valueWidth
    var row = inner.row
    for line in geometry.headLines {
        screen.put(line, row: row, col: inner.col, role: .dialog, maxWidth: inner.columns)
        row += 1
    }
    for (i, line) in geometry.messageLines.enumerated() {
        screen.put(line, row: geometry.messageTop + i, col: inner.col, role: .fieldError, maxWidth: inner.columns)
    }
    var cursor: Position?
    var dropdown: (row: Int, field: FormField)?
    let lastRow = geometry.fieldTop + geometry.fieldRows - 1
    for index in geometry.first..<geometry.end {
        let field = form.fields[index]
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
            // Said while typing, before Enter: what the date will be read as, or that it cannot be read (yet).
            if let date = DateInput.parse(field.text, today: state.today) {
                note = "  = " + Formatting.longDate(date, language)
            } else if !field.text.trimmingCharacters(in: .whitespaces).isEmpty {
                note = "  " + tr(.dateNotReadYet, language)
            }
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
        for line in geometry.errorLines[index] where row <= lastRow {
            screen.put(line, row: row, col: valueCol, role: .fieldError, maxWidth: valueWidth)
            row += 1
        }
    }
    var hint = form.focused.kind == .city || form.focused.kind == .partnership ? tr(.pickerHint, language)
        : tr(form.kind.savesOnEnter ? .quickFormHint : .formHint, language)
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
    // A narrow form keeps whole hints ("Esc cancels"), not half of the last
    // one; the key bar below has them all.
    var parts = hint.components(separatedBy: " · ")
    while parts.count > 1 && DisplayWidth.of(parts.joined(separator: " · ")) > inner.columns { parts.removeLast() }
    hint = parts.joined(separator: " · ")
    screen.put(hint, row: inner.row + inner.rows - 1, col: inner.col, role: .dim, maxWidth: inner.columns)
    if let (firstRow, field) = dropdown {
        var startRow = firstRow
        if field.suggestionsAreGuesses, startRow < top + height - 1 {
            screen.fill(row: startRow, col: valueCol, width: valueWidth, role: .field)
            screen.put("  " + tr(.pickerDidYouMean, language), row: startRow, col: valueCol, role: .fieldError, maxWidth: valueWidth)
            startRow += 1
        }
        for (i, index) in field.suggestions.enumerated() {
            let r = startRow + i
            // Over the fields below, never over the message or the hint.
            guard r < geometry.messageTop else { break }
            let text: String
            if field.kind == .partnership {
                guard state.data.partnerships.indices.contains(index) else { break }
                let p = state.data.partnerships[index]
                text = "\(p.cityA.name) (\(p.cityA.countryCode)) ↔ \(p.cityB.name) (\(p.cityB.countryCode))"
            } else {
                guard state.data.gazetteer.indices.contains(index) else { break }
                let city = state.data.gazetteer[index]
                // "Wrocław — Breslau": the other name typed, so the pick is not a surprise.
                let other = field.suggestionsAreGuesses ? nil
                    : NameIndex.matchedOtherName(city, otherNames: state.data.otherNames[city.id] ?? [], text: field.text)
                let name = other.map { "\(city.name) — \($0)" } ?? city.name
                text = DisplayWidth.keepingTail("\(name), \(city.admin1Name ?? "") \(city.countryCode)",
                                                " · \(Formatting.number(city.population, language))", width: max(1, valueWidth - 2))
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
    case .projectStatus: return ProjectStatus(rawValue: raw)?.label(language) ?? raw
    case .project: return EventProjectField.label(raw, language)
    default: return raw.replacingOccurrences(of: "_", with: " ")
    }
}


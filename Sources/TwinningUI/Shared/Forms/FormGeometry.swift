import TwinningCore

/// Where the parts of an open form go: the box, the wrapped texts, and which
/// fields are in view. The renderer draws with it and the reducer keeps the
/// scroll with it, so the focused field is never off screen (a field typed
/// into unseen is text saved unseen).
struct FormGeometry {
    var top = 0, left = 0, height = 0, width = 0
    var labelWidth = 0, valueWidth = 0
    /// Lines above the fields: the form's subtitle and its intro.
    var headLines: [String] = []
    /// The form's message, wrapped, in the room below the fields.
    var messageLines: [String] = []
    /// Each field's error, wrapped under its value ("! " on the first line).
    var errorLines: [[String]] = []
    /// Rows the fields may use.
    var fieldRows = 0
    /// The fields in view: `first..<end`.
    var first = 0, end = 0

    var inner: Layout.Rect { Layout.Rect(row: top + 1, col: left + 2, rows: height - 2, columns: width - 4) }
    var fieldTop: Int { inner.row + headLines.count }
    var messageTop: Int { inner.row + inner.rows - 1 - messageLines.count }
    var hintRow: Int { inner.row + inner.rows - 1 }
    var hiddenAbove: Int { first }
    func hiddenBelow(_ form: FormState) -> Int { form.fields.count - end }

    /// Rows a field takes: its own and its error's.
    func rows(_ index: Int) -> Int { 1 + errorLines[index].count }

    init(_ state: AppState, _ form: FormState) {
        let language = state.language
        width = min(state.size.columns - 2, 76)
        let innerColumns = max(1, width - 4)
        labelWidth = min(20, innerColumns / 3)
        valueWidth = max(1, innerColumns - labelWidth - 1)
        if let subtitle = form.subtitle { headLines += wrap(subtitle, width: innerColumns, lines: 2) }
        if form.kind == .homeCity || form.kind == .matchFilters {
            headLines += wrap(tr(form.kind == .homeCity ? .welcomeText : .filtersIntro, language), width: innerColumns)
        }
        // Room is kept for the fields: a message takes at most a third of the window.
        messageLines = form.message.map { wrap($0, width: innerColumns, lines: max(1, state.size.rows / 3)) } ?? []
        errorLines = form.fields.map { field in
            guard let error = field.error else { return [] }
            return wrap(error, width: max(1, valueWidth - 2), lines: max(1, state.size.rows / 3)).enumerated().map { ($0.offset == 0 ? "! " : "  ") + $0.element }
        }
        // Room below the fields for the suggestions of a city field.
        let dropdownRoom = form.fields.contains { $0.kind == .city || $0.kind == .partnership } ? 6 : 0
        let fieldsNeed = form.fields.indices.map(rows).reduce(0, +)
        // The status line (however many rows it wraps to) stays visible: it says what happened.
        let statusTop = statusLineTop(state)
        let wanted = fieldsNeed + 4 + headLines.count + messageLines.count + dropdownRoom
        height = max(4, min(statusTop - 1, wanted))
        top = max(1, min((state.size.rows - height) / 2, statusTop - height))
        left = max(0, (state.size.columns - width) / 2)
        fieldRows = max(1, height - 3 - headLines.count - messageLines.count)

        // The stored scroll, moved just enough to show the focused field
        // whole, and never leaving empty rows below while fields are hidden above.
        let focus = min(max(0, form.focus), max(0, form.fields.count - 1))
        guard !form.fields.isEmpty else { return }
        var first = max(0, min(form.scroll, focus))
        func need(_ range: ClosedRange<Int>) -> Int { range.map(rows).reduce(0, +) }
        // A city or partnership being picked keeps room under it for its suggestions.
        let picking = form.fields[focus]
        let suggesting = (picking.kind == .city && picking.cityId == nil) || (picking.kind == .partnership && picking.partnershipId == nil)
        let below = suggesting ? min(picking.suggestions.count, 6) : 0
        while first < focus && need(first...focus) + below > fieldRows { first += 1 }
        let after = (focus + 1..<form.fields.count).map(rows).reduce(0, +)
        while first > 0 && need((first - 1)...focus) + max(below, after) <= fieldRows { first -= 1 }
        var end = first, used = 0
        while end < form.fields.count && (used + rows(end) <= fieldRows || end == first) {
            used += rows(end)
            end += 1
        }
        self.first = first
        self.end = end
    }
}

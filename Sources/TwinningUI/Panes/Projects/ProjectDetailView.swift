import TwinningCore

/// The detail of a project, in sections (cities, themes, goals, actions,
/// funding, results, events, partnerships, description, notes). What does
/// not fit is counted on the last line of its section ("… 3 more"), never
/// dropped without a word; the actions get the room first.
func renderProjectDetail(_ screen: inout Screen, _ state: AppState, _ rect: Layout.Rect, choosing: Bool) {
    guard rect.rows > 0, let summary = state.selectedProject else { return }
    let language = state.language
    let width = max(1, rect.columns - 1)
    guard let detail = state.projectDetail else {
        putDetailLine(&screen, summary.title, row: rect.row, col: rect.col + 1, role: .header, width: width)
        if rect.rows > 1 { screen.put(tr(.loading, language), row: rect.row + 1, col: rect.col + 1, role: .dim, maxWidth: width) }
        return
    }
    let sections = ProjectDetailSections.make(detail, state: state, width: width, choosing: choosing)
    var shown = ProjectDetailSections.fit(sections, rows: rect.rows)
    // A section left out is named on the last line, never dropped without a word.
    func omitted(_ shown: [Int]) -> [String] {
        zip(sections, shown).compactMap { section, count in count == 0 && !section.lines.isEmpty && !section.name.isEmpty ? section.name : nil }
    }
    var also = ""
    if !omitted(shown).isEmpty && rect.rows > 1 {
        shown = ProjectDetailSections.fit(sections, rows: rect.rows - 1)
        // Too many names for the line: the names are cut ("…"), never the key hint after them.
        let key: S = choosing ? .detailAlso : .detailAlsoEnter
        let room = max(1, width - DisplayWidth.of(tr(key, language, "")))
        also = tr(key, language, DisplayWidth.truncate(omitted(shown).joined(separator: ", "), to: room))
    }
    if !also.isEmpty {
        putDetailLine(&screen, also, row: rect.row + rect.rows - 1, col: rect.col + 1, role: .dim, width: width)
    }
    let bottom = rect.row + rect.rows - (also.isEmpty ? 0 : 1)
    var row = rect.row
    for (section, count) in zip(sections, shown) where count > 0 {
        for line in section.visible(count, selected: choosing ? state.projects.action : nil, width: width, language) {
            guard row < bottom else { return }
            if line.role == .selected {
                screen.fill(row: row, col: rect.col, width: rect.columns, role: .selected)
                screen.put(">", row: row, col: rect.col, role: .selected)
                screen.cursor = Position(row: row, col: rect.col)
            }
            putDetailLine(&screen, line.text, row: row, col: rect.col + 1, role: line.role, width: width)
            row += 1
        }
    }
}

struct DetailLine: Equatable {
    var text: String
    var role: StyleRole
}

/// One section of the detail: its lines, how many it shows at least, and
/// where it ranks when room is short (0 first).
struct DetailSection {
    var lines: [DetailLine]
    var minimum: Int
    var rank: Int
    /// What the last line calls the section when it is left out ("Funding").
    var name = ""
    /// The actions section: line 0 is its heading, line i + 1 is action i (chosen with ↑↓).
    var isActions = false
    /// A wrapped paragraph: cut with "…" (its lines are no items to count).
    var isText = false
    /// The section's heading stays when the rest scrolls (actions).
    var keepsHeading: Bool { isActions }

    /// The `count` lines shown; the last counts what is left out. For the
    /// actions, the window follows the chosen action.
    func visible(_ count: Int, selected: Int?, width: Int, _ language: Language) -> [DetailLine] {
        guard count < lines.count else {
            return lines.enumerated().map { i, line in mark(line, i, selected) }
        }
        guard count > 0 else { return [] }
        if isActions, count >= 2 {
            let room = count - 1
            let items = Array(lines.dropFirst())
            let chosen = selected ?? 0
            // The chosen action stays in view; the window starts at the top until it must move.
            let first = max(0, min(chosen - (room - 1), items.count - room))
            var shown = [lines[0]] + items[first..<min(items.count, first + room)].enumerated().map { i, line in
                mark(line, first + i + 1, selected)
            }
            let hidden = items.count - room
            if hidden > 0, var last = shown.last {
                last.text = DisplayWidth.keepingTail(last.text, "  " + tr(.more, language, Formatting.number(hidden, language)), width: width)
                shown[shown.count - 1] = last
            }
            return shown
        }
        var shown = Array(lines.prefix(count))
        let hidden = lines.count - count
        var last = shown[count - 1]
        if isText {
            last.text = DisplayWidth.of(last.text + " …") <= width ? last.text + " …" : DisplayWidth.truncate(last.text + " …", to: width)
            shown[count - 1] = last
            return shown
        }
        last.text = DisplayWidth.keepingTail(last.text, "  " + tr(.more, language, Formatting.number(hidden, language)), width: width)
        shown[count - 1] = last
        return shown
    }

    private func mark(_ line: DetailLine, _ index: Int, _ selected: Int?) -> DetailLine {
        guard isActions, let selected, index == selected + 1 else { return line }
        return DetailLine(text: line.text, role: .selected)
    }
}

enum ProjectDetailSections {
    /// How many lines each section shows in `rows`: first every section's
    /// minimum by rank, then the rest of the room by rank.
    static func fit(_ sections: [DetailSection], rows: Int) -> [Int] {
        var shown = sections.map { _ in 0 }
        var room = rows
        let order = sections.indices.sorted { (sections[$0].rank, $0) < (sections[$1].rank, $1) }
        for i in order {
            var want = min(sections[i].minimum, sections[i].lines.count)
            // The title, the cities and the actions are never left out: they take what is left.
            if want > room && sections[i].rank <= 2 { want = room }
            if want <= room {
                shown[i] = want
                room -= want
            }
        }
        for i in order where shown[i] > 0 || sections[i].minimum == 0 {
            let extra = min(sections[i].lines.count - shown[i], room)
            shown[i] += extra
            room -= extra
        }
        return shown
    }

    static func make(_ detail: ProjectDetail, state: AppState, width: Int, choosing: Bool) -> [DetailSection] {
        let language = state.language
        let p = detail.project
        func clean(_ text: String) -> String { TextSafety.sanitized(text) }
        func paragraph(_ label: S?, _ text: String, role: StyleRole = .normal, minimum: Int = 1, rank: Int) -> DetailSection {
            var section = DetailSection(lines: wrapped(label, text, role: role), minimum: minimum, rank: rank)
            section.isText = true
            section.name = label.map { tr($0, language) } ?? ""
            return section
        }
        func wrapped(_ label: S?, _ text: String, role: StyleRole = .normal) -> [DetailLine] {
            let body = label.map { tr($0, language) + colon(language) } ?? ""
            return wrap(body + TextSafety.sanitized(text, allowLineBreaks: true), width: width).map { DetailLine(text: $0, role: role) }
        }
        var sections: [DetailSection] = []

        // Title, status and time
        var head = clean(p.title) + " — " + p.status.label(language)
        let period = ProjectWords.period(p.startDate, p.endDate, language)
        if !period.isEmpty { head += " · " + period }
        sections.append(DetailSection(lines: [DetailLine(text: head, role: .header)], minimum: 1, rank: 0))

        // Cities and their roles
        let cities = detail.cities.map { "\($0.city.name) (\($0.city.countryCode), \($0.role.label(language)))" }.joined(separator: " · ")
        sections.append(paragraph(nil, cities, rank: 1))

        if !p.themes.isEmpty {
            sections.append(paragraph(.detailThemes, ProjectWords.themes(p.themes, language), rank: 5))
        }
        if !p.goals.isEmpty { sections.append(paragraph(.detailGoals, p.goals, rank: 3)) }

        // Actions: the heading counts them; each line shows due or done, what and who.
        let open = detail.actions.filter { !$0.isDone }.count
        let overdue = detail.actions.filter { $0.isOverdue(today: state.today) }.count
        var heading = tr(.detailActions, language, Formatting.number(open, language), Formatting.number(detail.actions.count - open, language))
        if overdue > 0 { heading += " · " + tr(.projectsOverdue, language, Formatting.number(overdue, language)) }
        if !choosing && !detail.actions.isEmpty { heading += " — " + tr(.actionsEnterHint, language) }
        var actionLines = [DetailLine(text: heading, role: .header)]
        if detail.actions.isEmpty { actionLines.append(DetailLine(text: tr(.noActionsYet, language), role: .dim)) }
        let next = detail.actions.firstIndex { !$0.isDone }
        for (i, action) in detail.actions.enumerated() {
            var text = ProjectWords.action(action, today: state.today, language)
            if action.isDueBeforeStart(of: p) { text += " " + tr(.actionBeforeStart, language) }
            // Outside the detail, d/Space marks the next open action: it carries the mark.
            let lead = !choosing && i == next ? "▸ " : "  "
            let role: StyleRole = action.isOverdue(today: state.today) ? .statusWarning : (action.isDone ? .dim : .normal)
            actionLines.append(DetailLine(text: lead + text, role: role))
        }
        var actions = DetailSection(lines: actionLines, minimum: min(actionLines.count, choosing ? 6 : 3), rank: 2)
        actions.isActions = detail.actions.isEmpty == false
        sections.append(actions)

        if !p.funding.isEmpty {
            var lines = [DetailLine(text: tr(.detailFunding, language), role: .header)]
            for line in p.funding {
                var text = "  " + clean(line.programme) + "  " + ProjectWords.amount(line, language) + "  " + line.state.label(language)
                if !line.notes.isEmpty { text += " — " + clean(line.notes) }
                lines.append(DetailLine(text: text, role: .normal))
            }
            sections.append(DetailSection(lines: lines, minimum: 2, rank: 4, name: tr(.detailFunding, language)))
        }
        if !p.results.isEmpty || !p.indicators.isEmpty {
            // The figures first (what a funder asks for), then the words.
            let figures = p.indicators.map { ProjectWords.indicator($0, language) }.joined(separator: " · ")
            let text = [figures, p.results].filter { !$0.isEmpty }.joined(separator: " — ")
            sections.append(paragraph(.detailResults, text, rank: 4))
        }
        if !detail.events.isEmpty {
            var lines = [DetailLine(text: tr(.detailProjectEvents, language), role: .header)]
            for event in detail.events {
                let e = event.event
                var text = "  \(e.startDate.display(language))  \(clean(e.title.isEmpty ? e.kind.label(language) : e.title))"
                if let participants = e.participants { text += " · \(participants)" }
                lines.append(DetailLine(text: text, role: .normal))
            }
            sections.append(DetailSection(lines: lines, minimum: 2, rank: 6, name: tr(.detailProjectEvents, language)))
        }
        if !detail.partnerships.isEmpty {
            let pairs = detail.partnerships.map { "\($0.cityA.name) ↔ \($0.cityB.name)" }.joined(separator: " · ")
            sections.append(paragraph(.detailProjectPartnerships, pairs, role: .dim, rank: 7))
        }
        if !detail.contacts.isEmpty {
            let names = detail.contacts.map { [$0.name, $0.role].filter { !$0.isEmpty }.joined(separator: ", ") }.joined(separator: " · ")
            sections.append(paragraph(.detailContacts, names, role: .dim, rank: 8))
        }
        if !p.summary.isEmpty { sections.append(paragraph(.detailDescription, p.summary, role: .dim, rank: 9)) }
        if !p.notes.isEmpty { sections.append(paragraph(.detailNotes, p.notes, role: .dim, rank: 10)) }
        return sections
    }
}

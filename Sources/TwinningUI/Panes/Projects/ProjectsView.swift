import TwinningCore

/// The project list (overdue mark, status, title, cities, themes, next due
/// date) over the detail of the selected project; Enter gives the detail the
/// whole body, with the actions to choose from.
func renderProjectsPane(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    if state.projects.inDetail {
        // The whole body: the list and the line between are drawn over.
        let top = layout.list.row
        let rows = layout.statusRow - top
        for row in top..<(top + rows) { screen.fill(row: row, col: 0, width: state.size.columns, role: .normal) }
        renderProjectDetail(&screen, state, Layout.Rect(row: top, col: 0, rows: rows, columns: state.size.columns), choosing: true)
        return
    }
    renderProjectList(&screen, state, layout.list)
    renderProjectDetail(&screen, state, layout.detail, choosing: false)
}

private func renderProjectList(_ screen: inout Screen, _ state: AppState, _ rect: Layout.Rect) {
    let language = state.language
    // As wide as the longest status word of the language ("abgeschlossen"), within reason.
    let statusWidth = min(13, max(6, ProjectStatus.allCases.map { DisplayWidth.of($0.label(language)) }.max() ?? 10))
    let dueWidth = 10
    // The title gets what is left; at 100 columns and more the other columns grow too.
    let themeWidth = rect.columns >= 100 ? 18 : (rect.columns >= 80 ? 13 : 0)
    let citiesWidth = rect.columns >= 100 ? 22 : (rect.columns >= 80 ? 17 : 14)
    let fixed = 2 + 2 + (statusWidth + 1) + (citiesWidth + 1) + (themeWidth > 0 ? themeWidth + 1 : 0) + dueWidth
    let titleWidth = max(10, rect.columns - fixed - 1)
    putHeader(&screen, row: rect.row, col: rect.col, width: rect.columns, cells: [
        ("", 1, false), (tr(.colStatus, language), statusWidth, false), (tr(.colProject, language), titleWidth, false),
        (tr(.colCities, language), citiesWidth, false), (tr(.colThemes, language), themeWidth, false),
        (tr(.colNextDue, language), dueWidth, false),
    ])
    let pane = state.projects
    if pane.visible.isEmpty {
        let text = pane.all.isEmpty ? tr(.noProjects, language)
            : tr(.projectsHidden, language, Formatting.number(pane.all.count, language))
        for (i, line) in wrap(text, width: max(1, rect.columns - 2)).prefix(3).enumerated() {
            screen.put(line, row: rect.row + 2 + i, col: rect.col + 2, role: .dim, maxWidth: rect.columns - 2)
        }
    }
    let home = state.homeCityId
    for line in 0..<max(1, rect.rows - 1) {
        let position = pane.list.scroll + line
        guard pane.visible.indices.contains(position) else { break }
        let p = pane.all[pane.visible[position]]
        // Our city is understood: the list names the others first.
        let cities = p.cities.sorted { ($0.city.id == home ? 1 : 0) < ($1.city.id == home ? 1 : 0) }.map(\.city.name)
        let themes = p.themes.map { tag -> String in
            let parsed = ThemeVocabulary.parse(tag)
            return parsed.term?.label(language.rawValue) ?? parsed.display(language.rawValue)
        }
        var due = p.nextAction?.due?.display(language) ?? ""
        if p.nextAction != nil && due.isEmpty { due = "–" }
        putRow(&screen, row: rect.row + 1 + line, col: rect.col, width: rect.columns, cells: [
            (p.isOverdue ? "!" : "", 1, false), (p.status.label(language), statusWidth, false),
            (TextSafety.sanitized(p.title), titleWidth, false), (cities.joined(separator: ", "), citiesWidth, false),
            (themes.joined(separator: ", "), themeWidth, false), (due, dueWidth, false),
        ], selected: position == pane.list.selection, home: home.map { id in p.cities.contains { $0.city.id == id } } ?? false)
    }
}

import TwinningCore

/// The projects a partnership's detail shows: "Projects: Jeunes pour le
/// climat (running, 1 overdue) · Online-Stammtisch (completed)", in at most
/// two lines, counting what does not fit.
func partnershipProjectLines(_ state: AppState, _ partnership: PartnershipDetail, width: Int, lines most: Int = 2) -> [String] {
    let language = state.language
    // Running and planned work first, then the rest by title.
    let order: [ProjectStatus: Int] = [.running: 0, .planned: 1, .idea: 2, .paused: 3, .completed: 4, .abandoned: 5]
    let projects = state.projects(of: partnership).sorted { (order[$0.status] ?? 9) < (order[$1.status] ?? 9) }
    guard !projects.isEmpty, width > 0 else { return [] }
    let items = projects.map { p -> String in
        var state = p.status.label(language)
        if p.isOverdue { state += ", " + tr(.projectsOverdue, language, Formatting.number(p.overdueActions, language)) }
        return "\(TextSafety.sanitized(p.title)) (\(state))"
    }
    let label = tr(.detailProjects, language) + colon(language)
    // Greedy: as many whole items as the lines hold, the rest counted.
    for shown in stride(from: items.count, through: 1, by: -1) {
        var text = label + items.prefix(shown).joined(separator: " · ")
        if shown < items.count { text += " " + tr(.more, language, Formatting.number(items.count - shown, language)) }
        let wrapped = wrap(text, width: width)
        if wrapped.count <= most { return wrapped }
    }
    let text = label + items[0]
    let rest = items.count > 1 ? " " + tr(.more, language, Formatting.number(items.count - 1, language)) : ""
    return Array(wrap(text, width: width).prefix(most - 1)) + [DisplayWidth.keepingTail(text, rest, width: width)]
}

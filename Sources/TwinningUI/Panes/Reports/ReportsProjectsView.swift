import TwinningCore

/// The report pane's projects and register lines: the same figures as the
/// written report (Core's `ProjectSection`, `CountryFigures`, `YearFigures`),
/// in the report's own words (`ReportText`), shortened to what fits a screen.
func projectReportLines(_ report: Report, _ state: AppState) -> [(String, StyleRole)] {
    let language = state.language.report
    func t(_ key: ReportText, _ cells: ReportCell...) -> String { LocalizedText(key, cells: cells).text(language) }
    func n(_ x: Int) -> String { ReportWords.number(x, language) }
    let separator = " · "
    var lines: [(String, StyleRole)] = [("", .normal)]
    let section = report.projects

    lines.append((t(.projectsInPeriod), .header))
    let running = section.projects.filter { $0.project.status == .running }.count
    lines.append(("\(t(.projectStatusRunning)) \(n(running))\(separator)\(t(.projectStatusCompleted)) \(n(section.projects.count - running))", .normal))
    if !section.byTheme.isEmpty {
        lines.append(("\(t(.projectsByTheme))\(colon(state.language))" + section.byTheme.prefix(6).map { "\($0.label(language)) \(n($0.total))" }
            .joined(separator: separator), .normal))
    }
    for f in section.funding.prefix(4) {
        lines.append(("  \(f.programme) (\(ReportDocument.fundingState(f.state).text(language)))\(colon(state.language))"
                      + ReportCell.money(f.amountMinor, currency: f.currency).text(language), .normal))
    }
    if section.funding.count > 4 { lines.append(("  " + tr(.more, state.language, n(section.funding.count - 4)), .dim)) }
    for p in section.projects where !p.project.indicators.isEmpty {
        lines.append(("  \(p.project.title)\(colon(state.language))\(ReportDocument.indicators(p.project, language))", .normal))
    }
    lines.append(("\(t(.overdueActions))\(colon(state.language))\(n(section.overdue.count))", section.overdue.isEmpty ? .normal : .header))
    for o in section.overdue.prefix(8) {
        let who = o.owner.isEmpty ? t(.actionNoOwner) : o.owner
        let due = o.action.due.map { ReportWords.date($0, language) } ?? "–"
        // The date first: a narrow screen cuts the end of the line, never the date.
        lines.append(("  \(due)  \(who) — \(o.action.what) (\(o.projectTitle))", .normal))
    }
    if section.overdue.count > 8 { lines.append(("  " + tr(.more, state.language, n(section.overdue.count - 8)), .dim)) }

    lines.append(("", .normal))
    lines.append((t(.partnerCountries), .header))
    let dormant = Health.allCases.firstIndex(of: .dormant)!
    let recentYears = report.years.suffix(5).map(\.year)
    let span = recentYears.first.map { "\($0)–\(recentYears.last!)" } ?? ""
    for c in report.countries.prefix(8) {
        var text = "  \(c.country) \(n(c.partnerships))"
        if c.health[dormant] > 0 { text += " (\(Health.dormant.text.text(language)) \(n(c.health[dormant])))" }
        let recent = c.eventsPerYear.suffix(5).map(n).joined(separator: " ")
        lines.append((text + "  \(t(.events)) \(span)\(colon(state.language))\(recent)", .normal))
    }
    lines.append((t(.formatsPerYear), .header))
    let shares = report.years.suffix(8).map { y in "\(y.year) \(ReportWords.percent(y.remoteShare, language))" }
    lines.append(("  \(t(.shareRemote))\(colon(state.language))" + shares.joined(separator: separator), .normal))
    return lines
}

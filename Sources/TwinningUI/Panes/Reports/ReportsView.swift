import TwinningCore

func renderReportsPane(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    if state.reports.showMap {
        renderMap(&screen, state, layout)
        return
    }
    let lines = reportLines(state)
    let language = state.language

    // The heading (whose report, which year) stays while the rest scrolls,
    // and a mark says when there is more above or below.
    let top = layout.list.row
    let width = state.size.columns - 2
    screen.put(lines[0].0, row: top, col: 1, role: lines[0].1, maxWidth: width)
    let body = Array(lines.dropFirst())
    let rows = reportBodyRows(layout)
    let scroll = reportScroll(state.reports.scroll, lineCount: body.count, rows: rows)
    let below = body.count - scroll - rows
    for (i, (text, role)) in body.dropFirst(scroll).prefix(rows).enumerated() {
        let row = top + 1 + i
        if i == 0 && scroll > 0 {
            screen.put(tr(.moreAbove, language, Formatting.number(scroll, language)), row: row, col: 1, role: .dim, maxWidth: width)
        } else if i == rows - 1 && below > 0 {
            screen.put(tr(.moreBelow, language, Formatting.number(below + 1, language)), row: row, col: 1, role: .dim, maxWidth: width)
        } else {
            screen.put(text, row: row, col: 1, role: role, maxWidth: width)
        }
    }
    screen.cursor = Position(row: top, col: 1)
}

/// Rows the report's body gets under its heading.
func reportBodyRows(_ layout: Layout) -> Int {
    max(1, layout.statusRow - layout.list.row - 1)
}

/// The report as lines: the heading first, then the body that scrolls. The
/// reducer counts them too, so scrolling stops at the last line.
func reportLines(_ state: AppState) -> [(String, StyleRole)] {
    let language = state.language
    let year = state.reports.year ?? state.today.year
    let (city, partnerships, events) = reportData(state)
    let projects = reportProjectData(state, city: city)
    let report = Report.compute(scope: ReportScope(cityId: city?.id, year: year), city: city, partnerships: partnerships,
                                events: events, today: state.today, rule: state.healthRule,
                                projects: projects.projects, openActions: projects.openActions,
                                projectActivity: state.data.projectActivity)
    var lines: [(String, StyleRole)] = []
    lines.append((city.map { tr(.reportTitleCity, language, $0.name, String(year)) } ?? tr(.reportTitleAll, language, String(year)), .header))
    let statuses = report.byStatus.filter { $0.count > 0 }.map { "\($0.status.label(language)) \(Formatting.number($0.count, language))" }
    lines.append(("\(tr(.reportPartnerships, language))\(colon(language))\(Formatting.number(report.partnerships.count, language)) — "
                  + statuses.joined(separator: " · "), .normal))
    let health = report.byHealth.map { "\(tr($0.health.label, language)) \(Formatting.number($0.count, language))" }
    lines.append(("\(tr(.reportHealth, language))\(colon(language))" + health.joined(separator: " · "), .normal))
    let period = report.periodFigures
    var periodLine = "\(tr(.reportYear, language, String(year)))\(colon(language))\(tr(.reportEvents, language, Formatting.number(period.events, language))), "
        + tr(.reportParticipants, language, Formatting.number(period.participants, language))
    if let share = period.youthShare { periodLine += ", \(SafeMath.int(share * 100)) % \(tr(.reportYouthShare, language))" }
    lines.append((periodLine, .normal))
    lines.append(("", .normal))

    // Events and participants per year: a bar chart a council reads at a glance.
    lines.append((tr(.reportYears, language), .header))
    let maxParticipants = max(1, report.years.map(\.participants).max() ?? 1)
    let barWidth = max(4, state.size.columns - 40)
    for figures in report.years {
        let share = figures.youthShare.map { "\(SafeMath.int($0 * 100))%" } ?? "–"
        let bar = bars(figures.participants, of: maxParticipants, width: barWidth, ascii: state.asciiOnly)
        let text = "\(figures.year)  " + DisplayWidth.pad(String(figures.events), to: 6, alignRight: true) + "  "
            + DisplayWidth.pad(Formatting.number(figures.participants, language), to: 6, alignRight: true) + "  "
            + DisplayWidth.pad(share, to: 4, alignRight: true) + "   " + bar
        lines.append((text, figures.year == year ? .homeCity : .normal))
    }
    lines.append(("", .normal))
    if !report.participantsByCountry.isEmpty {
        let countries = report.participantsByCountry.prefix(8).map {
            "\($0.isUnknown ? tr(.reportUnknownCountry, language) : $0.country) \(Formatting.number($0.participants, language))"
        }
        lines.append(("\(tr(.reportByCountry, language)) (\(year))\(colon(language))" + countries.joined(separator: " · "), .normal))
    }
    lines.append((tr(.reportDormant, language), .header))
    for row in report.dormantLongest.prefix(5) {
        let last = row.lastEvent?.display(language) ?? tr(.reportNever, language)
        lines.append(("  \(row.home.name) ↔ \(row.partner.name) (\(row.partner.countryCode)) — \(tr(.colLastEvent, language))\(colon(language))\(last)", .normal))
    }
    if report.dormantLongest.count > 5 {
        lines.append(("  " + tr(.more, language, Formatting.number(report.dormantLongest.count - 5, language)), .dim))
    }
    // The count alone ("Never visited: 4") leaves the volunteer asking which: name them.
    lines.append((tr(.reportNeverVisited, language, Formatting.number(report.neverVisited.count, language)), .normal))
    for row in report.neverVisited.prefix(20) {
        lines.append(("  \(row.home.name) ↔ \(row.partner.name) (\(row.partner.countryCode))", .normal))
    }
    if report.neverVisited.count > 20 {
        lines.append(("  " + tr(.more, language, Formatting.number(report.neverVisited.count - 20, language)), .dim))
    }
    lines += projectReportLines(report, state)
    return lines
}

/// The first body line shown: the requested scroll, kept so the last line
/// can still be reached and never past the end.
func reportScroll(_ requested: Int, lineCount: Int, rows: Int) -> Int {
    max(0, min(requested, lineCount - rows))
}

import TwinningCore

/// The partnerships and events the Reports pane and the map speak about:
/// our city's, or all of them.
func reportData(_ state: AppState) -> (city: CitySummary?, partnerships: [PartnershipDetail], events: [EventDetail]) {
    guard !state.reports.all, let home = state.homeCity else {
        return (nil, state.data.partnerships, state.data.events)
    }
    let partnerships = state.data.partnerships.filter { $0.partnership.involves(home.id) }
    let ids = Set(partnerships.map(\.id))
    return (home, partnerships, state.data.events.filter { ids.contains($0.event.partnershipId) })
}

func renderReportsPane(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    if state.reports.showMap {
        renderMap(&screen, state, layout)
        return
    }
    let language = state.language
    let year = state.reports.year ?? state.today.year
    let (city, partnerships, events) = reportData(state)
    let report = Report.compute(scope: ReportScope(cityId: city?.id, year: year), city: city, partnerships: partnerships,
                                events: events, today: state.today, rule: state.healthRule)
    var lines: [(String, StyleRole)] = []
    lines.append((city.map { tr(.reportTitleCity, language, $0.name, String(year)) } ?? tr(.reportTitleAll, language, String(year)), .header))
    let statuses = report.byStatus.filter { $0.count > 0 }.map { "\($0.status.label(language)) \(Formatting.number($0.count, language))" }
    lines.append(("\(tr(.reportPartnerships, language)): \(Formatting.number(report.partnerships.count, language)) — "
                  + statuses.joined(separator: " · "), .normal))
    let health = report.byHealth.map { "\(tr($0.health.label, language)) \(Formatting.number($0.count, language))" }
    lines.append(("\(tr(.reportHealth, language)): " + health.joined(separator: " · "), .normal))
    let period = report.periodFigures
    var periodLine = "\(tr(.reportYear, language, String(year))): \(Formatting.number(period.events, language)) \(tr(.reportEvents, language)), "
        + "\(Formatting.number(period.participants, language)) \(tr(.reportParticipants, language))"
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
        lines.append(("\(tr(.reportByCountry, language)) (\(year)): " + countries.joined(separator: " · "), .normal))
    }
    lines.append((tr(.reportDormant, language), .header))
    for row in report.dormantLongest.prefix(5) {
        let last = row.lastEvent?.display(language) ?? tr(.reportNever, language)
        lines.append(("  \(row.home.name) ↔ \(row.partner.name) (\(row.partner.countryCode)) — \(tr(.colLastEvent, language)): \(last)", .normal))
    }
    lines.append((tr(.reportNeverVisited, language, Formatting.number(report.neverVisited.count, language)), .normal))

    let top = layout.list.row
    let rows = layout.statusRow - top
    let scroll = min(state.reports.scroll, max(0, lines.count - rows))
    for (i, (text, role)) in lines.dropFirst(scroll).prefix(rows).enumerated() {
        screen.put(text, row: top + i, col: 1, role: role, maxWidth: state.size.columns - 2)
    }
    screen.cursor = Position(row: top, col: 1)
}

/// A bar of eighth blocks (or #) for `value` out of `maximum`.
func bars(_ value: Int, of maximum: Int, width: Int, ascii: Bool) -> String {
    // Held within 0…width: a negative, huge or zero maximum must not ask for a
    // negative repeat count or convert nan to Int (both stop the program).
    guard maximum > 0, width > 0 else { return "" }
    let ratio = min(1, max(0, Double(value) / Double(maximum)))
    let eighths = SafeMath.int(ratio * Double(width * 8))
    if ascii { return String(repeating: "#", count: eighths / 8) }
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
}

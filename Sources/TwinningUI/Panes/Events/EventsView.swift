import TwinningCore

func renderEventsPane(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    let rect = layout.list
    let kindWidth = rect.columns >= 80 ? 16 : 0
    let formatWidth = rect.columns >= 70 ? 9 : 0
    let fixed = 2 + 10 + kindWidth + formatWidth + 6 + 4 + 6
    let pairWidth = max(10, rect.columns - fixed)
    let title = tr(.colPartnership, language)
    putHeader(&screen, row: rect.row, col: rect.col, width: rect.columns, cells: [
        (tr(.colDate, language), 10, false), (title, pairWidth, false), (tr(.colKind, language), kindWidth, false),
        (tr(.colFormat, language), formatWidth, false), (tr(.colPeople, language), 6, true), (tr(.colYouth, language), 4, true),
    ])
    if state.events.visible.isEmpty {
        // "No events yet" only when there are none: hidden ones are said to be hidden.
        let failure = state.events.fromHead ? nil : state.data.eventsFailure
        let text = failure.map { tr(.listUnreadable, language, TextSafety.sanitized($0.text(language.rawValue))) } ?? (state.eventRowsTotal == 0 ? tr(.noEvents, language)
            : tr(.eventsHidden, language, Formatting.number(state.eventRowsTotal, language)))
        for (i, line) in wrap(text, width: max(1, rect.columns - 2)).prefix(3).enumerated() {
            screen.put(line, row: rect.row + 2 + i, col: rect.col + 2, role: failure == nil ? .dim : .statusError, maxWidth: rect.columns - 2)
        }
    }
    for line in 0..<layout.listDataRows {
        let position = state.events.list.scroll + line
        guard state.events.visible.indices.contains(position) else { break }
        let rows = state.eventRows
        guard rows.indices.contains(state.events.visible[position]) else { break }
        let detail = rows[state.events.visible[position]]
        let e = detail.event
        let (a, b) = PartnershipDetail.orient(detail.cityA, detail.cityB, home: state.homeCityId)
        putRow(&screen, row: rect.row + 1 + line, col: rect.col, width: rect.columns, cells: [
            (e.startDate.display(language), 10, false), ("\(a.name) ↔ \(b.name)", pairWidth, false),
            (e.kind.label(language), kindWidth, false), (e.format.label(language), formatWidth, false),
            (e.participants.map(String.init) ?? "", 6, true), (e.youth.map(String.init) ?? "", 4, true),
        ], selected: position == state.events.list.selection,
           home: state.homeCityId.map { detail.cityA.id == $0 || detail.cityB.id == $0 } ?? false)
    }
    renderEventDetail(&screen, state, layout.detail)
}

private func renderEventDetail(_ screen: inout Screen, _ state: AppState, _ rect: Layout.Rect) {
    guard rect.rows > 0, let detail = state.selectedEvent else { return }
    let language = state.language
    let e = detail.event
    var lines: [(String, StyleRole)] = []
    let what = e.title.isEmpty ? e.kind.label(language) : "\(e.title) — \(e.kind.label(language))"
    lines.append((what, .header))
    var when = e.startDate.display(language)
    if let end = e.endDate, end != e.startDate { when += " – " + end.display(language) }
    lines.append(("\(when) · \(detail.cityA.name) (\(detail.cityA.countryCode)) ↔ \(detail.cityB.name) (\(detail.cityB.countryCode))", .normal))
    lines.append(("\(tr(.detailFormat, language))\(colon(language))\(e.format.label(language)) · \(tr(.detailDirection, language))\(colon(language))"
                  + e.direction.label(language, a: detail.cityA.name, b: detail.cityB.name), .normal))
    if let participants = e.participants {
        var text = "\(tr(.detailParticipants, language))\(colon(language))\(participants)"
        if let youth = e.youth {
            let share = SafeMath.percent(youth, of: participants) ?? 0
            text += " · " + tr(.detailYouthShare, language, String(youth), String(share))
        }
        lines.append((text, .normal))
    }
    if !e.participantsByCountry.isEmpty {
        let split = e.participantsByCountry.keys.sorted().map { "\($0) \(e.participantsByCountry[$0]!)" }.joined(separator: ", ")
        lines.append(("\(tr(.detailByCountry, language))\(colon(language))\(split)", .normal))
    }
    let funding = FundingCheck.check(detail, home: state.homeCityId)
    // Wrapped, not cut: the conditions not met come last and are what the user must read.
    for line in wrap("\(tr(.fundingLabel, language))\(colon(language))" + funding.summary(language.report), width: max(1, rect.columns - 1)) {
        lines.append((line, funding.eligible ? .statusInfo : .dim))
    }
    if !e.notes.isEmpty {
        for line in wrap(TextSafety.sanitized(e.notes, allowLineBreaks: true), width: max(1, rect.columns - 2)) {
            lines.append((line, .dim))
        }
    }
    for (i, (text, role)) in lines.prefix(rect.rows).enumerated() {
        putDetailLine(&screen, text, row: rect.row + i, col: rect.col + 1, role: role, width: rect.columns - 1)
    }
}

import TwinningCore

func renderPartnershipsPane(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    let rect = layout.list
    let typeWidth = rect.columns >= 100 ? 13 : 0
    // From 100 columns there is room for the whole heading ("Letzte Begegnung").
    let lastWidth = rect.columns >= 100 ? max(10, DisplayWidth.of(tr(.colLastEvent, language)) + 1) : (rect.columns >= 68 ? 10 : 0)
    let healthWidth = 8
    let fixed = 2 + 7 + typeWidth + 11 + 7 + lastWidth + healthWidth + 7
    let pairWidth = max(10, rect.columns - fixed)
    putHeader(&screen, row: rect.row, col: rect.col, width: rect.columns, cells: [
        (tr(.colPartnership, language), pairWidth, false),
        (tr(.colCountry, language), 7, false), (tr(.colType, language), typeWidth, false), (tr(.colStatus, language), 11, false),
        (tr(.colSince, language), 7, false), (tr(.colLastEvent, language), lastWidth, false),
        (tr(.colHealth, language), healthWidth, false),
    ])
    let page = layout.listDataRows
    let list = state.partnershipRows
    if !state.partnerships.fromHead, let failure = state.data.partnershipsFailure {
        for (i, line) in wrap(tr(.listUnreadable, language, TextSafety.sanitized(failure.text(language.rawValue))), width: max(1, rect.columns - 2)).prefix(3).enumerated() {
            screen.put(line, row: rect.row + 2 + i, col: rect.col + 2, role: .statusError, maxWidth: rect.columns - 2)
        }
    }
    for line in 0..<page {
        let position = state.partnerships.list.scroll + line
        guard state.partnerships.visible.indices.contains(position) else { break }
        guard list.indices.contains(state.partnerships.visible[position]) else { break }
        let detail = list[state.partnerships.visible[position]]
        let (a, b) = detail.sides(from: state.homeCityId)
        let p = detail.partnership
        putRow(&screen, row: rect.row + 1 + line, col: rect.col, width: rect.columns, cells: [
            ("\(a.name) ↔ \(b.name)", pairWidth, false), ("\(a.countryCode)–\(b.countryCode)", 7, false),
            (p.type.label(language), typeWidth, false), (p.status.label(language), 11, false),
            (p.since.map { String($0.year) } ?? "", 7, false), (detail.lastEvent.map { String($0.year) } ?? "", lastWidth, false),
            (tr(state.health(detail).label, language), healthWidth, false),
        ], selected: position == state.partnerships.list.selection, home: state.homeCityId.map(p.involves) ?? false)
    }
    renderPartnershipDetail(&screen, state, layout.detail)
}

private func renderPartnershipDetail(_ screen: inout Screen, _ state: AppState, _ rect: Layout.Rect) {
    guard rect.rows > 0, let detail = state.selectedPartnership else { return }
    let language = state.language
    var row = rect.row
    let bottom = rect.row + rect.rows
    func line(_ text: String, role: StyleRole = .normal) {
        guard row < bottom else { return }
        putDetailLine(&screen, text, row: row, col: rect.col + 1, role: role, width: rect.columns - 1)
        row += 1
    }
    let p = detail.partnership
    line("\(detail.cityA.name) (\(detail.cityA.countryCode)) ↔ \(detail.cityB.name) (\(detail.cityB.countryCode))", role: .header)
    var facts = "\(p.type.label(language)) · \(p.status.label(language)) · \(tr(.colHealth, language))\(colon(language))\(tr(state.health(detail).label, language))"
    if p.since != nil || p.until != nil {
        facts += " · \(tr(.detailSinceUntil, language))\(colon(language))\(p.since?.display(language) ?? "?") – \(p.until?.display(language) ?? "")"
    }
    line(facts)
    if !p.themes.isEmpty {
        // The shared vocabulary's words in the user's language ("youth" → "Jugend und Schulen"); free tags as typed.
        line("\(tr(.detailThemes, language))\(colon(language))\(ThemeVocabulary.parseList(p.themes).map { $0.display(language.rawValue) }.joined(separator: ", "))")
    }
    for text in partnershipProjectLines(state, detail, width: rect.columns - 1) { line(text) }
    if !p.notes.isEmpty { line("\(tr(.detailNotes, language))\(colon(language))\(p.notes)", role: .dim) }
    guard let info = state.partnershipInfo, info.partnershipId == detail.id else {
        line(tr(.loading, language), role: .dim)
        return
    }
    // Nothing is hidden without a word: what does not fit is counted on the
    // last line shown ("… 2 more (Enter lists all)"), and Enter lists every
    // event of the partnership. Each list gets at least one line.
    let width = rect.columns - 1
    let body = max(0, bottom - row - 1 - (info.contacts.isEmpty ? 0 : 1))
    let contactRoom = info.contacts.isEmpty ? 0 : min(info.contacts.count, max(1, body / 3))
    let eventRoom = max(1, body - contactRoom)
    line(tr(.detailEvents, language), role: .header)
    if info.events.isEmpty { line(tr(.detailNoEvents, language), role: .dim) }
    let eventsShown = min(info.events.count, eventRoom)
    for (i, event) in info.events.prefix(eventsShown).enumerated() {
        let e = event.event
        var text = "\(e.startDate.display(language))  \(e.title.isEmpty ? e.kind.label(language) : e.title)"
        if let participants = e.participants { text += " · \(participants)" }
        if i == eventsShown - 1 && info.eventCount > eventsShown {
            text = DisplayWidth.keepingTail(text, "  " + tr(.moreEnter, language, Formatting.number(info.eventCount - eventsShown, language)),
                                            width: width)
        }
        line(text)
    }
    if !info.contacts.isEmpty {
        line(tr(.detailContacts, language), role: .header)
        let contactsShown = min(info.contacts.count, max(1, bottom - row))
        for (i, contact) in info.contacts.prefix(contactsShown).enumerated() {
            var text = [contact.name, contact.role, contact.email].filter { !$0.isEmpty }.joined(separator: " · ")
            if i == contactsShown - 1 && info.contacts.count > contactsShown {
                text = DisplayWidth.keepingTail(text, "  " + tr(.more, language, Formatting.number(info.contacts.count - contactsShown, language)),
                                                width: width)
            }
            line(text)
        }
    }
    if !p.source.isEmpty && row < bottom { line("\(tr(.detailSource, language))\(colon(language))\(p.source)", role: .dim) }
}

import TwinningCore

func renderCitiesPane(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    let rect = layout.list
    let register = state.cities.scope == .register
    // Columns: name, country, region, population, partners (register only).
    let fixed = 2 + 7 + 11 + (register ? 8 : 0) + 4
    let flexible = max(8, rect.columns - fixed)
    let nameWidth = rect.columns >= 70 ? flexible * 11 / 20 : flexible
    let regionWidth = rect.columns >= 70 ? flexible - nameWidth - 1 : 0
    let scopeTitle = tr(register ? .scopeRegister : .scopeGazetteer, language)
    putHeader(&screen, row: rect.row, col: rect.col, width: rect.columns, cells: [
        (tr(.colName, language) + " · " + scopeTitle, nameWidth, false), (tr(.colCountry, language), 7, false),
        (tr(.colRegion, language), regionWidth, false), (tr(.colPopulation, language), 11, true),
        (register ? tr(.colPartners, language) : "", register ? 8 : 0, true),
    ])
    let rows = state.cityRows
    let page = layout.listDataRows
    if register, let failure = state.data.registerFailure {
        for (i, line) in wrap(tr(.listUnreadable, language, TextSafety.sanitized(failure.text(language.rawValue))), width: max(1, rect.columns - 2)).prefix(3).enumerated() {
            screen.put(line, row: rect.row + 2 + i, col: rect.col + 2, role: .statusError, maxWidth: rect.columns - 2)
        }
    }
    for line in 0..<page {
        let position = state.cities.list.scroll + line
        guard state.cities.visible.indices.contains(position), rows.indices.contains(state.cities.visible[position]) else { break }
        let city = rows[state.cities.visible[position]]
        let selected = position == state.cities.list.selection && !state.cities.inPartners
        putRow(&screen, row: rect.row + 1 + line, col: rect.col, width: rect.columns, cells: [
            (city.name, nameWidth, false), (city.countryCode, 7, false), (city.admin1Name ?? "", regionWidth, false),
            (Formatting.number(city.population, language), 11, true),
            (register ? String(state.data.partnerCount(city.id)) : "", register ? 8 : 0, true),
        ], selected: selected, home: city.id == state.homeCityId)
        if position == state.cities.list.selection && state.cities.inPartners {
            screen.restyle(row: rect.row + 1 + line, col: rect.col, width: rect.columns, role: .dim)
        }
    }
    renderCityDetail(&screen, state, layout.detail)
}

private func renderCityDetail(_ screen: inout Screen, _ state: AppState, _ rect: Layout.Rect) {
    guard rect.rows > 0, let selected = state.selectedCity else { return }
    let language = state.language
    var row = rect.row
    let bottom = rect.row + rect.rows
    func line(_ text: String, role: StyleRole = .normal, indent: Int = 1) {
        guard row < bottom else { return }
        putDetailLine(&screen, text, row: row, col: rect.col + indent, role: role, width: rect.columns - indent)
        row += 1
    }
    guard let detail = state.cityDetail, detail.city.id == selected.id else {
        line(selected.name, role: .header)
        line(tr(.loading, language), role: .dim)
        return
    }
    let city = detail.city
    var facts = [city.admin1Name, city.countryCode].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    if let population = city.population { facts += " · \(Formatting.number(population, language)) \(tr(.detailInhabitants, language))" }
    if let lat = city.latitude, let lon = city.longitude {
        // In the user's number style: 51,51° in German and French.
        facts += " · " + Formatting.fixed(lat, digits: 2, language) + "°, " + Formatting.fixed(lon, digits: 2, language) + "°"
    }
    line(city.name, role: .header)
    line(facts)
    // What the city faces, from real data (README, "City character"); unknown is said.
    let head = "\(tr(.detailCharacter, language))\(colon(language))"
    if let character = detail.character {
        let full = head + CityChallenges(character).line(language.rawValue)
        line(DisplayWidth.of(full) <= rect.columns - 1 ? full : head + CityChallenges(character).line(language.rawValue, compact: true))
    } else {
        line(head + tr(.detailCharacterUnknown, language))
    }
    let partnersTitle = "\(tr(.detailPartners, language)) (\(detail.partners.count))"
        + (detail.partners.isEmpty || state.cities.inPartners ? "" : "  — \(tr(.detailEnterPartners, language))")
    line(partnersTitle, role: .header)
    if detail.partners.isEmpty { line(tr(.detailNoPartners, language), role: .dim) }
    // Partners share the space with the profile below; while choosing a
    // partner they get all of it, scrolled so the chosen one is visible.
    let profileLines = [city.themes, city.strengths, city.challenges].filter { !$0.isEmpty }.count
        + (city.seekingPartners ? 1 : 0) + (city.notes.isEmpty ? 0 : 1) + (detail.events.isEmpty ? 0 : 2)
    let space = state.cities.inPartners ? max(1, bottom - row)
        : max(min(detail.partners.count, 3), bottom - row - profileLines)
    let first = state.cities.inPartners ? max(0, state.cities.partnerSelection - space + 1) : 0
    let hidden = state.cities.inPartners ? 0 : max(0, detail.partners.count - space)
    for (index, partnership) in detail.partners.enumerated().dropFirst(first).prefix(hidden > 0 ? space - 1 : space) {
        guard row < bottom else { break }
        let (_, other) = partnership.sides(from: city.id)
        var text = "\(other.name) (\(other.countryCode)) · \(partnership.partnership.type.label(language)) · \(partnership.partnership.status.label(language))"
        if let since = partnership.partnership.since { text += " · \(tr(.colSince, language)) \(since.display(language))" }
        let selected = state.cities.inPartners && index == state.cities.partnerSelection
        screen.fill(row: row, col: rect.col, width: rect.columns, role: selected ? .selected : .normal)
        if selected { screen.put(">", row: row, col: rect.col, role: .selected) }
        putDetailLine(&screen, text, row: row, col: rect.col + 2, role: selected ? .selected : .normal, width: rect.columns - 2)
        if selected { screen.cursor = Position(row: row, col: rect.col) }
        row += 1
    }
    if hidden > 0 { line("  … +\(hidden + 1) (\(Key.enter.name(language)))", role: .dim) }
    for (label, tags) in [(S.detailThemes, city.themes), (.detailStrengths, city.strengths), (.detailChallenges, city.challenges)] where !tags.isEmpty {
        line("\(tr(label, language))\(colon(language))\(ThemeVocabulary.parseList(tags).map { $0.display(language.rawValue) }.joined(separator: ", "))")
    }
    if city.seekingPartners { line("\(tr(.detailSeeking, language))\(colon(language))\(tr(.yes, language))") }
    if !city.notes.isEmpty { line("\(tr(.detailNotes, language))\(colon(language))\(city.notes)", role: .dim) }

    if !detail.events.isEmpty && row < bottom - 1 {
        line(tr(.detailEvents, language), role: .header)
        for event in detail.events {
            let e = event.event
            let other = event.cityA.id == city.id ? event.cityB : event.cityA
            var text = "\(e.startDate.display(language))  \(e.title.isEmpty ? e.kind.words : e.title) — \(other.name)"
            if let participants = e.participants { text += " · \(participants)" }
            line(text)
        }
    }
}

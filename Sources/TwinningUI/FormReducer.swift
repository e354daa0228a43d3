import TwinningCore

/// Keys inside an open form: typing, moving between fields, choosing cities,
/// saving (validated first; the form stays open with every value on an error).
func reduceForm(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var form = state.form else { return [] }
    let field = form.focused
    let suggesting = !field.suggestions.isEmpty
        && ((field.kind == .city && field.cityId == nil) || (field.kind == .partnership && field.partnershipId == nil))

    if key == .function(10) {
        if form.dirty {
            state.confirmation = Confirmation(title: tr(.quitTitle, state.language), message: tr(.quitQuestion, state.language), purpose: .quit)
            return []
        }
        return [.quit]
    }

    switch KeyMap.command(for: key, in: [form.keyContext]) {
    case .save, .applyFilters:
        return save(&state, &form)
    case .emptyFilterFields:
        for index in form.fields.indices {
            form.fields[index].text = ""
            form.fields[index].error = nil
        }
        form.focus = 0
        form.dirty = true
    case .cancel:
        if form.kind == .matchFilters {
            // Nothing is lost that was saved: the filters stay as they were.
            state.form = nil
            state.status = nil
            return []
        }
        if form.dirty {
            state.confirmation = Confirmation(title: tr(.discardTitle, state.language),
                                              message: tr(.discardQuestion, state.language), purpose: .discardForm)
        } else {
            state.form = nil
        }
        return []
    case .nextField:
        if suggesting && key == .down {
            form.fields[form.focus].suggestion = min(field.suggestion + 1, field.suggestions.count - 1)
        } else {
            form.focus = min(form.focus + 1, form.fields.count - 1)
        }
    case .prevField:
        if suggesting && key == .up {
            form.fields[form.focus].suggestion = max(field.suggestion - 1, 0)
        } else {
            form.focus = max(form.focus - 1, 0)
        }
    case .changeChoice:
        if case .choice(let values) = field.kind {
            let delta = key == .left ? values.count - 1 : 1
            form.fields[form.focus].choice = (field.choice + delta) % values.count
            form.dirty = true
        } else if field.kind == .toggle {
            form.fields[form.focus].choice = 1 - field.choice
            form.dirty = true
        }
    case .formEnter:
        if suggesting {
            pick(&form, state.data)
            if form.kind == .homeCity, let id = form.fields[0].cityId {
                state.form = form
                return [.setHomeCity(id)]
            }
            if form.kind == .whyNot || form.kind == .explorerHome {
                return save(&state, &form)
            }
            if form.focus < form.fields.count - 1 { form.focus += 1 }
        } else if field.kind == .toggle {
            form.fields[form.focus].choice = 1 - field.choice
            form.dirty = true
        } else if form.focus == form.fields.count - 1 {
            return save(&state, &form)
        } else {
            form.focus += 1
        }
    default:
        type(&form, key, state.data, state.language)
    }
    state.form = form
    return []
}

/// Typing into the focused field.
private func type(_ form: inout FormState, _ key: Key, _ data: AppData, _ language: Language) {
    var field = form.focused
    switch field.kind {
    case .toggle:
        switch key {
        case .char(" "): field.choice = 1 - field.choice
        case .char("y"), .char("j"): field.choice = 1
        case .char("n"): field.choice = 0
        default: return
        }
    case .choice(let values):
        guard case .char(let c) = key else { return }
        if c == " " {
            field.choice = (field.choice + 1) % values.count
        } else {
            // A letter jumps to the next choice whose label starts with it ("y" → youth exchange).
            let letter = String(c).lowercased()
            let labels = values.map { choiceLabel(field, $0, language).lowercased() }
            let order = (1...values.count).map { (field.choice + $0) % values.count }
            guard let next = order.first(where: { labels[$0].hasPrefix(letter) }) else { return }
            field.choice = next
        }
    default:
        switch key {
        case .backspace:
            guard !field.text.isEmpty else { return }
            field.text.removeLast()
        case .ctrl("u"):
            field.text = ""
        case .char(let c):
            // The limit is Validation's, and reaching it is said: a paste cut
            // off without a word loses text the user believes was kept.
            let limit = fieldLimit(field.id)
            guard field.text.count < limit else {
                field.error = tr(.errFieldFull, language, tr(field.label, language), Formatting.number(limit, language))
                form.fields[form.focus] = field
                return
            }
            field.text.append(c)
        default:
            return
        }
        field.error = nil
        if field.kind == .city {
            field.cityId = nil
            field.suggestions = field.text.isEmpty ? [] : Array(data.gazetteerIndex.filter(field.text).prefix(6))
            field.suggestion = 0
        } else if field.kind == .partnership {
            field.partnershipId = nil
            field.suggestions = field.text.isEmpty ? [] : Array(data.partnershipIndex.filter(field.text).prefix(6))
            field.suggestion = 0
        }
    }
    form.fields[form.focus] = field
    form.dirty = true
}

/// The largest number an integer field takes (Validation's bounds).
func countLimit(_ id: FieldID) -> Int {
    id == .population || id == .minPopulation || id == .maxPopulation ? Validation.maxPopulation : Validation.maxParticipants
}

/// The most characters a form field takes: the limit `Validation` applies to
/// what the field is saved as, so the form never keeps less than the command line.
func fieldLimit(_ id: FieldID) -> Int {
    switch id {
    case .notes: return Validation.maxNotesLength
    case .name: return Validation.maxNameLength
    default: return Validation.maxShortTextLength
    }
}

/// Takes the highlighted suggestion as the field's city.
private func pick(_ form: inout FormState, _ data: AppData) {
    var field = form.focused
    guard field.suggestions.indices.contains(field.suggestion) else { return }
    if field.kind == .partnership {
        let partnership = data.partnerships[field.suggestions[field.suggestion]]
        field.partnershipId = partnership.id
        field.text = "\(partnership.cityA.name) ↔ \(partnership.cityB.name)"
        field.suggestions = []
        field.suggestion = 0
        field.error = nil
        form.fields[form.focus] = field
        form.dirty = true
        return
    }
    let city = data.gazetteer[field.suggestions[field.suggestion]]
    field.cityId = city.id
    field.text = city.name
    field.suggestions = []
    field.suggestion = 0
    field.error = nil
    form.fields[form.focus] = field
    form.dirty = true
}

/// Checks every field and, if all is well, asks for the save.
private func save(_ state: inout AppState, _ form: inout FormState) -> [Effect] {
    let language = state.language
    for index in form.fields.indices { form.fields[index].error = nil }
    form.message = nil
    var firstError: Int?
    func fail(_ id: FieldID, _ message: String) {
        guard let index = form.index(of: id) else { return }
        form.fields[index].error = message
        if firstError == nil { firstError = index }
    }
    func label(_ field: FormField) -> String { tr(field.label, language) }
    func text(_ id: FieldID) -> String { (form.field(id)?.text ?? "").trimmingCharacters(in: .whitespaces) }

    for field in form.fields {
        let value = field.text.trimmingCharacters(in: .whitespaces)
        if field.required && field.kind != .city && value.isEmpty { fail(field.id, tr(.errRequired, language, label(field))) }
        switch field.kind {
        case .city where field.cityId == nil:
            fail(field.id, tr(.errPickCity, language, label(field)))
        case .partnership where field.partnershipId == nil:
            fail(field.id, tr(.errPickPartnership, language))
        case .integer where !value.isEmpty && Int(value.replacingOccurrences(of: ".", with: "")) == nil:
            fail(field.id, tr(.errNotWholeNumber, language, label(field), value))
        case .integer where (Int(value.replacingOccurrences(of: ".", with: "")) ?? 0) > countLimit(field.id):
            fail(field.id, tr(.errCountTooLarge, language, label(field), Formatting.number(countLimit(field.id), language)))
        case .decimal where !value.isEmpty && Double(value.replacingOccurrences(of: ",", with: ".")) == nil:
            fail(field.id, tr(.errNotNumber, language, label(field), value))
        case .date where !value.isEmpty && DateInput.parse(value, today: state.today) == nil:
            fail(field.id, tr(.errDate, language, label(field), value))
        default:
            break
        }
    }
    if let country = form.field(.country)?.text, form.kind == .newCity {
        let code = country.trimmingCharacters(in: .whitespaces).uppercased()
        if !code.isEmpty && !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLetter }) { fail(.country, tr(.errCountry, language)) }
    }
    if let a = form.field(.cityA)?.cityId, let b = form.field(.cityB)?.cityId, a == b { fail(.cityB, tr(.errSameCity, language)) }
    var filters: MatchFilters?
    if form.kind == .matchFilters {
        let parsed = MatchFilterInput.parse(form, knownCountries: state.data.countryCodes, language: language)
        for (id, message) in parsed.errors { fail(id, message) }
        filters = parsed.filters
    }

    var effect: Effect?
    if firstError == nil {
        func tags(_ id: FieldID) -> [String] { Validation.parseTags(text(id)) }
        let seeking = form.field(.seeking)?.choice == 1
        func choice<V: Vocabulary>(_ id: FieldID, _ type: V.Type) -> V {
            V.allCases.map { $0 }[form.field(id)?.choice ?? 0]
        }
        func date(_ id: FieldID) -> PartialDate? { DateInput.parse(text(id), today: state.today) }
        func number(_ id: FieldID) -> Int? { Int(text(id).replacingOccurrences(of: ".", with: "")) }
        do {
            switch form.kind {
            case .newCity:
                var city = City(name: text(.name), countryCode: text(.country).uppercased(),
                                admin1Name: text(.region).isEmpty ? nil : text(.region),
                                latitude: Double(text(.latitude).replacingOccurrences(of: ",", with: ".")),
                                longitude: Double(text(.longitude).replacingOccurrences(of: ",", with: ".")),
                                population: Int(text(.population).replacingOccurrences(of: ".", with: "")),
                                addedByUser: true)
                city.themes = tags(.themes); city.strengths = tags(.strengths); city.challenges = tags(.challenges)
                city.notes = text(.notes); city.seekingPartners = seeking
                try city.validate()
                effect = .saveCity(city)
            case .editCity(var city):
                city.themes = tags(.themes); city.strengths = tags(.strengths); city.challenges = tags(.challenges)
                city.notes = text(.notes); city.seekingPartners = seeking
                try city.validate()
                effect = .saveCity(city)
            case .newPartnership:
                let p = Partnership(between: form.field(.cityA)!.cityId!, and: form.field(.cityB)!.cityId!,
                                    type: choice(.type, PartnershipType.self), status: choice(.status, PartnershipStatus.self),
                                    since: date(.since), themes: tags(.themes), notes: text(.notes))
                try p.validate()
                if let existing = state.data.partnerships.first(where: { $0.partnership.cityA == p.cityA && $0.partnership.cityB == p.cityB }) {
                    fail(.cityB, tr(.errAlreadyPartners, language, existing.cityA.name, existing.cityB.name))
                } else {
                    effect = .savePartnership(p)
                }
            case .editPartnership(var p):
                p.type = choice(.type, PartnershipType.self); p.status = choice(.status, PartnershipStatus.self)
                p.since = date(.since); p.until = date(.until); p.themes = tags(.themes); p.notes = text(.notes)
                try p.validate()
                effect = .savePartnership(p)
            case .newEvent, .editEvent:
                var event: Event
                if case .editEvent(let original) = form.kind { event = original } else {
                    event = Event(partnershipId: 0, startDate: state.today)
                }
                event.partnershipId = form.field(.partnership)!.partnershipId!
                event.startDate = date(.start)!
                event.endDate = date(.end) ?? event.startDate
                event.kind = choice(.kind, EventKind.self)
                event.direction = choice(.direction, EventDirection.self)
                event.format = choice(.format, EventFormat.self)
                if event.format == .online && event.direction == .both { event.direction = .online }
                event.participants = number(.participants)
                event.youth = number(.youth)
                event.title = text(.title)
                event.notes = text(.notes)
                if let end = event.endDate, end < event.startDate {
                    fail(.end, tr(.errEndBeforeStart, language, end.display(language), event.startDate.display(language)))
                }
                if let youth = event.youth, youth > (event.participants ?? 0) {
                    fail(.youth, tr(.errYouthExceeds, language, String(youth), String(event.participants ?? 0)))
                }
                // "DE 20, FR 22" or "DE:20; FR:22"
                let spelled = text(.byCountry).replacingOccurrences(of: #"([A-Za-z]{2})\s*[: ]\s*(\d+)"#, with: "$1:$2",
                                                                     options: .regularExpression)
                switch CountryCounts.parse(spelled) {
                case .success(let counts):
                    event.participantsByCountry = counts
                    let sum = SafeMath.sum(counts.values) // each count may be anything an Int holds
                    if let participants = event.participants, sum > participants {
                        fail(.byCountry, tr(.errByCountryExceeds, language, String(sum), String(participants)))
                    }
                case .failure:
                    fail(.byCountry, tr(.errByCountry, language))
                }
                if firstError == nil {
                    try event.validate()
                    effect = .saveEvent(event)
                }
            case .homeCity:
                if let id = form.field(.home)?.cityId { effect = .setHomeCity(id) }
            case .rejectMatch(let candidate):
                guard let home = state.matchHome else { break }
                let reason = choiceLabel(form.field(.reason)!, Forms.rejectReasons[form.field(.reason)!.choice], language)
                let note = text(.note)
                effect = .review(MatchReview(homeCityId: home, candidateCityId: candidate.cityId, decision: .reject,
                                             reason: note.isEmpty ? reason : "\(reason): \(note)"), create: nil, name: candidate.name)
            case .snoozeMatch(let candidate):
                guard let home = state.matchHome, let until = date(.snoozeUntil) else { break }
                effect = .review(MatchReview(homeCityId: home, candidateCityId: candidate.cityId, decision: .snooze,
                                             snoozeUntil: until.iso), create: nil, name: candidate.name)
            case .whyNot:
                guard let home = state.matchHome, let other = form.field(.city)?.cityId else { break }
                state.form = nil
                return [.explainWhyNot(home: home, other: other, profile: state.matchProfile, filters: state.matches.filters)]
            case .matchFilters:
                guard let filters else { break }
                state.form = nil
                state.status = nil
                state.matches.filters = filters
                state.matches.list = ListPosition()
                return detailEffects(state) // re-rank at once
            case .explorerHome:
                guard let city = form.field(.city)?.cityId else { break }
                state.form = nil
                state.matches.home = city
                state.matches.list = ListPosition()
                return detailEffects(state)
            }
        } catch let error as ValidationError {
            let id = FieldID(rawValue: error.field) ?? form.focused.id
            fail(id, error.description)
        } catch {
            form.message = "\(error)"
        }
    }
    if let firstError { form.focus = firstError }
    state.form = form
    if let effect {
        state.pendingSave = effect
        return [effect]
    }
    state.status = StatusMessage(form.fields.first { $0.error != nil }?.error ?? form.message ?? "", kind: .error)
    return []
}

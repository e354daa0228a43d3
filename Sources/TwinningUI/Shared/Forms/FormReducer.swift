import TwinningCore

/// Keys inside an open form: typing, moving between fields, choosing cities,
/// saving (validated first; the form stays open with every value on an error).
/// After each key the form scrolls just enough to show the focused field.
func reduceForm(_ state: inout AppState, _ key: Key) -> [Effect] {
    let effects = reduceFormKey(&state, key)
    if var form = state.form {
        EventProjectField.follow(&form, state)
        form.scroll = FormGeometry(state, form).first
        state.form = form
    }
    return effects
}

private func reduceFormKey(_ state: inout AppState, _ key: Key) -> [Effect] {
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
            if form.kind.submitsOnPick {
                return save(&state, &form)
            }
            if form.focus < form.fields.count - 1 { form.focus += 1 }
        } else if field.kind == .toggle {
            form.fields[form.focus].choice = 1 - field.choice
            form.dirty = true
        } else if form.focus == form.fields.count - 1 || form.kind.savesOnEnter {
            return save(&state, &form)
        } else {
            form.focus += 1
        }
    default:
        type(&form, key, state.data, state.language, home: state.homeCityId)
    }
    state.form = form
    return []
}

/// Typing into the focused field.
private func type(_ form: inout FormState, _ key: Key, _ data: AppData, _ language: Language, home: Int64?) {
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
            // Nothing matches: offer the closest names rather than an empty list.
            field.suggestionsAreGuesses = field.suggestions.isEmpty && !field.text.isEmpty
            if field.suggestionsAreGuesses { field.suggestions = data.gazetteerIndex.closest(field.text, limit: 6) }
            field.suggestion = 0
        } else if field.kind == .partnership {
            field.partnershipId = nil
            field.suggestions = field.text.isEmpty ? [] : ourPartnershipsFirst(data.partnershipIndex.filter(field.text), data, home: home)
            field.suggestionsAreGuesses = false
            field.suggestion = 0
        }
    }
    form.fields[form.focus] = field
    form.dirty = true
}

/// The partnerships of the association's city first (a visit logged on
/// "Alexandria ↔ Novi Sad" instead of "Dortmund ↔ Novi Sad" is a wrong
/// record), each group in the filter's order; the first six.
func ourPartnershipsFirst(_ matches: [Int], _ data: AppData, home: Int64?) -> [Int] {
    guard let home else { return Array(matches.prefix(6)) }
    let ours = matches.filter { data.partnerships[$0].partnership.involves(home) }
    let others = matches.filter { !data.partnerships[$0].partnership.involves(home) }
    return Array((ours + others).prefix(6))
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

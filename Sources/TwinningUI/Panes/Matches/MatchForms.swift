import TwinningCore

/// The match explorer's forms: reject (with a reason), snooze (until a
/// date), the city questions (why not …? / suggestions for …), and the
/// filters dialog (MatchFilterInput.swift).
extension Forms {
    public static let rejectReasons = ["too_far", "too_different_in_size", "no_common_themes", "language_barrier",
                                       "already_in_contact", "other"]

    public static func rejectMatch(_ candidate: Suggestion) -> FormState {
        FormState(kind: .rejectMatch(candidate), fields: [
            FormField(.reason, .fieldReason, .choice(rejectReasons)),
            FormField(.note, .fieldNote, .text),
        ])
    }

    public static func snoozeMatch(_ candidate: Suggestion, today: PartialDate, language: Language) -> FormState {
        // Three months on, as a start.
        var month = (today.month ?? 1) + 3, year = today.year
        if month > 12 { month -= 12; year += 1 }
        let until = PartialDate(year: year, month: month, day: 1)!
        return FormState(kind: .snoozeMatch(candidate), fields: [
            FormField(.snoozeUntil, .fieldUntilDate, .date, text: until.display(language), required: true),
        ])
    }

    public static func cityQuestion(_ kind: FormKind) -> FormState {
        FormState(kind: kind, fields: [FormField(.city, .fieldCity, .city, required: true)])
    }
}

enum MatchForms {
    static func submit(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
        let form = input.form
        var filters: MatchFilters?
        if form.kind == .matchFilters {
            let parsed = MatchFilterInput.parse(form, knownCountries: state.data.countryCodes, language: input.language)
            for (id, message) in parsed.errors { input.fail(id, message) }
            filters = parsed.filters
        }
        guard !input.hasErrors else { return .none }
        switch form.kind {
        case .rejectMatch(let candidate):
            guard let home = state.matchHome else { return .none }
            let reason = choiceLabel(form.field(.reason)!, Forms.rejectReasons[form.field(.reason)!.choice], input.language)
            let note = input.text(.note)
            return .save(.review(MatchReview(homeCityId: home, candidateCityId: candidate.cityId, decision: .reject,
                                             reason: note.isEmpty ? reason : "\(reason): \(note)"), create: nil, name: candidate.name))
        case .snoozeMatch(let candidate):
            guard let home = state.matchHome, let until = input.date(.snoozeUntil) else { return .none }
            // A review counts as snoozed only while its date is after today
            // (MatchReview): an earlier date would be saved and do nothing.
            guard until.iso > state.today.iso else {
                input.fail(.snoozeUntil, tr(.errSnoozeNotAhead, input.language, tr(.fieldUntilDate, input.language),
                                            until.display(input.language), state.today.display(input.language)))
                return .none
            }
            return .save(.review(MatchReview(homeCityId: home, candidateCityId: candidate.cityId, decision: .snooze,
                                             snoozeUntil: until.iso), create: nil, name: candidate.name))
        case .whyNot:
            guard let home = state.matchHome, let other = form.field(.city)?.cityId else { return .none }
            state.form = nil
            return .finished([.explainWhyNot(home: home, other: other, profile: state.matchProfile, filters: state.matches.filters)])
        case .matchFilters:
            guard var chosen = filters else { return .none }
            state.form = nil
            state.status = nil
            chosen.leaveOutHomeCountry = state.matches.filters.leaveOutHomeCountry // the abroad rule has its own key
            state.matches.filters = chosen
            state.matches.list = ListPosition()
            return .finished(detailEffects(state)) // re-rank at once
        case .explorerHome:
            guard let city = form.field(.city)?.cityId else { return .none }
            state.form = nil
            state.matches.home = city
            state.matches.list = ListPosition()
            return .finished(detailEffects(state))
        default:
            return .none
        }
    }
}

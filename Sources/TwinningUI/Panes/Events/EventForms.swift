import TwinningCore

/// The event form: a visit or other activity of a partnership, with its
/// dates, kind, participants (by country) and youth share.
extension Forms {
    /// The event form. Fields are ordered for the common case: with the
    /// partnership already chosen, a visit is date, kind, participants, save.
    public static func newEvent(partnership: PartnershipDetail?, language: Language) -> FormState {
        var form = FormState(kind: .newEvent, fields: eventFields(nil, partnership: partnership, language: language))
        if partnership != nil { form.focus = 1 }
        return form
    }

    public static func editEvent(_ event: Event, partnership: PartnershipDetail?, language: Language) -> FormState {
        FormState(kind: .editEvent(event), fields: eventFields(event, partnership: partnership, language: language))
    }

    static func eventFields(_ e: Event?, partnership: PartnershipDetail?, language: Language) -> [FormField] {
        var picker = FormField(.partnership, .fieldPartnership, .partnership,
                               text: partnership.map { "\($0.cityA.name) ↔ \($0.cityB.name)" } ?? "", required: true)
        picker.partnershipId = partnership?.id
        let end = e?.endDate == e?.startDate ? nil : e?.endDate
        return [
            picker,
            FormField(.start, .fieldStart, .date, text: e?.startDate.display(language) ?? "", required: true),
            choice(.kind, .fieldKind, EventKind.self, e?.kind ?? .visit),
            FormField(.participants, .fieldParticipants, .integer, text: e?.participants.map(String.init) ?? ""),
            FormField(.youth, .fieldYouth, .integer, text: e?.youth.map(String.init) ?? ""),
            FormField(.end, .fieldEnd, .date, text: end?.display(language) ?? ""),
            choice(.direction, .fieldDirection, EventDirection.self, e?.direction ?? .both),
            choice(.format, .fieldFormat, EventFormat.self, e?.format ?? .in_person),
            FormField(.title, .fieldTitle, .text, text: e?.title ?? ""),
            EventProjectField.placeholder(selected: e?.projectId),
            FormField(.byCountry, .fieldByCountry, .text,
                      text: e.map { event in event.participantsByCountry.keys.sorted()
                          .map { "\($0) \(event.participantsByCountry[$0]!)" }.joined(separator: ", ") } ?? ""),
            FormField(.notes, .fieldNotes, .text, text: e?.notes ?? ""),
        ]
    }
}

enum EventForms {
    static func submit(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
        guard !input.hasErrors else { return .none }
        let form = input.form
        let language = input.language
        var event: Event
        if case .editEvent(let original) = form.kind { event = original } else {
            event = Event(partnershipId: 0, startDate: state.today)
        }
        event.partnershipId = form.field(.partnership)!.partnershipId!
        event.startDate = input.date(.start)!
        event.endDate = input.date(.end) ?? event.startDate
        event.kind = input.choice(.kind, EventKind.self)
        event.direction = input.choice(.direction, EventDirection.self)
        event.format = input.choice(.format, EventFormat.self)
        if event.format == .online && event.direction == .both { event.direction = .online }
        event.participants = input.number(.participants)
        event.youth = input.number(.youth)
        event.title = input.text(.title)
        event.notes = input.text(.notes)
        if let field = form.field(.project) { event.projectId = EventProjectField.chosen(field) }
        if let end = event.endDate, end < event.startDate {
            input.fail(.end, tr(.errEndBeforeStart, language, end.display(language), event.startDate.display(language)))
        }
        if let youth = event.youth, youth > (event.participants ?? 0) {
            input.fail(.youth, tr(.errYouthExceeds, language, String(youth), String(event.participants ?? 0)))
        }
        // "DE 20, FR 22" or "DE:20; FR:22"
        let spelled = input.text(.byCountry).replacingOccurrences(of: #"([A-Za-z]{2})\s*[: ]\s*(\d+)"#, with: "$1:$2",
                                                                   options: .regularExpression)
        switch CountryCounts.parse(spelled) {
        case .success(let counts):
            event.participantsByCountry = counts
            let sum = SafeMath.sum(counts.values) // each count may be anything an Int holds
            if let participants = event.participants, sum > participants {
                input.fail(.byCountry, tr(.errByCountryExceeds, language, String(sum), String(participants)))
            }
        case .failure:
            input.fail(.byCountry, tr(.errByCountry, language))
        }
        guard !input.hasErrors else { return .none }
        try event.validate()
        let reasons = EventContradictions.reasons(event, partnershipName: form.field(.partnership)!.text, state: state,
                                                  language: language)
        return reasons.isEmpty ? .save(.saveEvent(event)) : .ask(reasons, .saveEvent(event))
    }
}

import TwinningCore

/// What in an event that passed every field rule still looks like a slip:
/// each is asked about (with its reason) before saving, never refused, since
/// the user may know better ("yes, the same visit twice" is rare but real).
enum EventContradictions {
    /// How far ahead a date may lie before we ask whether it is planned.
    static let plannedYears = 2

    /// The reasons to ask, in the user's language; empty when nothing contradicts.
    static func reasons(_ event: Event, partnershipName: String, state: AppState, language: Language) -> [String] {
        var reasons: [String] = []
        if event.format == .in_person && event.direction == .online {
            reasons.append(tr(.askInPersonOnline, language, EventFormat.in_person.label(language),
                              EventDirection.online.label(language, a: "", b: "")))
        }
        // More than the participants is an error (EventForms); fewer is what a
        // correction of the total leaves behind when the split is forgotten.
        let sum = SafeMath.sum(event.participantsByCountry.values)
        if !event.participantsByCountry.isEmpty, let participants = event.participants, sum < participants {
            reasons.append(tr(.askByCountrySum, language, Formatting.number(sum, language), Formatting.number(participants, language)))
        }
        let twin = state.data.events.first {
            $0.event.id != event.id && $0.event.partnershipId == event.partnershipId
                && $0.event.startDate == event.startDate && $0.event.kind == event.kind
        }
        if twin != nil {
            reasons.append(tr(.askDuplicateEvent, language, partnershipName, event.kind.label(language), event.startDate.display(language)))
        }
        let today = state.today
        if let horizon = PartialDate(year: today.year + plannedYears, month: today.month ?? 12, day: min(today.day ?? 28, 28)),
           event.startDate > horizon {
            reasons.append(tr(.askFarFuture, language, event.startDate.display(language)))
        }
        return reasons
    }
}

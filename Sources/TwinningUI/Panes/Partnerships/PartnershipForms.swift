import TwinningCore

/// The partnership forms: a new partnership between two cities, and the
/// type, status, dates and themes of an existing one.
extension Forms {
    public static func newPartnership(home: CitySummary?) -> FormState {
        FormState(kind: .newPartnership, fields: [
            FormField(.cityA, .fieldCityA, .city, text: home?.name ?? "", required: true, cityId: home?.id),
            FormField(.cityB, .fieldCityB, .city, required: true),
            choice(.type, .fieldType, PartnershipType.self, .partnership),
            choice(.status, .fieldStatus, PartnershipStatus.self, .active),
            FormField(.since, .fieldSince, .date),
            FormField(.themes, .fieldThemes, .text),
            FormField(.notes, .fieldNotes, .text),
        ])
    }

    public static func editPartnership(_ detail: PartnershipDetail, language: Language) -> FormState {
        let p = detail.partnership
        var form = FormState(kind: .editPartnership(p), fields: [
            choice(.type, .fieldType, PartnershipType.self, p.type),
            choice(.status, .fieldStatus, PartnershipStatus.self, p.status),
            FormField(.since, .fieldSince, .date, text: p.since?.display(language) ?? ""),
            FormField(.until, .fieldUntil, .date, text: p.until?.display(language) ?? ""),
            FormField(.themes, .fieldThemes, .text, text: p.themes.joined(separator: ", ")),
            FormField(.notes, .fieldNotes, .text, text: p.notes),
        ])
        form.subtitle = "\(detail.cityA.name) ↔ \(detail.cityB.name)"
        return form
    }
}

enum PartnershipForms {
    static func submit(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
        let form = input.form
        let language = input.language
        if let a = form.field(.cityA)?.cityId, let b = form.field(.cityB)?.cityId, a == b { input.fail(.cityB, tr(.errSameCity, language)) }
        guard !input.hasErrors else { return .none }
        switch form.kind {
        case .newPartnership:
            let p = Partnership(between: form.field(.cityA)!.cityId!, and: form.field(.cityB)!.cityId!,
                                type: input.choice(.type, PartnershipType.self), status: input.choice(.status, PartnershipStatus.self),
                                since: input.date(.since), themes: input.tags(.themes), notes: input.text(.notes))
            try p.validate()
            if let existing = state.data.partnerships.first(where: { $0.partnership.cityA == p.cityA && $0.partnership.cityB == p.cityB }) {
                input.fail(.cityB, tr(.errAlreadyPartners, language, existing.cityA.name, existing.cityB.name))
                return .none
            }
            return .save(.savePartnership(p))
        case .editPartnership(var p):
            p.type = input.choice(.type, PartnershipType.self); p.status = input.choice(.status, PartnershipStatus.self)
            p.since = input.date(.since); p.until = input.date(.until); p.themes = input.tags(.themes); p.notes = input.text(.notes)
            try p.validate()
            return .save(.savePartnership(p))
        default:
            return .none
        }
    }
}

import TwinningCore

/// The event form's project field: a choice among the projects of the
/// partnership chosen in the same form (none by default). The choices follow
/// the partnership: picking another one lists its projects.
enum EventProjectField {
    /// Raw choice values: "" for none, else "id␟title".
    static let separator: Character = "\u{1F}"

    /// The field as the form opens: the linked project only (the choices are
    /// filled from the partnership's projects by `follow`, which has the state).
    static func placeholder(selected: Int64?) -> FormField {
        let values = [""] + (selected.map { ["\($0)\(separator)"] } ?? [])
        return FormField(.project, .fieldProject, .choice(values), choice: values.count - 1)
    }

    static func fill(_ field: inout FormField, partnership: PartnershipDetail?, selected: Int64?, state: AppState,
                     keepForeign: Bool = true) {
        let projects = partnership.map { state.projects(of: $0) } ?? []
        var values = [""] + projects.map { "\($0.id)\(separator)\(TextSafety.sanitized($0.title))" }
        // A project linked before stays choosable even when it is no longer the partnership's.
        if keepForeign, let selected, !projects.contains(where: { $0.id == selected }) {
            let title = state.projects.all.first { $0.id == selected }?.title ?? "#\(selected)"
            values.append("\(selected)\(separator)\(TextSafety.sanitized(title))")
        }
        field.kind = .choice(values)
        field.partnershipId = partnership?.id
        field.choicesFilled = true
        field.choice = values.firstIndex { id(of: $0) == selected && selected != nil } ?? 0
    }

    /// After each key in the event form: when the partnership changed, its projects become the choices.
    static func follow(_ form: inout FormState, _ state: AppState) {
        guard let index = form.index(of: .project), let pick = form.field(.partnership) else { return }
        let field = form.fields[index]
        guard field.partnershipId != pick.partnershipId || !field.choicesFilled else { return }
        let partnership = pick.partnershipId.flatMap { id in state.data.partnerships.first { $0.id == id } }
        // The first time, the event's own project stays; after another partnership is picked, only its projects.
        fill(&form.fields[index], partnership: partnership, selected: chosen(field), state: state, keepForeign: !field.choicesFilled)
    }

    static func id(of raw: String) -> Int64? {
        raw.split(separator: separator, maxSplits: 1).first.flatMap { Int64($0) }
    }

    static func label(_ raw: String, _ language: Language) -> String {
        guard let id = id(of: raw) else { return tr(.projectNone, language) }
        let title = raw.split(separator: separator, maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        return title.isEmpty ? "#\(id)" : title
    }

    /// The chosen project's id, nil for none.
    static func chosen(_ field: FormField) -> Int64? {
        guard case .choice(let values) = field.kind, values.indices.contains(field.choice) else { return nil }
        return id(of: values[field.choice])
    }
}


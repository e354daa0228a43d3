import TwinningCore

/// The action form: what, due date, who, (done), notes. Enter saves from any
/// field, so adding an action to the selected project is `a`, what, Tab, the
/// due date, Enter.
extension Forms {
    public static func newAction(projectId: Int64, projectTitle: String, language: Language) -> FormState {
        var form = FormState(kind: .newAction(projectId: projectId), fields: actionFields(nil, language: language))
        form.subtitle = TextSafety.sanitized(projectTitle)
        return form
    }

    public static func editAction(_ action: ProjectAction, language: Language) -> FormState {
        FormState(kind: .editAction(action), fields: actionFields(action, language: language))
    }

    static func actionFields(_ a: ProjectAction?, language: Language) -> [FormField] {
        var fields = [
            FormField(.what, .fieldWhat, .text, text: a?.what ?? "", required: true),
            FormField(.due, .fieldDue, .date, text: a?.due?.display(language) ?? ""),
            FormField(.who, .fieldWho, .text, text: a?.ownerName ?? ""),
        ]
        // Done is set with d/Space; the edit form can correct or clear the date.
        if a != nil { fields.append(FormField(.done, .fieldDone, .date, text: a?.done?.display(language) ?? "")) }
        fields.append(FormField(.notes, .fieldNotes, .text, text: Forms.oneLine(a?.notes)))
        return fields
    }
}

enum ActionForms {
    static func submit(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
        guard !input.hasErrors else { return .none }
        var action: ProjectAction
        switch input.form.kind {
        case .newAction(let projectId): action = ProjectAction(projectId: projectId, what: "")
        case .editAction(let original): action = original
        default: return .none
        }
        action.what = input.text(.what)
        action.due = input.date(.due)
        if input.form.field(.done) != nil { action.done = input.date(.done) }
        action.notes = input.text(.notes)
        let who = input.text(.who)
        action.ownerName = who
        // A name that is one of the project's contacts links that contact.
        let contacts = state.projectDetail?.project.id == action.projectId ? state.projectDetail?.contacts ?? [] : []
        action.ownerContactId = who.isEmpty ? nil
            : contacts.first { SearchKey.fold($0.name) == SearchKey.fold(who) }?.id
        if let done = action.done, done > state.today {
            input.fail(.done, tr(.errDoneInFuture, input.language, done.display(input.language), state.today.display(input.language)))
            return .none
        }
        try action.validate()
        return .save(.projects(.saveAction(action)))
    }
}

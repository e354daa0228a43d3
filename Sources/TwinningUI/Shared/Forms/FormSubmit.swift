import TwinningCore

/// What the pane that owns a form makes of its checked fields.
enum FormSubmission: Equatable {
    /// A save to perform; the form stays open (with `pendingSave`) until it is done.
    case save(Effect)
    /// The form has done its work and the pane has closed it; these effects follow.
    case finished([Effect])
    /// A save that contradicts itself or the data (the reasons, in words):
    /// asked about first; yes performs it, no or Esc goes back to the form.
    case ask([String], Effect)
    /// Nothing to do: a field is marked in error, or a value is missing.
    case none
}

/// The typed values of a form being saved, read the way every form reads
/// them, and the errors found so far (the first one gets the focus).
struct FormInput {
    var form: FormState
    let today: PartialDate
    let language: Language
    private(set) var firstError: Int?

    /// Marks a field in error with a message in the user's language.
    mutating func fail(_ id: FieldID, _ message: String) {
        guard let index = form.index(of: id) else { return }
        form.fields[index].error = message
        if firstError == nil { firstError = index }
    }

    var hasErrors: Bool { firstError != nil }

    func label(_ field: FormField) -> String { tr(field.label, language) }
    func text(_ id: FieldID) -> String { (form.field(id)?.text ?? "").trimmingCharacters(in: .whitespaces) }
    func tags(_ id: FieldID) -> [String] { Validation.parseTags(text(id)) }
    func choice<V: Vocabulary>(_ id: FieldID, _ type: V.Type) -> V {
        V.allCases.map { $0 }[form.field(id)?.choice ?? 0]
    }
    func date(_ id: FieldID) -> PartialDate? { DateInput.parse(text(id), today: today) }
    func number(_ id: FieldID) -> Int? { Int(text(id).replacingOccurrences(of: ".", with: "")) }
}

/// Checks every field and, if all is well, asks the form's pane for the save
/// (`submitForm`, App/FormRouting.swift). On an error the form stays open
/// with every value, the first field in error focused.
func save(_ state: inout AppState, _ form: inout FormState) -> [Effect] {
    let language = state.language
    for index in form.fields.indices { form.fields[index].error = nil }
    form.message = nil
    var input = FormInput(form: form, today: state.today, language: language)

    for field in form.fields {
        let value = field.text.trimmingCharacters(in: .whitespaces)
        if field.required && field.kind != .city && value.isEmpty { input.fail(field.id, tr(.errRequired, language, input.label(field))) }
        switch field.kind {
        case .city where field.cityId == nil:
            input.fail(field.id, tr(.errPickCity, language, input.label(field)))
        case .partnership where field.partnershipId == nil:
            input.fail(field.id, tr(.errPickPartnership, language))
        case .integer where !value.isEmpty && Int(value.replacingOccurrences(of: ".", with: "")) == nil:
            input.fail(field.id, tr(.errNotWholeNumber, language, input.label(field), value))
        case .integer where (Int(value.replacingOccurrences(of: ".", with: "")) ?? 0) > countLimit(field.id):
            input.fail(field.id, tr(.errCountTooLarge, language, input.label(field), Formatting.number(countLimit(field.id), language)))
        case .decimal where !value.isEmpty && Double(value.replacingOccurrences(of: ",", with: ".")) == nil:
            input.fail(field.id, tr(.errNotNumber, language, input.label(field), value))
        case .date where !value.isEmpty && DateInput.parse(value, today: state.today) == nil:
            input.fail(field.id, tr(.errDate, language, input.label(field), value))
        default:
            break
        }
    }

    // The pane checks what only its form knows (still marking errors when
    // fields above failed), then builds the save if nothing failed.
    var effect: Effect?
    do {
        switch try submitForm(&input, &state) {
        case .save(let save): effect = save
        case .finished(let effects): return effects
        case .ask(let reasons, let save):
            state.form = input.form
            state.status = nil
            state.confirmation = Confirmation(title: tr(.askSaveTitle, language),
                                              message: (reasons + ["", tr(.askSaveHint, language)]).joined(separator: "\n"),
                                              purpose: .saveDespite(save))
            return []
        case .none: break
        }
    } catch let error as ValidationError {
        let id = FieldID(rawValue: error.field) ?? input.form.focused.id
        input.fail(id, error.text(language.rawValue))
    } catch {
        input.form.message = Phrase(error).text(language.rawValue)
    }
    form = input.form
    if let firstError = input.firstError { form.focus = firstError }
    state.form = form
    if let effect {
        state.pendingSave = effect
        return [effect]
    }
    state.status = StatusMessage(form.fields.first { $0.error != nil }?.error ?? form.message ?? "", kind: .error)
    return []
}

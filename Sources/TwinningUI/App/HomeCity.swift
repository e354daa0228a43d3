import TwinningCore

/// The association's own city (h, and the welcome screen): every pane
/// counts from it, so it belongs to none.
extension Forms {
    public static func homeCity() -> FormState {
        FormState(kind: .homeCity, fields: [FormField(.home, .fieldCityA, .city, required: true)])
    }
}

enum HomeCityForm {
    static func submit(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
        guard !input.hasErrors, let id = input.form.field(.home)?.cityId else { return .none }
        return .save(.setHomeCity(id))
    }
}

/// Which pane makes the save of a form: the form engine (Shared/Forms)
/// checks the fields every form has, the owner what only its form knows.
func submitForm(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
    switch input.form.kind {
    case .newCity, .editCity: return try CityForms.submit(&input, &state)
    case .newPartnership, .editPartnership: return try PartnershipForms.submit(&input, &state)
    case .newEvent, .editEvent: return try EventForms.submit(&input, &state)
    case .rejectMatch, .snoozeMatch, .whyNot, .explorerHome, .matchFilters: return try MatchForms.submit(&input, &state)
    case .homeCity: return try HomeCityForm.submit(&input, &state)
    case .newProject, .editProject: return try ProjectForms.submit(&input, &state)
    case .newAction, .editAction: return try ActionForms.submit(&input, &state)
    case .exportCalendar: return try CalendarExportForm.submit(&input, &state)
    }
}

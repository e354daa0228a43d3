import TwinningCore

/// Something to select after the lists are reloaded.
public enum Selection: Equatable, Sendable {
    case city(Int64)
    case partnership(Int64)
    case event(Int64)
    case project(Int64)
}

/// What happens to the state: keys, a new window size, and the results of effects.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    case dataLoaded(AppData, select: Selection?)
    case cityDetailLoaded(CityDetail)
    case partnershipInfoLoaded(PartnershipInfo)
    /// A save or delete worked; the message says what was done.
    case saved(String, select: Selection?)
    /// A save or delete failed; the form (if any) stays open with what was typed.
    case failed(String, field: FieldID?)
    case homeCitySaved(Int64)
    /// A plain note for the status line (nothing failed).
    case notice(String)
    /// Someone else saved the record being edited; the form stays open.
    case conflict
    /// The current version of the record being edited, after "reload".
    case reloaded(FormState)
    /// The record being edited is gone; the form closes with this message.
    case formClosed(String)
    case historyLoaded([ChangeRecord])
    case matchesRanked([Suggestion], total: Int, key: String)
    case overlayLoaded(TextOverlay)
    /// The Projects pane's list or detail (Panes/Projects/ProjectsLoading.swift).
    case projectsLoaded(ProjectsResult)
    /// The calendar file exists: ask before `replace` overwrites it.
    case calendarExists(file: String, count: Int, replace: Effect)
}

/// Work the reducer asks for. `EffectRunner` performs it against the database
/// and answers with actions, so the reducer itself stays pure and testable.
public indirect enum Effect: Equatable, Sendable {
    case loadData(select: Selection?)
    case loadCityDetail(Int64)
    case loadPartnershipInfo(Int64)
    case saveCity(City)
    case savePartnership(Partnership)
    case deletePartnership(Int64)
    case saveEvent(Event)
    case deleteEvent(Int64)
    case undo
    /// Saves again over someone else's newer version (the user chose to).
    case overwrite(Effect)
    /// Reads the current version of what the form edits.
    case reload(FormKind)
    case setHomeCity(Int64)
    /// Writes the annual report as HTML into the export folder.
    case exportReport(cityId: Int64?, year: Int)
    /// The events shown, as an .ics file (Panes/Events/EventCalendarExport.swift); `replace` only after a yes.
    case exportCalendar(eventIds: [Int64], file: String, home: Int64?, replace: Bool)
    case loadHistory
    /// Ranks candidates for the explorer (top rows kept).
    case rankMatches(home: Int64, profile: WeightProfile, filters: MatchFilters, key: String)
    /// Records a review; an accept may also create a partnership of this type.
    case review(MatchReview, create: PartnershipType?, name: String)
    case explainWhyNot(home: Int64, other: Int64, profile: WeightProfile, filters: MatchFilters)
    case loadReviews(home: Int64)
    case saveProfile(WeightProfile)
    /// What the Projects pane loads and saves (Panes/Projects/ProjectsLoading.swift).
    case projects(ProjectsEffect)
    /// Reads the pane's whole list behind the first page it shows (`ListHead`), on another thread.
    case readAhead(Pane)
    /// Builds the pane's filter index on another thread while the user types
    /// the first letter (the filter line has just opened): over 110,000
    /// partnerships or 200,000 events it took 340–390 ms on the first letter.
    case prepareFilter(Pane)
    case redraw
    case quit
}

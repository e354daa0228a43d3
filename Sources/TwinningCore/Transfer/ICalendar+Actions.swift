import Foundation

/// Project actions in the calendar: each open action with a due date is an
/// all-day VEVENT on its due day, so it shows (and can remind) in every
/// calendar program, subscribed or imported. VTODO would be the literal
/// RFC 5545 type, but Google Calendar and most subscription clients drop
/// VTODOs silently.
///
/// - A due date known only to the month or year is placed on the period's
///   last day (an action due "2026-03" is overdue from April 1st), and the
///   description says so.
/// - `UID` is `action-<id>-<database id>@twinning`: stable across exports;
///   an action marked done drops out of the next export, and a subscribing
///   calendar removes it.
extension ICalendar {
    static func actionLines(_ due: ProjectActionDue, databaseId: String, stamp: String, language: ReportLanguage) -> [String] {
        guard let date = due.action.due else { return [] }
        let day = DateComponents(year: date.lastDay.year, month: date.lastDay.month ?? 12, day: date.lastDay.day ?? 31)
        func line(_ key: ReportText, _ values: String...) -> String { key.text(language.rawValue, values) }
        var description: [String] = []
        if !date.isFullDate { description.append(line(.icalActionDueApproximate, ReportWords.date(date, language))) }
        description.append(line(.icalActionProject, due.projectTitle))
        if !due.cityNames.isEmpty {
            description.append(line(.icalActionCities, due.cityNames.joined(separator: ReportText.listSeparator.text(language.rawValue))))
        }
        if !due.action.ownerName.isEmpty { description.append(line(.icalActionOwner, due.action.ownerName)) }
        if !due.action.notes.isEmpty { description.append(due.action.notes) }
        let owner = due.action.ownerName.isEmpty ? "" : " (\(due.action.ownerName))"
        return ["BEGIN:VEVENT",
                "UID:" + actionUID(due.action, databaseId: databaseId),
                "DTSTAMP:" + stamp,
                "DTSTART;VALUE=DATE:" + basic(day),
                "DTEND;VALUE=DATE:" + basic(nextDay(day)),
                "SUMMARY:" + escape(line(.icalActionSummary, due.action.what, due.projectTitle) + owner),
                "DESCRIPTION:" + escape(description.joined(separator: "\n")),
                "CATEGORIES:" + escape(ReportText.icalActionCategory.text(language.rawValue)),
                "TRANSP:TRANSPARENT",
                "END:VEVENT"]
    }

    public static func actionUID(_ action: ProjectAction, databaseId: String) -> String {
        "action-\(action.id ?? 0)-\(databaseId)@twinning"
    }
}

extension AppDatabase {
    /// The open, dated actions the calendar shows: of projects the city takes
    /// part in (nil: all), neither completed nor abandoned.
    public func calendarActions(cityId: Int64?) throws -> [ProjectActionDue] {
        try reportProjects(cityId: cityId).openActions.filter { $0.projectStatus != .completed && $0.projectStatus != .abandoned }
    }
}

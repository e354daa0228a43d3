import Foundation

/// One step of a project: who does what by when ("Book the youth hostel —
/// Anna Weber — by 2026-03"). The owner is a contact of the register or a
/// free name; `ownerName` always holds the name to show (copied from the
/// contact when one is chosen), so the action still says who when the contact
/// is deleted later.
public struct ProjectAction: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var projectId: Int64
    public var what: String
    public var ownerContactId: Int64?
    public var ownerName: String
    public var due: PartialDate?
    public var done: PartialDate?
    public var notes: String
    public var version: Int

    public init(id: Int64? = nil, projectId: Int64, what: String, ownerContactId: Int64? = nil, ownerName: String = "",
                due: PartialDate? = nil, done: PartialDate? = nil, notes: String = "", version: Int = 1) {
        self.id = id
        self.projectId = projectId
        self.what = what.precomposedStringWithCanonicalMapping
        self.ownerContactId = ownerContactId
        self.ownerName = ownerName.precomposedStringWithCanonicalMapping
        self.due = due
        self.done = done
        self.notes = notes
        self.version = version
    }

    public var isDone: Bool { done != nil }

    /// Past its due date and not done. A due date known only to the month or
    /// year is overdue once that whole month or year has passed: "by March"
    /// is not late on 2 March.
    public func isOverdue(today: PartialDate) -> Bool {
        guard done == nil, let due else { return false }
        return due.lastDay < today.firstDay
    }

    /// Due before the project starts: allowed (preparation comes first), but a list may point it out.
    public func isDueBeforeStart(of project: Project) -> Bool {
        guard let due, let start = project.startDate else { return false }
        return due.lastDay < start.firstDay
    }

    public func validate() throws {
        try Validation.name(what, field: "what")
        try Validation.shortText(ownerName, field: "who")
        try Validation.notes(notes, field: "notes")
    }
}

extension PartialDate {
    /// The first day the date can mean: 2026 → 2026-01-01, 2026-05 → 2026-05-01.
    public var firstDay: PartialDate { PartialDate(year: year, month: month ?? 1, day: day ?? 1)! }
    /// The last day it can mean: 2026 → 2026-12-31, 2026-02 → 2026-02-28.
    public var lastDay: PartialDate {
        let m = month ?? 12
        return PartialDate(year: year, month: m, day: day ?? PartialDate.daysIn(month: m, year: year))!
    }
}

import Foundation
import GRDB

/// Joint projects: list, detail, save with version check, delete, undo (see ChangeLog.swift).
extension AppDatabase {
    /// One page of projects in title order (keyset pagination on project(titleKey, id)).
    public func projects(_ filter: ProjectFilter = ProjectFilter(), after: ProjectCursor? = nil, limit: Int = 200) throws -> ProjectPage {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// How many projects match (for "12 projects" and the list's scroll bar).
    public func projectCount(_ filter: ProjectFilter = ProjectFilter()) throws -> Int {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// The bare record (for editing: keep its `version` and pass it back to `updateProject`).
    public func project(id: Int64) throws -> Project? {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Finds a project by id ("7") or title (exact, then folded, then a unique beginning); the error names the value.
    public func lookupProject(_ text: String) throws -> Project {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    public func projectDetail(id: Int64) throws -> ProjectDetail? {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Full records (project + actions) matching the filter, in title order: for export, reports, learn-mode evidence.
    public func projectRecords(_ filter: ProjectFilter = ProjectFilter()) throws -> [ProjectRecord] {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Projects linked to a partnership (for its detail), in title order.
    public func projects(ofPartnership partnershipId: Int64, today: PartialDate = .today()) throws -> [ProjectSummary] {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    @discardableResult
    public func addProject(_ project: Project) throws -> Project {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Saves changes; `project.version` must be the version read, else `AppError.conflict`.
    @discardableResult
    public func updateProject(_ project: Project) throws -> Project {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Deletes a project with its actions; linked events stay and lose the link. Undo brings all back.
    public func removeProject(id: Int64) throws {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    @discardableResult
    public func addAction(_ action: ProjectAction) throws -> ProjectAction {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Saves changes to an action; `action.version` must be the version read.
    @discardableResult
    public func updateAction(_ action: ProjectAction) throws -> ProjectAction {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Marks an action done on `date` (today by default). `expectedVersion` nil = whatever version is current.
    @discardableResult
    public func markActionDone(id: Int64, on date: PartialDate = .today(), expectedVersion: Int? = nil) throws -> ProjectAction {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    public func removeAction(id: Int64) throws {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    public func actions(projectId: Int64) throws -> [ProjectAction] {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Open actions with a due date (in from…to when given), by due date: the calendar's to-dos
    /// and the report's "overdue by owner" (pass `to: today` and filter `isOverdue`).
    public func actionsDue(from: PartialDate? = nil, to: PartialDate? = nil, includeDone: Bool = false) throws -> [ProjectActionDue] {
        throw AppError.notFound("Projects are not implemented yet.")
    }

    /// Project work per partnership (only partnerships linked to a project appear).
    public func projectActivityByPartnership() throws -> [Int64: PartnershipProjectActivity] {
        throw AppError.notFound("Projects are not implemented yet.")
    }
}

import Foundation
import GRDB

/// What a report needs of the projects, fetched in a fixed number of grouped
/// queries (one per table, never one per project), so `report` stays linear
/// in the data.
public struct ReportProjectData: Sendable {
    public var projects: [ReportProject]
    /// Open actions with a due date of the same projects (the overdue list filters them by `today`).
    public var openActions: [ProjectActionDue]
    public init(projects: [ReportProject], openActions: [ProjectActionDue]) {
        self.projects = projects
        self.openActions = openActions
    }
}

extension AppDatabase {
    /// Every project of the scope (the city takes part; nil: all), with cities,
    /// themes, funding and indicators, and their open dated actions.
    public func reportProjects(cityId: Int64?) throws -> ReportProjectData {
        try read { db in
            guard try AppDatabase.hasProjects(db) else { return ReportProjectData(projects: [], openActions: []) }
            // The scope as a subquery the side-table queries repeat: no list of ids to bind.
            let scope = cityId == nil ? "SELECT id FROM project"
                : "SELECT projectId FROM project_city WHERE cityId = \(cityId!)"
            var projects: [Int64: Project] = [:]
            var order: [Int64] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM project WHERE id IN (\(scope)) ORDER BY titleKey, id") {
                let project = try Project(mainRow: row)
                guard let id = project.id else { continue }
                projects[id] = project
                order.append(id)
            }
            var names: [Int64: [(String, Bool)]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT pc.projectId, pc.cityId, pc.role, c.name FROM project_city pc JOIN city c ON c.id = pc.cityId
                WHERE pc.projectId IN (\(scope)) ORDER BY pc.projectId, pc.position
                """) {
                let id: Int64 = row["projectId"]
                let role = row.lenientText("role").flatMap(ProjectRole.init(rawValue:)) ?? .partner
                projects[id]?.cities.append(ProjectCity(cityId: row["cityId"], role: role))
                names[id, default: []].append((row.lenientText("name") ?? "", role == .lead))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT * FROM project_funding WHERE projectId IN (\(scope)) ORDER BY projectId, position
                """) {
                let id: Int64 = row["projectId"]
                projects[id]?.funding.append(
                    FundingLine(programme: row.lenientText("programme") ?? "", amountMinor: row.lenientInt("amountMinor").map(Int64.init),
                                currency: row.lenientText("currency") ?? "EUR",
                                state: row.lenientText("state").flatMap(FundingState.init(rawValue:)) ?? .applied,
                                notes: row.lenientText("notes") ?? ""))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT projectId, value, unit FROM project_indicator WHERE projectId IN (\(scope)) ORDER BY projectId, position
                """) {
                let id: Int64 = row["projectId"]
                projects[id]?.indicators.append(
                    ResultIndicator(value: row.lenientCoordinate("value", limit: ResultIndicator.maxValue) ?? 0,
                                    unit: row.lenientText("unit") ?? ""))
            }
            func cityNames(_ id: Int64) -> [String] {
                let all = names[id] ?? []
                return all.filter(\.1).map(\.0) + all.filter { !$0.1 }.map(\.0)
            }
            var actions: [ProjectActionDue] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT * FROM project_action WHERE projectId IN (\(scope)) AND done IS NULL AND due IS NOT NULL ORDER BY due, id
                """) {
                let action = try ProjectAction(row: row)
                guard let project = projects[action.projectId] else { continue }
                actions.append(ProjectActionDue(action: action, projectId: action.projectId, projectTitle: project.title,
                                                projectStatus: project.status, cityNames: cityNames(action.projectId)))
            }
            return ReportProjectData(projects: order.compactMap { id in projects[id].map { ReportProject(project: $0, cityNames: cityNames(id)) } },
                                     openActions: actions)
        }
    }
}

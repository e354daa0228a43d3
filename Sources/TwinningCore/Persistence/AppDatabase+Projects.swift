import Foundation
import GRDB

/// Joint projects: list, detail, save with version check, delete. Undo is in
/// AppDatabase+ProjectUndo.swift, actions in AppDatabase+ProjectActions.swift.
extension AppDatabase {
    /// A file without v9-projects (opened read-only) has no project tables: it has no projects.
    static func hasProjects(_ db: Database) throws -> Bool { try db.tableExists("project") }

    /// The WHERE clause of a filter, on `project p`.
    static func projectClauses(_ filter: ProjectFilter) -> (sql: [String], args: [DatabaseValue]) {
        var clauses: [String] = []
        var args: [DatabaseValue] = []
        if let status = filter.status {
            clauses.append("p.status = ?")
            args.append(status.rawValue.databaseValue)
        }
        if !filter.statuses.isEmpty {
            let sorted = filter.statuses.map(\.rawValue).sorted()
            clauses.append("p.status IN (" + sorted.map { _ in "?" }.joined(separator: ",") + ")")
            args += sorted.map(\.databaseValue)
        }
        if let theme = filter.theme?.trimmingCharacters(in: .whitespaces), !theme.isEmpty {
            switch ThemeVocabulary.parse(theme) {
            case .term(let term, _):
                // "sdg1" must not match "sdg13": the code alone, or the code and a colon.
                clauses.append("EXISTS (SELECT 1 FROM json_each(p.themes) j WHERE j.value = ? OR substr(j.value, 1, ?) = ?)")
                args += [term.rawValue.databaseValue, (term.rawValue.count + 1).databaseValue, (term.rawValue + ":").databaseValue]
            case .free(let text):
                clauses.append("EXISTS (SELECT 1 FROM json_each(p.themes) j WHERE lower(j.value) = lower(?))")
                args.append(text.databaseValue)
            }
        }
        if let city = filter.cityId {
            clauses.append("EXISTS (SELECT 1 FROM project_city pc WHERE pc.projectId = p.id AND pc.cityId = ?)")
            args.append(city.databaseValue)
        }
        if let country = filter.countryCode?.trimmingCharacters(in: .whitespaces).uppercased(), !country.isEmpty {
            clauses.append("EXISTS (SELECT 1 FROM project_city pc JOIN city c ON c.id = pc.cityId WHERE pc.projectId = p.id AND c.countryCode = ?)")
            args.append(country.databaseValue)
        }
        if let partnership = filter.partnershipId {
            clauses.append("EXISTS (SELECT 1 FROM project_partnership pp WHERE pp.projectId = p.id AND pp.partnershipId = ?)")
            args.append(partnership.databaseValue)
        }
        if filter.overdueOnly {
            clauses.append("EXISTS (SELECT 1 FROM project_action a WHERE a.projectId = p.id AND \(overdueSQL("a")))")
            args.append(filter.today.iso.databaseValue)
        }
        if let text = filter.text.map(SearchKey.fold)?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            for word in text.split(separator: " ") {
                clauses.append("p.searchText LIKE ? ESCAPE '\\'")
                args.append(("%" + likeEscaped(String(word)) + "%").databaseValue)
            }
        }
        if let from = filter.activeFrom {
            // A partial end date ("2025") lasts to its last day: compare it with as much of `from` as it has.
            clauses.append("(p.endDate IS NULL OR p.endDate >= substr(?, 1, length(p.endDate)))")
            args.append(from.firstDay.iso.databaseValue)
        }
        if let to = filter.activeTo {
            clauses.append("(p.startDate IS NULL OR p.startDate <= ?)")
            args.append(to.lastDay.iso.databaseValue)
        }
        return (clauses, args)
    }

    /// An open action of table alias `a` whose whole due period lies before the bound date (one `?`, today's ISO date):
    /// "2026-03" is compared with "2026-04" of "2026-04-01", so it is overdue from April on (`ProjectAction.isOverdue`).
    static func overdueSQL(_ a: String) -> String {
        "\(a).done IS NULL AND \(a).due IS NOT NULL AND \(a).due < substr(?, 1, length(\(a).due))"
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// One page of projects in title order (keyset pagination on project(titleKey, id)).
    public func projects(_ filter: ProjectFilter = ProjectFilter(), after: ProjectCursor? = nil, limit: Int = 200) throws -> ProjectPage {
        try read { db in
            guard try AppDatabase.hasProjects(db) else { return ProjectPage(items: [], next: nil) }
            var (clauses, args) = AppDatabase.projectClauses(filter)
            if let after {
                clauses.append("(p.titleKey, p.id) > (?, ?)")
                args += [after.titleKey.databaseValue, after.id.databaseValue]
            }
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: "SELECT p.* FROM project p\(whereSQL) ORDER BY p.titleKey, p.id LIMIT ?",
                                        arguments: StatementArguments(args + [(max(0, limit) + 1).databaseValue]))
            let page = Array(rows.prefix(max(0, limit)))
            let items = try AppDatabase.summaries(db, rows: page, today: filter.today)
            return ProjectPage(items: items, next: rows.count > page.count ? items.last.map(ProjectCursor.init) : nil)
        }
    }

    /// How many projects match (for "12 projects" and the list's scroll bar).
    public func projectCount(_ filter: ProjectFilter = ProjectFilter()) throws -> Int {
        try read { db in
            guard try AppDatabase.hasProjects(db) else { return 0 }
            let (clauses, args) = AppDatabase.projectClauses(filter)
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM project p\(whereSQL)", arguments: StatementArguments(args)) ?? 0
        }
    }

    /// The SQL that reads a city's summary columns as `c_id`, `c_name` … (see `CitySummary(row:prefix:)`).
    static let cityColumnsSQL = """
        c.id AS c_id, c.geonameId AS c_geonameId, c.name AS c_name, c.searchKey AS c_searchKey, c.asciiKey AS c_asciiKey,
        c.countryCode AS c_countryCode, c.admin1Name AS c_admin1Name, c.population AS c_population,
        c.latitude AS c_latitude, c.longitude AS c_longitude
        """

    /// The cities of some projects, in each project's order.
    static func projectCities(_ db: Database, ids: [Int64]) throws -> [Int64: [ProjectCityDetail]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT pc.projectId, pc.role, \(cityColumnsSQL) FROM project_city pc JOIN city c ON c.id = pc.cityId
            WHERE pc.projectId IN (\(ids.map { _ in "?" }.joined(separator: ","))) ORDER BY pc.projectId, pc.position
            """, arguments: StatementArguments(ids))
        var result: [Int64: [ProjectCityDetail]] = [:]
        for row in rows {
            result[row["projectId"], default: []].append(
                ProjectCityDetail(city: CitySummary(row: row, prefix: "c"),
                                  role: row.lenientText("role").flatMap(ProjectRole.init(rawValue:)) ?? .partner))
        }
        return result
    }

    /// Open actions first by due date (undated last), then done ones by done date, each then by id.
    static func actionOrder(_ x: ProjectAction, _ y: ProjectAction) -> Bool {
        switch (x.done, y.done) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (dx?, dy?): return dx != dy ? dx < dy : (x.id ?? 0) < (y.id ?? 0)
        case (nil, nil):
            switch (x.due, y.due) {
            case (.some, nil): return true
            case (nil, .some): return false
            case let (ux?, uy?) where ux.firstDay != uy.firstDay: return ux.firstDay < uy.firstDay
            default: return (x.id ?? 0) < (y.id ?? 0)
            }
        }
    }

    static func summaries(_ db: Database, rows: [Row], today: PartialDate) throws -> [ProjectSummary] {
        let projects = try rows.map(Project.init(mainRow:))
        let ids = projects.compactMap(\.id)
        let cities = try projectCities(db, ids: ids)
        var open: [Int64: [ProjectAction]] = [:]
        if !ids.isEmpty {
            let actions = try ProjectAction.fetchAll(db, sql: """
                SELECT * FROM project_action WHERE done IS NULL AND projectId IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(ids))
            for action in actions { open[action.projectId, default: []].append(action) }
        }
        return zip(projects, rows).map { project, row in
            let id = project.id ?? 0
            let actions = (open[id] ?? []).sorted(by: actionOrder)
            // Lead cities first, otherwise the project's order.
            let sides = cities[id] ?? []
            return ProjectSummary(id: id, title: project.title, status: project.status, startDate: project.startDate,
                                  endDate: project.endDate, themes: project.themes,
                                  cities: sides.filter { $0.role == .lead } + sides.filter { $0.role != .lead },
                                  nextAction: actions.first, openActions: actions.count,
                                  overdueActions: actions.filter { $0.isOverdue(today: today) }.count,
                                  version: project.version, titleKey: row.lenientText("titleKey") ?? SearchKey.fold(project.title))
        }
    }

    /// The bare record (for editing: keep its `version` and pass it back to `updateProject`).
    public func project(id: Int64) throws -> Project? {
        try read { db in try AppDatabase.hasProjects(db) ? Project.fetch(db, id: id) : nil }
    }

    /// Finds a project by id ("7") or title (exact, then folded, then a unique beginning); the error names the value.
    public func lookupProject(_ text: String) throws -> Project {
        let reference = text.trimmingCharacters(in: .whitespaces)
        return try read { db in
            guard try AppDatabase.hasProjects(db) else {
                throw AppError.notFound(Phrase(.noProjectCalled, "\(TextSafety.excerpt(reference))"))
            }
            if let id = Int64(reference.hasPrefix("#") ? String(reference.dropFirst()) : reference) {
                guard let project = try Project.fetch(db, id: id) else { throw AppError.notFound(Phrase(.noProject, "\(id)")) }
                return project
            }
            let key = SearchKey.fold(reference)
            var ids = try Int64.fetchAll(db, sql: "SELECT id FROM project WHERE title = ? ORDER BY id", arguments: [reference])
            if ids.isEmpty { ids = try Int64.fetchAll(db, sql: "SELECT id FROM project WHERE titleKey = ? ORDER BY id", arguments: [key]) }
            if ids.isEmpty && !key.isEmpty {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM project WHERE titleKey LIKE ? ESCAPE '\\' ORDER BY titleKey, id",
                                         arguments: [AppDatabase.likeEscaped(key) + "%"])
            }
            if ids.count == 1, let project = try Project.fetch(db, id: ids[0]) { return project }
            if ids.isEmpty { throw AppError.notFound(Phrase(.noProjectCalled, "\(TextSafety.excerpt(reference))")) }
            let titles = try Row.fetchAll(db, sql: "SELECT id, title FROM project WHERE id IN (\(ids.prefix(8).map { _ in "?" }.joined(separator: ","))) ORDER BY titleKey, id",
                                          arguments: StatementArguments(Array(ids.prefix(8))))
                .map { "\($0.lenientText("title") ?? "") (\($0["id"] as Int64))" }
            throw AppError.notFound(Phrase(.projectsFit, "\(TextSafety.excerpt(reference))", .number(ids.count),
                                           "\(titles.joined(separator: ", "))"))
        }
    }

    public func projectDetail(id: Int64) throws -> ProjectDetail? {
        typealias Parts = (Project, [ProjectCityDetail], [PartnershipDetail], [Contact], [ProjectAction])
        let found: Parts? = try read { db -> Parts? in
            guard try AppDatabase.hasProjects(db), let project = try Project.fetch(db, id: id) else { return nil }
            let cities = try AppDatabase.projectCities(db, ids: [id])[id] ?? []
            var partnerships: [PartnershipDetail] = []
            if !project.partnershipIds.isEmpty {
                let rows = try Row.fetchAll(db, sql: AppDatabase.partnershipDetailSQL
                                            + " WHERE p.id IN (\(project.partnershipIds.map { _ in "?" }.joined(separator: ",")))",
                                            arguments: StatementArguments(project.partnershipIds))
                let byId = Dictionary(try rows.map(AppDatabase.detail(from:)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                partnerships = project.partnershipIds.compactMap { byId[$0] }
            }
            let contactsById = Dictionary(try Contact.fetchAll(db, keys: project.contactIds).map { ($0.id ?? 0, $0) },
                                          uniquingKeysWith: { a, _ in a })
            let contacts = project.contactIds.compactMap { contactsById[$0] }
            let actions = try ProjectAction.filter(ProjectAction.Columns.projectId == id).fetchAll(db).sorted(by: AppDatabase.actionOrder)
            return (project, cities, partnerships, contacts, actions)
        }
        guard let found else { return nil }
        let events = try self.events(EventFilter(projectId: id))
        return ProjectDetail(project: found.0, cities: found.1, partnerships: found.2, contacts: found.3, actions: found.4, events: events)
    }

    /// Full records (project + actions) matching the filter, in title order: for export, reports, learn-mode evidence.
    public func projectRecords(_ filter: ProjectFilter = ProjectFilter()) throws -> [ProjectRecord] {
        try read { db in
            guard try AppDatabase.hasProjects(db) else { return [] }
            let (clauses, args) = AppDatabase.projectClauses(filter)
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            let ids = try Int64.fetchAll(db, sql: "SELECT p.id FROM project p\(whereSQL) ORDER BY p.titleKey, p.id",
                                         arguments: StatementArguments(args))
            return try ids.compactMap { id -> ProjectRecord? in
                guard let project = try Project.fetch(db, id: id) else { return nil }
                let actions = try ProjectAction.filter(ProjectAction.Columns.projectId == id).order(ProjectAction.Columns.id).fetchAll(db)
                return ProjectRecord(project: project, actions: actions)
            }
        }
    }

    /// Projects linked to a partnership (for its detail), in title order.
    public func projects(ofPartnership partnershipId: Int64, today: PartialDate = .today()) throws -> [ProjectSummary] {
        try projects(ProjectFilter(partnershipId: partnershipId, today: today), limit: 1000).items
    }

    // MARK: - Writes

    /// The references of a project exist: a plain message instead of a foreign-key error.
    static func checkReferences(_ db: Database, _ project: Project) throws {
        for city in project.cities where try !City.exists(db, key: city.cityId) {
            throw AppError.invalid(ValidationError(field: "cities", .noCityRef, "\(city.cityId)"))
        }
        for partnership in project.partnershipIds where try !Partnership.exists(db, key: partnership) {
            throw AppError.invalid(ValidationError(field: "partnerships", .noPartnershipId, "\(partnership)"))
        }
        for contact in project.contactIds where try !Contact.exists(db, key: contact) {
            throw AppError.invalid(ValidationError(field: "contacts", .noContactRef, "\(contact)"))
        }
    }

    static func checkProjectExists(_ db: Database, _ projectId: Int64?) throws {
        guard let projectId else { return }
        guard try hasProjects(db), try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM project WHERE id = ?)", arguments: [projectId]) == true else {
            throw AppError.invalid(ValidationError(field: "project", .noProjectRef, "\(projectId)"))
        }
    }

    static func prepared(_ project: Project) throws -> Project {
        var project = project
        project.title = project.title.precomposedStringWithCanonicalMapping
        project.canonicalizeThemes()
        do { try project.validate() } catch let error as ValidationError { throw AppError.invalid(error) }
        return project
    }

    @discardableResult
    public func addProject(_ project: Project) throws -> Project {
        let project = try AppDatabase.prepared(project)
        return try write { db in try insertProject(db, project) }
    }

    /// Inserts and logs a validated project inside the caller's transaction (used by import too).
    func insertProject(_ db: Database, _ project: Project, log logIt: Bool = true) throws -> Project {
        var project = project
        project.version = max(1, project.version)
        try AppDatabase.checkReferences(db, project)
        try project.insert(db)
        if logIt {
            try log(db, .create, .project, id: project.id!, summary: "project \(project.title)", before: nil,
                    after: ChangeJSON.encode(project))
        }
        return project
    }

    /// Saves changes; `project.version` must be the version read, else `AppError.conflict`.
    @discardableResult
    public func updateProject(_ project: Project) throws -> Project {
        var project = try AppDatabase.prepared(project)
        guard let id = project.id else { throw AppError.notFound(Phrase(.projectNotSaved)) }
        return try write { db in
            guard let before = try Project.fetch(db, id: id) else {
                throw AppError.conflict(Phrase(.projectDeletedWhileEditing, "\(id)"))
            }
            if before.version != project.version {
                throw AppError.conflict(Phrase(.projectChangedWhileEditing, "\(id)"))
            }
            try AppDatabase.checkReferences(db, project)
            project.version = before.version + 1
            try project.update(db)
            try log(db, .update, .project, id: id, summary: "project \(project.title)", before: ChangeJSON.encode(before),
                    after: ChangeJSON.encode(project))
            return project
        }
    }

    /// Deletes a project with its actions; linked events stay and lose the link. Undo brings all back.
    public func removeProject(id: Int64) throws {
        try write { db in
            guard try AppDatabase.hasProjects(db), let project = try Project.fetch(db, id: id) else {
                throw AppError.notFound(Phrase(.noProject, "\(id)"))
            }
            let actions = try ProjectAction.filter(ProjectAction.Columns.projectId == id).order(ProjectAction.Columns.id).fetchAll(db)
            let events = try Int64.fetchAll(db, sql: "SELECT id FROM event WHERE projectId = ? ORDER BY id", arguments: [id])
            try db.execute(sql: "DELETE FROM project WHERE id = ?", arguments: [id])
            try log(db, .delete, .project, id: id, summary: "project \(project.title)",
                    before: ChangeJSON.encode(ProjectSnapshot(project: project, actions: actions, eventIds: events)), after: nil)
        }
    }

    /// Project work per partnership (only partnerships linked to a project appear).
    public func projectActivityByPartnership() throws -> [Int64: PartnershipProjectActivity] {
        try read { db in
            guard try AppDatabase.hasProjects(db) else { return [:] }
            let rows = try Row.fetchAll(db, sql: """
                SELECT pp.partnershipId,
                  COUNT(DISTINCT CASE WHEN p.status = 'running' THEN p.id END) AS running,
                  MAX(a.done) AS lastDone
                FROM project_partnership pp
                JOIN project p ON p.id = pp.projectId
                LEFT JOIN project_action a ON a.projectId = p.id
                GROUP BY pp.partnershipId
                """)
            var result: [Int64: PartnershipProjectActivity] = [:]
            for row in rows {
                let id: Int64 = row["partnershipId"]
                result[id] = PartnershipProjectActivity(partnershipId: id, runningProjects: row.lenientInt("running") ?? 0,
                                                        lastActionDone: row.lenientDate("lastDone"))
            }
            return result
        }
    }
}

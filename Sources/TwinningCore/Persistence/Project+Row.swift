import Foundation
import GRDB

/// Reading and writing a project and its side tables. A project is one
/// record for the volunteer (one version number), stored in seven tables; the
/// side tables are rewritten as a whole on every save, inside the save's
/// transaction.
extension Project {
    static let table = "project"

    /// The main row, read leniently (see `LenientRow.swift`) so one odd value does not make the list unreadable.
    init(mainRow row: Row) throws {
        func date(_ column: String) throws -> PartialDate? {
            guard let text = row.lenientText(column) else { return nil }
            guard let date = PartialDate.parse(text) else {
                throw AppError.database(Phrase(.projectBadDate, "\(row["id"] as Int64? ?? 0)", "\(column)", "\(TextSafety.excerpt(text))"))
            }
            return date
        }
        let themes = (row.lenientText("themes").flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }) ?? []
        self.init(id: row["id"], title: row.lenientText("title") ?? "", summary: row.lenientText("summary") ?? "",
                  status: row.lenientText("status").flatMap(ProjectStatus.init(rawValue:)) ?? .idea,
                  startDate: try date("startDate"), endDate: try date("endDate"), themes: themes,
                  goals: row.lenientText("goals") ?? "", results: row.lenientText("results") ?? "",
                  notes: row.lenientText("notes") ?? "", version: row.lenientInt("version") ?? 1)
    }

    /// Fills cities, partnerships, contacts, funding and indicators from their tables.
    mutating func loadSideTables(_ db: Database) throws {
        guard let id else { return }
        cities = try Row.fetchAll(db, sql: "SELECT cityId, role FROM project_city WHERE projectId = ? ORDER BY position",
                                  arguments: [id]).map {
            ProjectCity(cityId: $0["cityId"], role: ($0.lenientText("role")).flatMap(ProjectRole.init(rawValue:)) ?? .partner)
        }
        partnershipIds = try Int64.fetchAll(db, sql: "SELECT partnershipId FROM project_partnership WHERE projectId = ? ORDER BY position",
                                            arguments: [id])
        contactIds = try Int64.fetchAll(db, sql: "SELECT contactId FROM project_contact WHERE projectId = ? ORDER BY position",
                                        arguments: [id])
        funding = try Row.fetchAll(db, sql: "SELECT * FROM project_funding WHERE projectId = ? ORDER BY position", arguments: [id]).map {
            FundingLine(programme: $0.lenientText("programme") ?? "", amountMinor: $0.lenientInt("amountMinor").map(Int64.init),
                        currency: $0.lenientText("currency") ?? "EUR",
                        state: $0.lenientText("state").flatMap(FundingState.init(rawValue:)) ?? .applied,
                        notes: $0.lenientText("notes") ?? "")
        }
        indicators = try Row.fetchAll(db, sql: "SELECT value, unit FROM project_indicator WHERE projectId = ? ORDER BY position",
                                      arguments: [id]).map {
            ResultIndicator(value: $0.lenientCoordinate("value", limit: ResultIndicator.maxValue) ?? 0, unit: $0.lenientText("unit") ?? "")
        }
    }

    static func fetch(_ db: Database, id: Int64) throws -> Project? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM project WHERE id = ?", arguments: [id]) else { return nil }
        var project = try Project(mainRow: row)
        try project.loadSideTables(db)
        return project
    }

    /// The folded words the text filter looks in: title, summary, goals, themes and the cities' names.
    func searchText(_ db: Database) throws -> String {
        let names = try String.fetchAll(db, sql: "SELECT searchKey FROM city WHERE id IN (\(cities.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments(cities.map(\.cityId)))
        let themeWords = themes.map { tag in ["en", "de", "fr"].map { ThemeVocabulary.parse(tag).display($0) }.joined(separator: " ") }
        return ([title, summary, goals] + themeWords + names).map(SearchKey.fold).joined(separator: "\n")
    }

    private func mainArguments(_ db: Database) throws -> [DatabaseValue] {
        let themesJSON = String(decoding: (try? JSONEncoder().encode(themes)) ?? Data("[]".utf8), as: UTF8.self)
        return [title.databaseValue, SearchKey.fold(title).databaseValue, try searchText(db).databaseValue, summary.databaseValue,
                status.rawValue.databaseValue, startDate?.iso.databaseValue ?? .null, endDate?.iso.databaseValue ?? .null,
                themesJSON.databaseValue, goals.databaseValue, results.databaseValue, notes.databaseValue, version.databaseValue]
    }

    /// Inserts the main row (with `id` when set: undo and import keep ids) and the side tables.
    mutating func insert(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO project (id, title, titleKey, searchText, summary, status, startDate, endDate, themes, goals, results, notes, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments([id?.databaseValue ?? .null] + (try mainArguments(db))))
        id = db.lastInsertedRowID
        try writeSideTables(db)
    }

    func update(_ db: Database) throws {
        guard let id else { return }
        try db.execute(sql: """
            UPDATE project SET title = ?, titleKey = ?, searchText = ?, summary = ?, status = ?, startDate = ?, endDate = ?, themes = ?,
              goals = ?, results = ?, notes = ?, version = ? WHERE id = ?
            """, arguments: StatementArguments((try mainArguments(db)) + [id.databaseValue]))
        try writeSideTables(db)
    }

    func writeSideTables(_ db: Database) throws {
        guard let id else { return }
        for table in ["project_city", "project_partnership", "project_contact", "project_funding", "project_indicator"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE projectId = ?", arguments: [id])
        }
        for (position, city) in cities.enumerated() {
            try db.execute(sql: "INSERT INTO project_city (projectId, cityId, role, position) VALUES (?, ?, ?, ?)",
                           arguments: [id, city.cityId, city.role.rawValue, position])
        }
        for (position, partnership) in partnershipIds.enumerated() {
            try db.execute(sql: "INSERT INTO project_partnership (projectId, partnershipId, position) VALUES (?, ?, ?)",
                           arguments: [id, partnership, position])
        }
        for (position, contact) in contactIds.enumerated() {
            try db.execute(sql: "INSERT INTO project_contact (projectId, contactId, position) VALUES (?, ?, ?)",
                           arguments: [id, contact, position])
        }
        for (position, line) in funding.enumerated() {
            try db.execute(sql: """
                INSERT INTO project_funding (projectId, position, programme, amountMinor, currency, state, notes) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, position, line.programme, line.amountMinor, line.currency, line.state.rawValue, line.notes])
        }
        for (position, indicator) in indicators.enumerated() {
            try db.execute(sql: "INSERT INTO project_indicator (projectId, position, value, unit) VALUES (?, ?, ?, ?)",
                           arguments: [id, position, indicator.value, indicator.unit])
        }
    }
}

extension ProjectAction: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "project_action"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public init(row: Row) throws {
        self.init(id: row["id"], projectId: row["projectId"], what: row.lenientText("what") ?? "",
                  ownerContactId: row.lenientInt("ownerContactId").map(Int64.init), ownerName: row.lenientText("ownerName") ?? "",
                  due: row.lenientDate("due"), done: row.lenientDate("done"), notes: row.lenientText("notes") ?? "",
                  version: row.lenientInt("version") ?? 1)
    }

    public enum Columns {
        public static let id = Column("id")
        public static let projectId = Column("projectId")
        public static let due = Column("due")
        public static let done = Column("done")
    }
}

/// A deleted project with its actions and the events that pointed to it, so undo can bring all back.
struct ProjectSnapshot: Codable {
    var project: Project
    var actions: [ProjectAction]
    var eventIds: [Int64]
}

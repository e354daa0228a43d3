import Foundation
import GRDB

// Partnership list rows decoded by column position (as the register's city
// rows are, `AppDatabase+ListRows.swift`): `Codable` looks every column of
// every row up by name, which was most of the time to read 110,000
// partnerships. The event count and last event come from the maintained
// summary (`Schema+PartnershipActivity.swift`) when the file has it.

extension Partnership {
    /// The eleven columns `init(row:at:)` reads, in its order, of the alias `table`.
    static func columnsSQL(_ table: String) -> String {
        ["id", "cityA", "cityB", "type", "status", "since", "until", "themes", "notes", "source", "version"]
            .map { "\(table).\($0)" }.joined(separator: ", ")
    }
    static let columnCount = 11

    /// A value the CHECK constraints would refuse (a file changed outside
    /// twinning) is an error naming the partnership and the column, as the
    /// `Codable` decoder refused it before.
    init(row: Row, at start: Int) throws {
        let id = row.lenientInt64(at: start)
        func bad(_ column: String, _ text: String) -> AppError {
            AppError.database(Phrase(.partnershipBadValue, "\(id ?? 0)", "\(column)", "\(TextSafety.excerpt(text))"))
        }
        func date(_ index: Int, _ column: String) throws -> PartialDate? {
            guard let text = row.lenientText(at: start + index) else { return nil }
            guard let date = PartialDate.stored(text) else { throw bad(column, text) }
            return date
        }
        let typeText = row.lenientText(at: start + 3) ?? ""
        guard let type = PartnershipType(rawValue: typeText) else { throw bad("type", typeText) }
        let statusText = row.lenientText(at: start + 4) ?? ""
        guard let status = PartnershipStatus(rawValue: statusText) else { throw bad("status", statusText) }
        let themesText = row.lenientText(at: start + 7) ?? "[]"
        var themes: [String] = []
        if themesText != "[]" {
            guard let decoded = try? JSONDecoder().decode([String].self, from: Data(themesText.utf8)) else { throw bad("themes", themesText) }
            themes = decoded
        }
        self.init(id: id, between: row.lenientInt64(at: start + 1) ?? 0, and: row.lenientInt64(at: start + 2) ?? 0,
                  type: type, status: status, since: try date(5, "since"), until: try date(6, "until"), themes: themes,
                  notes: row.lenientText(at: start + 8) ?? "", source: row.lenientText(at: start + 9) ?? "",
                  version: row.lenientInt(at: start + 10) ?? 1)
    }
}

extension AppDatabase {
    /// True when the file has the events summary (v10); an older file opened
    /// read-only counts the events per row instead.
    static func hasPartnershipActivity(_ db: Database) throws -> Bool {
        try db.tableExists("partnership_activity")
    }

    /// The SELECT of a partnership list row: the partnership, both cities,
    /// the event count and last event, in the order `detail(at:)` reads them.
    /// `citiesInNameOrder` makes SQLite walk the first cities by name (see `partnershipPage`).
    static func partnershipRowSQL(_ db: Database, citiesInNameOrder: Bool = false) throws -> String {
        let activity = try hasPartnershipActivity(db)
        let counts = activity
            ? "COALESCE(s.eventCount, 0) AS eventCount, s.lastEvent AS lastEvent"
            : """
              (SELECT COUNT(*) FROM event e WHERE e.partnershipId = p.id) AS eventCount,
              (SELECT MAX(e.startDate) FROM event e WHERE e.partnershipId = p.id) AS lastEvent
              """
        return """
            SELECT \(Partnership.columnsSQL("p")), \(CitySummary.columnsSQL("a")), \(CitySummary.columnsSQL("b")), \(counts)
            \(citiesInNameOrder ? "FROM city a CROSS JOIN partnership p ON p.cityA = a.id CROSS JOIN city b ON b.id = p.cityB"
                                 : "FROM partnership p JOIN city a ON a.id = p.cityA JOIN city b ON b.id = p.cityB")
            \(activity ? "LEFT JOIN partnership_activity s ON s.partnershipId = p.id" : "")
            """
    }

    static func detail(at row: Row, cities: inout CityRowCache) throws -> PartnershipDetail {
        let first = Partnership.columnCount, counts = first + 20
        return PartnershipDetail(partnership: try Partnership(row: row, at: 0), cityA: cities.city(row, at: first),
                                 cityB: cities.city(row, at: first + 10), eventCount: row.lenientInt(at: counts) ?? 0,
                                 lastEvent: row.lenientText(at: counts + 1).flatMap(PartialDate.stored))
    }

    static func fetchDetails(_ db: Database, sql: String, arguments: StatementArguments) throws -> [PartnershipDetail] {
        var result: [PartnershipDetail] = [], cities = CityRowCache()
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { result.append(try detail(at: row, cities: &cities)) }
        return result
    }
}

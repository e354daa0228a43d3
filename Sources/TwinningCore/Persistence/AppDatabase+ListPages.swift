import Foundation
import GRDB

// The Partnerships and Events lists a page at a time, by keyset pagination:
// each page starts after the last row of the one before, by the list's own
// order with the row id as the tie-break, so a page costs the same at row
// 10 as at row 100,000 and a row written meanwhile by someone else is not
// skipped or shown twice. Measured on the 10× database (110,000
// partnerships, 200,000 events) with sqlite3: under 1 ms per page of 50.

/// Where a page of partnerships ends: its last row's sort key.
public struct PartnershipPageKey: Sendable, Hashable {
    public var nameA: String
    public var nameB: String
    public var id: Int64
    public init(nameA: String, nameB: String, id: Int64) {
        self.nameA = nameA
        self.nameB = nameB
        self.id = id
    }
    public init(_ detail: PartnershipDetail) {
        self.init(nameA: detail.cityA.searchKey, nameB: detail.cityB.searchKey, id: detail.id)
    }
}

/// Where a page of events ends (the list is newest first).
public struct EventPageKey: Sendable, Hashable {
    public var startDate: String
    public var id: Int64
    public init(startDate: String, id: Int64) {
        self.startDate = startDate
        self.id = id
    }
    public init(_ detail: EventDetail) { self.init(startDate: detail.event.startDate.iso, id: detail.id) }
}

extension AppDatabase {
    /// Up to `limit` partnerships after `after` (nil: from the start), in the
    /// list's order: first city's name, second city's name, id.
    public func partnershipPage(_ filter: PartnershipFilter = PartnershipFilter(), after: PartnershipPageKey? = nil,
                                limit: Int) throws -> [PartnershipDetail] {
        try read { db in
            var (clauses, args) = AppDatabase.partnershipClauses(filter)
            if let after {
                // The first term alone lets SQLite start the range on city_searchKey.
                clauses.append("a.searchKey >= ? AND (a.searchKey, b.searchKey, p.id) > (?, ?, ?)")
                args += [after.nameA, after.nameA, after.nameB, after.id]
            }
            // Without a city, walk the cities in name order (city_searchKey)
            // and their partnerships by the pair index: SQLite then sorts only
            // the partners of each city, not the whole list.
            let sql = try AppDatabase.partnershipRowSQL(db, citiesInNameOrder: filter.cityId == nil)
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            return try AppDatabase.fetchDetails(db, sql: sql + whereSQL + " ORDER BY a.searchKey, b.searchKey, p.id LIMIT ?",
                                                arguments: StatementArguments(args + [limit]))
        }
    }

    /// How many partnerships the filter lets through (the list's "n of m").
    public func partnershipCount(_ filter: PartnershipFilter = PartnershipFilter()) throws -> Int {
        try read { db in
            let (clauses, args) = AppDatabase.partnershipClauses(filter)
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM partnership p" + whereSQL, arguments: StatementArguments(args)) ?? 0
        }
    }

    static func partnershipClauses(_ filter: PartnershipFilter) -> ([String], [any DatabaseValueConvertible]) {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let city = filter.cityId {
            clauses.append("(p.cityA = ? OR p.cityB = ?)")
            args += [city, city]
        }
        if let status = filter.status {
            clauses.append("p.status = ?")
            args.append(status.rawValue)
        }
        if let type = filter.type {
            clauses.append("p.type = ?")
            args.append(type.rawValue)
        }
        return (clauses, args)
    }

    /// Up to `limit` events after `after` (nil: the newest), newest first:
    /// a range of the event_startDate index, whose entries end in the id.
    public func eventPage(_ filter: EventFilter = EventFilter(), after: EventPageKey? = nil, limit: Int) throws -> [EventDetail] {
        let key = after
        return try read { db in
            var (clauses, args) = AppDatabase.eventClauses(filter)
            if let key {
                clauses.insert("(e.startDate, e.id) < (?, ?)", at: 0)
                args.insert(contentsOf: [key.startDate, key.id] as [any DatabaseValueConvertible], at: 0)
            }
            return try AppDatabase.eventRows(db, clauses: clauses, arguments: args, limit: limit)
        }
    }

    /// How many events the whole list holds (its "n of m" before it is read).
    /// All of them: the foreign keys keep every event's partnership and
    /// cities. Checking that here, by the list's joins, cost 150 ms on the
    /// 10× database against under 1 ms; in a file changed by hand the whole
    /// list, read behind the first page, gives the true count on the first key.
    public func eventCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 }
    }

    /// The WHERE clauses of an event filter, shared by the whole list and its pages.
    static func eventClauses(_ filter: EventFilter) -> ([String], [any DatabaseValueConvertible]) {
        var clauses: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let city = filter.cityId {
            clauses.append("(p.cityA = ? OR p.cityB = ?)")
            args += [city, city]
        }
        if let partnership = filter.partnershipId {
            clauses.append("e.partnershipId = ?")
            args.append(partnership)
        }
        if let project = filter.projectId {
            clauses.append("e.projectId = ?")
            args.append(project)
        }
        if let year = filter.year {
            // A range of the event_startDate index rather than substr() over every row:
            // stored dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD", all between "YYYY"
            // and "YYYY~" ("~" sorts after "-" and the digits). No year + 1: any
            // Int the command line takes (Int.max too) is only text here.
            let prefix = String(format: "%04d", year)
            clauses.append("e.startDate >= ? AND e.startDate < ?")
            args += [prefix, prefix + "~"]
        }
        return (clauses, args)
    }

    /// Events with their cities, newest first, decoded by position
    /// (EventDetail+Row.swift; projectId is there since v9): the whole list and its pages.
    static func eventRows(_ db: Database, clauses: [String], arguments: [any DatabaseValueConvertible], limit: Int?) throws -> [EventDetail] {
        let hasProject = try db.columns(in: "event").contains { $0.name == "projectId" }
        let sql = """
            SELECT \(Event.columnsSQL("e", hasProject: hasProject)), \(CitySummary.columnsSQL("a")), \(CitySummary.columnsSQL("b"))
            FROM event e
            JOIN partnership p ON p.id = e.partnershipId
            JOIN city a ON a.id = p.cityA
            JOIN city b ON b.id = p.cityB
            \(clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "))
            ORDER BY e.startDate DESC, e.id DESC
            \(limit == nil ? "" : "LIMIT ?")
            """
        var result: [EventDetail] = [], cities = CityRowCache()
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments + (limit.map { [$0] } ?? [])))
        while let row = try rows.next() { result.append(try EventDetail(row: row, at: 0, cities: &cities)) }
        return result
    }
}

extension AppDatabase {
    /// The register's first `limit` cities by name, `leading` (the home city)
    /// first when it is in the register, and how many cities it holds: what
    /// the first screen shows, in the order of `registerCitySummaries()` (name,
    /// then id). Walks the name index and stops after the page, instead of
    /// reading and sorting the whole register (66,000 cities of the 10×
    /// database: 1–2 ms against 110 ms for sqlite3 alone).
    public func registerHead(limit: Int, leading: Int64?) throws -> (cities: [CitySummary], total: Int) {
        try read { db in
            let inRegister = """
                (EXISTS (SELECT 1 FROM partnership WHERE cityA = city.id) \
                OR EXISTS (SELECT 1 FROM partnership WHERE cityB = city.id) OR city.addedByUser = 1)
                """
            var cities: [CitySummary] = []
            if let leading {
                cities = try CitySummary.fetchAllByPosition(db, sql: """
                    SELECT \(CitySummary.columnsSQL("city")) FROM city WHERE city.id = ? AND \(inRegister)
                    """, arguments: [leading])
            }
            cities += try CitySummary.fetchAllByPosition(db, sql: """
                SELECT \(CitySummary.columnsSQL("city")) FROM city
                WHERE \(inRegister) AND city.id IS NOT ? ORDER BY searchKey, id LIMIT ?
                """, arguments: [leading, limit])
            return (cities, try Self.registerCount(db))
        }
    }

    /// How many cities the register holds, counted from the partnerships'
    /// two city indexes rather than by asking for every city of the gazetteer
    /// (two index probes for each of 69,472 cities: 30–40 ms, most of the
    /// first screen's reading): the first cities of partnerships, the second
    /// ones that are never first, and the cities added by hand that have no
    /// partnership (index v11). The foreign keys keep every partnership's
    /// cities, so no city is counted that is not there (as `eventCount`).
    static func registerCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(DISTINCT cityA) FROM partnership)
              + (SELECT COUNT(*) FROM (SELECT DISTINCT cityB AS c FROM partnership)
                 WHERE NOT EXISTS (SELECT 1 FROM partnership WHERE cityA = c))
              + (SELECT COUNT(*) FROM city WHERE addedByUser = 1
                 AND NOT EXISTS (SELECT 1 FROM partnership WHERE cityA = city.id)
                 AND NOT EXISTS (SELECT 1 FROM partnership WHERE cityB = city.id))
            """) ?? 0
    }
}

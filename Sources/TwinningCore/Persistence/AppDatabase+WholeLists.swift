import Foundation
import GRDB

// The whole Partnerships and Events lists for the full-screen program, with
// their cities taken from the register it has already read instead of joined
// in for every row. Joining two city rows per partnership or event made
// SQLite visit the wide city table at random, page by page, 220,000 and
// 400,000 times on the 10× database: 1.4 s and 1.8 s of CPU in sqlite3 alone
// for the join, against 0.2 s and 0.6 s for the rows without it.
// The order is exactly the joined query's: a city's place is its rank in the
// register (read ORDER BY searchKey, so equal keys share one rank).

/// Cities by id with the rank of their search key, from the register as read
/// (in searchKey order); a city it lacks (added by someone else meanwhile) is
/// read from the database.
struct RegisterCities {
    private var cities: [Int64: (city: CitySummary, rank: Int)] = [:]
    /// True when a city had to be read from the database: its rank is not known,
    /// and the list is sorted by the keys themselves.
    private(set) var lookedUp = false

    init(_ register: [CitySummary]) {
        cities.reserveCapacity(register.count)
        var rank = 0
        for (i, city) in register.enumerated() {
            // Byte equality, as SQLite's BINARY collation compares.
            if i > 0, !city.searchKey.utf8.elementsEqual(register[i - 1].searchKey.utf8) { rank += 1 }
            if cities[city.id] == nil { cities[city.id] = (city, rank) }
        }
    }

    mutating func city(_ id: Int64, _ db: Database) throws -> (city: CitySummary, rank: Int)? {
        if let known = cities[id] { return known }
        guard let city = try CitySummary.fetchAllByPosition(
            db, sql: "SELECT \(CitySummary.columnsSQL("city")) FROM city WHERE id = ?", arguments: [id]).first else { return nil }
        lookedUp = true
        cities[id] = (city, -1)
        return (city, -1)
    }
}

extension AppDatabase {
    /// Every partnership in the list's order (first city's name, second
    /// city's name, id: as `partnerships()`), the cities from `register`.
    public func partnerships(register: [CitySummary]) throws -> [PartnershipDetail] {
        try read { db in
            let activity = try AppDatabase.hasPartnershipActivity(db)
            let counts = activity
                ? "COALESCE(s.eventCount, 0), s.lastEvent FROM partnership p LEFT JOIN partnership_activity s ON s.partnershipId = p.id"
                : """
                  (SELECT COUNT(*) FROM event e WHERE e.partnershipId = p.id),
                  (SELECT MAX(e.startDate) FROM event e WHERE e.partnershipId = p.id) FROM partnership p
                  """
            var cities = RegisterCities(register)
            var rows: [(detail: PartnershipDetail, rankA: Int, rankB: Int)] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(Partnership.columnsSQL("p")), \(counts)")
            let at = Partnership.columnCount
            while let row = try cursor.next() {
                let partnership = try Partnership(row: row, at: 0)
                // A partnership whose city is gone is not listed (the joined query left it out too).
                guard let a = try cities.city(partnership.cityA, db), let b = try cities.city(partnership.cityB, db) else { continue }
                rows.append((PartnershipDetail(partnership: partnership, cityA: a.city, cityB: b.city,
                                               eventCount: row.lenientInt(at: at) ?? 0,
                                               lastEvent: row.lenientText(at: at + 1).flatMap(PartialDate.stored)),
                             a.rank, b.rank))
            }
            if cities.lookedUp {
                // Rare: by the keys' bytes, each row's taken once.
                let keys = rows.map { (Array($0.detail.cityA.searchKey.utf8), Array($0.detail.cityB.searchKey.utf8)) }
                let order = rows.indices.sorted { x, y in
                    if keys[x].0 != keys[y].0 { return keys[x].0.lexicographicallyPrecedes(keys[y].0) }
                    if keys[x].1 != keys[y].1 { return keys[x].1.lexicographicallyPrecedes(keys[y].1) }
                    return rows[x].detail.id < rows[y].detail.id
                }
                return order.map { rows[$0].detail }
            } else {
                rows.sort { x, y in (x.rankA, x.rankB, x.detail.id) < (y.rankA, y.rankB, y.detail.id) }
            }
            return rows.map(\.detail)
        }
    }

    /// Every event, newest first (as `events()`), the cities of its
    /// partnership from `register`.
    public func events(register: [CitySummary]) throws -> [EventDetail] {
        try read { db in
            var pairs: [Int64: (Int64, Int64)] = [:]
            let pairRows = try Row.fetchCursor(db, sql: "SELECT id, cityA, cityB FROM partnership")
            while let row = try pairRows.next() {
                if let id = row.lenientInt64(at: 0), let a = row.lenientInt64(at: 1), let b = row.lenientInt64(at: 2) { pairs[id] = (a, b) }
            }
            let hasProject = try db.columns(in: "event").contains { $0.name == "projectId" }
            var cities = RegisterCities(register), result: [EventDetail] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Event.columnsSQL("e", hasProject: hasProject)) FROM event e ORDER BY e.startDate DESC, e.id DESC")
            while let row = try rows.next() {
                let event = try Event(row: row, at: 0)
                // An event whose partnership or city is gone is not listed (as with the join).
                guard let (idA, idB) = pairs[event.partnershipId],
                      let a = try cities.city(idA, db), let b = try cities.city(idB, db) else { continue }
                result.append(EventDetail(event: event, cityA: a.city, cityB: b.city))
            }
            return result
        }
    }
}

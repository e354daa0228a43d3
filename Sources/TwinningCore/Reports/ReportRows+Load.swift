import Foundation
import GRDB

/// The partnerships and events a report reads, the same rows in the same
/// order as `partnerships(_:)` and `events(_:)`, decoded more cheaply: GRDB
/// finds a column by name by lower-casing names along the row, so the twenty
/// city columns at the end of each joined row were most of the decoding cost
/// of 110,000 partnerships and 200,000 events. Here the cities are read by
/// position, and the events carry only their partnership's city ids, looked
/// up in the cities the partnerships already brought.
extension AppDatabase {
    func reportRows(cityId: Int64?) throws -> (partnerships: [PartnershipDetail], events: [EventDetail]) {
        try read { db in
            let scope = cityId == nil ? "" : " WHERE (p.cityA = ? OR p.cityB = ?)"
            let args: StatementArguments = cityId.map { [$0, $0] } ?? []
            var partnerships: [PartnershipDetail] = []
            var cities: [Int64: CitySummary] = [:]
            // The whole register: room made once (counts from indexes, a few ms),
            // not by doubling, which held the old and the new buffer at once
            // (134 MB for the events of the 10× database at their peak).
            let whole = cityId == nil
            if whole {
                partnerships.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM partnership") ?? 0)
                cities.reserveCapacity(try AppDatabase.registerCount(db))  // every city of a partnership, no more
            }
            // Counts from the maintained summary where the file has it (as the lists do).
            let activity = try AppDatabase.hasPartnershipActivity(db)
            let counts = activity ? "COALESCE(s.eventCount, 0), s.lastEvent" : """
                (SELECT COUNT(*) FROM event e WHERE e.partnershipId = p.id), (SELECT MAX(e.startDate) FROM event e WHERE e.partnershipId = p.id)
                """
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(Partnership.columnsSQL("p")), \(CitySummary.columnsSQL("a")), \(CitySummary.columnsSQL("b")), \(counts)
                FROM partnership p
                \(activity ? "LEFT JOIN partnership_activity s ON s.partnershipId = p.id" : "")
                JOIN city a ON a.id = p.cityA
                JOIN city b ON b.id = p.cityB\(scope)
                ORDER BY a.searchKey, b.searchKey
                """, arguments: args)
            while let row = try rows.next() {
                // By position, as the lists read them: by name, and the stored dates
                // through the typing parser, were a quarter of the report's time.
                let start = Partnership.columnCount  // then ten columns per city, the count and the last date
                let a = CitySummary(row: row, at: start), b = CitySummary(row: row, at: start + 10)
                cities[a.id] = a
                cities[b.id] = b
                partnerships.append(PartnershipDetail(partnership: try Partnership(row: row, at: 0), cityA: a, cityB: b,
                                                      eventCount: row.lenientInt(at: start + 20) ?? 0,
                                                      lastEvent: row.lenientText(at: start + 21).flatMap(PartialDate.stored)))
            }
            var events: [EventDetail] = []
            if whole { events.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0) }
            let hasProject = try db.columns(in: "event").contains { $0.name == "projectId" }
            let eventRows = try Row.fetchCursor(db, sql: """
                SELECT \(Event.columnsSQL("e", hasProject: hasProject)), p.cityA, p.cityB
                FROM event e
                JOIN partnership p ON p.id = e.partnershipId\(scope)
                ORDER BY e.startDate DESC, e.id DESC
                """, arguments: args)
            while let row = try eventRows.next() {
                // An event whose partnership's city is missing is left out, as the joins of `events(_:)` do.
                guard let aId = row.lenientInt64(at: row.count - 2), let bId = row.lenientInt64(at: row.count - 1),
                      let a = cities[aId], let b = cities[bId] else { continue }
                events.append(EventDetail(event: try Event(row: row, at: 0), cityA: a, cityB: b))
            }
            return (partnerships, events)
        }
    }
}

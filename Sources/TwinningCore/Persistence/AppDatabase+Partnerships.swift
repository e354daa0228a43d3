import Foundation
import GRDB

extension CitySummary {
    /// One side of a joined row whose city columns are named `a_name`, `b_name` ….
    init(row: Row, prefix: String) {
        self.init(id: row["\(prefix)_id"], geonameId: row["\(prefix)_geonameId"], name: row.lenientText("\(prefix)_name") ?? "",
                  searchKey: row.lenientText("\(prefix)_searchKey") ?? "", asciiKey: row.lenientText("\(prefix)_asciiKey") ?? "",
                  countryCode: row.lenientText("\(prefix)_countryCode") ?? "", admin1Name: row.lenientText("\(prefix)_admin1Name"),
                  population: row.lenientInt("\(prefix)_population"), latitude: row.lenientCoordinate("\(prefix)_latitude", limit: 90),
                  longitude: row.lenientCoordinate("\(prefix)_longitude", limit: 180))
    }
}

/// A partnership with what a list shows about it: both cities, how many events
/// it has and when the last one was.
public struct PartnershipDetail: Hashable, Sendable, Identifiable {
    public var partnership: Partnership
    public var cityA: CitySummary
    public var cityB: CitySummary
    public var eventCount: Int
    public var lastEvent: PartialDate?
    public var id: Int64 { partnership.id ?? 0 }

    /// The two sides with `city` (if it is one of them) first.
    public func sides(from city: Int64?) -> (CitySummary, CitySummary) {
        PartnershipDetail.orient(cityA, cityB, home: city)
    }

    public static func orient(_ a: CitySummary, _ b: CitySummary, home: Int64?) -> (CitySummary, CitySummary) {
        home == b.id ? (b, a) : (a, b)
    }
}

public struct PartnershipFilter: Sendable, Equatable {
    public var cityId: Int64?
    public var status: PartnershipStatus?
    public var type: PartnershipType?
    public init(cityId: Int64? = nil, status: PartnershipStatus? = nil, type: PartnershipType? = nil) {
        self.cityId = cityId
        self.status = status
        self.type = type
    }
}

extension AppDatabase {
    static let partnershipDetailSQL = """
        SELECT p.*,
          a.id AS a_id, a.geonameId AS a_geonameId, a.name AS a_name, a.searchKey AS a_searchKey,
          a.asciiKey AS a_asciiKey, a.countryCode AS a_countryCode, a.admin1Name AS a_admin1Name, a.population AS a_population,
          a.latitude AS a_latitude, a.longitude AS a_longitude,
          b.id AS b_id, b.geonameId AS b_geonameId, b.name AS b_name, b.searchKey AS b_searchKey,
          b.asciiKey AS b_asciiKey, b.countryCode AS b_countryCode, b.admin1Name AS b_admin1Name, b.population AS b_population,
          b.latitude AS b_latitude, b.longitude AS b_longitude,
          (SELECT COUNT(*) FROM event e WHERE e.partnershipId = p.id) AS eventCount,
          (SELECT MAX(e.startDate) FROM event e WHERE e.partnershipId = p.id) AS lastEvent
        FROM partnership p
        JOIN city a ON a.id = p.cityA
        JOIN city b ON b.id = p.cityB
        """

    static func detail(from row: Row) throws -> PartnershipDetail {
        return PartnershipDetail(partnership: try Partnership(row: row), cityA: CitySummary(row: row, prefix: "a"),
                                 cityB: CitySummary(row: row, prefix: "b"),
                                 eventCount: row.lenientInt("eventCount") ?? 0, lastEvent: row.lenientDate("lastEvent"))
    }

    public func partnerships(_ filter: PartnershipFilter = PartnershipFilter()) throws -> [PartnershipDetail] {
        try read { db in
            let (clauses, args) = AppDatabase.partnershipClauses(filter)
            let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            // The order of `partnershipPage`, read the same way (no sort of the whole list without a city).
            return try AppDatabase.fetchDetails(db, sql: try AppDatabase.partnershipRowSQL(db, citiesInNameOrder: filter.cityId == nil)
                                                    + whereSQL + " ORDER BY a.searchKey, b.searchKey, p.id",
                                                arguments: StatementArguments(args))
        }
    }

    public func partnership(id: Int64) throws -> PartnershipDetail? {
        try read { db in
            try AppDatabase.fetchDetails(db, sql: try AppDatabase.partnershipRowSQL(db) + " WHERE p.id = ?", arguments: [id]).first
        }
    }

    /// Adds a partnership; a duplicate pair or a city with itself is refused with a plain message.
    @discardableResult
    public func addPartnership(_ partnership: Partnership) throws -> Partnership {
        try partnership.validate()
        return try write { db in try insertPartnership(db, partnership) }
    }

    /// Inserts and logs a validated partnership inside the caller's transaction.
    func insertPartnership(_ db: Database, _ partnership: Partnership) throws -> Partnership {
        var partnership = partnership
        try AppDatabase.checkPairIsNew(db, partnership)
        try partnership.insert(db)
        try log(db, .create, .partnership, id: partnership.id!, summary: try AppDatabase.describe(db, partnership),
                before: nil, after: ChangeJSON.encode(partnership))
        return partnership
    }

    static func checkPairIsNew(_ db: Database, _ partnership: Partnership) throws {
        let existing = try Int64.fetchOne(db, sql: "SELECT id FROM partnership WHERE cityA = ? AND cityB = ?",
                                          arguments: [partnership.cityA, partnership.cityB])
        if let existing, existing != partnership.id {
            let names = try String.fetchAll(db, sql: "SELECT name FROM city WHERE id IN (?, ?) ORDER BY id",
                                            arguments: [partnership.cityA, partnership.cityB])
            throw AppError.invalid(ValidationError(field: "cities", .alreadyPartnersNamed, "\(names.first ?? "?")",
                                                   "\(names.dropFirst().first ?? "?")", "\(existing)"))
        }
    }

    @discardableResult
    public func updatePartnership(_ partnership: Partnership) throws -> Partnership {
        var partnership = partnership
        try partnership.validate()
        guard let id = partnership.id else { throw AppError.notFound(Phrase(.partnershipNotSaved)) }
        return try write { db in
            let before = try Partnership.fetchOne(db, key: id)
            let expected = partnership.version
            partnership.version = expected + 1
            _ = try AppDatabase.updateChecked(db, record: partnership, id: id, expectedVersion: expected,
                                              table: Partnership.databaseTableName,
                                              deleted: Phrase(.partnershipDeletedWhileEditing, "\(id)"),
                                              changed: Phrase(.partnershipChangedWhileEditing, "\(id)"))
            try log(db, .update, .partnership, id: id, summary: try AppDatabase.describe(db, partnership),
                    before: before.map(ChangeJSON.encode), after: ChangeJSON.encode(partnership))
            return partnership
        }
    }

    /// Deletes a partnership with its events and contacts. Returns how many events went with it.
    @discardableResult
    public func removePartnership(id: Int64) throws -> Int {
        try write { db in
            guard let partnership = try Partnership.fetchOne(db, key: id) else {
                throw AppError.notFound(Phrase(.noPartnership, "\(id)"))
            }
            let events = try Event.filter(Event.Columns.partnershipId == id).fetchAll(db)
            let contacts = try Contact.filter(Column("partnershipId") == id).fetchAll(db)
            let summary = try AppDatabase.describe(db, partnership)
            let links = try ProjectLinks.of(db, partnershipId: id, contactIds: contacts.compactMap(\.id))
            _ = try Partnership.deleteOne(db, key: id)
            try log(db, .delete, .partnership, id: id, summary: summary,
                    before: ChangeJSON.encode(PartnershipSnapshot(partnership: partnership, events: events, contacts: contacts,
                                                                  projectLinks: links)),
                    after: nil)
            return events.count
        }
    }

    /// "partnership Dortmund ↔ Amiens", for the change log.
    static func describe(_ db: Database, _ partnership: Partnership) throws -> String {
        let a = try String.fetchOne(db, sql: "SELECT name FROM city WHERE id = ?", arguments: [partnership.cityA]) ?? "?"
        let b = try String.fetchOne(db, sql: "SELECT name FROM city WHERE id = ?", arguments: [partnership.cityB]) ?? "?"
        return "partnership \(a) ↔ \(b)"
    }

    /// The partnership between two cities, if any.
    public func partnership(between first: Int64, and second: Int64) throws -> Partnership? {
        try read { db in
            try Partnership.filter(Partnership.Columns.cityA == min(first, second) && Partnership.Columns.cityB == max(first, second))
                .fetchOne(db)
        }
    }
}

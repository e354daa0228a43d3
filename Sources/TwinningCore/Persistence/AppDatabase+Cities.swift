import Foundation
import GRDB

/// What a CITY argument resolved to.
public enum CityLookup: Equatable, Sendable {
    case found(City)
    case ambiguous([City])
    case notFound
}

extension AppDatabase {
    public func city(id: Int64) throws -> City? {
        try read { db in try City.fetchOne(db, key: id) }
    }

    public func city(geonameId: Int64) throws -> City? {
        try read { db in try City.filter(City.Columns.geonameId == geonameId).fetchOne(db) }
    }

    /// The register: cities a user added or that have a partnership, by name.
    public func registerCities() throws -> [City] {
        try read { db in
            try City.fetchAll(db, sql: "SELECT * FROM city WHERE \(AppDatabase.inRegisterSQL) ORDER BY searchKey")
        }
    }

    /// The register as summaries (no profile decoding), for the lists.
    /// - Parameter expected: how many cities it holds, if known (the first screen counted them).
    public func registerCitySummaries(expected: Int = 0) throws -> [CitySummary] {
        try read { db in
            try CitySummary.fetchAllByPosition(db, sql: """
                SELECT \(CitySummary.columnsSQL("city"))
                FROM city WHERE \(AppDatabase.inRegisterSQL) ORDER BY searchKey, id
                """, capacity: expected)
        }
    }

    /// A lightweight list of every city, for type-ahead pickers over the whole gazetteer.
    public func allCitySummaries() throws -> [CitySummary] {
        try read { db in
            try CitySummary.fetchAllByPosition(db, sql: """
                SELECT \(CitySummary.columnsSQL("city"))
                FROM city ORDER BY population IS NULL, population DESC, searchKey
                """, capacity: try Int.fetchOne(db, sql: "SELECT count(*) FROM city") ?? 0)
        }
    }

    /// Adds a city a user typed in (not from the gazetteer).
    @discardableResult
    public func addCity(_ city: City) throws -> City {
        var city = city
        city.canonicalizeProfileTags()
        try city.validate()
        return try write { db in
            try city.insert(db)
            try log(db, .create, .city, id: city.id!, summary: "city \(city.name)", before: nil, after: ChangeJSON.encode(city))
            return city
        }
    }

    /// Saves changes to a city, refusing if someone else saved it meanwhile.
    @discardableResult
    public func updateCity(_ city: City) throws -> City {
        var city = city
        city.canonicalizeProfileTags()
        try city.validate()
        guard let id = city.id else { throw AppError.notFound(Phrase(.cityNotSaved)) }
        return try write { db in
            let before = try City.fetchOne(db, key: id)
            let expected = city.version
            city.version = expected + 1
            _ = try AppDatabase.updateChecked(db, record: city, id: id, expectedVersion: expected,
                                              table: City.databaseTableName,
                                              deleted: Phrase(.cityDeletedWhileEditing, "\(city.name)"),
                                              changed: Phrase(.cityChangedWhileEditing, "\(city.name)"))
            try log(db, .update, .city, id: id, summary: "city \(city.name)", before: before.map(ChangeJSON.encode),
                    after: ChangeJSON.encode(city))
            return city
        }
    }

    /// Updates a row only if its version is still the one the editor read;
    /// else throws `AppError.conflict` with `deleted` or `changed`.
    static func updateChecked<R: MutablePersistableRecord>(_ db: Database, record: R, id: Int64, expectedVersion: Int,
                                                           table: String, deleted: Phrase, changed: Phrase) throws -> Bool {
        let current = try Int.fetchOne(db, sql: "SELECT version FROM \(table) WHERE id = ?", arguments: [id])
        guard let current else {
            throw AppError.conflict(deleted)
        }
        if current != expectedVersion {
            throw AppError.conflict(changed)
        }
        try record.update(db)
        return true
    }
}

/// The few columns of a city that lists and pickers need.
public struct CitySummary: Codable, Hashable, Sendable, FetchableRecord, Identifiable {
    public var id: Int64
    public var geonameId: Int64?
    public var name: String
    public var searchKey: String
    public var asciiKey: String
    public var countryCode: String
    public var admin1Name: String?
    public var population: Int?
    /// For the map; nil for a city added without coordinates.
    public var latitude: Double?
    public var longitude: Double?

    public init(id: Int64, geonameId: Int64?, name: String, searchKey: String, asciiKey: String,
                countryCode: String, admin1Name: String?, population: Int?, latitude: Double? = nil, longitude: Double? = nil) {
        self.id = id
        self.geonameId = geonameId
        self.name = name
        self.searchKey = searchKey
        self.asciiKey = asciiKey
        self.countryCode = countryCode
        self.admin1Name = admin1Name
        self.population = population
        self.latitude = latitude
        self.longitude = longitude
    }

    public init(_ city: City) {
        self.init(id: city.id ?? 0, geonameId: city.geonameId, name: city.name, searchKey: city.searchKey,
                  asciiKey: city.asciiKey, countryCode: city.countryCode, admin1Name: city.admin1Name,
                  population: city.population, latitude: city.latitude, longitude: city.longitude)
    }
}

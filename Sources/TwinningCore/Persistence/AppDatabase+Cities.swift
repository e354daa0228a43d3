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

    /// Diacritic- and case-insensitive name search: names that start with the
    /// text first, then names that contain it; larger cities first in each group.
    public func searchCities(_ text: String, country: String? = nil, limit: Int = 20) throws -> [City] {
        let key = SearchKey.fold(text.trimmingCharacters(in: .whitespaces))
        guard !key.isEmpty else { return [] }
        let upper = key + "\u{10FFFF}"
        return try read { db in
            var countrySQL = ""
            var args: [any DatabaseValueConvertible] = [key, upper, key, upper]
            if let country {
                countrySQL = " AND countryCode = ?"
                args.append(country.uppercased())
            }
            args.append(key)
            args.append(key)
            if let country { args.append(country.uppercased()) }
            args.append(limit)
            // Prefix matches use the indexes on searchKey / asciiKey; the
            // substring pass scans, which takes a few milliseconds for 70,000 names.
            let sql = """
                SELECT * FROM (
                  SELECT city.*, 0 AS rankGroup FROM city
                  WHERE ((searchKey >= ? AND searchKey < ?) OR (asciiKey >= ? AND asciiKey < ?))\(countrySQL)
                  UNION
                  SELECT city.*, 1 AS rankGroup FROM city
                  WHERE (instr(searchKey, ?) > 0 OR instr(asciiKey, ?) > 0)\(countrySQL)
                )
                GROUP BY id
                ORDER BY MIN(rankGroup), population IS NULL, population DESC, name
                LIMIT ?
                """
            return try City.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        }
    }

    /// Resolves a CITY argument: a GeoNames id, a name, or "Name, CC".
    /// A name that fits several cities equally well is ambiguous.
    public func lookupCity(_ reference: String) throws -> CityLookup {
        try read { db in try AppDatabase.lookupCity(db, reference) }
    }

    static func lookupCity(_ db: Database, _ reference: String) throws -> CityLookup {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if let number = Int64(text) {
            if let city = try City.filter(City.Columns.geonameId == number).fetchOne(db) { return .found(city) }
            if let city = try City.fetchOne(db, key: number), city.geonameId == nil { return .found(city) }
            return .notFound
        }
        var name = text
        var country: String?
        if let comma = text.lastIndex(of: ",") {
            let tail = text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if tail.count == 2, tail.allSatisfy(\.isLetter) {
                country = tail.uppercased()
                name = text[..<comma].trimmingCharacters(in: .whitespaces)
            }
        }
        return try lookupCity(db, name: name, country: country)
    }

    static func lookupCity(_ db: Database, name: String, country: String?) throws -> CityLookup {
        let key = SearchKey.fold(name)
        guard !key.isEmpty else { return .notFound }
        var request = City.filter(City.Columns.searchKey == key || Column("asciiKey") == key)
        if let country { request = request.filter(City.Columns.countryCode == country.uppercased()) }
        let exact = try request.order(City.Columns.population.desc).fetchAll(db)
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 {
            // Prefer the exact spelling when only one city has it ("Münster" vs "Munster").
            let nfc = name.precomposedStringWithCanonicalMapping
            let sameSpelling = exact.filter { $0.name == nfc }
            if sameSpelling.count == 1 { return .found(sameSpelling[0]) }
            return .ambiguous(sameSpelling.count > 1 ? sameSpelling : exact)
        }
        return .notFound
    }

    /// The register: cities a user added or that have a partnership, by name.
    public func registerCities() throws -> [City] {
        try read { db in
            try City.fetchAll(db, sql: "SELECT * FROM city WHERE \(AppDatabase.inRegisterSQL) ORDER BY searchKey")
        }
    }

    /// The register as summaries (no profile decoding), for the lists.
    public func registerCitySummaries() throws -> [CitySummary] {
        try read { db in
            try CitySummary.fetchAll(db, sql: """
                SELECT id, geonameId, name, searchKey, asciiKey, countryCode, admin1Name, population, latitude, longitude
                FROM city WHERE \(AppDatabase.inRegisterSQL) ORDER BY searchKey
                """)
        }
    }

    /// A lightweight list of every city, for type-ahead pickers over the whole gazetteer.
    public func allCitySummaries() throws -> [CitySummary] {
        try read { db in
            try CitySummary.fetchAll(db, sql: """
                SELECT id, geonameId, name, searchKey, asciiKey, countryCode, admin1Name, population, latitude, longitude
                FROM city ORDER BY population IS NULL, population DESC, searchKey
                """)
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
        guard let id = city.id else { throw AppError.notFound("This city has not been saved yet.") }
        return try write { db in
            let before = try City.fetchOne(db, key: id)
            let expected = city.version
            city.version = expected + 1
            _ = try AppDatabase.updateChecked(db, record: city, id: id, expectedVersion: expected,
                                              table: City.databaseTableName, what: "city \(city.name)")
            try log(db, .update, .city, id: id, summary: "city \(city.name)", before: before.map(ChangeJSON.encode),
                    after: ChangeJSON.encode(city))
            return city
        }
    }

    /// Updates a row only if its version is still the one the editor read.
    static func updateChecked<R: MutablePersistableRecord>(_ db: Database, record: R, id: Int64, expectedVersion: Int,
                                                           table: String, what: String) throws -> Bool {
        let current = try Int.fetchOne(db, sql: "SELECT version FROM \(table) WHERE id = ?", arguments: [id])
        guard let current else {
            throw AppError.conflict("The \(what) was deleted by someone else while you were editing it.")
        }
        if current != expectedVersion {
            throw AppError.conflict("The \(what) was changed by someone else while you were editing it.")
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

import Foundation
import GRDB

/// A city found by a search, with the other name that matched when it was
/// not the main one ("Wrocław" found as "Breslau").
public struct CityMatch: Hashable, Sendable {
    public var city: City
    public var matchedName: String?

    public init(city: City, matchedName: String? = nil) {
        self.city = city
        self.matchedName = matchedName
    }

    /// "Wrocław — Breslau", or the name alone.
    public var label: String {
        guard let matchedName else { return city.name }
        return city.name + " — " + matchedName
    }
}

extension AppDatabase {
    /// Name search, case- and accent-insensitive, over the main names and the
    /// other names (exonyms) of cities, also trying "ue"/"oe"/"ae" as umlauts.
    /// Exact names first, then names that start with the text, then main names
    /// that contain it; larger cities first within each group, so "Breslau"
    /// gives Wrocław (640,000) before Breslau, Ontario (5,000).
    public func searchCities(_ text: String, country: String? = nil, limit: Int = 20) throws -> [City] {
        try searchCityMatches(text, country: country, limit: limit).map(\.city)
    }

    public func searchCityMatches(_ text: String, country: String? = nil, limit: Int = 20) throws -> [CityMatch] {
        try read { db in try AppDatabase.searchCityMatches(db, text, country: country, limit: limit) }
    }

    static func searchCityMatches(_ db: Database, _ text: String, country: String?, limit: Int) throws -> [CityMatch] {
        let keys = NameVariants.keys(text)
        guard !keys.isEmpty, limit > 0 else { return [] }
        let names = try hasOtherNames(db)
        var parts: [String] = []
        var args: [any DatabaseValueConvertible] = []
        let marks = keys.map { _ in "?" }.joined(separator: ",")
        // rank: 0 exact main name, 1 exact other name, 2 main name starts with
        // it, 3 other name starts with it, 4 main name contains it. The order
        // shown uses rank / 2, so an exact other name ranks with exact main names.
        parts.append("SELECT id AS cid, 0 AS r, NULL AS matched FROM city WHERE searchKey IN (\(marks)) OR asciiKey IN (\(marks))")
        args += keys + keys
        if names {
            parts.append("SELECT cityId, 1, name FROM city_name WHERE key IN (\(marks))")
            args += keys
        }
        for key in keys {
            let upper = key + "\u{10FFFF}"
            parts.append("SELECT id, 2, NULL FROM city WHERE (searchKey >= ? AND searchKey < ?) OR (asciiKey >= ? AND asciiKey < ?)")
            args += [key, upper, key, upper]
            if names {
                parts.append("SELECT cityId, 3, name FROM city_name WHERE key >= ? AND key < ?")
                args += [key, upper]
            }
            // A scan of the main names (a few ms for 70,000); other names are
            // only matched from their start, which the primary key serves.
            parts.append("SELECT id, 4, NULL FROM city WHERE instr(searchKey, ?) > 0 OR instr(asciiKey, ?) > 0")
            args += [key, key]
        }
        var countrySQL = ""
        if let country {
            countrySQL = "WHERE city.countryCode = ?"
            args.append(country.uppercased())
        }
        args.append(limit)
        // SQLite fills a bare column next to MIN() from the row holding the
        // minimum, so `matched` is the name of the best match of each city.
        let sql = """
            SELECT city.*, m.matched AS matchedName FROM (
              SELECT cid, MIN(r) AS rank, matched FROM (\(parts.joined(separator: " UNION ALL "))) GROUP BY cid
            ) m JOIN city ON city.id = m.cid \(countrySQL)
            ORDER BY m.rank / 2, city.population IS NULL, city.population DESC, city.name
            LIMIT ?
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
            CityMatch(city: try City(row: row), matchedName: row["matchedName"])
        }
    }

    /// Names close to a text that matched nothing ("Dortmnud" → Dortmund), for
    /// "did you mean": at most two letters different (one for short names),
    /// fewest changes first, then larger cities.
    public func closestCities(_ text: String, country: String? = nil, limit: Int = 5) throws -> [CityMatch] {
        try read { db in try AppDatabase.closestCities(db, text, country: country, limit: limit) }
    }

    static func closestCities(_ db: Database, _ text: String, country: String?, limit: Int) throws -> [CityMatch] {
        guard let key = NameVariants.keys(text).last, key.count >= 3 else { return [] }
        let needle = Array(key.utf8)
        let ceiling = needle.count <= 4 ? 1 : 2
        let countrySQL = country == nil ? "" : " AND city.countryCode = ?"
        let countryArg: [any DatabaseValueConvertible] = country.map { [$0.uppercased()] } ?? []
        var best: [Int64: (distance: Int, matched: String?)] = [:]
        func consider(_ id: Int64, _ candidate: String, _ matched: String?) {
            guard let d = EditDistance.distance(needle, Array(candidate.utf8), limit: ceiling) else { return }
            if let known = best[id], known.distance <= d { return }
            best[id] = (d, matched)
        }
        let lengthSQL = "length(%@) BETWEEN \(max(1, needle.count - ceiling)) AND \(needle.count + ceiling)"
        let mains = try Row.fetchCursor(db, sql: "SELECT id, searchKey FROM city WHERE \(String(format: lengthSQL, "searchKey"))\(countrySQL)",
                                        arguments: StatementArguments(countryArg))
        while let row = try mains.next() { consider(row[0], row[1], nil) }
        if try hasOtherNames(db) {
            let others = try Row.fetchCursor(db, sql: """
                SELECT city_name.cityId, city_name.key, city_name.name FROM city_name JOIN city ON city.id = city_name.cityId
                WHERE \(String(format: lengthSQL, "city_name.key"))\(countrySQL)
                """, arguments: StatementArguments(countryArg))
            while let row = try others.next() { consider(row[0], row[1], row[2]) }
        }
        guard !best.isEmpty else { return [] }
        let cities = try City.fetchAll(db, keys: Array(best.keys))
        return cities.map { CityMatch(city: $0, matchedName: best[$0.id!]!.matched) }
            .sorted { a, b in
                let da = best[a.city.id!]!.distance, db = best[b.city.id!]!.distance
                if da != db { return da < db }
                return (a.city.population ?? -1) > (b.city.population ?? -1)
            }
            .prefix(limit).map { $0 }
    }

    /// False for a file of an earlier version opened read-only (no v7 yet).
    static func hasOtherNames(_ db: Database) throws -> Bool {
        try db.tableExists("city_name")
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
        return try lookupCity(db, name: name, country: country, askWhenOtherIsLarger: true)
    }

    /// Exact names only. The main name wins (an import of "Breslau, CA" keeps
    /// meaning the town in Ontario); other names (exonyms, "ue" for "ü") are
    /// tried when no main name fits. A person typing a CITY argument is asked
    /// (`askWhenOtherIsLarger`) when a city ten times larger is also called so:
    /// "Breslau" lists Wrocław and Breslau, Ontario rather than picking one.
    static func lookupCity(_ db: Database, name: String, country: String?, askWhenOtherIsLarger: Bool = false) throws -> CityLookup {
        let keys = NameVariants.keys(name)
        guard let key = keys.first else { return .notFound }
        func request(_ base: QueryInterfaceRequest<City>) -> QueryInterfaceRequest<City> {
            let filtered = country.map { base.filter(City.Columns.countryCode == $0.uppercased()) } ?? base
            return filtered.order(City.Columns.population.desc)
        }
        var exact = try request(City.filter(City.Columns.searchKey == key || Column("asciiKey") == key)).fetchAll(db)
        if exact.isEmpty, keys.count > 1 {
            exact = try request(City.filter(keys.dropFirst().contains(City.Columns.searchKey) || keys.dropFirst().contains(Column("asciiKey")))).fetchAll(db)
        }
        var others: [City] = []
        if try hasOtherNames(db) {
            let ids = Set(exact.compactMap(\.id))
            others = try request(City.filter(sql: "id IN (SELECT cityId FROM city_name WHERE key IN (\(keys.map { _ in "?" }.joined(separator: ","))))",
                                             arguments: StatementArguments(keys))).fetchAll(db)
                .filter { !ids.contains($0.id!) }
        }
        let largestOther = others.first?.population ?? 0
        if !exact.isEmpty {
            if askWhenOtherIsLarger, largestOther > 0, largestOther >= 10 * (exact.compactMap(\.population).max() ?? 0) {
                return .ambiguous(others + exact)
            }
            if exact.count == 1 { return .found(exact[0]) }
            // Prefer the exact spelling when only one city has it ("Münster" vs "Munster").
            let nfc = name.precomposedStringWithCanonicalMapping
            let sameSpelling = exact.filter { $0.name == nfc }
            if sameSpelling.count == 1 { return .found(sameSpelling[0]) }
            return .ambiguous(sameSpelling.count > 1 ? sameSpelling : exact)
        }
        if others.count == 1 { return .found(others[0]) }
        // "Frankfurt" is another name of Frankfurt am Main and of Frankfurt (Oder):
        // the person is asked, never guessed for (a visit must not land on the wrong city).
        if others.count > 1 { return .ambiguous(others) }
        return .notFound
    }
}

extension AppDatabase {
    /// The other names of every city that has some (city id → names), for
    /// the pickers' in-memory index. Empty for a file of an earlier version.
    public func otherNamesByCity() throws -> [Int64: [String]] {
        try read { db in
            guard try AppDatabase.hasOtherNames(db) else { return [:] }
            var names: [Int64: [String]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT cityId, name FROM city_name ORDER BY cityId, key")
            while let row = try rows.next() { names[row[0], default: []].append(row[1]) }
            return names
        }
    }
}

import Foundation
import GRDB

// The lists the full-screen program reads on every start and reload, decoded
// by column position. Decoding 70,000 rows through `Codable` looks every
// column up by name (GRDB lower-cases each name per row): that was the top
// self-time symbol of the first screen. The values are read just as leniently
// as `LenientRow.swift` reads them by name.

extension Row {
    func lenientInt(at index: Int) -> Int? {
        switch (self[index] as DatabaseValue).storage {
        case .int64(let number): return Int(number)
        case .double(let number): return number.isFinite ? SafeMath.int(number) : nil
        case .null, .string, .blob: return nil
        }
    }

    func lenientInt64(at index: Int) -> Int64? {
        switch (self[index] as DatabaseValue).storage {
        case .int64(let number): return number
        case .double, .null, .string, .blob: return nil
        }
    }

    func lenientCoordinate(at index: Int, limit: Double) -> Double? {
        switch (self[index] as DatabaseValue).storage {
        case .int64(let number): return abs(Double(number)) <= limit ? Double(number) : nil
        case .double(let number): return number.isFinite && abs(number) <= limit ? number : nil
        case .null, .string, .blob: return nil
        }
    }

    func lenientText(at index: Int) -> String? {
        switch (self[index] as DatabaseValue).storage {
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        case .null: return nil
        }
    }
}

extension CitySummary {
    /// The ten columns of `CitySummary.columnsSQL`, starting at column `start`.
    init(row: Row, at start: Int) {
        self.init(id: row.lenientInt64(at: start) ?? 0, geonameId: row.lenientInt64(at: start + 1),
                  name: row.lenientText(at: start + 2) ?? "", searchKey: row.lenientText(at: start + 3) ?? "",
                  asciiKey: row.lenientText(at: start + 4) ?? "", countryCode: row.lenientText(at: start + 5) ?? "",
                  admin1Name: row.lenientText(at: start + 6), population: row.lenientInt(at: start + 7),
                  latitude: row.lenientCoordinate(at: start + 8, limit: 90), longitude: row.lenientCoordinate(at: start + 9, limit: 180))
    }

    /// The columns `init(row:at:)` reads, in its order, of the table or alias `table`.
    static func columnsSQL(_ table: String) -> String {
        ["id", "geonameId", "name", "searchKey", "asciiKey", "countryCode", "admin1Name", "population", "latitude", "longitude"]
            .map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// The rows of `sql`, which selects `columnsSQL` first (read with SQLite's column functions: RawCityColumns.swift).
    /// - Parameter capacity: how many rows are expected (room is made for them
    ///   at once: growing by doubling held the old and the new buffer at once).
    static func fetchAllByPosition(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(),
                                   capacity: Int = 0) throws -> [CitySummary] {
        var result: [CitySummary] = []
        result.reserveCapacity(max(0, capacity))
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() { result.append(CitySummary(RawColumns(statement: statement.sqliteStatement, row: row))) }
        return result
    }

    /// The same rows read through `Row` only: what the fast read must equal (tests).
    static func fetchAllThroughRows(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [CitySummary] {
        var result: [CitySummary] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { result.append(CitySummary(row: row, at: 0)) }
        return result
    }
}

extension AppDatabase {
    /// How many partnerships each city has, counted by SQLite (the lists used
    /// to count them over every partnership read into memory). Two grouped
    /// scans of the two city indexes: grouping a UNION of both columns made
    /// SQLite sort every partnership twice over (66 ms against 27 ms in sqlite3 on the 10× database).
    public func partnerCountsByCity() throws -> [Int64: Int] {
        try read { db in
            var counts: [Int64: Int] = [:]
            for column in ["cityA", "cityB"] {
                let rows = try Row.fetchCursor(db, sql: "SELECT \(column), COUNT(*) FROM partnership GROUP BY \(column)")
                while let row = try rows.next() {
                    if let id = row.lenientInt64(at: 0) { counts[id, default: 0] += row.lenientInt(at: 1) ?? 0 }
                }
            }
            return counts
        }
    }

    /// One city's partnerships (two index look-ups).
    public func partnerCount(cityId: Int64) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM partnership WHERE cityA = ?1) + (SELECT COUNT(*) FROM partnership WHERE cityB = ?1)
                """, arguments: [cityId]) ?? 0
        }
    }

    /// The folded other names (exonyms) of the register's cities, by city id,
    /// each city's in key order: what a register filter also matches, read
    /// as stored (`city_name.key` is the folded name) instead of folding
    /// every name of the gazetteer at start. (The same cities as
    /// `inRegisterSQL`, asked the other way round: 4× faster than a
    /// correlated EXISTS per city_name row.)
    public func registerOtherNameKeys() throws -> [Int64: [String]] {
        try read { db in
            guard try AppDatabase.hasOtherNames(db) else { return [:] }
            var keys: [Int64: [String]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT cityId, key FROM city_name WHERE cityId IN
                  (SELECT cityA FROM partnership UNION ALL SELECT cityB FROM partnership
                   UNION ALL SELECT id FROM city WHERE addedByUser = 1)
                ORDER BY cityId, key
                """)
            while let row = try rows.next() {
                guard let id = row.lenientInt64(at: 0), let key = row.lenientText(at: 1) else { continue }
                keys[id, default: []].append(key)
            }
            return keys
        }
    }
}

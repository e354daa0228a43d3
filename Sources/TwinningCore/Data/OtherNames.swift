import Foundation
import GRDB

/// The other names of gazetteer cities, from the shipped `city_names.tsv`
/// (GeoNames alternate names, CC BY 4.0; derived by Scripts/derive-city-names.py).
enum OtherNames {
    /// Adds the other names of every gazetteer city in the database that has
    /// none yet. A missing data file leaves the names out (search then finds
    /// main names only) rather than stopping the database from opening.
    static func fill(_ db: Database) throws {
        guard let url = try? DataFiles.url(for: "city_names.tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        var cityOf: [Int64: (id: Int64, keys: Set<String>)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, geonameId, searchKey, asciiKey FROM city
            WHERE geonameId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM city_name WHERE cityId = city.id)
            """)
        while let row = try rows.next() {
            cityOf[row[1]] = (row[0], [row[2], row[3]])
        }
        guard !cityOf.isEmpty else { return }
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO city_name (key, cityId, name) VALUES (?, ?, ?)")
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst() {
            guard let tab = line.firstIndex(of: "\t"), let geonameId = Int64(line[..<tab]),
                  let city = cityOf[geonameId] else { continue }
            for name in line[line.index(after: tab)...].split(separator: "|") {
                let name = String(name).precomposedStringWithCanonicalMapping
                let key = SearchKey.fold(name)
                // Control characters never reach the database, whatever the file holds.
                guard !key.isEmpty, !city.keys.contains(key),
                      !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { continue }
                try insert.execute(arguments: [key, city.id, name])
            }
        }
    }
}

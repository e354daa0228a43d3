import Foundation
import GRDB
@testable import TwinningCore

/// A small register in memory: a few real cities (with their GeoNames ids) and
/// two partnerships, enough for every query without loading the gazetteer.
enum Fixtures {
    static let cities: [City] = [
        City(geonameId: 2934246, name: "Düsseldorf", asciiName: "Dusseldorf", countryCode: "DE", admin1Code: "07",
             admin1Name: "North Rhine-Westphalia", latitude: 51.22319, longitude: 6.77927, population: 618685, timezone: "Europe/Berlin"),
        City(geonameId: 2935517, name: "Dortmund", asciiName: "Dortmund", countryCode: "DE", admin1Code: "07",
             admin1Name: "North Rhine-Westphalia", latitude: 51.51494, longitude: 7.466, population: 588462, timezone: "Europe/Berlin"),
        City(geonameId: 3037854, name: "Amiens", asciiName: "Amiens", countryCode: "FR", latitude: 49.9, longitude: 2.3, population: 143086),
        City(geonameId: 3094802, name: "Kraków", asciiName: "Krakow", countryCode: "PL", latitude: 50.06, longitude: 19.94, population: 816614),
        City(geonameId: 1850147, name: "東京", asciiName: "Tokyo", countryCode: "JP", latitude: 35.69, longitude: 139.69, population: 8336599),
        City(geonameId: 776029, name: "Ełk", asciiName: "Elk", countryCode: "PL", latitude: 53.83, longitude: 22.36, population: 61677),
        City(geonameId: 2867543, name: "Münster", asciiName: "Muenster", countryCode: "DE", population: 270184),
        City(geonameId: 2867544, name: "Munster", asciiName: "Munster", countryCode: "DE", population: 15000),
        City(geonameId: 4951305, name: "Springfield", countryCode: "US", population: 153703),
        City(geonameId: 4409896, name: "Springfield", countryCode: "US", population: 166810),
    ]

    static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.write { db in
            for var city in cities { try city.insert(db) }
        }
        return database
    }

    static func id(_ db: AppDatabase, _ geonameId: Int64) throws -> Int64 {
        try db.city(geonameId: geonameId)!.id!
    }

    static func write(_ text: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

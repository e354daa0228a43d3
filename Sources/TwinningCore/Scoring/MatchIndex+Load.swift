import Foundation
import GRDB

extension MatchIndex {
    /// The countries of countries.tsv (name and languages, main language first).
    public static func loadCountries() throws -> [MatchCountry] {
        let table = try Table.read(path: try DataFiles.url(for: "countries.tsv").path)
        return table.records.compactMap { r in
            guard let code = r["iso"] else { return nil }
            return MatchCountry(code: code, name: r["name"] ?? code, languages: Features.languageCodes(r["languages"] ?? ""))
        }
    }

    /// Every city of the database and every partnership (any status or type)
    /// as the known network, in one read transaction.
    public static func load(from database: AppDatabase, countries: [MatchCountry]? = nil) throws -> MatchIndex {
        let countries = try countries ?? loadCountries()
        // The character files are read here, when the match explorer first needs them, never at start-up;
        // before the cities, so that the file's bytes are gone again before the columns grow (a lower peak).
        let characters = try CharacterTable.shared
        let (columns, pairs) = try database.read { db -> (Columns, [(Int64, Int64)]) in
            var columns = Columns(countries: countries, capacity: try Int.fetchOne(db, sql: "SELECT count(*) FROM city") ?? 0)
            // Row by row into the columns, in index order: GeoNames cities along
            // the unique index, then the cities users added (no GeoNames id) by id.
            for sql in ["SELECT \(columnList) FROM city WHERE geonameId IS NOT NULL ORDER BY geonameId",
                        "SELECT \(columnList) FROM city WHERE geonameId IS NULL ORDER BY id"] {
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() {
                    // Profiles are rare: decode the JSON tag lists only when not empty.
                    let strengths: String = row["strengths"], challenges: String = row["challenges"], themes: String = row["themes"]
                    columns.append(MatchCityRecord(
                        cityId: row["id"], geonameId: row["geonameId"], name: row["name"], countryCode: row["countryCode"],
                        admin1Code: row["admin1Code"], admin1Name: row["admin1Name"], latitude: row.lenientCoordinate("latitude", limit: 90),
                        longitude: row.lenientCoordinate("longitude", limit: 180), population: row.lenientInt("population"),
                        strengths: strengths == "[]" ? [] : MatchIndex.tags(strengths),
                        challenges: challenges == "[]" ? [] : MatchIndex.tags(challenges), seeking: row["seekingPartners"],
                        themes: themes == "[]" ? [] : MatchIndex.tags(themes)))
                }
            }
            columns.addEvidence(try MatchIndex.projectEvidence(db))
            var pairs: [(Int64, Int64)] = []
            let links = try Row.fetchCursor(db, sql: "SELECT cityA, cityB FROM partnership")
            while let row = try links.next() { pairs.append((row[0], row[1])) }
            return (columns, pairs)
        }
        return MatchIndex(columns: columns, partnerships: pairs, characters: characters)
    }

    private static let columnList = """
        id, geonameId, name, countryCode, admin1Code, admin1Name, latitude, longitude, population,
        strengths, challenges, themes, seekingPartners
        """

    static func tags(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// The gazetteer straight from cities.tsv (city id = GeoNames id), for
    /// evaluations that need no database.
    public static func gazetteerRecords(path: String? = nil) throws -> [MatchCityRecord] {
        let table = try Table.read(path: try path ?? DataFiles.url(for: "cities.tsv").path)
        return table.records.compactMap { r in
            guard let id = r["geonameid"].flatMap({ Int64($0) }), let country = r["country_code"] else { return nil }
            return MatchCityRecord(cityId: id, geonameId: id, name: r["name"] ?? String(id), countryCode: country,
                                   admin1Code: r["admin1_code"], admin1Name: r["admin1_name"],
                                   latitude: r["latitude"].flatMap(Double.init), longitude: r["longitude"].flatMap(Double.init),
                                   population: r["population"].flatMap { Int($0) })
        }
    }
}

/// The engine as the program uses it: the index of one database, a ranker
/// with its cache, and the reviews to respect.
public final class MatchEngine: @unchecked Sendable {
    public let database: AppDatabase?
    public let index: MatchIndex
    public let ranker: Ranker

    public init(index: MatchIndex, database: AppDatabase? = nil) {
        self.index = index
        self.database = database
        self.ranker = Ranker(index: index)
    }

    /// Reads the database once (cities, partnerships); reload after the register changes.
    public convenience init(database: AppDatabase) throws {
        self.init(index: try MatchIndex.load(from: database), database: database)
    }

    /// Ranks candidates for the city with database id `home`, leaving out
    /// those rejected or snoozed in a review.
    public func rank(home cityId: Int64, profile: WeightProfile, filters: MatchFilters = MatchFilters(),
                     today: String = AppDatabase.today()) throws -> Ranking {
        guard let home = index.position(cityId: cityId) else {
            throw AppError.notFound(Phrase(.notInMatchIndexReload, "\(cityId)"))
        }
        let excluded = try database?.reviewExclusions(home: cityId, today: today) ?? []
        return ranker.rank(home: home, profile: profile, filters: filters, excluded: excluded)
    }

    /// "Why not X?" for the city with database id `other`.
    public func whyNot(home cityId: Int64, other: Int64, profile: WeightProfile, filters: MatchFilters = MatchFilters(),
                       today: String = AppDatabase.today()) throws -> WhyNot {
        guard let position = index.position(cityId: other) else {
            throw AppError.notFound(Phrase(.notInMatchIndex, "\(other)"))
        }
        let excluded = try database?.reviewExclusions(home: cityId, today: today) ?? []
        let ranking = try rank(home: cityId, profile: profile, filters: filters, today: today)
        return ranking.whyNot(position: position, excluded: excluded)
    }
}

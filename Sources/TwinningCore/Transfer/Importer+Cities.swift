import Foundation
import GRDB

extension Importer {
    public static let cityColumns = ["geonameid", "name", "ascii_name", "country_code", "admin1_code", "admin1_name",
                                     "latitude", "longitude", "population", "timezone", "themes", "strengths",
                                     "challenges", "notes", "seeking_partners", "added_by_user"]

    @discardableResult
    public func importCities(path: String) throws -> ImportReport {
        try importCities(Table.read(path: path))
    }

    /// What a cities import will write, worked out from reads.
    struct CityPlan {
        var inserts: [(TableRecord, City)] = []
        /// The merged row, its copy before (JSON, for undo) and the version it had.
        var updates: [(record: TableRecord, city: City, before: String)] = []
        var unchanged = 0
    }

    @discardableResult
    public func importCities(_ table: Table) throws -> ImportReport {
        let started = Date()
        try checkColumns(table, allowed: Self.cityColumns, required: ["name", "country_code"])
        let columns = Set(table.header)
        let cities = try parseCities(table)
        let guardBefore = try WriteGuard.before(database)
        var plan = try database.read { db in try planCities(db, table, cities, columns: columns) }
        var report = ImportReport()
        let total = cities.count
        let (changeId, held) = try writePhase { db -> Int64? in
            // Someone wrote since the plan was made: make it again, now under the lock.
            if try WriteGuard.current(db) != guardBefore {
                plan = try planCities(db, table, cities, columns: columns)
            }
            let insert = try BatchInsert(db, table: "city", columns: [
                "geonameId", "name", "searchKey", "asciiKey", "countryCode", "admin1Code", "admin1Name",
                "latitude", "longitude", "population", "timezone", "themes", "strengths", "challenges",
                "notes", "seekingPartners", "addedByUser",
            ])
            let update = try db.makeStatement(sql: """
                UPDATE city SET name = ?, searchKey = ?, asciiKey = ?, countryCode = ?, admin1Code = ?, admin1Name = ?,
                  latitude = ?, longitude = ?, population = ?, timezone = ?, themes = ?, strengths = ?, challenges = ?,
                  notes = ?, seekingPartners = ?, version = version + 1
                WHERE id = ? AND version = ?
                """)
            var created: [[Int64]] = []
            let inserts = plan.inserts
            let ids = try insert.insert(count: inserts.count, values: { i in
                let city = inserts[i].1
                return [
                    city.geonameId, city.name, city.searchKey, city.asciiKey, city.countryCode, city.admin1Code,
                    city.admin1Name, city.latitude, city.longitude, city.population, city.timezone,
                    Importer.jsonText(city.themes), Importer.jsonText(city.strengths), Importer.jsonText(city.challenges),
                    city.notes, city.seekingPartners, city.addedByUser,
                ]
            }, failure: { i, error in rowError(table, inserts[i].0, error) },
               progress: { i in if i % 5000 < BatchInsert.rowsPerStatement { progress?(i, total) } })
            for id in ids { ImportSummary.append(id, to: &created) }
            for (record, city, _) in plan.updates {
                do {
                    try update.execute(arguments: [
                        city.name, city.searchKey, city.asciiKey, city.countryCode, city.admin1Code, city.admin1Name,
                        city.latitude, city.longitude, city.population, city.timezone,
                        Importer.jsonText(city.themes), Importer.jsonText(city.strengths), Importer.jsonText(city.challenges),
                        city.notes, city.seekingPartners, city.id, city.version,
                    ])
                } catch {
                    throw rowError(table, record, error)
                }
                // Cannot happen while the guard holds; if it does, nothing is written.
                if db.changesCount != 1 {
                    throw table.error(record, .cityChangedDuringImport, "\(TextSafety.sanitized(city.name))")
                }
            }
            report.added = plan.inserts.count
            report.updated = plan.updates.count
            report.unchanged = plan.unchanged
            guard let changeId = try logImport(db, table: table, kind: "cities", entity: .city, report: report, created: created) else {
                return nil
            }
            let remember = try db.makeStatement(sql: "INSERT INTO import_row (changeId, entity, entityId, version, before) VALUES (?, 'city', ?, ?, ?)")
            for (_, city, before) in plan.updates {
                try remember.execute(arguments: [changeId, city.id, city.version + 1, before])
            }
            return changeId
        }
        progress?(total, total)
        report.changeId = changeId
        report.lockSeconds = held
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Every row as a checked City, before the database is asked anything.
    private func parseCities(_ table: Table) throws -> [(TableRecord, City)] {
        var cities: [(TableRecord, City)] = []
        cities.reserveCapacity(table.records.count)
        var seenIds: [Int64: Int] = [:]
        for record in table.records {
            let f = FieldParser(table: table, record: record)
            let geonameId = try f.int64("geonameid")
            let city = City(geonameId: geonameId, name: try f.required("name"), asciiName: f.optional("ascii_name"),
                            countryCode: try f.required("country_code"), admin1Code: f.optional("admin1_code"),
                            admin1Name: f.optional("admin1_name"), latitude: try f.double("latitude"),
                            longitude: try f.double("longitude"), population: try f.int("population"),
                            timezone: f.optional("timezone"), themes: f.tags("themes"), strengths: f.tags("strengths"),
                            challenges: f.tags("challenges"), notes: record.values["notes"] ?? "",
                            seekingPartners: try f.bool("seeking_partners") ?? false,
                            addedByUser: try f.bool("added_by_user") ?? (geonameId == nil))
            do {
                try city.validate()
            } catch let error as ValidationError {
                throw table.error(record, .field(columnName(error.field), error.phrase))
            }
            if let geonameId, let first = seenIds.updateValue(record.line, forKey: geonameId) {
                throw f.fail("geonameid", .geonameIdTwice, "\(geonameId)", "\(first)")
            }
            cities.append((record, city))
        }
        return cities
    }

    /// Exact name (NFC) and country: `-5` and `'-5`, `Neustadt` and `NEUSTADT` are different cities.
    static func nameKey(_ city: City) -> String { city.name + "\u{1F}" + city.countryCode }

    /// Which rows are new, which change a city already there, which are the
    /// same as what is there. A city with a GeoNames id is matched by it; one
    /// without by its exact name and country, so importing an export twice
    /// does not duplicate it. Several cities of one name and country (users
    /// may add them) are matched in order: the file's first to the oldest.
    func planCities(_ db: Database, _ table: Table, _ cities: [(TableRecord, City)], columns: Set<String>) throws -> CityPlan {
        var byGeonameId: [Int64: City] = [:]
        let ids = cities.compactMap { $0.1.geonameId }
        if !ids.isEmpty, try City.fetchCount(db) > 0 {
            let rows = try City.fetchCursor(db, sql: "SELECT * FROM city WHERE geonameId IN (SELECT value FROM json_each(?))",
                                            arguments: [Importer.jsonIds(ids)])
            while let city = try rows.next() { byGeonameId[city.geonameId!] = city }
        }
        var byName: [String: [City]] = [:]
        if ids.count < cities.count {
            for city in try City.fetchAll(db, sql: "SELECT * FROM city WHERE geonameId IS NULL ORDER BY id") {
                byName[Importer.nameKey(city), default: []].append(city)
            }
        }
        var used: [String: Int] = [:]
        var plan = CityPlan()
        for (record, city) in cities {
            var existing: City?
            if let geonameId = city.geonameId {
                existing = byGeonameId[geonameId]
            } else {
                let key = Importer.nameKey(city), index = used[key, default: 0]
                used[key] = index + 1
                if let same = byName[key], index < same.count { existing = same[index] }
            }
            guard let existing else {
                plan.inserts.append((record, city))
                continue
            }
            // Only the file's columns change a city already there: a file of
            // names and populations must not blank coordinates, region or profile.
            var merged = existing
            merged.rename(city.name)
            merged.countryCode = city.countryCode
            if columns.contains("ascii_name") { merged.asciiKey = city.asciiKey }
            if columns.contains("admin1_code") { merged.admin1Code = city.admin1Code }
            if columns.contains("admin1_name") { merged.admin1Name = city.admin1Name }
            if columns.contains("latitude") { merged.latitude = city.latitude }
            if columns.contains("longitude") { merged.longitude = city.longitude }
            if columns.contains("population") { merged.population = city.population }
            if columns.contains("timezone") { merged.timezone = city.timezone }
            if columns.contains("themes") { merged.themes = city.themes }
            if columns.contains("strengths") { merged.strengths = city.strengths }
            if columns.contains("challenges") { merged.challenges = city.challenges }
            if columns.contains("notes") { merged.notes = city.notes }
            if columns.contains("seeking_partners") { merged.seekingPartners = city.seekingPartners }
            if merged == existing {
                plan.unchanged += 1
            } else {
                plan.updates.append((record, merged, ChangeJSON.encode(existing)))
            }
        }
        return plan
    }
}

import Foundation
import GRDB

/// What an import did, for the message the user sees.
public struct ImportReport: Equatable, Sendable {
    public var added = 0
    public var updated = 0
    public var seconds: Double = 0
}

/// Reads cities, partnerships and events from files. Every import is all or
/// nothing: rows are checked first, then written in one transaction, and the
/// first bad row stops it with "FILE:LINE: what is wrong".
public struct Importer {
    public let database: AppDatabase
    /// Called with (rows done, rows in all) now and then, for a progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(database: AppDatabase, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.database = database
        self.progress = progress
    }

    // MARK: Cities

    public static let cityColumns = ["geonameid", "name", "ascii_name", "country_code", "admin1_code", "admin1_name",
                                     "latitude", "longitude", "population", "timezone", "themes", "strengths",
                                     "challenges", "notes", "seeking_partners", "added_by_user"]

    public func importCities(path: String) throws -> ImportReport {
        try importCities(Table.read(path: path))
    }

    public func importCities(_ table: Table) throws -> ImportReport {
        let started = Date()
        try checkColumns(table, allowed: Self.cityColumns, required: ["name", "country_code"])
        let hasProfile = table.header.contains { ["themes", "strengths", "challenges", "notes", "seeking_partners"].contains($0) }
        var cities: [(TableRecord, City)] = []
        cities.reserveCapacity(table.records.count)
        var seenIds = Set<Int64>()
        for record in table.records {
            let f = FieldParser(table: table, record: record)
            let geonameId = try f.int64("geonameid")
            if let geonameId, !seenIds.insert(geonameId).inserted {
                throw f.fail("geonameid", "\(geonameId) appears twice in this file")
            }
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
                throw table.error(record, "\(columnName(error.field)): \(error.message)")
            }
            cities.append((record, city))
        }
        var report = ImportReport()
        let total = cities.count
        try database.write { db in
            let upsert = try db.makeStatement(sql: """
                INSERT INTO city (geonameId, name, searchKey, asciiKey, countryCode, admin1Code, admin1Name,
                                  latitude, longitude, population, timezone, themes, strengths, challenges,
                                  notes, seekingPartners, addedByUser)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(geonameId) DO UPDATE SET
                  name = excluded.name, searchKey = excluded.searchKey, asciiKey = excluded.asciiKey,
                  countryCode = excluded.countryCode, admin1Code = excluded.admin1Code, admin1Name = excluded.admin1Name,
                  latitude = excluded.latitude, longitude = excluded.longitude, population = excluded.population,
                  timezone = excluded.timezone, version = version + 1
                  \(hasProfile ? """
                    , themes = excluded.themes, strengths = excluded.strengths, challenges = excluded.challenges,
                      notes = excluded.notes, seekingPartners = excluded.seekingPartners
                    """ : "")
                """)
            let before = try City.fetchCount(db)
            for (index, (record, city)) in cities.enumerated() {
                // A city without a GeoNames id is matched by name and country,
                // so importing an export twice does not duplicate it.
                if city.geonameId == nil,
                   let existing = try City.filter(City.Columns.searchKey == city.searchKey && City.Columns.countryCode == city.countryCode
                                                  && City.Columns.geonameId == nil).fetchOne(db) {
                    var updated = city
                    updated.id = existing.id
                    updated.version = existing.version + 1
                    try updated.update(db)
                    continue
                }
                do {
                    try upsert.execute(arguments: [
                        city.geonameId, city.name, city.searchKey, city.asciiKey, city.countryCode, city.admin1Code,
                        city.admin1Name, city.latitude, city.longitude, city.population, city.timezone,
                        jsonText(city.themes), jsonText(city.strengths), jsonText(city.challenges), city.notes,
                        city.seekingPartners, city.addedByUser,
                    ])
                } catch {
                    throw table.error(record, "\(AppError.from(error))")
                }
                if index % 5000 == 0 { progress?(index, total) }
            }
            let after = try City.fetchCount(db)
            report.added = after - before
            report.updated = total - report.added
        }
        progress?(total, total)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: Partnerships

    public static let partnershipColumns = ["id", "geonameid_a", "name_a", "country_a", "geonameid_b", "name_b", "country_b",
                                            "type", "status", "since", "until", "themes", "notes", "source"]

    public func importPartnerships(path: String) throws -> ImportReport {
        try importPartnerships(Table.read(path: path))
    }

    public func importPartnerships(_ table: Table, defaultSource: String = "") throws -> ImportReport {
        let started = Date()
        try checkColumns(table, allowed: Self.partnershipColumns, required: [])
        try checkCitySides(table)
        var report = ImportReport()
        try database.write { db in
            var seenPairs: [String: Int] = [:]
            let insert = try db.makeStatement(sql: """
                INSERT INTO partnership (cityA, cityB, type, status, since, until, themes, notes, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (index, record) in table.records.enumerated() {
                let f = FieldParser(table: table, record: record)
                let a = try resolveSide(db, f, side: "a")
                let b = try resolveSide(db, f, side: "b")
                if a.id == b.id {
                    throw table.error(record, "a city cannot be partnered with itself (\(TextSafety.sanitized(a.name)))")
                }
                let partnership = Partnership(between: a.id, and: b.id,
                                              type: try f.vocabulary("type", PartnershipType.self) ?? .partnership,
                                              status: try f.vocabulary("status", PartnershipStatus.self) ?? .active,
                                              since: try f.date("since"), until: try f.date("until"),
                                              themes: f.tags("themes"), notes: record.values["notes"] ?? "",
                                              source: f.optional("source") ?? defaultSource)
                do {
                    try partnership.validate()
                } catch let error as ValidationError {
                    throw table.error(record, "\(columnName(error.field)): \(error.message)")
                }
                let pairKey = "\(partnership.cityA)-\(partnership.cityB)"
                if let firstLine = seenPairs[pairKey] {
                    throw table.error(record, "duplicate pair: \(TextSafety.sanitized(a.name)) and \(TextSafety.sanitized(b.name)) are already on line \(firstLine)")
                }
                seenPairs[pairKey] = record.line
                do {
                    try insert.execute(arguments: [partnership.cityA, partnership.cityB, partnership.type.rawValue,
                                                   partnership.status.rawValue, partnership.since, partnership.until,
                                                   jsonText(partnership.themes), partnership.notes, partnership.source])
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT && (error.message ?? "").contains("UNIQUE") {
                    throw table.error(record, "duplicate pair: \(TextSafety.sanitized(a.name)) and \(TextSafety.sanitized(b.name)) are already partners in the database")
                } catch {
                    throw table.error(record, "\(AppError.from(error))")
                }
                report.added += 1
                if index % 2000 == 0 { progress?(index, table.records.count) }
            }
        }
        progress?(table.records.count, table.records.count)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: Events

    public static let eventColumns = ["id", "partnership_id", "geonameid_a", "name_a", "country_a", "geonameid_b", "name_b",
                                      "country_b", "title", "kind", "start", "end", "direction", "format",
                                      "participants", "youth", "participants_by_country", "notes"]

    public func importEvents(path: String) throws -> ImportReport {
        try importEvents(Table.read(path: path))
    }

    public func importEvents(_ table: Table) throws -> ImportReport {
        let started = Date()
        try checkColumns(table, allowed: Self.eventColumns, required: ["start"])
        if !table.header.contains("partnership_id") { try checkCitySides(table) }
        var report = ImportReport()
        try database.write { db in
            for record in table.records {
                let f = FieldParser(table: table, record: record)
                let partnership: Partnership
                var flipped = false
                if record["geonameid_a"] != nil || record["name_a"] != nil {
                    let a = try resolveSide(db, f, side: "a")
                    let b = try resolveSide(db, f, side: "b")
                    guard let found = try Partnership
                        .filter(Partnership.Columns.cityA == min(a.id, b.id) && Partnership.Columns.cityB == max(a.id, b.id))
                        .fetchOne(db) else {
                        throw table.error(record, "there is no partnership between \(TextSafety.sanitized(a.name)) and \(TextSafety.sanitized(b.name)); import or add it first")
                    }
                    partnership = found
                    flipped = a.id > b.id
                } else if let id = try f.int64("partnership_id") {
                    guard let found = try Partnership.fetchOne(db, key: id) else {
                        throw f.fail("partnership_id", "there is no partnership \(id)")
                    }
                    partnership = found
                } else {
                    throw table.error(record, "say which partnership: fill geonameid_a and geonameid_b (or name_a/country_a and name_b/country_b, or partnership_id)")
                }
                var direction = try f.vocabulary("direction", EventDirection.self) ?? .both
                // Directions refer to the file's A and B; this database may order the pair the other way.
                if flipped { direction = direction == .to_a ? .to_b : (direction == .to_b ? .to_a : direction) }
                guard let start = try f.date("start") else { throw f.fail("start", "is empty, but it is required") }
                var event = Event(partnershipId: partnership.id!, title: f.optional("title") ?? "",
                                  kind: try f.vocabulary("kind", EventKind.self) ?? .visit, startDate: start,
                                  endDate: try f.date("end"), direction: direction,
                                  format: try f.vocabulary("format", EventFormat.self) ?? .in_person,
                                  participants: try f.int("participants"), youth: try f.int("youth"),
                                  participantsByCountry: try f.countryCounts("participants_by_country"),
                                  notes: record.values["notes"] ?? "")
                do {
                    try event.validate()
                } catch let error as ValidationError {
                    throw table.error(record, "\(columnName(error.field)): \(error.message)")
                }
                do {
                    try event.insert(db)
                } catch {
                    throw table.error(record, "\(AppError.from(error))")
                }
                report.added += 1
            }
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: Helpers

    private func checkColumns(_ table: Table, allowed: [String], required: [String]) throws {
        for column in table.header where !allowed.contains(column) {
            throw ImportError(file: table.file, line: 1,
                              message: "unknown column \"\(TextSafety.excerpt(column))\"; the columns are: \(allowed.joined(separator: ", "))")
        }
        for column in required where !table.header.contains(column) {
            throw ImportError(file: table.file, line: 1, message: "the column \"\(column)\" is missing")
        }
    }

    /// A pair file names each side by GeoNames id, or by name and country code.
    private func checkCitySides(_ table: Table) throws {
        for side in ["a", "b"] {
            let byId = table.header.contains("geonameid_\(side)")
            let byName = table.header.contains("name_\(side)") && table.header.contains("country_\(side)")
            if !byId && !byName {
                throw ImportError(file: table.file, line: 1,
                                  message: "the columns geonameid_\(side) (or name_\(side) and country_\(side)) are missing")
            }
        }
    }

    /// The id and name of a city, which is all a pair needs.
    struct Side { let id: Int64; let name: String }

    private func resolveSide(_ db: Database, _ f: FieldParser, side: String) throws -> Side {
        if let geonameId = try f.int64("geonameid_\(side)") {
            let statement = try db.cachedStatement(sql: "SELECT id, name FROM city WHERE geonameId = ?")
            guard let row = try Row.fetchOne(statement, arguments: [geonameId]) else {
                throw f.fail("geonameid_\(side)", "unknown GeoNames id \(geonameId); import the city first")
            }
            return Side(id: row[0], name: row[1])
        }
        guard let name = f.optional("name_\(side)") else {
            throw f.fail("geonameid_\(side)", "is empty, and so is name_\(side)")
        }
        let country = f.optional("country_\(side)")
        switch try AppDatabase.lookupCity(db, name: name, country: country) {
        case .found(let city):
            return Side(id: city.id!, name: city.name)
        case .notFound:
            throw f.fail("name_\(side)", "no city called \"\(TextSafety.excerpt(name))\"\(country.map { " in \(TextSafety.excerpt($0))" } ?? "")")
        case .ambiguous(let cities):
            let list = cities.prefix(5).map { "\($0.label) (\($0.geonameId.map(String.init) ?? "no id"))" }.joined(separator: "; ")
            throw f.fail("name_\(side)", "\"\(TextSafety.excerpt(name))\" fits several cities: \(TextSafety.sanitized(list)); use geonameid_\(side)")
        }
    }

    /// Field names of the model, as the file's columns call them.
    private func columnName(_ field: String) -> String {
        ["country": "country_code", "end": "end", "participants_by_country": "participants_by_country"][field] ?? field
    }

    private func jsonText(_ tags: [String]) -> String {
        if tags.isEmpty { return "[]" }
        let data = try? JSONEncoder().encode(tags)
        return data.flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}

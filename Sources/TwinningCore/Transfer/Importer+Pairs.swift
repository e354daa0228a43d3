import Foundation
import GRDB

/// Partnerships and events name their cities by GeoNames id or by name and
/// country; everything is resolved from maps read once, before the write lock.
extension Importer {
    public static let partnershipColumns = ["id", "geonameid_a", "name_a", "country_a", "geonameid_b", "name_b", "country_b",
                                            "type", "status", "since", "until", "themes", "notes", "source"]

    public static let eventColumns = ["id", "partnership_id", "geonameid_a", "name_a", "country_a", "geonameid_b", "name_b",
                                      "country_b", "title", "kind", "start", "end", "direction", "format",
                                      "participants", "youth", "participants_by_country", "notes", "project"]

    /// The id and name of a city, which is all a pair needs.
    struct Side { let id: Int64; let name: String }

    struct Pair: Hashable { let a: Int64; let b: Int64 }

    /// Cities as the file names them, read once: by GeoNames id from one
    /// query, by name and country through the same look-up the CLI uses (once per name).
    final class CityResolver {
        let db: Database
        var byGeonameId: [Int64: Side] = [:]
        var byName: [String: Result<Side, ImportError>] = [:]

        init(_ db: Database, table: Table) throws {
            self.db = db
            var ids = Set<Int64>()
            for record in table.records {
                for side in ["a", "b"] {
                    if let text = record["geonameid_\(side)"], let id = Int64(text) { ids.insert(id) }
                }
            }
            if !ids.isEmpty {
                let rows = try Row.fetchCursor(db, sql: "SELECT geonameId, id, name FROM city WHERE geonameId IN (SELECT value FROM json_each(?))",
                                               arguments: [Importer.jsonIds(ids)])
                while let row = try rows.next() { byGeonameId[row[0]] = Side(id: row[1], name: row[2]) }
            }
        }

        func resolve(_ f: FieldParser, side: String) throws -> Side {
            if let geonameId = try f.int64("geonameid_\(side)") {
                guard let found = byGeonameId[geonameId] else {
                    throw f.fail("geonameid_\(side)", .unknownGeonameId, "\(geonameId)")
                }
                return found
            }
            guard let name = f.optional("name_\(side)") else {
                throw f.fail("geonameid_\(side)", .emptyAndNoName, "name_\(side)")
            }
            let country = f.optional("country_\(side)")
            let key = name + "\u{1F}" + (country ?? "")
            let result: Result<Side, ImportError>
            if let known = byName[key] {
                result = known
            } else {
                switch try AppDatabase.lookupCity(db, name: name, country: country) {
                case .found(let city):
                    result = .success(Side(id: city.id!, name: city.name))
                case .notFound:
                    result = .failure(country.map { f.fail("name_\(side)", .noCityCalledIn, "\(TextSafety.excerpt(name))", "\(TextSafety.excerpt($0))") }
                                      ?? f.fail("name_\(side)", .noCityCalled, "\(TextSafety.excerpt(name))"))
                case .ambiguous(let cities):
                    let list = cities.prefix(5).map { "\($0.label) (\($0.geonameId.map(String.init) ?? "no id"))" }.joined(separator: "; ")
                    result = .failure(f.fail("name_\(side)", .severalCities, "\(TextSafety.excerpt(name))", "\(TextSafety.sanitized(list))", "geonameid_\(side)"))
                }
                byName[key] = result
            }
            switch result {
            case .success(let found): return found
            // The message was made for the first row with this name: say this row.
            case .failure(let error): throw ImportError(file: error.file, line: f.record.line, phrase: error.phrase)
            }
        }
    }

    /// A pair file names each side by GeoNames id, or by name and country code.
    func checkCitySides(_ table: Table) throws {
        for side in ["a", "b"] {
            let byId = table.header.contains("geonameid_\(side)")
            let byName = table.header.contains("name_\(side)") && table.header.contains("country_\(side)")
            if !byId && !byName {
                throw ImportError(file: table.file, line: 1, .sideColumnsMissing, "geonameid_\(side)", "name_\(side)", "country_\(side)")
            }
        }
    }

    /// Inside the write transaction, when someone wrote since the checks: are
    /// the rows the file refers to still there? One query; the first row
    /// that refers to a vanished one is named.
    func recheckReferences(_ db: Database, table: Table, parent: String, ids: [(TableRecord, Int64)], what: ErrorText) throws {
        let distinct = Set(ids.map(\.1))
        let missing = try Set(Int64.fetchAll(db, sql: """
            SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM \(parent))
            """, arguments: [Importer.jsonIds(distinct)]))
        if let (record, id) = ids.first(where: { missing.contains($0.1) }) {
            throw table.error(record, what, "\(id)")
        }
    }

    // MARK: Partnerships

    @discardableResult
    public func importPartnerships(path: String) throws -> ImportReport {
        try importPartnerships(Table.read(path: path))
    }

    @discardableResult
    public func importPartnerships(_ table: Table, defaultSource: String = "") throws -> ImportReport {
        let started = Date()
        try checkColumns(table, allowed: Self.partnershipColumns, required: [])
        try checkCitySides(table)
        let guardBefore = try WriteGuard.before(database)
        let rows = try database.read { db -> [(TableRecord, Partnership, Side, Side)] in
            let cities = try CityResolver(db, table: table)
            var existing = Set<Pair>()
            let pairs = try Row.fetchCursor(db, sql: "SELECT cityA, cityB FROM partnership")
            while let row = try pairs.next() { existing.insert(Pair(a: row[0], b: row[1])) }
            var seenPairs: [Pair: Int] = [:]
            var rows: [(TableRecord, Partnership, Side, Side)] = []
            rows.reserveCapacity(table.records.count)
            for (index, record) in table.records.enumerated() {
                let f = FieldParser(table: table, record: record)
                let a = try cities.resolve(f, side: "a")
                let b = try cities.resolve(f, side: "b")
                if a.id == b.id {
                    throw table.error(record, .partnerOfItselfNamed, "\(TextSafety.sanitized(a.name))")
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
                    throw table.error(record, .field(columnName(error.field), error.phrase))
                }
                let pair = Pair(a: partnership.cityA, b: partnership.cityB)
                if let firstLine = seenPairs.updateValue(record.line, forKey: pair) {
                    throw table.error(record, .pairTwiceInFile, "\(TextSafety.sanitized(a.name))", "\(TextSafety.sanitized(b.name))", "\(firstLine)")
                }
                if existing.contains(pair) {
                    throw table.error(record, .pairInDatabase, "\(TextSafety.sanitized(a.name))", "\(TextSafety.sanitized(b.name))")
                }
                rows.append((record, partnership, a, b))
                if index % 20000 == 0 { progress?(index / 2, table.records.count) }
            }
            return rows
        }
        var report = ImportReport()
        let total = rows.count
        let (changeId, held) = try writePhase { db -> Int64? in
            if try WriteGuard.current(db) != guardBefore {
                try recheckReferences(db, table: table, parent: "city",
                                      ids: rows.flatMap { [($0.0, $0.1.cityA), ($0.0, $0.1.cityB)] }, what: .cityDeletedDuringCheck)
            }
            let insert = try BatchInsert(db, table: "partnership", columns: [
                "cityA", "cityB", "type", "status", "since", "until", "themes", "notes", "source",
            ])
            var created: [[Int64]] = []
            let ids = try insert.insert(count: rows.count, values: { i in
                let p = rows[i].1
                return [p.cityA, p.cityB, p.type.rawValue, p.status.rawValue, p.since?.iso, p.until?.iso,
                        Importer.jsonText(p.themes), p.notes, p.source]
            }, failure: { i, error in
                let (record, _, a, b) = rows[i]
                if let error = error as? DatabaseError, error.resultCode == .SQLITE_CONSTRAINT, (error.message ?? "").contains("UNIQUE") {
                    return table.error(record, .pairInDatabase, "\(TextSafety.sanitized(a.name))", "\(TextSafety.sanitized(b.name))")
                }
                return rowError(table, record, error)
            }, progress: { i in if i % 20000 < BatchInsert.rowsPerStatement { progress?((total + i) / 2, total) } })
            for id in ids { ImportSummary.append(id, to: &created) }
            report.added = total
            return try logImport(db, table: table, kind: "partnerships", entity: .partnership, report: report, created: created)
        }
        progress?(total, total)
        report.changeId = changeId
        report.lockSeconds = held
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    // MARK: Events

    @discardableResult
    public func importEvents(path: String) throws -> ImportReport {
        try importEvents(Table.read(path: path))
    }

    @discardableResult
    public func importEvents(_ table: Table) throws -> ImportReport {
        let started = Date()
        try checkColumns(table, allowed: Self.eventColumns, required: ["start"])
        if !table.header.contains("partnership_id") { try checkCitySides(table) }
        let guardBefore = try WriteGuard.before(database)
        let events = try database.read { db -> [(TableRecord, Event)] in
            let bySides = table.header.contains("geonameid_a") || table.header.contains("name_a")
            let cities = try bySides ? CityResolver(db, table: table) : nil
            // Partnerships by pair (for rows that name the cities) and by id.
            var byPair: [Pair: Int64] = [:]
            var ids = Set<Int64>()
            let partnerships = try Row.fetchCursor(db, sql: "SELECT id, cityA, cityB FROM partnership")
            while let row = try partnerships.next() {
                let id: Int64 = row[0]
                ids.insert(id)
                if bySides { byPair[Pair(a: row[1], b: row[2])] = id }
            }
            // Joint projects by folded title (the "project" column; empty = none).
            var projects: [String: [Int64]] = [:]
            if table.header.contains("project"), try AppDatabase.hasProjects(db) {
                for row in try Row.fetchAll(db, sql: "SELECT id, titleKey FROM project") { projects[row["titleKey"], default: []].append(row["id"]) }
            }
            var events: [(TableRecord, Event)] = []
            events.reserveCapacity(table.records.count)
            for (index, record) in table.records.enumerated() {
                let f = FieldParser(table: table, record: record)
                let partnershipId: Int64
                var flipped = false
                if let cities, record["geonameid_a"] != nil || record["name_a"] != nil {
                    let a = try cities.resolve(f, side: "a")
                    let b = try cities.resolve(f, side: "b")
                    guard let found = byPair[Pair(a: min(a.id, b.id), b: max(a.id, b.id))] else {
                        throw table.error(record, .noPartnershipBetween, "\(TextSafety.sanitized(a.name))", "\(TextSafety.sanitized(b.name))")
                    }
                    partnershipId = found
                    flipped = a.id > b.id
                } else if let id = try f.int64("partnership_id") {
                    guard ids.contains(id) else { throw f.fail("partnership_id", .noPartnershipId, "\(id)") }
                    partnershipId = id
                } else {
                    throw table.error(record, .sayWhichPartnership)
                }
                var direction = try f.vocabulary("direction", EventDirection.self) ?? .both
                // Directions refer to the file's A and B; this database may order the pair the other way.
                if flipped { direction = direction == .to_a ? .to_b : (direction == .to_b ? .to_a : direction) }
                guard let start = try f.date("start") else { throw f.fail("start", .requiredEmpty) }
                let parsed = Event(id: try f.int64("id"), partnershipId: partnershipId, title: f.optional("title") ?? "",
                                  kind: try f.vocabulary("kind", EventKind.self) ?? .visit, startDate: start,
                                  endDate: try f.date("end"), direction: direction,
                                  format: try f.vocabulary("format", EventFormat.self) ?? .in_person,
                                  participants: try f.int("participants"), youth: try f.int("youth"),
                                  participantsByCountry: try f.countryCounts("participants_by_country"),
                                  notes: record.values["notes"] ?? "")
                var linked = parsed
                if let title = f.optional("project"), !title.trimmingCharacters(in: .whitespaces).isEmpty {
                    let ids = projects[SearchKey.fold(title)] ?? []
                    guard ids.count == 1 else {
                        throw f.fail("project", ids.isEmpty ? Phrase(.noProjectImportFirst, "\(TextSafety.excerpt(title))")
                                                            : Phrase(.projectsCalled, "\(ids.count)", "\(TextSafety.excerpt(title))"))
                    }
                    linked.projectId = ids[0]
                }
                let event = linked
                do {
                    try event.validate()
                } catch let error as ValidationError {
                    throw table.error(record, .field(columnName(error.field), error.phrase))
                }
                events.append((record, event))
                if index % 20000 == 0 { progress?(index / 2, table.records.count) }
            }
            return events
        }
        var report = ImportReport()
        let total = events.count
        let keepProjects = !table.header.contains("project")
        var plan = try database.read { db in try planEvents(db, events, keepProjects: keepProjects) }
        let (changeId, held) = try writePhase { db -> Int64? in
            if try WriteGuard.current(db) != guardBefore {
                try recheckReferences(db, table: table, parent: "partnership", ids: events.map { ($0.0, $0.1.partnershipId) },
                                      what: .partnershipDeletedDuringCheck)
                plan = try planEvents(db, events, keepProjects: keepProjects)
            }
            let insert = try BatchInsert(db, table: "event", columns: [
                "partnershipId", "title", "kind", "startDate", "endDate", "direction", "format", "participants", "youth",
                "participantsByCountry", "notes", "projectId",
            ])
            let update = try db.makeStatement(sql: """
                UPDATE event SET title = ?, kind = ?, startDate = ?, endDate = ?, direction = ?, format = ?, participants = ?,
                  youth = ?, participantsByCountry = ?, notes = ?, projectId = ?, version = version + 1
                WHERE id = ? AND version = ?
                """)
            var created: [[Int64]] = []
            let inserts = plan.inserts
            let ids = try insert.insert(count: inserts.count, values: { i in
                let e = inserts[i].1
                return [e.partnershipId, e.title, e.kind.rawValue, e.startDate.iso, e.endDate?.iso, e.direction.rawValue,
                        e.format.rawValue, e.participants, e.youth, Importer.jsonText(e.participantsByCountry), e.notes, e.projectId]
            }, failure: { i, error in rowError(table, inserts[i].0, error) },
               progress: { i in if i % 20000 < BatchInsert.rowsPerStatement { progress?((total + i) / 2, total) } })
            for id in ids { ImportSummary.append(id, to: &created) }
            for (record, e, _) in plan.updates {
                do {
                    try update.execute(arguments: [e.title, e.kind.rawValue, e.startDate.iso, e.endDate?.iso, e.direction.rawValue,
                                                   e.format.rawValue, e.participants, e.youth,
                                                   Importer.jsonText(e.participantsByCountry), e.notes, e.projectId, e.id, e.version])
                } catch {
                    throw rowError(table, record, error)
                }
                if db.changesCount != 1 {
                    throw table.error(record, .eventChangedDuringImport, "\(e.id!)")
                }
            }
            report.added = plan.inserts.count
            report.updated = plan.updates.count
            report.unchanged = plan.unchanged
            guard let changeId = try logImport(db, table: table, kind: "events", entity: .event, report: report, created: created) else {
                return nil
            }
            let remember = try db.makeStatement(sql: "INSERT INTO import_row (changeId, entity, entityId, version, before) VALUES (?, 'event', ?, ?, ?)")
            for (_, e, before) in plan.updates {
                try remember.execute(arguments: [changeId, e.id, e.version + 1, before])
            }
            return changeId
        }
        progress?(total, total)
        report.changeId = changeId
        report.lockSeconds = held
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

/// Which event rows are new, which correct an event already there, which are
/// already there: re-importing an export must not double the events.
struct EventPlan {
    var inserts: [(TableRecord, Event)] = []
    var updates: [(TableRecord, Event, String)] = []
    var unchanged = 0
}

extension Importer {
    /// A row whose `id` is an event of the same partnership corrects that event
    /// (an id of another partnership comes from another database and is not
    /// trusted: the row is added). A row without a usable id that equals an
    /// event there in every field is counted as unchanged, not added again.
    /// `keepProjects`: the file has no "project" column (written before projects existed), so an event keeps its project.
    func planEvents(_ db: Database, _ events: [(TableRecord, Event)], keepProjects: Bool = false) throws -> EventPlan {
        func content(_ e: Event) -> Event {
            var c = Importer.content(e)
            if keepProjects { c.projectId = nil }
            return c
        }
        var plan = EventPlan()
        let ids = events.compactMap { $0.1.id }
        var byId: [Int64: Event] = [:]
        if !ids.isEmpty {
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM event WHERE id IN (SELECT value FROM json_each(?))",
                                           arguments: [Importer.jsonIds(ids)])
            while let row = try rows.next() {
                let event = try Event(row: row)
                byId[event.id!] = event
            }
        }
        // Existing events of the partnerships the file names, by content, for rows without a usable id.
        var byContent: [Event: Int] = [:]
        let partnerships = Set(events.map { $0.1.partnershipId })
        if try Event.fetchCount(db) > 0 {
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM event WHERE partnershipId IN (SELECT value FROM json_each(?))",
                                           arguments: [Importer.jsonIds(Array(partnerships))])
            while let row = try rows.next() { byContent[content(try Event(row: row)), default: 0] += 1 }
        }
        var usedIds = Set<Int64>()
        for (record, event) in events {
            if let id = event.id, let existing = byId[id], existing.partnershipId == event.partnershipId, !usedIds.contains(id) {
                usedIds.insert(id)
                var merged = event
                merged.version = existing.version
                if keepProjects { merged.projectId = existing.projectId }
                if Importer.content(merged) == Importer.content(existing) {
                    plan.unchanged += 1
                } else {
                    plan.updates.append((record, merged, ChangeJSON.encode(existing)))
                }
                continue
            }
            let key = content(event)
            if let n = byContent[key], n > 0 {
                byContent[key] = n - 1
                plan.unchanged += 1
                continue
            }
            var fresh = event
            fresh.id = nil
            plan.inserts.append((record, fresh))
        }
        return plan
    }

    /// An event without its id and version: what it says.
    static func content(_ event: Event) -> Event {
        var e = event
        e.id = nil
        e.version = 1
        return e
    }
}

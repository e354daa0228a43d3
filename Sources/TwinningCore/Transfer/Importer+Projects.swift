import Foundation
import GRDB

/// `import projects FILE.json`: the portable form (`ProjectTransfer.swift`),
/// all or nothing. Every project is resolved and checked (cities,
/// partnerships, contacts, amounts, dates, the model's rules) before the one
/// write transaction; the first problem stops the import with
/// "FILE:LINE: project “title”, field: what is wrong" (LINE: where that
/// project's object begins). A project whose title is already in the
/// register with exactly the same content is counted unchanged (an export
/// imported back changes nothing); with other content it is refused, so an
/// import never overwrites a volunteer's edits. A contact the file names
/// that the database lacks is made (with its city or partnership); undoing
/// the import keeps such contacts.
extension Importer {
    public func importProjects(path: String) throws -> ImportReport {
        let file = (path as NSString).lastPathComponent
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ImportError(file: file, line: nil, .notUTF8Read, "\(error.localizedDescription)")
        }
        return try importProjects(json: text, file: file)
    }

    @discardableResult
    public func importProjects(json text: String, file: String) throws -> ImportReport {
        let started = Date()
        let lines = ProjectTransfer.elementLines(text)
        func lineOf(_ index: Int) -> Int? { index < lines.count ? lines[index] : nil }
        let items: [PortableProject]
        do {
            items = try JSONDecoder().decode([PortableProject].self, from: Data(text.utf8))
        } catch let DecodingError.keyNotFound(key, context) {
            let index = context.codingPath.first?.intValue
            throw ImportError(file: file, line: index.flatMap(lineOf), phrase: .field(Importer.path(context.codingPath + [key]), Phrase(.requiredMissing)))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let index = context.codingPath.first?.intValue
            throw ImportError(file: file, line: index.flatMap(lineOf),
                              phrase: .field(Importer.path(context.codingPath), Phrase(.wrongKind, "\(context.debugDescription)")))
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
            throw ImportError(file: file, line: nil, .notProjectArray, "\(detail)")
        } catch {
            throw ImportError(file: file, line: nil, .notProjectArray, "\(error)")
        }
        return try importPortable(items, file: file, started: started, lineOf: lineOf)
    }

    /// Where a problem of project `index` in `field` ("funding[1].amount") is:
    /// the JSON import names the project's object; the CSV import the row of its file.
    typealias ProjectLocator = (_ index: Int, _ field: String) -> (file: String, line: Int?)

    /// Plans, checks and writes portable projects in one transaction (JSON and CSV share it).
    func importPortable(_ items: [PortableProject], file: String, started: Date, lineOf: @escaping (Int) -> Int?,
                        locate: ProjectLocator? = nil) throws -> ImportReport {
        let guardBefore = try WriteGuard.before(database)
        var plan = try database.read { db in try planProjects(db, items, file: file, lineOf: lineOf, locate: locate) }
        var report = ImportReport()
        let (changeId, held) = try writePhase { db -> Int64? in
            if try WriteGuard.current(db) != guardBefore { plan = try planProjects(db, items, file: file, lineOf: lineOf, locate: locate) }
            var created: [[Int64]] = []
            var madeIds: [Int64] = []
            for var contact in plan.newContacts {
                try contact.insert(db)
                madeIds.append(contact.id!)
            }
            func real(_ id: Int64) -> Int64 { id < 0 ? madeIds[Int(-id) - 1] : id }
            for (index, var record) in plan.inserts {
                record.project.contactIds = record.project.contactIds.map(real)
                record.actions = record.actions.map { a in var a = a; a.ownerContactId = a.ownerContactId.map(real); return a }
                do {
                    var project = try database.insertProject(db, record.project, log: false)
                    project.version = 1
                    for var action in record.actions {
                        action.projectId = project.id!
                        try action.insert(db)
                    }
                    ImportSummary.append(project.id!, to: &created)
                } catch {
                    throw ImportError(file: file, line: lineOf(index),
                                      .projectRefused, "\(TextSafety.excerpt(record.project.title))", .phrase(Phrase(AppError.from(error))))
                }
            }
            report.added = plan.inserts.count
            report.unchanged = plan.unchanged
            guard logged else { return nil }
            let summary = ImportSummary(file: TextSafety.sanitized(file), table: "projects", added: report.added, updated: 0,
                                        unchanged: report.unchanged, created: created)
            return try database.logImport(db, entity: .project, summary: summary)
        }
        report.changeId = changeId
        report.lockSeconds = held
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        var out = ""
        for key in codingPath.dropFirst() {
            if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out.isEmpty ? "project" : out
    }

    struct ProjectPlan {
        var inserts: [(Int, ProjectRecord)] = []
        var unchanged = 0
        /// Contacts the file names that the database lacks: made first, in the same transaction.
        /// Their ids in the records are placeholders `-(index + 1)` into this list.
        var newContacts: [Contact] = []
    }

    /// Resolves and checks every project of the file (reads only).
    func planProjects(_ db: Database, _ items: [PortableProject], file: String, lineOf: (Int) -> Int?,
                      locate: ProjectLocator? = nil) throws -> ProjectPlan {
        var plan = ProjectPlan()
        var titles = Set<String>()
        let contacts = try Contact.fetchAll(db)
        for (index, item) in items.enumerated() {
            func fail(_ field: String, _ message: Phrase) -> ImportError {
                let place: (file: String, line: Int?) = locate?(index, field) ?? (file: file, line: lineOf(index))
                return ImportError(file: place.file, line: place.line, .projectField, "\(TextSafety.excerpt(item.title))", .text(field), .phrase(message))
            }
            func fail(_ field: String, _ key: ErrorText, _ arguments: Phrase.Argument...) -> ImportError {
                fail(field, Phrase(key, arguments: arguments))
            }
            func date(_ text: String?, _ field: String) throws -> PartialDate? {
                guard let text, !text.isEmpty else { return nil }
                guard let d = PartialDate.parse(text) else {
                    throw fail(field, .notDateForms, "\(TextSafety.excerpt(text))", .phrase(Phrase(.dateForms)))
                }
                return d
            }
            func city(_ c: PortableCity, _ field: String) throws -> Int64 {
                if let geonameId = c.geonameid, let id = try Int64.fetchOne(db, sql: "SELECT id FROM city WHERE geonameId = ?", arguments: [geonameId]) {
                    return id
                }
                switch try AppDatabase.lookupCity(db, name: c.name, country: c.country.isEmpty ? nil : c.country) {
                case .found(let found): return found.id!
                case .ambiguous: throw fail(field, .severalCitiesCalled, "\(TextSafety.excerpt(c.name))", "\(c.country)")
                case .notFound: throw fail(field, .noCityInDatabase, "\(TextSafety.excerpt(c.name))", "\(c.country)")
                }
            }
            func pair(_ p: PortablePartnership, _ field: String) throws -> Int64 {
                let a = try city(p.a, "\(field).a"), b = try city(p.b, "\(field).b")
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM partnership WHERE cityA = ? AND cityB = ?",
                                                  arguments: [min(a, b), max(a, b)]) else {
                    throw fail(field, .notPartners, "\(TextSafety.excerpt(p.a.name))", "\(TextSafety.excerpt(p.b.name))")
                }
                return id
            }
            /// An existing contact of this name (folded), else one to make (a placeholder id below zero).
            func contact(_ c: PortableContact, _ field: String) throws -> Int64 {
                let fits = contacts.filter { SearchKey.fold($0.name) == SearchKey.fold(c.name) }
                if fits.count == 1 { return fits[0].id! }
                if fits.count > 1 { throw fail(field, .contactsCalled, "\(fits.count)", "\(TextSafety.excerpt(c.name))") }
                if let index = plan.newContacts.firstIndex(where: { SearchKey.fold($0.name) == SearchKey.fold(c.name) }) { return -Int64(index + 1) }
                let made = Contact(name: c.name, role: c.role ?? "", email: c.email ?? "", phone: c.phone ?? "", languages: c.languages ?? [],
                                   cityId: try c.city.map { try city($0, "\(field).city") },
                                   partnershipId: try c.partnership.map { try pair($0, "\(field).partnership") })
                do { try made.validate() } catch let error as ValidationError {
                    throw fail("\(field).\(error.field)", .namedContact, "\(TextSafety.excerpt(c.name))", .phrase(error.phrase))
                }
                plan.newContacts.append(made)
                return -Int64(plan.newContacts.count)
            }
            guard let status = ProjectStatus.parse(item.status ?? "idea") else {
                throw fail("status", .notOneOf, "\(TextSafety.excerpt(item.status ?? ""))", "\(ProjectStatus.choices)")
            }
            var project = Project(title: item.title, summary: item.summary ?? "", status: status,
                                  startDate: try date(item.start, "start"), endDate: try date(item.end, "end"),
                                  themes: item.themes ?? [], goals: item.goals ?? "", results: item.results ?? "", notes: item.notes ?? "")
            for (i, c) in item.cities.enumerated() {
                guard let role = ProjectRole.parse(c.role) else {
                    throw fail("cities[\(i)].role", .notOneOf, "\(TextSafety.excerpt(c.role))", "\(ProjectRole.choices)")
                }
                project.cities.append(ProjectCity(cityId: try city(c, "cities[\(i)]"), role: role))
            }
            for (i, p) in (item.partnerships ?? []).enumerated() { project.partnershipIds.append(try pair(p, "partnerships[\(i)]")) }
            for (i, c) in (item.contacts ?? []).enumerated() { project.contactIds.append(try contact(c, "contacts[\(i)]")) }
            for (i, f) in (item.funding ?? []).enumerated() {
                guard let state = FundingState.parse(f.state) else {
                    throw fail("funding[\(i)].state", .notOneOf, "\(TextSafety.excerpt(f.state))", "\(FundingState.choices)")
                }
                var line = FundingLine(programme: f.programme, currency: f.currency, state: state, notes: f.notes ?? "")
                if let amount = f.amount, !amount.isEmpty {
                    guard let value = Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")),
                          amount.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
                          let minor = Currency.minorUnits(value, currency: f.currency) else {
                        throw fail("funding[\(i)].amount", .notAmountFile, "\(TextSafety.excerpt(amount))", "\(f.currency)")
                    }
                    line.amountMinor = minor
                }
                project.funding.append(line)
            }
            project.indicators = (item.indicators ?? []).map { ResultIndicator(value: $0.value, unit: $0.unit) }
            project.canonicalizeThemes()
            do { try project.validate() } catch let error as ValidationError { throw fail(error.field, error.phrase) }
            var actions: [ProjectAction] = []
            for (i, a) in (item.actions ?? []).enumerated() {
                var action = ProjectAction(projectId: 0, what: a.what, ownerName: a.who ?? "", due: try date(a.due, "actions[\(i)].due"),
                                           done: try date(a.done, "actions[\(i)].done"), notes: a.notes ?? "")
                if let who = a.who_contact { action.ownerContactId = try contact(who, "actions[\(i)].who_contact") }
                do { try action.validate() } catch let error as ValidationError { throw fail("actions[\(i)].\(error.field)", error.phrase) }
                actions.append(action)
            }
            let key = SearchKey.fold(project.title)
            guard titles.insert(key).inserted else { throw fail("title", .projectTitleTwice) }
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM project WHERE titleKey = ? ORDER BY id", arguments: [key]) {
                var same = try Project.fetch(db, id: existing)
                same?.id = nil
                same?.version = 1
                let theirActions = try ProjectAction.filter(ProjectAction.Columns.projectId == existing).order(ProjectAction.Columns.id)
                    .fetchAll(db).map { a -> ProjectAction in var a = a; a.id = nil; a.projectId = 0; a.version = 1; return a }
                if same == project && theirActions == actions {
                    plan.unchanged += 1
                    continue
                }
                throw fail("title", .projectTitleTaken, "\(existing)")
            }
            plan.inserts.append((index, ProjectRecord(project: project, actions: actions)))
        }
        return plan
    }
}

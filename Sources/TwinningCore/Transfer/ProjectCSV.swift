import Foundation
import CSV

// `export projects --format csv`: one CSV file per table, in a folder, so a
// spreadsheet shows every list of a project (cities, funding lines, actions…)
// as rows instead of one flat table that would repeat or lose them. Every
// file but contacts.csv starts with the column `project`: the key of the
// project's row in projects.csv (1, 2, … in title order; any unique text on
// import). Rows keep their order (a project's cities, funding lines, actions).
// The files are made from, and read back into, the same portable form as the
// JSON (`PortableProject`), so both imports check and write alike.

public enum ProjectCSV {
    public struct FileSpec: Sendable {
        public let name: String
        public let columns: [String]
    }

    public static let projects = FileSpec(name: "projects.csv",
                                          columns: ["project", "title", "summary", "status", "start", "end", "goals", "results", "notes"])
    public static let themes = FileSpec(name: "project_themes.csv", columns: ["project", "theme"])
    public static let cities = FileSpec(name: "project_cities.csv", columns: ["project", "geonameid", "name", "country", "role"])
    public static let partnerships = FileSpec(name: "project_partnerships.csv",
                                              columns: ["project", "geonameid_a", "name_a", "country_a", "geonameid_b", "name_b", "country_b"])
    public static let contacts = FileSpec(name: "project_contacts.csv", columns: ["project", "contact"])
    public static let funding = FileSpec(name: "project_funding.csv", columns: ["project", "programme", "amount", "currency", "state", "notes"])
    public static let indicators = FileSpec(name: "project_indicators.csv", columns: ["project", "value", "unit"])
    public static let actions = FileSpec(name: "project_actions.csv", columns: ["project", "what", "who", "who_contact", "due", "done", "notes"])
    /// The contacts the other files name, with what a database without them needs to make them.
    public static let people = FileSpec(name: "contacts.csv",
                                        columns: ["name", "role", "email", "phone", "languages", "city_geonameid", "city_name", "city_country",
                                                  "geonameid_a", "name_a", "country_a", "geonameid_b", "name_b", "country_b"])
    public static let files = [projects, themes, cities, partnerships, contacts, funding, indicators, actions, people]

    // MARK: export

    /// The files (name, CSV text), in the order of `files`; every file is written, with its header, even without rows.
    public static func export(_ database: AppDatabase, filter: ProjectFilter = ProjectFilter()) throws -> [(name: String, text: String)] {
        let items = try database.projectRecords(filter).map { try ProjectTransfer.portable($0, in: database) }
        return try render(items)
    }

    static func render(_ items: [PortableProject]) throws -> [(name: String, text: String)] {
        var rows: [String: [[Cell]]] = [:]
        var people: [[Cell]] = []
        var seen = Set<String>()
        func city(_ c: PortableCity?) -> [Cell] { [.int(c?.geonameid), .text(c?.name ?? ""), .text(c?.country ?? "")] }
        func person(_ c: PortableContact) {
            guard seen.insert(SearchKey.fold(c.name)).inserted else { return }
            people.append([.text(c.name), .text(c.role ?? ""), .text(c.email ?? ""), .text(c.phone ?? ""), .list(c.languages ?? [])]
                          + city(c.city) + city(c.partnership?.a) + city(c.partnership?.b))
        }
        for (index, p) in items.enumerated() {
            let key = Cell.int(Int64(index + 1))
            rows[projects.name, default: []].append([key, .text(p.title), .text(p.summary ?? ""), .text(p.status ?? ""), .text(p.start ?? ""),
                                                     .text(p.end ?? ""), .text(p.goals ?? ""), .text(p.results ?? ""), .text(p.notes ?? "")])
            for t in p.themes ?? [] { rows[themes.name, default: []].append([key, .text(t)]) }
            for c in p.cities { rows[cities.name, default: []].append([key] + city(c) + [.text(c.role)]) }
            for pair in p.partnerships ?? [] { rows[partnerships.name, default: []].append([key] + city(pair.a) + city(pair.b)) }
            for c in p.contacts ?? [] {
                person(c)
                rows[contacts.name, default: []].append([key, .text(c.name)])
            }
            for f in p.funding ?? [] {
                rows[funding.name, default: []].append([key, .text(f.programme), .text(f.amount ?? ""), .text(f.currency), .text(f.state), .text(f.notes ?? "")])
            }
            // Swift's shortest round-trip text of a Double: reads back to the same value.
            for i in p.indicators ?? [] { rows[indicators.name, default: []].append([key, .double(i.value), .text(i.unit)]) }
            for a in p.actions ?? [] {
                if let owner = a.who_contact { person(owner) }
                rows[actions.name, default: []].append([key, .text(a.what), .text(a.who ?? ""), .text(a.who_contact?.name ?? ""),
                                                        .text(a.due ?? ""), .text(a.done ?? ""), .text(a.notes ?? "")])
            }
        }
        rows[ProjectCSV.people.name] = people
        return try files.map { spec in (spec.name, try csv(columns: spec.columns, rows: rows[spec.name] ?? [])) }
    }

    /// As `Exporter.render(.csv)`: CSV.swift's writer, cells neutralised against formulas (`Cell.csvText`).
    static func csv(columns: [String], rows: [[Cell]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: columns)
        for row in rows { try writer.write(row: row.map(\.csvText)) }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: import

    /// What the import reads: the portable projects and where each of their parts came from.
    struct Parsed {
        var items: [PortableProject] = []
        /// Per project: its row in projects.csv, and per list ("cities", "funding", …) the rows of its items.
        var projectLines: [Int] = []
        var partLines: [[String: [(file: String, line: Int)]]] = []

        func locate(_ index: Int, _ field: String) -> (file: String, line: Int?) {
            // "funding[1].amount" → the second funding row of this project.
            if let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), open < close,
               let position = Int(field[field.index(after: open)..<close]),
               let places = partLines[index][String(field[..<open])], position < places.count {
                return (places[position].file, places[position].line)
            }
            if field == "themes", let first = partLines[index]["themes"]?.first { return (first.file, first.line) }
            return (ProjectCSV.projects.name, projectLines[index])
        }
    }

    /// The folder holding the files: the path itself, or the folder of a projects.csv.
    public static func folder(of path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return path }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// True when `path` is a folder or a `.csv` file: the CSV form, not JSON.
    /// A file whose text starts with `[` or `{` is JSON whatever its name says
    /// (`export projects --format json --output projects.csv` is read back as written).
    public static func isCSV(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return true }
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 256)) ?? Data()
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let bytes = head.starts(with: bom) ? head.dropFirst(3) : head[...]
            if let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
                return false
            }
        }
        return path.lowercased().hasSuffix(".csv")
    }

    static func read(folder: String) throws -> Parsed {
        func table(_ spec: FileSpec, required: Bool) throws -> Table? {
            let path = (folder as NSString).appendingPathComponent(spec.name)
            guard FileManager.default.fileExists(atPath: path) else {
                if required { throw ImportError(file: path, line: nil, .noSuchCSVFile) }
                return nil
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ImportError(file: spec.name, line: nil, .cannotRead)
            }
            let t = try Table.parse(data: data, file: spec.name, allowEmpty: true)
            // Every column is needed: a missing one would silently empty a field.
            for column in spec.columns where !t.header.contains(column) {
                throw ImportError(file: spec.name, line: 1, .columnMissingOf, "\(column)", "\(spec.columns.joined(separator: ", "))")
            }
            return t
        }
        guard let main = try table(projects, required: true), !main.records.isEmpty else {
            throw ImportError(file: projects.name, line: nil, .noDataRows)
        }
        func raw(_ r: TableRecord, _ column: String) -> String { r.values[column] ?? "" }
        func optional(_ r: TableRecord, _ column: String) -> String? {
            let value = raw(r, column)
            return Table.trimmed(value).isEmpty ? nil : value
        }
        func key(_ t: Table, _ r: TableRecord) throws -> String {
            let k = Table.trimmed(raw(r, "project"))
            guard !k.isEmpty else { throw t.error(r, .field("project", Phrase(.projectKeyEmpty))) }
            return k
        }
        func geonameid(_ t: Table, _ r: TableRecord, _ column: String) throws -> Int64? {
            let text = Table.trimmed(raw(r, column))
            if text.isEmpty { return nil }
            guard let id = Int64(text), id > 0 else { throw t.error(r, .field(column, Phrase(.notGeonameIdWhole, "\(TextSafety.excerpt(text))"))) }
            return id
        }
        func city(_ t: Table, _ r: TableRecord, _ prefix: (id: String, name: String, country: String), role: String = "partner") throws -> PortableCity? {
            let id = try geonameid(t, r, prefix.id)
            let name = Table.trimmed(raw(r, prefix.name)), country = Table.trimmed(raw(r, prefix.country))
            if id == nil && name.isEmpty && country.isEmpty { return nil }
            guard id != nil || !name.isEmpty else { throw t.error(r, .field(prefix.name, Phrase(.cityEmpty))) }
            return PortableCity(geonameid: id, name: name, country: country, role: role)
        }

        var parsed = Parsed()
        var indexOf: [String: Int] = [:]
        for r in main.records {
            let k = try key(main, r)
            guard indexOf[k] == nil else { throw main.error(r, .field("project", Phrase(.keyTwice, "\(TextSafety.excerpt(k))"))) }
            indexOf[k] = parsed.items.count
            parsed.items.append(PortableProject(title: raw(r, "title"), summary: raw(r, "summary"), status: optional(r, "status").map(Table.trimmed),
                                                start: optional(r, "start").map(Table.trimmed), end: optional(r, "end").map(Table.trimmed),
                                                themes: [], goals: raw(r, "goals"), cities: [], partnerships: [], contacts: [], funding: [],
                                                results: raw(r, "results"), indicators: [], notes: raw(r, "notes"), actions: []))
            parsed.projectLines.append(r.line)
            parsed.partLines.append([:])
        }

        // contacts.csv first: the other files name its people.
        var people: [String: PortableContact] = [:]
        if let t = try table(Self.people, required: false) {
            for r in t.records {
                let name = raw(r, "name")
                guard !Table.trimmed(name).isEmpty else { throw t.error(r, .field("name", Phrase(.emptyField))) }
                guard people[SearchKey.fold(name)] == nil else { throw t.error(r, .field("name", Phrase(.listedTwice, "\(TextSafety.excerpt(name))"))) }
                var c = PortableContact(name: name, role: raw(r, "role"), email: raw(r, "email"), phone: raw(r, "phone"),
                                        languages: raw(r, "languages").split(separator: ",").map { Table.trimmed(String($0)) }.filter { !$0.isEmpty })
                c.city = try city(t, r, ("city_geonameid", "city_name", "city_country"))
                let a = try city(t, r, ("geonameid_a", "name_a", "country_a")), b = try city(t, r, ("geonameid_b", "name_b", "country_b"))
                if let a, let b { c.partnership = PortablePartnership(a: a, b: b) } else if a != nil || b != nil {
                    throw t.error(r, .field(a == nil ? "name_a" : "name_b", Phrase(.contactPartnershipBoth)))
                }
                people[SearchKey.fold(name)] = c
            }
        }
        func person(_ name: String) -> PortableContact { people[SearchKey.fold(name)] ?? PortableContact(name: name) }

        /// Each row of a per-table file, with the index of its project; `list` names it in error fields ("funding").
        func rows(_ spec: FileSpec, list: String, _ body: (Table, TableRecord, inout PortableProject) throws -> Void) throws {
            guard let t = try table(spec, required: false) else { return }
            for r in t.records {
                let k = try key(t, r)
                guard let index = indexOf[k] else { throw t.error(r, .field("project", Phrase(.noProjectKey, "\(TextSafety.excerpt(k))"))) }
                try body(t, r, &parsed.items[index])
                parsed.partLines[index][list, default: []].append((spec.name, r.line))
            }
        }
        try rows(themes, list: "themes") { _, r, p in p.themes?.append(raw(r, "theme")) }
        try rows(cities, list: "cities") { t, r, p in
            guard let c = try city(t, r, ("geonameid", "name", "country"), role: Table.trimmed(raw(r, "role"))) else {
                throw t.error(r, .field("name", Phrase(.cityEmpty)))
            }
            p.cities.append(c)
        }
        try rows(partnerships, list: "partnerships") { t, r, p in
            guard let a = try city(t, r, ("geonameid_a", "name_a", "country_a")), let b = try city(t, r, ("geonameid_b", "name_b", "country_b")) else {
                throw t.error(r, .field("name_a, name_b", Phrase(.partnershipBoth)))
            }
            p.partnerships?.append(PortablePartnership(a: a, b: b))
        }
        try rows(contacts, list: "contacts") { t, r, p in
            let name = raw(r, "contact")
            guard !Table.trimmed(name).isEmpty else { throw t.error(r, .field("contact", Phrase(.emptyField))) }
            p.contacts?.append(person(name))
        }
        try rows(funding, list: "funding") { _, r, p in
            p.funding?.append(PortableFunding(programme: raw(r, "programme"), amount: optional(r, "amount").map(Table.trimmed),
                                              currency: Table.trimmed(raw(r, "currency")), state: Table.trimmed(raw(r, "state")), notes: raw(r, "notes")))
        }
        try rows(indicators, list: "indicators") { t, r, p in
            let text = Table.trimmed(raw(r, "value"))
            guard let value = Double(text), value.isFinite, text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else {
                throw t.error(r, .field("value", Phrase(.notNumberSuchAs, "\(TextSafety.excerpt(text))")))
            }
            p.indicators?.append(PortableIndicator(value: value, unit: raw(r, "unit")))
        }
        try rows(actions, list: "actions") { _, r, p in
            p.actions?.append(PortableAction(what: raw(r, "what"), who: raw(r, "who"), who_contact: optional(r, "who_contact").map(person),
                                             due: optional(r, "due").map(Table.trimmed), done: optional(r, "done").map(Table.trimmed), notes: raw(r, "notes")))
        }
        return parsed
    }
}

extension Importer {
    /// `import projects FOLDER` (or FOLDER/projects.csv): the CSV form, all or nothing like the JSON one;
    /// a problem names the file, the line and the field.
    public func importProjects(csvFolder path: String) throws -> ImportReport {
        let started = Date()
        let parsed = try ProjectCSV.read(folder: ProjectCSV.folder(of: path))
        let lines = parsed.projectLines
        return try importPortable(parsed.items, file: ProjectCSV.projects.name, started: started,
                                  lineOf: { $0 < lines.count ? lines[$0] : nil }, locate: parsed.locate)
    }
}

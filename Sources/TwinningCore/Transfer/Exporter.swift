import Foundation
import CSV
import GRDB

public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json
}

/// One exported value: text, a number, or a list (tags).
enum Cell: Encodable, Equatable {
    case text(String)
    case int(Int64?)
    case double(Double?)
    case list([String])
    case bool(Bool)

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .int(let value): if let value { try container.encode(value) } else { try container.encodeNil() }
        case .double(let value): if let value { try container.encode(value) } else { try container.encodeNil() }
        case .list(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }

    /// The CSV text. Text that a spreadsheet would run as a formula gets a
    /// leading apostrophe; the importer removes it again (`SpreadsheetSafety`).
    var csvText: String {
        switch self {
        case .text(let value): return SpreadsheetSafety.neutralise(value)
        case .int(let value): return value.map(String.init) ?? ""
        case .double(let value): return value.map { String($0) } ?? ""
        case .list(let value): return SpreadsheetSafety.neutralise(value.joined(separator: ", "))
        case .bool(let value): return value ? "true" : "false"
        }
    }
}

/// Spreadsheet formula injection: a cell like `=HYPERLINK(...)` from a city's
/// notes must not run when a council officer opens the CSV in a spreadsheet.
///
/// The rule, which makes every text survive export → import exactly:
/// - export puts a `'` before a text that starts with `=`, `+`, `-`, `@`, tab
///   or carriage return (unless the whole text is a plain number such as `-5`),
///   and before a text that starts with `'` followed by one of those or by
///   another `'` (so `'=1` is written `''=1`, and `''` is written `'''`);
/// - import removes one leading `'` exactly when the next character is one of
///   those or `'`; any other `'` (`'s-Hertogenbosch`, a lone `'`) is data.
/// So no cell starts with a trigger unless it is a number, and
/// `restore(neutralise(x)) == x` for every string x.
public enum SpreadsheetSafety {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralise(_ value: String) -> String {
        guard let first = value.first else { return value }
        if triggers.contains(first) { return isPlainNumber(value) ? value : "'" + value }
        if first == "'", let second = value.dropFirst().first, second == "'" || triggers.contains(second) { return "'" + value }
        return value
    }

    /// Undoes `neutralise` when a file is read back.
    public static func restore(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.dropFirst().first, second == "'" || triggers.contains(second) else { return value }
        return String(value.dropFirst())
    }

    /// `-5`, `+3.25`, `-1e3`: a number a spreadsheet shows as a number. Not
    /// Swift's `Double(_:)`, which also takes `-inf`, `-nan` and hex floats.
    static func isPlainNumber(_ value: String) -> Bool {
        var rest = Substring(value)
        if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
        rest = rest.dropFirst(digits)
        var fraction = 0
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }.count
            rest = rest.dropFirst(fraction)
        }
        guard digits + fraction > 0 else { return false }
        if let e = rest.first, e == "e" || e == "E" {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }.count
            guard exponent > 0 else { return false }
            rest = rest.dropFirst(exponent)
        }
        return rest.isEmpty
    }
}

/// Writes cities, partnerships and events as CSV or JSON, with exactly the
/// columns the importer reads, so an export imports back unchanged.
public struct Exporter {
    public let database: AppDatabase
    public init(database: AppDatabase) { self.database = database }

    public func exportCities(format: ExportFormat, all: Bool = false) throws -> String {
        let cities = try all ? database.read { db in try City.order(City.Columns.geonameId).fetchAll(db) } : database.registerCities()
        let rows: [[Cell]] = cities.map { c in
            [.int(c.geonameId), .text(c.name), .text(asciiName(c)), .text(c.countryCode), .text(c.admin1Code ?? ""),
             .text(c.admin1Name ?? ""), .double(c.latitude), .double(c.longitude), .int(c.population.map(Int64.init)),
             .text(c.timezone ?? ""), .list(c.themes), .list(c.strengths), .list(c.challenges), .text(c.notes),
             .bool(c.seekingPartners), .bool(c.addedByUser)]
        }
        return try render(columns: Importer.cityColumns, rows: rows, format: format)
    }

    /// Exports name each pair in an order that does not depend on this
    /// database's row ids (smaller GeoNames id first), so two databases with
    /// the same content write the same file.
    static func exportOrder(_ a: CitySummary, _ b: CitySummary) -> (CitySummary, CitySummary, swapped: Bool) {
        let keyA = (a.geonameId ?? Int64.max, a.searchKey), keyB = (b.geonameId ?? Int64.max, b.searchKey)
        return keyB < keyA ? (b, a, true) : (a, b, false)
    }

    public func exportPartnerships(format: ExportFormat, filter: PartnershipFilter = PartnershipFilter()) throws -> String {
        let ordered = try database.partnerships(filter).map { d -> (CitySummary, CitySummary, PartnershipDetail) in
            let (a, b, _) = Exporter.exportOrder(d.cityA, d.cityB)
            return (a, b, d)
        }.sorted { ($0.0.searchKey, $0.1.searchKey, $0.0.id) < ($1.0.searchKey, $1.1.searchKey, $1.0.id) }
        let rows: [[Cell]] = ordered.map { a, b, d in
            let p = d.partnership
            return [.int(p.id), .int(a.geonameId), .text(a.name), .text(a.countryCode),
                    .int(b.geonameId), .text(b.name), .text(b.countryCode), .text(p.type.rawValue),
                    .text(p.status.rawValue), .text(p.since?.iso ?? ""), .text(p.until?.iso ?? ""), .list(p.themes),
                    .text(p.notes), .text(p.source)]
        }
        return try render(columns: Importer.partnershipColumns, rows: rows, format: format)
    }

    public func exportEvents(format: ExportFormat, filter: EventFilter = EventFilter()) throws -> String {
        // The project by its title: ids differ between databases, titles travel.
        let projectTitles: [Int64: String] = try database.read { db in
            guard try AppDatabase.hasProjects(db) else { return [:] }
            return Dictionary(try Row.fetchAll(db, sql: "SELECT id, title FROM project").map { ($0["id"], $0["title"]) }, uniquingKeysWith: { a, _ in a })
        }
        let rows: [[Cell]] = try database.events(filter).reversed().map { d in
            let e = d.event
            let (a, b, swapped) = Exporter.exportOrder(d.cityA, d.cityB)
            var direction = e.direction
            if swapped { direction = direction == .to_a ? .to_b : (direction == .to_b ? .to_a : direction) }
            return [.int(e.id), .int(e.partnershipId), .int(a.geonameId), .text(a.name), .text(a.countryCode),
                    .int(b.geonameId), .text(b.name), .text(b.countryCode), .text(e.title),
                    .text(e.kind.rawValue), .text(e.startDate.iso), .text(e.endDate?.iso ?? ""), .text(direction.rawValue),
                    .text(e.format.rawValue), .int(e.participants.map(Int64.init)), .int(e.youth.map(Int64.init)),
                    .text(CountryCounts.format(e.participantsByCountry)), .text(e.notes),
                    .text(e.projectId.flatMap { projectTitles[$0] } ?? "")]
        }
        return try render(columns: Importer.eventColumns, rows: rows, format: format)
    }

    /// The ASCII name is stored folded; the gazetteer's own spelling is not kept,
    /// so the folded form is written (the importer folds it again, unchanged).
    private func asciiName(_ city: City) -> String { city.asciiKey }

    func render(columns: [String], rows: [[Cell]], format: ExportFormat) throws -> String {
        switch format {
        case .json:
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(objects)
            return String(decoding: data, as: UTF8.self) + "\n"
        case .csv:
            let stream = OutputStream(toMemory: ())
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: columns)
            for row in rows { try writer.write(row: row.map(\.csvText)) }
            stream.close()
            let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}

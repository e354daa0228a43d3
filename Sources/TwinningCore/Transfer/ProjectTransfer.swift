import Foundation
import GRDB

// The portable form of a project: what `export projects --format json`
// writes and `import projects` reads. It names cities by GeoNames id (and
// name and country, for cities without one), partnerships by their two
// cities, contacts by name, never by this database's row ids — so a file
// moves between databases. Amounts are strings ("22000.00") so no JSON
// reader turns them into binary floating point.

public struct PortableCity: Codable, Hashable, Sendable {
    public var geonameid: Int64?
    public var name: String
    public var country: String
    public var role: String
    public init(geonameid: Int64?, name: String, country: String, role: String) {
        self.geonameid = geonameid
        self.name = name
        self.country = country
        self.role = role
    }
}

public struct PortablePartnership: Codable, Hashable, Sendable {
    public var a: PortableCity
    public var b: PortableCity
}

public struct PortableFunding: Codable, Hashable, Sendable {
    public var programme: String
    public var amount: String?
    public var currency: String
    public var state: String
    public var notes: String?
}

public struct PortableIndicator: Codable, Hashable, Sendable {
    public var value: Double
    public var unit: String
}

/// A contact, with what it belongs to, so an import into a database without it can make it.
public struct PortableContact: Codable, Hashable, Sendable {
    public var name: String
    public var role: String?
    public var email: String?
    public var phone: String?
    public var languages: [String]?
    /// The city it belongs to, or the partnership (by its two cities).
    public var city: PortableCity?
    public var partnership: PortablePartnership?
}

public struct PortableAction: Codable, Hashable, Sendable {
    public var what: String
    public var who: String?
    /// The owner is this contact of the register (found again by name on import, made when missing).
    public var who_contact: PortableContact?
    public var due: String?
    public var done: String?
    public var notes: String?
}

public struct PortableProject: Codable, Hashable, Sendable {
    public var title: String
    public var summary: String?
    public var status: String?
    public var start: String?
    public var end: String?
    public var themes: [String]?
    public var goals: String?
    public var cities: [PortableCity]
    public var partnerships: [PortablePartnership]?
    public var contacts: [PortableContact]?
    public var funding: [PortableFunding]?
    public var results: String?
    public var indicators: [PortableIndicator]?
    public var notes: String?
    public var actions: [PortableAction]?
}

public enum ProjectTransfer {
    /// The partnerships among some cities (every pair that is twinned), by id.
    public static func partnerships(among cities: [Int64], in database: AppDatabase) throws -> [Int64] {
        guard cities.count >= 2 else { return [] }
        return try database.read { db in
            let marks = cities.map { _ in "?" }.joined(separator: ",")
            return try Int64.fetchAll(db, sql: "SELECT id FROM partnership WHERE cityA IN (\(marks)) AND cityB IN (\(marks)) ORDER BY id",
                                      arguments: StatementArguments(cities + cities))
        }
    }

    /// The contact with this name (folded), preferring the given ones (the project's); nil when none or several fit.
    public static func contact(named name: String, preferring: [Int64] = [], in database: AppDatabase) throws -> Contact? {
        let key = SearchKey.fold(name.trimmingCharacters(in: .whitespaces))
        guard !key.isEmpty else { return nil }
        let fits = try database.read { db in try Contact.fetchAll(db) }.filter { SearchKey.fold($0.name) == key }
        let preferred = fits.filter { preferring.contains($0.id ?? -1) }
        if preferred.count == 1 { return preferred[0] }
        return fits.count == 1 ? fits[0] : nil
    }

    /// "CERV town twinning: 22000 EUR granted", "Own budget: 1.500,50 EUR paid", "Erasmus+: applied" (amount unknown).
    public static func parseFunding(_ text: String, option: String) throws -> FundingLine {
        guard let colon = text.lastIndex(of: ":") else {
            throw ValidationError(field: option, .fundingShape, "\(TextSafety.excerpt(text))")
        }
        let programme = text[..<colon].trimmingCharacters(in: .whitespaces)
        var words = text[text.index(after: colon)...].split(separator: " ").map(String.init)
        var line = FundingLine(programme: programme)
        if let last = words.last, let state = FundingState.parse(last) {
            line.state = state
            words.removeLast()
        }
        if let last = words.last, last.count == 3, last.allSatisfy(\.isLetter) {
            line.currency = last.uppercased()
            words.removeLast()
        }
        if !words.isEmpty {
            let amount = words.joined(separator: " ")
            guard let minor = Currency.parseAmount(amount, currency: line.currency) else {
                throw ValidationError(field: option, .notAmountTyped, "\(TextSafety.excerpt(amount))", "\(line.currency)")
            }
            line.amountMinor = minor
        }
        try line.validate(field: option)
        return line
    }

    /// "42 young people", "1,200 trees planted", "3.5 t CO2 saved".
    public static func parseIndicator(_ text: String, option: String) throws -> ResultIndicator {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        let negative = number.hasPrefix("-")
        guard let hundredths = Currency.parseAmount(String(number.drop { $0 == "-" }), currency: "EUR") else {
            throw ValidationError(field: option, .indicatorShape, "\(TextSafety.excerpt(text))")
        }
        let indicator = ResultIndicator(value: Double(hundredths) / 100 * (negative ? -1 : 1), unit: unit)
        try indicator.validate(field: option)
        return indicator
    }

    static func portableCity(_ c: CitySummary, role: ProjectRole) -> PortableCity {
        PortableCity(geonameid: c.geonameId, name: c.name, country: c.countryCode, role: role.rawValue)
    }

    /// The portable form of a project record.
    public static func portable(_ record: ProjectRecord, in database: AppDatabase) throws -> PortableProject {
        let p = record.project
        return try database.read { db in
            func summary(_ id: Int64) throws -> CitySummary? {
                try Row.fetchOne(db, sql: "SELECT \(AppDatabase.cityColumnsSQL) FROM city c WHERE c.id = ?", arguments: [id])
                    .map { CitySummary(row: $0, prefix: "c") }
            }
            let cities = try p.cities.compactMap { c in try summary(c.cityId).map { portableCity($0, role: c.role) } }
            let pairs = try p.partnershipIds.compactMap { id -> PortablePartnership? in
                guard let pair = try Partnership.fetchOne(db, key: id), let a = try summary(pair.cityA), let b = try summary(pair.cityB) else { return nil }
                let (x, y, _) = Exporter.exportOrder(a, b)
                return PortablePartnership(a: portableCity(x, role: .partner), b: portableCity(y, role: .partner))
            }
            func portableContact(_ id: Int64) throws -> PortableContact? {
                guard let c = try Contact.fetchOne(db, key: id) else { return nil }
                var pc = PortableContact(name: c.name, role: c.role, email: c.email, phone: c.phone, languages: c.languages)
                if let cityId = c.cityId, let city = try summary(cityId) { pc.city = portableCity(city, role: .partner) }
                if let pid = c.partnershipId, let pair = try Partnership.fetchOne(db, key: pid), let a = try summary(pair.cityA),
                   let b = try summary(pair.cityB) {
                    let (x, y, _) = Exporter.exportOrder(a, b)
                    pc.partnership = PortablePartnership(a: portableCity(x, role: .partner), b: portableCity(y, role: .partner))
                }
                return pc
            }
            let contacts = try p.contactIds.compactMap(portableContact)
            return PortableProject(
                title: p.title, summary: p.summary, status: p.status.rawValue, start: p.startDate?.iso, end: p.endDate?.iso,
                themes: p.themes, goals: p.goals, cities: cities, partnerships: pairs, contacts: contacts,
                funding: p.funding.map { line in
                    PortableFunding(programme: line.programme, amount: line.amountMinor.map { Currency.plain($0, currency: line.currency) },
                                    currency: line.currency, state: line.state.rawValue, notes: line.notes)
                },
                results: p.results, indicators: p.indicators.map { PortableIndicator(value: $0.value, unit: $0.unit) }, notes: p.notes,
                actions: try record.actions.map {
                    PortableAction(what: $0.what, who: $0.ownerName, who_contact: try $0.ownerContactId.flatMap(portableContact),
                                   due: $0.due?.iso, done: $0.done?.iso, notes: $0.notes)
                })
        }
    }

    /// The JSON export: an array of portable projects, in title order.
    public static func exportJSON(_ database: AppDatabase, filter: ProjectFilter = ProjectFilter()) throws -> String {
        let items = try database.projectRecords(filter).map { try portable($0, in: database) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
    }

    /// The line on which each element of the top-level JSON array begins (for error messages).
    static func elementLines(_ text: String) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0, inString = false, escaped = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            switch scalar {
            case "\"": inString = true
            case "{", "[":
                if depth == 1 && scalar == "{" { lines.append(line) }
                depth += 1
            case "}", "]": depth -= 1
            default: break
            }
        }
        return lines
    }
}

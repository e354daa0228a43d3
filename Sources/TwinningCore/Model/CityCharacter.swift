import Foundation

/// Real facts about a gazetteer city and its country, from
/// `Resources/city_character.tsv` and `country_demography.tsv` (see README,
/// "City character"). nil = unknown, which is said, never read as "no".
public struct CityCharacter: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable { case capital, regionSeat = "region_seat", other }

    public var role: Role?
    public var elevationM: Int?
    /// Warmest and coldest month, 2000–2025 (°C).
    public var warmestC: Double?
    public var coldestC: Double?
    public var rainMm: Int?
    public var coastKm: Double?
    public var portKm: Double?
    public var portTerminal: Bool?
    public var riverKm: Double?
    public var reliefM: Int?
    /// Coal, lignite and peat units within 30 km (MW); nil outside the 32 European countries of the source.
    public var coalMW: Int?
    /// Country level (UN WPP 2024): share aged 65+ and relative population change.
    public var share65in2020: Double?
    public var share65in2050: Double?
    public var popChange2000to2020: Double?
    public var popChange2020to2050: Double?

    public init(role: Role? = nil, elevationM: Int? = nil, warmestC: Double? = nil, coldestC: Double? = nil, rainMm: Int? = nil,
                coastKm: Double? = nil, portKm: Double? = nil, portTerminal: Bool? = nil, riverKm: Double? = nil,
                reliefM: Int? = nil, coalMW: Int? = nil, share65in2020: Double? = nil, share65in2050: Double? = nil,
                popChange2000to2020: Double? = nil, popChange2020to2050: Double? = nil) {
        self.role = role; self.elevationM = elevationM; self.warmestC = warmestC; self.coldestC = coldestC
        self.rainMm = rainMm; self.coastKm = coastKm; self.portKm = portKm; self.portTerminal = portTerminal
        self.riverKm = riverKm; self.reliefM = reliefM; self.coalMW = coalMW; self.share65in2020 = share65in2020
        self.share65in2050 = share65in2050; self.popChange2000to2020 = popChange2000to2020
        self.popChange2020to2050 = popChange2020to2050
    }

    /// Nothing known at all (a city a user added, or a country without figures).
    public static let unknown = CityCharacter()
}

/// The character files, read once on first use (never at start-up: the
/// full-screen program opens without them and reads them when a city detail
/// or the match explorer needs them).
public final class CharacterTable: Sendable {
    /// City facts by GeoNames id (country fields empty; see `character(geonameId:country:)`).
    let cities: [Int64: CityCharacter]
    /// Country facts by ISO code (only the country fields are set).
    let countries: [String: CityCharacter]

    public init(cities: [Int64: CityCharacter], countries: [String: CityCharacter]) {
        self.cities = cities; self.countries = countries
    }

    /// The facts of one city with its country's, or only the country's when the city is not in the file.
    public func character(geonameId: Int64?, country: String) -> CityCharacter {
        var c = geonameId.flatMap { cities[$0] } ?? CityCharacter()
        if let k = countries[country.uppercased()] {
            c.share65in2020 = k.share65in2020; c.share65in2050 = k.share65in2050
            c.popChange2000to2020 = k.popChange2000to2020; c.popChange2020to2050 = k.popChange2020to2050
        }
        return c
    }

    public var cityCount: Int { cities.count }

    /// The shipped files, read on first use and kept (about 30 ms; thread-safe).
    public static var shared: CharacterTable {
        get throws { try sharedResult.get() }
    }

    private static let sharedResult: Result<CharacterTable, Error> = Result {
        try load(cities: try DataFiles.url(for: "city_character.tsv").path,
                 countries: try DataFiles.url(for: "country_demography.tsv").path)
    }

    /// Reads the two TSV files. A row that is not as expected names its file and line.
    public static func load(cities citiesPath: String, countries countriesPath: String) throws -> CharacterTable {
        var cities: [Int64: CityCharacter] = [:]
        cities.reserveCapacity(70_000)
        try forEachRow(citiesPath, columns: 12) { line, f in
            guard let id = Int64(f[0]) else { throw AppError.database(Phrase(.dataFileBadId, "\(citiesPath)", "\(line)", "\(f[0])")) }
            cities[id] = cityCharacter(f)
        }
        return CharacterTable(cities: cities, countries: try loadCountries(countriesPath))
    }

    /// A row of city_character.tsv (12 fields) as the city's facts.
    static func cityCharacter(_ f: [Substring]) -> CityCharacter {
        let role: CityCharacter.Role?
        switch f[1] { case "C": role = .capital; case "A": role = .regionSeat; case "-": role = .other; default: role = nil }
        return CityCharacter(
            role: role, elevationM: Int(f[2]), warmestC: Double(f[3]), coldestC: Double(f[4]), rainMm: Int(f[5]),
            coastKm: Double(f[6]), portKm: Double(f[7]), portTerminal: f[8].isEmpty ? nil : f[8] == "1",
            riverKm: Double(f[9]), reliefM: Int(f[10]), coalMW: Int(f[11]))
    }

    static func loadCountries(_ countriesPath: String) throws -> [String: CityCharacter] {
        var countries: [String: CityCharacter] = [:]
        try forEachRow(countriesPath, columns: 5) { _, f in
            countries[String(f[0]).uppercased()] = CityCharacter(share65in2020: Double(f[1]), share65in2050: Double(f[2]),
                                                         popChange2000to2020: Double(f[3]), popChange2020to2050: Double(f[4]))
        }
        return countries
    }

    /// Calls `body(lineNumber, fields)` for each data row (header skipped). A
    /// plain split on tabs over the bytes: these files are ours (ASCII numbers,
    /// no quoting), and going through String for 69,000 rows took seconds in a
    /// debug build.
    private static func forEachRow(_ path: String, columns: Int, _ body: (Int, [Substring]) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError.database(Phrase(.cannotReadFile, "\(path)"))
        }
        var number = 0
        var fields: [Substring] = []
        fields.reserveCapacity(columns)
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            let n = bytes.count
            while lineStart < n {
                var end = lineStart
                while end < n && bytes[end] != 10 { end += 1 }
                number += 1
                if number > 1 && end > lineStart {
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = lineStart
                    for i in lineStart...end where i == end || bytes[i] == 9 {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self)
                        fields.append(Substring(text))
                        fieldStart = i + 1
                    }
                    guard fields.count == columns else {
                        throw AppError.database(Phrase(.dataFileFields, "\(path)", "\(number)", "\(fields.count)", "\(columns)"))
                    }
                    try body(number, fields)
                }
                lineStart = end + 1
            }
        }
    }
}

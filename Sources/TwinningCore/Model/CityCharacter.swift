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
    /// GeoNames ids in ascending order, and each one's facts at the same
    /// position: packed rows (no optionals) found by binary search take about
    /// 3 MB for the 69,000 cities, where a dictionary of `CityCharacter` took
    /// 29 MB of every process that shows a city's character (and rows of
    /// Doubles 5 MB).
    let ids: [Int64]
    let rows: [PackedCharacter]
    /// The few cities whose facts would not pack exactly, by position, as read
    /// (none in the shipped file).
    let unpacked: [Int: CityCharacter]
    /// Country facts by ISO code (only the country fields are set).
    let countries: [String: CityCharacter]

    /// `cities`: each city's own facts (their country fields are not kept:
    /// those come from `countries`, as in the files).
    public convenience init(cities: [Int64: CityCharacter], countries: [String: CityCharacter]) {
        let sorted = cities.sorted { $0.key < $1.key }
        self.init(ids: sorted.map(\.key), characters: sorted.map(\.value), countries: countries)
    }

    /// `ids` ascending, without repeats; `characters` as many.
    init(ids: [Int64], characters: [CityCharacter], countries: [String: CityCharacter]) {
        var rows: [PackedCharacter] = [], unpacked: [Int: CityCharacter] = [:]
        rows.reserveCapacity(characters.count)
        for (i, c) in characters.enumerated() {
            if let row = PackedCharacter(exactly: c) { rows.append(row) } else { rows.append(.unknown); unpacked[i] = c }
        }
        self.ids = ids; self.rows = rows; self.unpacked = unpacked; self.countries = countries
    }

    private init(ids: [Int64], rows: [PackedCharacter], unpacked: [Int: CityCharacter], countries: [String: CityCharacter]) {
        self.ids = ids; self.rows = rows; self.unpacked = unpacked; self.countries = countries
    }

    /// The number of cities kept unpacked (their facts would not pack exactly).
    var unpackedCount: Int { unpacked.count }

    /// The facts of one city with its country's, or only the country's when the city is not in the file.
    public func character(geonameId: Int64?, country: String) -> CityCharacter {
        var c = geonameId.flatMap(position).map { unpacked[$0] ?? rows[$0].character } ?? CityCharacter()
        if let k = countries[country.uppercased()] {
            c.share65in2020 = k.share65in2020; c.share65in2050 = k.share65in2050
            c.popChange2000to2020 = k.popChange2000to2020; c.popChange2020to2050 = k.popChange2020to2050
        }
        return c
    }

    private func position(of id: Int64) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    public var cityCount: Int { ids.count }

    /// The shipped files, read on first use and kept (about 30 ms; thread-safe).
    public static var shared: CharacterTable {
        get throws { try sharedResult.get() }
    }

    private static let sharedResult: Result<CharacterTable, Error> = Result {
        let table = try load(cities: try DataFiles.url(for: "city_character.tsv").path,
                             countries: try DataFiles.url(for: "country_demography.tsv").path)
        CharacterLookup.shared.adopt(table)
        return table
    }

    /// Reads the two TSV files. A row that is not as expected names its file and line.
    public static func load(cities citiesPath: String, countries countriesPath: String) throws -> CharacterTable {
        var ids: [Int64] = [], rows: [PackedCharacter] = [], unpacked: [Int: CityCharacter] = [:]
        ids.reserveCapacity(70_000); rows.reserveCapacity(70_000)
        var ascending = true
        try forEachRow(citiesPath, columns: 12) { line, f in
            guard let id = Int64(f[0]) else { throw AppError.database(Phrase(.dataFileBadId, "\(citiesPath)", "\(line)", "\(f[0])")) }
            if let last = ids.last, last >= id { ascending = false }
            let c = cityCharacter(f)
            if let row = PackedCharacter(exactly: c) { rows.append(row) } else { rows.append(.unknown); unpacked[ids.count] = c }
            ids.append(id)
        }
        let countries = try loadCountries(countriesPath)
        guard ascending else {
            // The shipped file is in id order; another one is sorted here (a repeated id: its last row counts, as before).
            var byId: [Int64: CityCharacter] = [:]
            for (i, (id, row)) in zip(ids, rows).enumerated() { byId[id] = unpacked[i] ?? row.character }
            return CharacterTable(cities: byId, countries: countries)
        }
        return CharacterTable(ids: ids, rows: rows, unpacked: unpacked, countries: countries)
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

/// One city's facts as the table keeps them, in 36 bytes instead of an
/// optional per field: the file gives its measures to a tenth, so they are
/// kept as whole tenths (temperatures in 16 bits), and unknown is the
/// smallest value of each field (or -1 for the two small codes). A value that
/// would not come back exactly (more decimals, too large, or the number that
/// means "unknown") is not packed: `init?(exactly:)` says so, and the table
/// keeps that city's facts as they are.
struct PackedCharacter: Sendable, Equatable {
    var warmestTenths: Int16, coldestTenths: Int16
    var coastTenths: Int32, portTenths: Int32, riverTenths: Int32
    var elevationM: Int32, rainMm: Int32, reliefM: Int32, coalMW: Int32
    /// -1 unknown, 0 other, 1 capital, 2 region seat.
    var role: Int8
    /// -1 unknown, 0 no, 1 yes.
    var portTerminal: Int8

    init?(exactly c: CityCharacter) {
        func tenths<T: FixedWidthInteger>(_ value: Double?, _: T.Type) -> T?? {
            guard let value else { return .some(nil) }
            let t = (value * 10).rounded()
            guard t.isFinite, t > Double(T.min), t <= Double(T.max), Double(T(t)) / 10 == value else { return nil }
            return .some(T(t))
        }
        func whole(_ value: Int?) -> Int32?? {
            guard let value else { return .some(nil) }
            guard value > Int(Int32.min), value <= Int(Int32.max) else { return nil }
            return .some(Int32(value))
        }
        guard let warmest = tenths(c.warmestC, Int16.self), let coldest = tenths(c.coldestC, Int16.self),
              let coast = tenths(c.coastKm, Int32.self), let port = tenths(c.portKm, Int32.self),
              let river = tenths(c.riverKm, Int32.self), let elevation = whole(c.elevationM), let rain = whole(c.rainMm),
              let relief = whole(c.reliefM), let coal = whole(c.coalMW) else { return nil }
        warmestTenths = warmest ?? .min; coldestTenths = coldest ?? .min
        coastTenths = coast ?? .min; portTenths = port ?? .min; riverTenths = river ?? .min
        elevationM = elevation ?? .min; rainMm = rain ?? .min; reliefM = relief ?? .min; coalMW = coal ?? .min
        switch c.role { case nil: role = -1; case .other?: role = 0; case .capital?: role = 1; case .regionSeat?: role = 2 }
        portTerminal = c.portTerminal.map { $0 ? 1 : 0 } ?? -1
    }

    /// A row that stands for nothing known (the place of a city kept unpacked).
    static let unknown = PackedCharacter(exactly: .unknown)!

    var character: CityCharacter {
        func open<T: FixedWidthInteger>(tenths value: T) -> Double? { value == .min ? nil : Double(value) / 10 }
        func open(_ value: Int32) -> Int? { value == .min ? nil : Int(value) }
        let roles: [CityCharacter.Role] = [.other, .capital, .regionSeat]
        return CityCharacter(role: role < 0 ? nil : roles[Int(role)], elevationM: open(elevationM),
                             warmestC: open(tenths: warmestTenths), coldestC: open(tenths: coldestTenths), rainMm: open(rainMm),
                             coastKm: open(tenths: coastTenths), portKm: open(tenths: portTenths),
                             portTerminal: portTerminal < 0 ? nil : portTerminal == 1, riverKm: open(tenths: riverTenths),
                             reliefM: open(reliefM), coalMW: open(coalMW))
    }
}

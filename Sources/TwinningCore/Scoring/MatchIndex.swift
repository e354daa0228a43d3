import Foundation

/// One city as the engine needs it. Built from the database, or from the
/// gazetteer files for an evaluation without a database.
public struct MatchCityRecord: Sendable, Equatable {
    public var cityId: Int64
    public var geonameId: Int64?
    public var name: String
    public var countryCode: String
    public var admin1Code: String?
    public var admin1Name: String?
    public var latitude: Double?
    public var longitude: Double?
    public var population: Int?
    public var strengths: [String]
    public var challenges: [String]
    public var seeking: Bool
    public var themes: [String]
    /// Completed joint projects of the city (learn mode: evidence of a strength).
    public var projectEvidence: [ProjectEvidence] = []

    public init(cityId: Int64, geonameId: Int64?, name: String, countryCode: String, admin1Code: String? = nil,
                admin1Name: String? = nil, latitude: Double? = nil, longitude: Double? = nil, population: Int? = nil,
                strengths: [String] = [], challenges: [String] = [], seeking: Bool = false, themes: [String] = []) {
        self.cityId = cityId; self.geonameId = geonameId; self.name = name; self.countryCode = countryCode.uppercased()
        self.admin1Code = admin1Code; self.admin1Name = admin1Name; self.latitude = latitude; self.longitude = longitude
        self.population = population; self.strengths = strengths; self.challenges = challenges; self.seeking = seeking
        self.themes = themes
    }
}

/// What countries.tsv says about a country that the engine uses.
public struct MatchCountry: Sendable, Equatable {
    public var code: String
    public var name: String
    public var languages: [String]
    public init(code: String, name: String, languages: [String]) {
        self.code = code.uppercased(); self.name = name; self.languages = languages
    }
}

/// A column of whole numbers that may be unknown, 8 bytes a city instead of
/// the 16 of `Int?` (with 69,000 cities and two such columns, 1 MB less).
/// `T.min` stands for unknown: no GeoNames id or population can be it
/// (the database refuses negative populations; a GeoNames id is positive).
public struct OptionalIntColumn<T: FixedWidthInteger & Sendable>: Sendable {
    static var unknown: T { T.min }
    private(set) var values: [T] = []

    init() {}
    mutating func reserveCapacity(_ n: Int) { values.reserveCapacity(n) }
    mutating func append(_ value: T?) { values.append(value ?? Self.unknown) }

    public subscript(position: Int) -> T? {
        let v = values[position]
        return v == Self.unknown ? nil : v
    }
}

/// What a city's profile says (and its completed projects show), kept only
/// for the cities that have any: the gazetteer's cities have none.
struct CityProfile: Sendable {
    var strengths: [String] = []
    var challenges: [String] = []
    var themes: [String] = []
    var projectEvidence: [ProjectEvidence] = []

    init() {}
    init(_ record: MatchCityRecord) {
        strengths = record.strengths; challenges = record.challenges; themes = record.themes
        projectEvidence = record.projectEvidence
    }

    var isEmpty: Bool { strengths.isEmpty && challenges.isEmpty && themes.isEmpty && projectEvidence.isEmpty }
}

/// Every city and the partnership network as flat arrays (struct of arrays),
/// built once, so ranking all ~69,000 cities is a few tight loops over Float
/// arrays instead of a walk over objects. Cities are ordered by GeoNames id
/// (user-added cities last, by database id): the position doubles as the
/// tie-break, so equal scores always come out in the same order.
public final class MatchIndex: Sendable {
    public let count: Int
    public let cityIds: [Int64]
    public let geonameIds: OptionalIntColumn<Int64>
    public let names: [String]
    /// Population per city (nil when unknown): filters and reasons need the number itself.
    let population: OptionalIntColumn<Int>
    /// Profiles and project evidence, only for the few cities that have any.
    let profiles: [Int32: CityProfile]
    /// Index into `countries` per city.
    let country: [Int32]
    public let countries: [MatchCountry]
    /// Index into `regionNames` per city; -1 when the admin1 region is unknown.
    let region: [Int32]
    let regionNames: [String]
    let latitude: [Float]   // radians, NaN when unknown
    let longitude: [Float]
    let cosLatitude: [Float]
    /// Unit vectors (x, y, z) of the cities on the sphere: the bulk distance
    /// is a chord length, with no sine per city. NaN without coordinates.
    let unitX: [Float], unitY: [Float], unitZ: [Float]
    let logPopulation: [Float]  // NaN when unknown or 0
    let seeking: [Bool]
    /// Features that depend on the candidate alone, computed once.
    let sizeValue: [Float], partnerValue: [Float]
    /// Radii of the nearby-links feature: towns within 60 km of home, their
    /// partners' surroundings up to 150 km (the kernels make farther towns
    /// count little; the cost grows with the square of each radius).
    static let nearHomeKm: Float = 60, nearCandidateKm: Float = 150
    /// The network as adjacency lists (compressed rows): partners of city i
    /// are `neighbours[offsets[i] ..< offsets[i + 1]]`, sorted.
    let offsets: [Int32]
    let neighbours: [Int32]
    /// Members of each region and each country, for region and country links.
    let regionOffsets: [Int32], regionMembers: [Int32]
    let countryOffsets: [Int32], countryMembers: [Int32]
    /// A grid of 0.5° × 0.5° cells over the cities with coordinates, for
    /// "cities within so many km" without a pass over all of them.
    let gridCells: [Int64: Range<Int>]
    let gridMembers: [Int32]
    /// Positions by database id; nil when the ids ascend with the positions
    /// (the gazetteer is stored in GeoNames order), and a binary search finds them.
    let positionById: [Int64: Int32]?
    /// How many cities at the front have a GeoNames id (ascending): searched by halves.
    let withGeonameId: Int
    /// Derived challenges and profile terms (Scoring/ChallengeFeatures.swift).
    let challengeIndex: ChallengeIndex

    /// - Parameter partnerships: pairs of `cityId`s; unknown ids and duplicates are ignored.
    /// - Parameter characters: the facts behind the challenges; nil leaves every challenge unknown.
    public convenience init(cities: [MatchCityRecord], partnerships: [(Int64, Int64)], countries countryList: [MatchCountry],
                            characters: CharacterTable? = nil) {
        func before(_ a: MatchCityRecord, _ b: MatchCityRecord) -> Bool {
            switch (a.geonameId, b.geonameId) {
            case let (x?, y?): return x != y ? x < y : a.cityId < b.cityId
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.cityId < b.cityId
            }
        }
        let inOrder = zip(cities, cities.dropFirst()).allSatisfy { !before($1, $0) }
        var columns = Columns(countries: countryList, capacity: cities.count)
        for city in inOrder ? cities : cities.sorted(by: before) { columns.append(city) }
        self.init(columns: columns, partnerships: partnerships, characters: characters)
    }

    /// The cities as columns, appended one by one in index order (GeoNames
    /// id, then user-added cities by id). `load` streams the database's rows
    /// in, so no array of whole records (12 MB for the gazetteer) is ever held.
    struct Columns {
        var cityIds: [Int64] = [], geonameIds = OptionalIntColumn<Int64>(), names: [String] = [], population = OptionalIntColumn<Int>()
        var country: [Int32] = [], region: [Int32] = []
        var latitude: [Float] = [], longitude: [Float] = [], cosLatitude: [Float] = [], logPopulation: [Float] = []
        var seeking: [Bool] = []
        var profiles: [Int32: CityProfile] = [:]
        var countries: [MatchCountry]
        var regionNames: [String] = []
        /// Kept only while the database ids ascend; `byId` takes over when one does not.
        private(set) var idsAscend = true
        private(set) var byId: [Int64: Int32] = [:]
        private(set) var withGeonameId = 0
        private var countryPosition: [String: Int32] = [:], regionPosition: [String: Int32] = [:]

        init(countries: [MatchCountry], capacity: Int) {
            self.countries = countries
            for (i, c) in countries.enumerated() { countryPosition[c.code] = Int32(i) }
            cityIds.reserveCapacity(capacity); geonameIds.reserveCapacity(capacity); names.reserveCapacity(capacity)
            population.reserveCapacity(capacity); country.reserveCapacity(capacity); region.reserveCapacity(capacity)
            latitude.reserveCapacity(capacity); longitude.reserveCapacity(capacity); cosLatitude.reserveCapacity(capacity)
            logPopulation.reserveCapacity(capacity); seeking.reserveCapacity(capacity)
        }

        var count: Int { cityIds.count }

        mutating func append(_ c: MatchCityRecord) {
            let i = Int32(cityIds.count)
            geonameIds.append(c.geonameId); names.append(c.name); population.append(c.population)
            if idsAscend, i > 0, cityIds[Int(i) - 1] >= c.cityId {
                idsAscend = false
                byId.reserveCapacity(cityIds.count)
                for (k, id) in cityIds.enumerated() { byId[id] = Int32(k) }
            }
            if !idsAscend { byId[c.cityId] = i }
            cityIds.append(c.cityId)
            if c.geonameId != nil {
                precondition(withGeonameId == Int(i), "cities with a GeoNames id come first, in its order")
                withGeonameId += 1
            }
            // Countries: those listed, plus any code a city uses that the list lacks.
            if let p = countryPosition[c.countryCode] {
                country.append(p)
            } else {
                countryPosition[c.countryCode] = Int32(countries.count)
                country.append(Int32(countries.count))
                countries.append(MatchCountry(code: c.countryCode, name: c.countryCode, languages: []))
            }
            if let code = c.admin1Code, !code.isEmpty, code != "00" {
                let key = c.countryCode + "." + code
                if let r = regionPosition[key] { region.append(r) } else {
                    regionPosition[key] = Int32(regionNames.count)
                    region.append(Int32(regionNames.count))
                    regionNames.append(c.admin1Name?.isEmpty == false ? c.admin1Name! : key)
                }
            } else {
                region.append(-1)
            }
            if let la = c.latitude, let lo = c.longitude {
                let lat = Float(la * .pi / 180)
                latitude.append(lat); longitude.append(Float(lo * .pi / 180)); cosLatitude.append(cos(lat))
            } else {
                latitude.append(.nan); longitude.append(.nan); cosLatitude.append(.nan)
            }
            if let p = c.population, p > 0 { logPopulation.append(Float(log10(Double(p)))) } else { logPopulation.append(.nan) }
            seeking.append(c.seeking)
            let profile = CityProfile(c)
            if !profile.isEmpty { profiles[i] = profile }
        }

        func position(cityId: Int64) -> Int32? {
            idsAscend ? MatchIndex.search(cityIds, cityId, in: 0..<cityIds.count).map(Int32.init) : byId[cityId]
        }

        /// Completed projects of the cities (by database id), added after the rows.
        mutating func addEvidence(_ evidence: [Int64: [ProjectEvidence]]) {
            for (cityId, list) in evidence where !list.isEmpty {
                guard let i = position(cityId: cityId) else { continue }
                profiles[i, default: CityProfile()].projectEvidence = list
            }
        }
    }

    init(columns: Columns, partnerships: [(Int64, Int64)], characters: CharacterTable?) {
        count = columns.count
        cityIds = columns.cityIds
        geonameIds = columns.geonameIds
        names = columns.names
        population = columns.population
        profiles = columns.profiles
        positionById = columns.idsAscend ? nil : columns.byId
        withGeonameId = columns.withGeonameId
        countries = columns.countries
        country = columns.country
        region = columns.region
        regionNames = columns.regionNames
        let lat = columns.latitude, lon = columns.longitude, cosLat = columns.cosLatitude
        latitude = lat; longitude = lon; cosLatitude = cosLat; logPopulation = columns.logPopulation
        unitX = (0..<count).map { cosLat[$0] * cos(lon[$0]) }
        unitY = (0..<count).map { cosLat[$0] * sin(lon[$0]) }
        unitZ = lat.map { sin($0) }
        seeking = columns.seeking

        let (offsets, neighbours) = MatchIndex.adjacency(count: count, partnerships: partnerships, position: columns.position(cityId:))
        self.offsets = offsets; self.neighbours = neighbours
        sizeValue = columns.logPopulation.map { $0.isNaN ? .nan : Features.candidateSize(logPopulation: $0) }
        partnerValue = (0..<count).map { Features.candidatePartners(Int(offsets[$0 + 1] - offsets[$0])) }
        (regionOffsets, regionMembers) = MatchIndex.members(of: columns.region, groups: columns.regionNames.count)
        (countryOffsets, countryMembers) = MatchIndex.members(of: columns.country, groups: columns.countries.count)

        var cells: [Int64: [Int32]] = [:]
        for i in 0..<count where !lat[i].isNaN {
            cells[MatchIndex.cellKey(MatchIndex.cell(lat[i]), MatchIndex.cell(lon[i])), default: []].append(Int32(i))
        }
        var ranges: [Int64: Range<Int>] = [:], members: [Int32] = []
        for (key, list) in cells {
            ranges[key] = members.count..<(members.count + list.count)
            members += list
        }
        gridCells = ranges
        gridMembers = members
        let countryCodes = columns.countries.map(\.code)
        challengeIndex = ChallengeIndex(count: count, geonameIds: columns.geonameIds,
                                        countryCode: { countryCodes[Int(columns.country[$0])] },
                                        profiles: columns.profiles, characters: characters)
    }

    static let cellDegrees: Float = 0.5
    static func cell(_ radians: Float) -> Int { Int((radians * 180 / .pi / cellDegrees).rounded(.down)) }
    static func cellKey(_ latCell: Int, _ lonCell: Int) -> Int64 { Int64(latCell) * 10_000 + Int64(lonCell) }

    /// Calls `body(position, km)` for every city within `limit` km of `position` (itself included).
    func forEachNear(_ position: Int, km limit: Float, _ body: (Int, Float) -> Void) {
        let la = latitude[position], lo = longitude[position], c = cosLatitude[position]
        guard !la.isNaN else { return }
        let cellKm = 111.2 * MatchIndex.cellDegrees
        let latSpan = Int((limit / cellKm).rounded(.up))
        let lonSpan = min(360, Int((limit / (cellKm * max(c, 0.01))).rounded(.up)))
        let latCell = MatchIndex.cell(la), lonCell = MatchIndex.cell(lo)
        let lonCells = Int(360 / MatchIndex.cellDegrees)
        for dy in -latSpan...latSpan {
            for dx in -lonSpan...lonSpan {
                // Wrap around the date line.
                var x = lonCell + dx
                let half = lonCells / 2
                if x < -half { x += lonCells } else if x >= half { x -= lonCells }
                guard let range = gridCells[MatchIndex.cellKey(latCell + dy, x)] else { continue }
                for k in range {
                    let j = Int(gridMembers[k])
                    let d = MatchIndex.haversine(la, lo, c, latitude[j], longitude[j], cosLatitude[j])
                    if d <= limit { body(j, d) }
                }
            }
        }
    }

    /// The network as compressed rows, each city's partners sorted and
    /// without repeats, built in place: a list per city (69,000 small arrays
    /// and a set each) held several MB more at the peak of the build.
    static func adjacency(count: Int, partnerships: [(Int64, Int64)], position: (Int64) -> Int32?) -> ([Int32], [Int32]) {
        var ends: [(Int32, Int32)] = []
        ends.reserveCapacity(partnerships.count)
        var start = [Int32](repeating: 0, count: count + 1)
        for (a, b) in partnerships {
            guard let i = position(a), let j = position(b), i != j else { continue }
            ends.append((i, j))
            start[Int(i) + 1] += 1; start[Int(j) + 1] += 1
        }
        for i in 0..<count { start[i + 1] += start[i] }
        var fill = start, flat = [Int32](repeating: 0, count: Int(start[count]))
        for (i, j) in ends {
            flat[Int(fill[Int(i)])] = j; fill[Int(i)] += 1
            flat[Int(fill[Int(j)])] = i; fill[Int(j)] += 1
        }
        // Sort each row and drop repeated partners, moving the rows together.
        var offsets = [Int32](repeating: 0, count: count + 1)
        var kept = 0
        for i in 0..<count {
            let row = Int(start[i])..<Int(start[i + 1])
            flat[row].sort()
            var last: Int32 = -1
            for k in row where flat[k] != last {
                last = flat[k]
                flat[kept] = last; kept += 1
            }
            offsets[i + 1] = Int32(kept)
        }
        flat.removeLast(flat.count - kept)
        return (offsets, flat)
    }

    /// Positions grouped by `group[i]` (a counting sort; -1 belongs to no
    /// group), ascending within each group: members of g are
    /// `members[offsets[g] ..< offsets[g + 1]]`.
    static func members(of group: [Int32], groups: Int) -> ([Int32], [Int32]) {
        var offsets = [Int32](repeating: 0, count: groups + 1)
        for g in group where g >= 0 { offsets[Int(g) + 1] += 1 }
        for g in 0..<groups { offsets[g + 1] += offsets[g] }
        var fill = offsets, members = [Int32](repeating: 0, count: Int(offsets[groups]))
        for (i, g) in group.enumerated() where g >= 0 {
            members[Int(fill[Int(g)])] = Int32(i); fill[Int(g)] += 1
        }
        return (offsets, members)
    }

    // MARK: - Look-ups

    /// The position of a city (by database id) in the arrays.
    public func position(cityId: Int64) -> Int? {
        guard let positionById else { return MatchIndex.search(cityIds, cityId, in: 0..<count) }
        return positionById[cityId].map(Int.init)
    }

    public func position(geonameId: Int64) -> Int? {
        MatchIndex.search(geonameIds.values, geonameId, in: 0..<withGeonameId)
    }

    /// The last position in `range` (ascending values) that holds `value`:
    /// the last, as a dictionary filled in order kept the last of equal keys.
    static func search<T: Comparable>(_ values: [T], _ value: T, in range: Range<Int>) -> Int? {
        var low = range.lowerBound, high = range.upperBound  // first position whose value is > value
        while low < high {
            let mid = (low + high) / 2
            if values[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low > range.lowerBound && values[low - 1] == value ? low - 1 : nil
    }

    /// Partners of the city at `position` (positions, sorted).
    public func partners(of position: Int) -> ArraySlice<Int32> {
        neighbours[Int(offsets[position])..<Int(offsets[position + 1])]
    }

    public func degree(_ position: Int) -> Int { Int(offsets[position + 1] - offsets[position]) }

    /// The typical size of a city's partners: the mean of their log10
    /// populations (a geometric mean); NaN when no partner has one. Shared by
    /// the bulk feature table and the facts of one pair.
    func partnersLogPopulation(_ position: Int) -> Float {
        var sum: Float = 0, count: Float = 0
        for p in partners(of: position) where !logPopulation[Int(p)].isNaN {
            sum += logPopulation[Int(p)]; count += 1
        }
        return count > 0 ? sum / count : .nan
    }

    public func countryCode(_ position: Int) -> String { countries[Int(country[position])].code }

    /// The profile of the city at `position`; empty for a city without one.
    func profile(_ position: Int) -> CityProfile { profiles[Int32(position)] ?? CityProfile() }

    /// Positions of every city in a country (empty for an unknown code).
    public func positions(inCountry code: String) -> [Int32] {
        guard let c = countries.firstIndex(where: { $0.code == code.uppercased() }) else { return [] }
        return Array(countryMembers[Int(countryOffsets[c])..<Int(countryOffsets[c + 1])])
    }

    func regionName(_ position: Int) -> String? {
        region[position] >= 0 ? regionNames[Int(region[position])] : nil
    }

    /// Distance in km between two positions, nil without coordinates.
    func distanceKm(_ a: Int, _ b: Int) -> Double? {
        guard !latitude[a].isNaN, !latitude[b].isNaN else { return nil }
        return Double(MatchIndex.haversine(latitude[a], longitude[a], cosLatitude[a], latitude[b], longitude[b], cosLatitude[b]))
    }

    /// Great-circle km from the chord between two unit vectors.
    @inline(__always)
    static func chordKm(_ dx: Float, _ dy: Float, _ dz: Float) -> Float {
        2 * 6371 * asin(min(1, (dx * dx + dy * dy + dz * dz).squareRoot() / 2))
    }

    /// Haversine with precomputed cosines (radians in, km out), in Float for the bulk loop.
    @inline(__always)
    static func haversine(_ la1: Float, _ lo1: Float, _ c1: Float, _ la2: Float, _ lo2: Float, _ c2: Float) -> Float {
        let s1 = sin((la2 - la1) / 2), s2 = sin((lo2 - lo1) / 2)
        let a = s1 * s1 + c1 * c2 * s2 * s2
        return 2 * 6371 * asin(min(1, a.squareRoot()))
    }
}

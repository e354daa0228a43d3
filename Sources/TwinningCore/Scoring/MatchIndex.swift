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

/// Every city and the partnership network as flat arrays (struct of arrays),
/// built once, so ranking all ~69,000 cities is a few tight loops over Float
/// arrays instead of a walk over objects. Cities are ordered by GeoNames id
/// (user-added cities last, by database id): the position doubles as the
/// tie-break, so equal scores always come out in the same order.
public final class MatchIndex: Sendable {
    public let count: Int
    public let cityIds: [Int64]
    public let geonameIds: [Int64?]
    public let names: [String]
    public let records: [MatchCityRecord]
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
    /// Profile tags (folded), only for the few cities that have a profile.
    let strengths: [Int32: Set<String>]
    let challenges: [Int32: Set<String>]
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
    let positionById: [Int64: Int32]
    let positionByGeonameId: [Int64: Int32]
    /// Derived challenges and profile terms (Scoring/ChallengeFeatures.swift).
    let challengeIndex: ChallengeIndex

    /// - Parameter partnerships: pairs of `cityId`s; unknown ids and duplicates are ignored.
    /// - Parameter characters: the facts behind the challenges; nil leaves every challenge unknown.
    public init(cities: [MatchCityRecord], partnerships: [(Int64, Int64)], countries countryList: [MatchCountry],
                characters: CharacterTable? = nil) {
        func before(_ a: MatchCityRecord, _ b: MatchCityRecord) -> Bool {
            switch (a.geonameId, b.geonameId) {
            case let (x?, y?): return x != y ? x < y : a.cityId < b.cityId
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.cityId < b.cityId
            }
        }
        // `load` reads them in this order already: then no sorted copy (12 MB
        // for the gazetteer, and as much again for the sort's scratch space).
        let inOrder = zip(cities, cities.dropFirst()).allSatisfy { !before($1, $0) }
        let sorted = inOrder ? cities : cities.sorted(by: before)
        count = sorted.count
        records = sorted
        cityIds = sorted.map(\.cityId)
        geonameIds = sorted.map(\.geonameId)
        names = sorted.map(\.name)
        var byId: [Int64: Int32] = [:], byGeonameId: [Int64: Int32] = [:]
        byId.reserveCapacity(count); byGeonameId.reserveCapacity(count)
        for (i, c) in sorted.enumerated() {
            byId[c.cityId] = Int32(i)
            if let g = c.geonameId { byGeonameId[g] = Int32(i) }
        }
        positionById = byId
        positionByGeonameId = byGeonameId

        // Countries: those listed, plus any code a city uses that the list lacks.
        var countryList = countryList
        var countryPosition: [String: Int32] = [:]
        for (i, c) in countryList.enumerated() { countryPosition[c.code] = Int32(i) }
        var regionPosition: [String: Int32] = [:]
        var regionNames: [String] = []
        var country = [Int32](repeating: 0, count: count), region = [Int32](repeating: -1, count: count)
        var lat = [Float](repeating: .nan, count: count), lon = lat, cosLat = lat, logPop = lat
        var seeking = [Bool](repeating: false, count: count)
        var strengths: [Int32: Set<String>] = [:], challenges: [Int32: Set<String>] = [:]
        for (i, c) in sorted.enumerated() {
            if let p = countryPosition[c.countryCode] {
                country[i] = p
            } else {
                countryPosition[c.countryCode] = Int32(countryList.count)
                country[i] = Int32(countryList.count)
                countryList.append(MatchCountry(code: c.countryCode, name: c.countryCode, languages: []))
            }
            if let code = c.admin1Code, !code.isEmpty, code != "00" {
                let key = c.countryCode + "." + code
                if let r = regionPosition[key] { region[i] = r } else {
                    regionPosition[key] = Int32(regionNames.count)
                    region[i] = Int32(regionNames.count)
                    regionNames.append(c.admin1Name?.isEmpty == false ? c.admin1Name! : key)
                }
            }
            if let la = c.latitude, let lo = c.longitude {
                lat[i] = Float(la * .pi / 180); lon[i] = Float(lo * .pi / 180); cosLat[i] = cos(lat[i])
            }
            if let p = c.population, p > 0 { logPop[i] = Float(log10(Double(p))) }
            seeking[i] = c.seeking
            if !c.strengths.isEmpty { strengths[Int32(i)] = Set(c.strengths.map(Features.tagKey)) }
            if !c.challenges.isEmpty { challenges[Int32(i)] = Set(c.challenges.map(Features.tagKey)) }
        }
        self.countries = countryList
        self.country = country
        self.region = region
        self.regionNames = regionNames
        self.latitude = lat; self.longitude = lon; self.cosLatitude = cosLat; self.logPopulation = logPop
        unitX = (0..<count).map { cosLat[$0] * cos(lon[$0]) }
        unitY = (0..<count).map { cosLat[$0] * sin(lon[$0]) }
        unitZ = lat.map { sin($0) }
        self.seeking = seeking; self.strengths = strengths; self.challenges = challenges

        var lists = [[Int32]](repeating: [], count: count)
        for (a, b) in partnerships {
            guard let i = byId[a], let j = byId[b], i != j else { continue }
            lists[Int(i)].append(j); lists[Int(j)].append(i)
        }
        (offsets, neighbours) = MatchIndex.compress(lists.map { Array(Set($0)).sorted() })
        sizeValue = logPop.map { $0.isNaN ? .nan : Features.candidateSize(logPopulation: $0) }
        partnerValue = lists.map { Features.candidatePartners(Set($0).count) }
        var regionLists = [[Int32]](repeating: [], count: regionNames.count)
        var countryLists = [[Int32]](repeating: [], count: countryList.count)
        for i in 0..<count {
            if region[i] >= 0 { regionLists[Int(region[i])].append(Int32(i)) }
            countryLists[Int(country[i])].append(Int32(i))
        }
        (regionOffsets, regionMembers) = MatchIndex.compress(regionLists)
        (countryOffsets, countryMembers) = MatchIndex.compress(countryLists)

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
        challengeIndex = ChallengeIndex(records: sorted, characters: characters)
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

    private static func compress(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
        var offsets = [Int32](repeating: 0, count: lists.count + 1)
        var flat: [Int32] = []
        flat.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for (i, list) in lists.enumerated() {
            flat += list
            offsets[i + 1] = Int32(flat.count)
        }
        return (offsets, flat)
    }

    // MARK: - Look-ups

    /// The position of a city (by database id) in the arrays.
    public func position(cityId: Int64) -> Int? { positionById[cityId].map(Int.init) }
    public func position(geonameId: Int64) -> Int? { positionByGeonameId[geonameId].map(Int.init) }

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

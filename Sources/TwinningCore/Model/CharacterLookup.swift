import Foundation

/// One city's facts from the character file without building the whole
/// table: the first city detail of the full-screen program needs one row,
/// and parsing all 69,000 rows into a dictionary was a sixth of the CPU time
/// of the first screen. The file is mapped, not read (reading and copying its
/// 3 MB was then still the first screen's largest cost), and its lines, in
/// GeoNames id order as the files are made, are found by a binary search that
/// touches a few pages; a file out of order is searched line by line when the
/// binary search finds nothing. The match explorer still uses
/// `CharacterTable.shared`. Once that table is read (a second or so after
/// start), answers come from it and the mapping is let go, so it is held
/// only while an upgrade is unlikely to replace the shipped file under it.
public final class CharacterLookup: @unchecked Sendable {
    private let lock = NSLock()
    private let citiesPath: String?
    private let countriesPath: String?
    private var cityBytes: Data?
    private var countries: [String: CityCharacter]?
    private var table: CharacterTable?

    public static let shared = CharacterLookup()

    /// The shipped files, or others (tests).
    init(cities: String? = nil, countries: String? = nil) {
        citiesPath = cities
        countriesPath = countries
    }

    /// From now on, answer from `table` (the same files, read whole).
    func adopt(_ table: CharacterTable) {
        lock.lock(); defer { lock.unlock() }
        self.table = table
        cityBytes = nil
        countries = nil
    }

    /// The facts of one city with its country's, as `CharacterTable.character(geonameId:country:)`; nil if the files cannot be read.
    public func character(geonameId: Int64?, country: String) -> CityCharacter? {
        lock.lock(); defer { lock.unlock() }
        if let table { return table.character(geonameId: geonameId, country: country) }
        do {
            if cityBytes == nil || countries == nil {
                let cities = try citiesPath ?? DataFiles.url(for: "city_character.tsv").path
                cityBytes = try Data(contentsOf: URL(fileURLWithPath: cities), options: .alwaysMapped)
                countries = try CharacterTable.loadCountries(try countriesPath ?? DataFiles.url(for: "country_demography.tsv").path)
            }
        } catch {
            return nil
        }
        var c = geonameId.flatMap { row(of: $0) }.map(CharacterTable.cityCharacter) ?? CityCharacter()
        if let k = countries?[country.uppercased()] {
            c.share65in2020 = k.share65in2020; c.share65in2050 = k.share65in2050
            c.popChange2000to2020 = k.popChange2000to2020; c.popChange2020to2050 = k.popChange2020to2050
        }
        return c
    }

    /// The 12 fields of the line that starts with `id` and a tab, if there is one.
    private func row(of id: Int64) -> [Substring]? {
        guard let data = cityBytes else { return nil }
        return data.withUnsafeBytes { raw -> [Substring]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let line = Self.binarySearch(bytes, for: id) ?? Self.scan(bytes, for: id) else { return nil }
            let fields = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
                .split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count == 12 ? fields : nil
        }
    }

    /// The line's leading whole number and where the line ends (its newline, or the end).
    private static func leadingId(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (id: Int64?, end: Int) {
        var i = start, value: Int64 = 0, digits = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, digits < 18 {
            value = value * 10 + Int64(bytes[i] - 48); i += 1; digits += 1
        }
        let id: Int64? = digits > 0 && i < bytes.count && bytes[i] == 9 ? value : nil
        while i < bytes.count && bytes[i] != 10 { i += 1 }
        return (id, i)
    }

    /// The range of the line of `id` in a file in id order (after its header
    /// line), or nil: not there, or the file is not in order where the search went.
    private static func binarySearch(_ bytes: UnsafeBufferPointer<UInt8>, for id: Int64) -> Range<Int>? {
        guard let header = bytes.firstIndex(of: 10) else { return nil }
        let first = header + 1
        var low = first, high = bytes.count
        while low < high {
            // The line that holds the middle byte.
            var start = (low + high) / 2
            while start > first && bytes[start - 1] != 10 { start -= 1 }
            let (found, end) = leadingId(bytes, at: start)
            guard let found else { return nil }
            if found == id { return start..<end }
            if found < id { low = end + 1 } else { high = start }
        }
        return nil
    }

    /// The range of the first line of `id`, looked for line by line.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, for id: Int64) -> Range<Int>? {
        var start = (bytes.firstIndex(of: 10) ?? bytes.count) + 1
        while start < bytes.count {
            let (found, end) = leadingId(bytes, at: start)
            if found == id { return start..<end }
            start = end + 1
        }
        return nil
    }
}

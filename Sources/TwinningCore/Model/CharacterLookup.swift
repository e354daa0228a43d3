import Foundation

/// One city's facts from the character file without building the whole
/// table: the first city detail of the full-screen program needs one row,
/// and parsing all 69,000 rows into a dictionary was a sixth of the CPU time
/// of the first screen. The file is kept as bytes and searched for the line
/// of the GeoNames id (a few milliseconds over 3 MB, no order assumed);
/// the match explorer still uses `CharacterTable.shared`. Once that table
/// is read, answers come from it and the bytes are let go (3 MB that the
/// full-screen program would otherwise hold twice, as bytes and as table).
public final class CharacterLookup: @unchecked Sendable {
    private let lock = NSLock()
    private var cityBytes: [UInt8]?
    private var countries: [String: CityCharacter]?
    private var table: CharacterTable?

    public static let shared = CharacterLookup()

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
                guard let data = FileManager.default.contents(atPath: try DataFiles.url(for: "city_character.tsv").path) else { return nil }
                cityBytes = [UInt8](data)
                countries = try CharacterTable.loadCountries(try DataFiles.url(for: "country_demography.tsv").path)
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
        guard let bytes = cityBytes else { return nil }
        let needle = Array("\n\(id)\t".utf8)
        let n = bytes.count, m = needle.count
        var i = 0
        while i + m <= n {
            if bytes[i] == 10 {
                var j = 1
                while j < m && bytes[i + j] == needle[j] { j += 1 }
                if j == m {
                    var end = i + 1
                    while end < n && bytes[end] != 10 { end += 1 }
                    let line = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                    return fields.count == 12 ? fields : nil
                }
            }
            i += 1
        }
        return nil
    }
}

import Foundation
import TwinningCore

/// Filter-as-you-type over many names. Keys are folded once (no diacritics, no
/// case) and searched as bytes, so filtering all 70,000 gazetteer names (and
/// their 150,000 other names) on each keystroke takes milliseconds. Matches
/// that start with the text come first, then names that contain it, each
/// group in the list's own order. "ue", "oe", "ae" typed for ü, ö, ä also
/// match (`NameVariants`): "Muenchen" finds München.
///
/// It agrees with the SQL search (`AppDatabase.searchCityMatches`): exact
/// names first, then names that start with the text, then *main* names that
/// contain it. Other names (exonyms) match only from their start, so
/// "Warschaw" does not find Novovarshavka through one of its other names.
public struct NameIndex: Sendable {
    /// The keys one after another, each ended by a 0 byte (which no key or
    /// typed text holds, so a match never runs from one key into the next),
    /// and where each starts. One block instead of an array per key: the
    /// partnerships' and events' keys hold both cities' names and their
    /// other names, 110,000–200,000 keys of a few hundred bytes.
    private var bytes: [UInt8] = []
    private var starts: [Int] = []

    public init(keys: [String]) {
        starts.reserveCapacity(keys.count)
        bytes.reserveCapacity(keys.reduce(0) { $0 + $1.utf8.count + 1 })
        for key in keys {
            starts.append(bytes.count)
            bytes.append(contentsOf: key.utf8.lazy.map { $0 == 0 ? 0x20 : $0 })
            bytes.append(0)
        }
    }

    /// Keys written straight into the block, `count` of them: `write(i, &bytes)`
    /// appends key `i` (no string made per key: the events' index joins two
    /// cities' keys and a title for each of 200,000 events).
    init(count: Int, _ write: (Int, inout [UInt8]) -> Void) {
        starts.reserveCapacity(count)
        for index in 0..<count {
            let start = bytes.count
            starts.append(start)
            write(index, &bytes)
            // A 0 byte ends a key; none may stand inside one.
            for i in start..<bytes.count where bytes[i] == 0 { bytes[i] = 0x20 }
            bytes.append(0)
        }
    }

    public var count: Int { starts.count }

    /// Key `index`, without its closing 0.
    func keyBytes(_ index: Int) -> ArraySlice<UInt8> {
        bytes[starts[index]..<((index + 1 < starts.count ? starts[index + 1] : bytes.count) - 1)]
    }

    public func filter(_ text: String) -> [Int] {
        let needles = NameVariants.keys(text).map { Array($0.utf8) }
        if needles.isEmpty { return Array(0..<count) }
        // Best match per key (`Match` raw values: lower is better).
        var best = [UInt8](repeating: UInt8(Match.none.rawValue), count: count)
        for needle in needles {
            if needle.contains(where: { $0 <= NameIndex.otherSeparator }) {
                // Not what typing gives; the plain scan answers it the same way.
                for index in 0..<count {
                    best[index] = min(best[index], UInt8(NameIndex.find(needle, in: Array(keyBytes(index))).rawValue))
                }
            } else {
                scan(for: needle, into: &best)
            }
        }
        var exact: [Int] = [], prefix: [Int] = [], inner: [Int] = []
        for (index, match) in best.enumerated() {
            switch Int(match) {
            case Match.exact.rawValue: exact.append(index)
            case Match.prefix.rawValue: prefix.append(index)
            case Match.inner.rawValue: inner.append(index)
            default: break
            }
        }
        return exact + prefix + inner
    }

    /// Every place `needle` occurs in all keys at once (the C library's
    /// `memchr` for its first byte, which skips the many keys without it far
    /// faster than a byte loop: 110,000 partnership keys took 17 ms a
    /// keystroke), each judged as `find` judges it: at a name's start (exact
    /// if it also reaches the name's end), or inside a main name.
    private func scan(for needle: [UInt8], into best: inout [UInt8]) {
        let n = needle.count
        guard n > 0, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let base = hay.baseAddress!
                var from = 0, key = 0
                let first = Int32(pin[0]), rest = pin.baseAddress! + 1
                while from + n <= hay.count,
                      let hit = memchr(base + from, first, hay.count - from - n + 1) {
                    let p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    guard n == 1 || memcmp(base + p + 1, rest, n - 1) == 0 else { from = p + 1; continue }
                    while key + 1 < starts.count && starts[key + 1] <= p { key += 1 }
                    let start = starts[key]
                    let before: UInt8? = p > start ? hay[p - 1] : nil
                    let after = hay[p + n] // the key's closing 0 at the latest
                    let atStart = before == nil || before == NameIndex.mainSeparator || before == NameIndex.otherSeparator
                    var match = Match.none
                    if atStart {
                        match = after == 0 || after == NameIndex.mainSeparator || after == NameIndex.otherSeparator ? .exact : .prefix
                    } else {
                        // Inside a name: only a main one counts (the nearest separator before it says which).
                        var i = p - 1
                        while i > start && hay[i] != NameIndex.mainSeparator && hay[i] != NameIndex.otherSeparator { i -= 1 }
                        if hay[i] != NameIndex.otherSeparator { match = .inner }
                    }
                    if UInt8(match.rawValue) < best[key] { best[key] = UInt8(match.rawValue) }
                    // An exact match cannot be bettered: on to the next key.
                    from = match == .exact && key + 1 < starts.count ? starts[key + 1] : p + 1
                }
            }
        }
    }

    /// Entries closest to a text that matched nothing, fewest changed letters
    /// first (at most two), in the list's own order within each distance.
    public func closest(_ text: String, limit: Int) -> [Int] {
        guard let key = NameVariants.keys(text).last, key.utf8.count >= 3 else { return [] }
        let needle = Array(key.utf8)
        let ceiling = needle.count <= 4 ? 1 : 2
        var found: [(distance: Int, index: Int)] = []
        for index in 0..<count {
            let entry = keyBytes(index)
            var best: Int?
            for part in entry.split(omittingEmptySubsequences: true, whereSeparator: { $0 == NameIndex.mainSeparator || $0 == NameIndex.otherSeparator }) {
                if let d = EditDistance.distance(needle, Array(part), limit: best.map { $0 - 1 } ?? ceiling) {
                    best = d
                    if d == 0 { break }
                }
            }
            if let best { found.append((best, index)) }
        }
        return found.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
            .prefix(limit).map(\.index)
    }

    /// Best first: an exact name, a name's start, inside a main name.
    enum Match: Int { case exact, prefix, inner, none }

    /// Separators inside a key: before a main name (which may match inside),
    /// and before an other name (which matches only from its start, as in SQL).
    static let mainSeparator: UInt8 = 1
    static let otherSeparator: UInt8 = 2

    /// Keys hold several names, each after a separator byte (none before the
    /// first, a main name); a match at the start of any of them is a prefix
    /// match, one that also reaches its end is exact.
    static func find(_ needle: [UInt8], in key: [UInt8]) -> Match {
        let n = needle.count, k = key.count
        guard n > 0, n <= k else { return .none }
        var found = Match.none
        var i = 0
        var inOtherName = false
        let first = needle[0]
        while i + n <= k {
            let byte = key[i]
            if byte == mainSeparator { inOtherName = false } else if byte == otherSeparator { inOtherName = true }
            if byte == first {
                var j = 1
                while j < n && key[i + j] == needle[j] { j += 1 }
                if j == n {
                    let atStart = i == 0 || key[i - 1] == mainSeparator || key[i - 1] == otherSeparator
                    if atStart {
                        if i + n == k || key[i + n] == mainSeparator || key[i + n] == otherSeparator { return .exact }
                        found = .prefix
                    } else if !inOtherName && found == .none {
                        found = .inner
                    }
                }
            }
            i += 1
        }
        return found
    }

    /// The key for a city: its folded name, its folded ASCII name and its
    /// other names (exonyms), each once.
    public static func key(for city: CitySummary, otherNames: [String] = []) -> String {
        var main = [city.searchKey]
        if !city.asciiKey.isEmpty && city.asciiKey != city.searchKey { main.append(city.asciiKey) }
        var others: [String] = []
        for name in otherNames {
            let folded = SearchKey.fold(name)
            if !folded.isEmpty && !main.contains(folded) && !others.contains(folded) { others.append(folded) }
        }
        return main.joined(separator: "\u{1}") + others.map { "\u{2}" + $0 }.joined()
    }

    /// The other name that made a city match `text` when its own names do
    /// not ("Breslau" for Wrocław), to show beside it; nil otherwise.
    public static func matchedOtherName(_ city: CitySummary, otherNames: [String], text: String) -> String? {
        let needles = NameVariants.keys(text)
        guard !needles.isEmpty, !otherNames.isEmpty else { return nil }
        if needles.contains(where: { city.searchKey.contains($0) || city.asciiKey.contains($0) }) { return nil }
        let starting = otherNames.first { name in needles.contains { SearchKey.fold(name).hasPrefix($0) } }
        // Other names match only from their start (as in the search itself).
        return starting
    }
}

/// Each city's filter key as bytes, made once: the 110,000 partnerships and
/// 200,000 events of a big register name far fewer cities. The city is read
/// field by field (`key(id) { rows[i].cityA }`), not copied with its row.
struct CityKeyBytes {
    /// Keys made already (the register's, with other names); others are made from the city alone.
    private let known: [Int64: String]
    private var made: [Int64: [UInt8]] = [:]

    init(known: [Int64: String] = [:]) { self.known = known }

    mutating func key(_ id: Int64, _ city: () -> CitySummary) -> [UInt8] {
        if let key = made[id] { return key }
        let key = Array((known[id] ?? NameIndex.key(for: city())).utf8)
        made[id] = key
        return key
    }
}

/// The rows a list filter lets through, in the index's ranking; every row,
/// in order, when the text has nothing to match, without asking for the
/// index (the lists build theirs on the first filter keystroke).
func filteredRows(_ text: String, count: Int, _ index: () -> NameIndex) -> [Int] {
    NameVariants.keys(text).isEmpty ? Array(0..<count) : index().filter(text)
}

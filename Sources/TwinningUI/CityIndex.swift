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
    private var keys: [[UInt8]] = []

    public init(keys: [String]) {
        self.keys = keys.map { Array($0.utf8) }
    }

    public var count: Int { keys.count }

    public func filter(_ text: String) -> [Int] {
        let needles = NameVariants.keys(text).map { Array($0.utf8) }
        if needles.isEmpty { return Array(keys.indices) }
        var exact: [Int] = []
        var prefix: [Int] = []
        var inner: [Int] = []
        for (index, key) in keys.enumerated() {
            var best = Match.none
            for needle in needles {
                let found = NameIndex.find(needle, in: key)
                if found.rawValue < best.rawValue { best = found }
                if best == .exact { break }
            }
            switch best {
            case .exact: exact.append(index)
            case .prefix: prefix.append(index)
            case .inner: inner.append(index)
            case .none: break
            }
        }
        return exact + prefix + inner
    }

    /// Entries closest to a text that matched nothing, fewest changed letters
    /// first (at most two), in the list's own order within each distance.
    public func closest(_ text: String, limit: Int) -> [Int] {
        guard let key = NameVariants.keys(text).last, key.utf8.count >= 3 else { return [] }
        let needle = Array(key.utf8)
        let ceiling = needle.count <= 4 ? 1 : 2
        var found: [(distance: Int, index: Int)] = []
        for (index, entry) in keys.enumerated() {
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

/// The rows a list filter lets through, in the index's ranking; every row,
/// in order, when the text has nothing to match, without asking for the
/// index (the lists build theirs on the first filter keystroke).
func filteredRows(_ text: String, count: Int, _ index: () -> NameIndex) -> [Int] {
    NameVariants.keys(text).isEmpty ? Array(0..<count) : index().filter(text)
}

import TwinningCore

/// Filter-as-you-type over many names. Keys are folded once (no diacritics, no
/// case) and searched as bytes, so filtering all 70,000 gazetteer names (and
/// their 150,000 other names) on each keystroke takes milliseconds. Matches
/// that start with the text come first, then names that contain it, each
/// group in the list's own order. "ue", "oe", "ae" typed for ü, ö, ä also
/// match (`NameVariants`): "Muenchen" finds München.
public struct NameIndex: Sendable {
    private var keys: [[UInt8]] = []

    public init(keys: [String]) {
        self.keys = keys.map { Array($0.utf8) }
    }

    public var count: Int { keys.count }

    public func filter(_ text: String) -> [Int] {
        let needles = NameVariants.keys(text).map { Array($0.utf8) }
        if needles.isEmpty { return Array(keys.indices) }
        var prefix: [Int] = []
        var inner: [Int] = []
        for (index, key) in keys.enumerated() {
            var best = Match.none
            for needle in needles {
                switch NameIndex.find(needle, in: key) {
                case .prefix: best = .prefix
                case .inner: if best == .none { best = .inner }
                case .none: break
                }
                if best == .prefix { break }
            }
            switch best {
            case .prefix: prefix.append(index)
            case .inner: inner.append(index)
            case .none: break
            }
        }
        return prefix + inner
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
            for part in entry.split(separator: 1, omittingEmptySubsequences: true) {
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

    enum Match { case prefix, inner, none }

    /// Keys hold several names separated by a 0x01 byte; a match at the start
    /// of any of them counts as a prefix match.
    static func find(_ needle: [UInt8], in key: [UInt8]) -> Match {
        let n = needle.count, k = key.count
        guard n <= k else { return .none }
        var found = Match.none
        var i = 0
        let first = needle[0]
        while i + n <= k {
            if key[i] == first {
                var j = 1
                while j < n && key[i + j] == needle[j] { j += 1 }
                if j == n {
                    if i == 0 || key[i - 1] == 1 { return .prefix }
                    found = .inner
                }
            }
            i += 1
        }
        return found
    }

    /// The key for a city: its folded name, its folded ASCII name and its
    /// other names (exonyms), each once.
    public static func key(for city: CitySummary, otherNames: [String] = []) -> String {
        var parts = [city.searchKey]
        if !city.asciiKey.isEmpty && city.asciiKey != city.searchKey { parts.append(city.asciiKey) }
        for name in otherNames {
            let folded = SearchKey.fold(name)
            if !folded.isEmpty && !parts.contains(folded) { parts.append(folded) }
        }
        return parts.joined(separator: "\u{1}")
    }

    /// The other name that made a city match `text` when its own names do
    /// not ("Breslau" for Wrocław), to show beside it; nil otherwise.
    public static func matchedOtherName(_ city: CitySummary, otherNames: [String], text: String) -> String? {
        let needles = NameVariants.keys(text)
        guard !needles.isEmpty, !otherNames.isEmpty else { return nil }
        if needles.contains(where: { city.searchKey.contains($0) || city.asciiKey.contains($0) }) { return nil }
        let starting = otherNames.first { name in needles.contains { SearchKey.fold(name).hasPrefix($0) } }
        return starting ?? otherNames.first { name in needles.contains { SearchKey.fold(name).contains($0) } }
    }
}

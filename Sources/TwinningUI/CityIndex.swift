import TwinningCore

/// Filter-as-you-type over many names. Keys are folded once (no diacritics, no
/// case) and searched as bytes, so filtering all 70,000 gazetteer names on each
/// keystroke takes milliseconds. Matches that start with the text come first,
/// then names that contain it, each group in the list's own order.
public struct NameIndex: Sendable {
    private var keys: [[UInt8]] = []

    public init(keys: [String]) {
        self.keys = keys.map { Array($0.utf8) }
    }

    public var count: Int { keys.count }

    public func filter(_ text: String) -> [Int] {
        let needle = Array(SearchKey.fold(text).utf8)
        if needle.isEmpty { return Array(keys.indices) }
        var prefix: [Int] = []
        var inner: [Int] = []
        for (index, key) in keys.enumerated() {
            switch NameIndex.find(needle, in: key) {
            case .prefix: prefix.append(index)
            case .inner: inner.append(index)
            case .none: break
            }
        }
        return prefix + inner
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

    /// The key for a city: its folded name and its folded ASCII name.
    public static func key(for city: CitySummary) -> String {
        city.asciiKey.isEmpty || city.asciiKey == city.searchKey ? city.searchKey : city.searchKey + "\u{1}" + city.asciiKey
    }
}

import Foundation
import TwinningCore

/// A small seeded generator (SplitMix64), so a split is the same on every
/// machine and every run: seed 1 is always the same 20 %.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Split {
    let training: [(Int64, Int64)]
    let heldOut: [(Int64, Int64)]

    /// Shuffles the pairs with `seed` and holds out the first `fraction`.
    init(pairs: [(Int64, Int64)], seed: UInt64, fraction: Double) {
        var rng = SplitMix64(seed: seed)
        let shuffled = pairs.shuffled(using: &rng)
        let cut = Int((Double(shuffled.count) * fraction).rounded())
        heldOut = Array(shuffled[..<cut])
        training = Array(shuffled[cut...])
    }
}

/// The real pairs of twinnings_dev.tsv as GeoNames ids.
func readPairs(path: String?) throws -> [(Int64, Int64)] {
    let table = try Table.read(path: try path ?? DataFiles.url(for: "twinnings_dev.tsv").path)
    return table.records.compactMap { r in
        guard let a = r["geonameid_a"].flatMap({ Int64($0) }), let b = r["geonameid_b"].flatMap({ Int64($0) }) else { return nil }
        return (a, b)
    }
}

/// One question of the benchmark: find `partner` among the cities of its country.
struct Query {
    let home: Int
    let partner: Int
}

/// Both directions of every held-out pair whose cities are in the gazetteer.
func queries(for split: Split, index: MatchIndex) -> [Query] {
    split.heldOut.flatMap { a, b -> [Query] in
        guard let i = index.position(cityId: a), let j = index.position(cityId: b) else { return [] }
        return [Query(home: i, partner: j), Query(home: j, partner: i)]
    }
}

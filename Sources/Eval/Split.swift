import Foundation
import TwinningCore


struct Split {
    let training: [(Int64, Int64)]
    let heldOut: [(Int64, Int64)]

    /// Shuffles the pairs with `seed` and holds out the first `fraction`.
    init(pairs: [(Int64, Int64)], seed: UInt64, fraction: Double) {
        var rng = SeededRandom(seed: seed)
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

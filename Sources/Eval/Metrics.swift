import Foundation

/// Hit@1, Hit@10, MRR and median rank over the ranks of the true partners.
struct Metrics {
    var ranks: [Int] = []
    var candidates: [Int] = []

    mutating func add(rank: Int, candidates count: Int) {
        ranks.append(rank)
        candidates.append(count)
    }

    var hit1: Double { share { $0 <= 1 } }
    var hit10: Double { share { $0 <= 10 } }
    var mrr: Double { ranks.isEmpty ? 0 : ranks.reduce(0) { $0 + 1 / Double($1) } / Double(ranks.count) }
    var medianRank: Double {
        let s = ranks.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    private func share(_ test: (Int) -> Bool) -> Double {
        ranks.isEmpty ? 0 : Double(ranks.filter(test).count) / Double(ranks.count)
    }

    static func header() -> String {
        pad("scorer", 34) + pad("Hit@1", 8, right: true) + pad("Hit@10", 9, right: true) + pad("MRR", 8, right: true)
            + pad("median rank", 13, right: true)
    }

    func row(_ name: String) -> String {
        pad(name, 34) + pad(String(format: "%.1f %%", hit1 * 100), 8, right: true)
            + pad(String(format: "%.1f %%", hit10 * 100), 9, right: true)
            + pad(String(format: "%.3f", mrr), 8, right: true)
            + pad(medianRank == medianRank.rounded() ? String(Int(medianRank)) : String(format: "%.1f", medianRank), 13, right: true)
    }
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    guard n < width else { return s + (right ? "" : " ") }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
}

/// Rank (1-based) of `target` when higher scores come first and equal scores
/// keep the gazetteer order (position), the engine's own tie-break.
func rankOf(target: Int, targetScore: Double, scores: [(position: Int32, score: Double)]) -> Int {
    var rank = 1
    for (p, s) in scores where s > targetScore || (s == targetScore && Int(p) < target) { rank += 1 }
    return rank
}

import Foundation
import TwinningCore

func milliseconds(_ body: () -> Void) -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000
}

func quantile(_ values: [Double], _ q: Double) -> Double {
    let s = values.sorted()
    return s.isEmpty ? .nan : s[min(s.count - 1, Int(Double(s.count - 1) * q))]
}

/// Times the three things a user waits for: a new home city (features for
/// every city, then rank all), a change of weights or filter with the home
/// city kept (re-rank only), and a re-rank limited to one country.
func runBench(cities: [MatchCityRecord], pairs: [(Int64, Int64)], countries: [MatchCountry], homes: Int) {
    var index: MatchIndex!
    let build = milliseconds { index = MatchIndex(cities: cities, partnerships: pairs, countries: countries) }
    var rng = SplitMix64(seed: 99)
    let withPartners = (0..<index.count).filter { index.degree($0) > 0 }
    let chosen = (0..<homes).map { _ in withPartners.randomElement(using: &rng)! }
    var profile = WeightProfile.builtIn(.learn)
    var cold: [Double] = [], table: [Double] = [], rerank: [Double] = [], country: [Double] = []
    var sink = 0
    for home in chosen {
        let ranker = Ranker(index: index)
        cold.append(milliseconds { sink &+= ranker.rank(home: home, profile: profile).count })
        table.append(milliseconds { sink &+= index.featureTable(home: home, mode: .learn, preference: .none).count })
        profile.weights[.distance] = Float.random(in: 0...2, using: &rng)
        rerank.append(milliseconds { sink &+= ranker.rank(home: home, profile: profile).count })
        country.append(milliseconds { sink &+= ranker.rank(home: home, profile: profile, filters: MatchFilters(countries: ["FR"])).count })
    }
    print(String(format: "index of %d cities and %d partnerships built in %.0f ms", index.count, pairs.count, build))
    print("milliseconds per ranking over \(homes) home cities with partners (median / 95th percentile):")
    func line(_ label: String, _ v: [Double]) { print(pad(label, 52) + String(format: "%7.2f / %7.2f", quantile(v, 0.5), quantile(v, 0.95))) }
    line("new home city: features + rank all cities", cold)
    line("  of which the feature table", table)
    line("same home, weights changed: re-rank all cities", rerank)
    line("same home, filter one country (FR): re-rank", country)
    if sink == 42 { print("") }
}

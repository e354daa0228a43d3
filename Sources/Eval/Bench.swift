import Foundation
import TwinningCore

#if canImport(Glibc)
import Glibc
#endif

/// CPU time of this thread, so the figure does not depend on how busy the
/// machine is (wall-clock time is printed too).
func threadCPUNanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

nonisolated(unsafe) var cpuSamples: [Double] = []

/// Wall-clock milliseconds of `body`; its CPU milliseconds go to `cpuSamples`.
func milliseconds(_ body: () -> Void) -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    let c0 = threadCPUNanoseconds()
    body()
    cpuSamples.append(Double(threadCPUNanoseconds() - c0) / 1_000_000)
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000
}

func quantile(_ values: [Double], _ q: Double) -> Double {
    let s = values.sorted()
    return s.isEmpty ? .nan : s[min(s.count - 1, Int(Double(s.count - 1) * q))]
}

/// Times the three things a user waits for: a new home city (features for
/// every city, then rank all), a change of weights or filter with the home
/// city kept (re-rank only), and a re-rank limited to one country.
func runBench(cities: [MatchCityRecord], pairs: [(Int64, Int64)], countries: [MatchCountry], characters: CharacterTable, homes: Int) {
    var index: MatchIndex!
    let build = milliseconds { index = MatchIndex(cities: cities, partnerships: pairs, countries: countries, characters: characters) }
    var rng = SeededRandom(seed: 99)
    let withPartners = (0..<index.count).filter { index.degree($0) > 0 }
    let chosen = (0..<homes).map { _ in withPartners.randomElement(using: &rng)! }
    var profile = WeightProfile.builtIn(.learn)
    var cold: [Double] = [], table: [Double] = [], rerank: [Double] = [], country: [Double] = []
    var cpu: [[Double]] = [[], [], [], []]
    cpuSamples = []
    var sink = 0
    for home in chosen {
        let ranker = Ranker(index: index)
        cold.append(milliseconds { sink &+= ranker.rank(home: home, profile: profile).count })
        cpu[0].append(cpuSamples.removeLast())
        table.append(milliseconds { sink &+= index.featureTable(home: home, mode: .learn, preference: .none).count })
        cpu[1].append(cpuSamples.removeLast())
        profile.weights[.distance] = Float.random(in: 0...2, using: &rng)
        rerank.append(milliseconds { sink &+= ranker.rank(home: home, profile: profile).count })
        cpu[2].append(cpuSamples.removeLast())
        country.append(milliseconds { sink &+= ranker.rank(home: home, profile: profile, filters: MatchFilters(countries: ["FR"])).count })
        cpu[3].append(cpuSamples.removeLast())
    }
    print(String(format: "index of %d cities and %d partnerships built in %.0f ms", index.count, pairs.count, build))
    print("milliseconds per ranking over \(homes) home cities with partners, median / 95th percentile:")
    print(pad("", 52) + "  wall clock        CPU time")
    func line(_ label: String, _ v: [Double], _ c: [Double]) {
        print(pad(label, 52) + String(format: "%7.2f / %6.2f   %6.2f / %6.2f", quantile(v, 0.5), quantile(v, 0.95),
                                      quantile(c, 0.5), quantile(c, 0.95)))
    }
    line("new home city: features + rank all cities", cold, cpu[0])
    line("  of which the feature table", table, cpu[1])
    line("same home, weights changed: re-rank all cities", rerank, cpu[2])
    line("same home, filter one country (FR): re-rank", country, cpu[3])
    if sink == 42 { print("") }
}

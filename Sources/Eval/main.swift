// twinning-eval: measures the match engine on real twinnings, tunes its
// weights, and times it. It prints figures; it asserts nothing.
//
//   twinning-eval [--seed N] [--holdout F] [--profile NAME | --weights FILE] [--queries N]
//       Link prediction: hold out F (0.2) of twinnings_dev.tsv's pairs with
//       seed N (2), give the engine the rest as the known network, and for
//       each held-out pair (both directions) rank every city of the partner's
//       country except the query and its known partners. Prints Hit@1,
//       Hit@10, MRR and median rank for the engine and simple baselines.
//       --all-countries: rank among all cities instead (the TUI's default list).
//       --dump-held-out FILE: also write the held-out pairs (for Scripts/match-study).
//   twinning-eval tune [--seed N] [--queries N] [--rivals N] [--folds N] [--inner-holdout F] [--all-countries]
//       Fits the weights of the network and geometry features (conditional
//       logit, maximum likelihood) on N (4) inner splits of seed N's (2)
//       training pairs, F (0.05) held out each — never on the evaluation's
//       held-out pairs; prints a weight profile.
//       --features a,b,c fits only those (the simple baseline of the README);
//       with --keep-others the other features keep the profile's weights.
//   twinning-eval bench [--homes N]
//       Milliseconds to rank all gazetteer cities for one home city.
//   twinning-eval modes [--homes ID,ID,…] [--similar FILE] [--learn FILE]
//       Do the two modes mean something? For fixed home cities (Dortmund,
//       Lille, Kraków, Venice, Rotterdam, Innsbruck, Leeds, Gdańsk), the
//       default list (abroad, full dev network): the top-10 overlap between
//       similar and learn, and how many of similar's top 10 have a challenges
//       or themes reason among their three strongest.

import Foundation
import TwinningCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("twinning-eval: " + message + "\n").utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
        usage: twinning-eval [--seed N] [--holdout F] [--profile NAME | --weights FILE] [--queries N] [--all-countries]
                             [--dump-held-out FILE]
               twinning-eval tune [--seed N] [--queries N] [--rivals N] [--folds N] [--inner-holdout F]
                                  [--all-countries] [--features a,b,c] [--keep-others]
               twinning-eval bench [--homes N]
               twinning-eval modes [--homes ID,ID,...]
        Measures the match engine on the real twinnings (see README, "How good are the suggestions?").
        """)
    exit(0)
}
let command = arguments.first.map { ["tune", "bench", "evaluate", "modes"].contains($0) ? $0 : "evaluate" } ?? "evaluate"

@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name) else { return nil }
    guard i + 1 < arguments.count else { fail("\(name) needs a value") }
    return arguments[i + 1]
}

let seed = UInt64(option("--seed") ?? "2") ?? 2
let fraction = Double(option("--holdout") ?? "0.2") ?? 0.2
let queryLimit = option("--queries").flatMap { Int($0) }
let pairsPath = option("--pairs")
let citiesPath = option("--cities")

@MainActor func loadProfile() throws -> WeightProfile {
    if let file = option("--weights") {
        guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
        return try WeightProfile.parse(String(decoding: data, as: UTF8.self), name: file)
    }
    return try WeightProfile.load(named: option("--profile") ?? "similar")
}

do {
    let started = Date()
    let countries = try MatchIndex.loadCountries()
    let cities = try MatchIndex.gazetteerRecords(path: citiesPath)
    let pairs = try readPairs(path: pairsPath)
    let charactersStarted = Date()
    let characters = try CharacterTable.shared
    // What the first city detail or match ranking pays once (never at start-up).
    FileHandle.standardError.write(Data(String(format: "character files read in %.0f ms (%d cities)\n",
                                               Date().timeIntervalSince(charactersStarted) * 1000, characters.cityCount).utf8))
    let loaded = Date().timeIntervalSince(started)
    switch command {
    case "modes":
        func file(_ name: String) throws -> WeightProfile? {
            guard let path = option(name) else { return nil }
            guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
            return try WeightProfile.parse(String(decoding: data, as: UTF8.self), name: path)
        }
        runModes(index: MatchIndex(cities: cities, partnerships: pairs, countries: countries, characters: characters),
                 similar: try file("--similar") ?? .builtIn(.similar), learn: try file("--learn") ?? .builtIn(.learn),
                 homes: option("--homes").map { $0.split(separator: ",").compactMap { Int64($0) } } ?? modeHomes)
    case "bench":
        runBench(cities: cities, pairs: pairs, countries: countries, characters: characters, homes: Int(option("--homes") ?? "200") ?? 200)
    case "tune":
        let split = Split(pairs: pairs, seed: seed, fraction: fraction)
        let allCountries = arguments.contains("--all-countries")
        // Among all cities, the features that are constant within one country can be fitted too.
        var features = allCountries ? tunableFeatures + [.countryLinks, .languages, .newCountry, .countryAffinity] : tunableFeatures
        if let list = option("--features") {
            features = list.split(separator: ",").map { name in
                guard let f = MatchFeature(rawValue: String(name)) else { fail("unknown feature \(name)") }
                return f
            }
        }
        runTune(cities: cities, countries: countries, characters: characters, split: split, start: try loadProfile(), features: features,
                limit: queryLimit ?? 3000,
                negatives: Int(option("--rivals") ?? "300") ?? 300, folds: Int(option("--folds") ?? "4") ?? 4,
                innerFraction: Double(option("--inner-holdout") ?? "0.05") ?? 0.05, seed: seed, allCountries: allCountries,
                keepOthers: arguments.contains("--keep-others"))
    default:
        let split = Split(pairs: pairs, seed: seed, fraction: fraction)
        if let dump = option("--dump-held-out") {
            // For studies outside Swift: the held-out pairs of this split, as GeoNames ids.
            try split.heldOut.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        // The known network is the training part only: every network feature
        // (shared partners, region links …) is computed from it.
        let index = MatchIndex(cities: cities, partnerships: split.training, countries: countries, characters: characters)
        print(String(format: "data: %d cities, %d pairs; seed %llu holds out %d pairs (%.0f %%), %d known (loaded in %.1f s)",
                     index.count, pairs.count, seed, split.heldOut.count, fraction * 100, split.training.count, loaded))
        runEvaluation(index: index, split: split, profile: try loadProfile(), limit: queryLimit, seed: seed,
                      allCountries: arguments.contains("--all-countries"))
    }
} catch {
    fail("\(error)")
}

import Foundation

/// How much each feature counts, for one mode and distance preference.
/// Stored as a small text file a volunteer can copy and edit:
///
///     # twinning weight profile
///     mode = learn
///     distance_preference = bus
///     size_similarity = 1.5
///     themes = 4
///
/// Lines are `key = value`; `#` starts a comment; features not named weigh 0;
/// weights are numbers ≥ 0 (only their ratios matter).
public struct WeightProfile: Sendable, Equatable {
    public var name: String
    public var mode: MatchMode
    public var distancePreference: DistancePreference
    public var weights: [MatchFeature: Float]

    public init(name: String, mode: MatchMode, distancePreference: DistancePreference = .none, weights: [MatchFeature: Float]) {
        self.name = name; self.mode = mode; self.distancePreference = distancePreference; self.weights = weights
    }

    public func weight(_ feature: MatchFeature) -> Float { weights[feature] ?? 0 }

    /// The largest weight a profile file may give. Only ratios matter, so this
    /// costs nothing; it keeps the weighted sums of the ranker far from
    /// infinity (16 weights of 1e38 would add up to inf, and inf/inf is nan).
    public static let maxWeight: Float = 1_000_000

    /// True when no feature has a weight above 0: every candidate then scores 0
    /// and the order means nothing, which the user must be told.
    public var allWeightsZero: Bool { !weights.values.contains { $0 > 0 } }

    /// Weights in `MatchFeature.allCases` order, as the ranker uses them.
    public var weightVector: [Float] { MatchFeature.allCases.map(weight) }

    /// The network and geometry weights were fitted on real twinnings by
    /// maximum likelihood (`twinning-eval tune`: a conditional logit over the
    /// cities of the partner's country, on inner splits of split 2's training
    /// pairs, never on its held-out pairs; see README). The weights of the
    /// features that are the same for every city of one country (country
    /// affinity, country links, new country, languages) were then fitted among
    /// *all* cities with the others kept (`tune --all-countries --keep-others
    /// --features country_links,languages,new_country,country_affinity`):
    /// they decide which countries come first in the unfiltered list. Country
    /// links fitted to 0 once the calibrated country affinity is there (it
    /// says the same, per region and per town); kept at 0 so a user can still
    /// weigh it. (A penalty for neighbouring towns made both benchmarks worse:
    /// partners under 100 km, 3.6 % of real pairs, are still ten times more
    /// than their share of cities.) Languages fitted to 0; kept at 0.5 because
    /// a shared language matters for exchanges, and the benchmark cannot see
    /// that. The profile features (themes, seeking) are absent from the
    /// gazetteer and set by hand so that a matching profile clearly counts.
    static let fitted: [MatchFeature: Float] = [
        .sizeSimilarity: 2.25, .candidateSize: 4.73, .distance: 6.5, .sharedPartners: 0.07, .partnersOfPartners: 2.69,
        .adamicAdar: 2.54, .regionLinks: 2.88, .nearbyLinks: 2.26, .candidatePartners: 2.06, .partnerSizes: 1.31,
        .candidateNewCountry: 2.82, .networkReach: 2.88, .theirPartnerSizes: 1.13,
        .countryAffinity: 4.9, .countryLinks: 0, .newCountry: 0.85, .languages: 0.5,
    ]

    /// The purpose features raise the plausibility mean by a share (see
    /// `ScoreShape`): in similar, a city that shares none of the home city's
    /// challenges and themes keeps 41.4 ÷ (41.4 + 26) = 61 % of its mean, one
    /// that shares all of them all of it.
    /// Chosen on `twinning-eval modes` (every similar top-10 suggestion has a
    /// challenge or theme reason, the modes share at most 4 of 10) at the
    /// least cost in link prediction (README, "Two modes").
    static let similarChallengeWeight: Float = 20, learnChallengeWeight: Float = 6, learnFurtherWeight: Float = 24

    /// The built-in profile of a mode.
    public static func builtIn(_ mode: MatchMode) -> WeightProfile {
        var weights = fitted
        // The two modes differ where it matters (README, "Two modes"):
        // similar ranks by shared challenges, weighted by how specific they
        // are; learn by strengths that meet the home city's challenges and by
        // cities further along with the same challenge.
        switch mode {
        case .similar:
            weights[.sharedChallenges] = similarChallengeWeight
            weights[.furtherAlong] = 0
            weights[.themes] = 6
        case .learn:
            weights[.sharedChallenges] = learnChallengeWeight
            weights[.furtherAlong] = learnFurtherWeight
            weights[.themes] = 10
            // A mentor: a city with more twinning experience, of any size.
            weights[.candidatePartners] = 4
        }
        weights[.seeking] = 1
        return WeightProfile(name: mode.rawValue, mode: mode, distancePreference: .none, weights: weights)
    }

    // MARK: - File format

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        /// What is wrong with the line, in any language.
        public let phrase: Phrase
        init(line: Int, _ key: ErrorText, _ arguments: Phrase.Argument...) {
            self.line = line
            self.phrase = Phrase(key, arguments: arguments)
        }
        public var message: String { phrase.english }
        /// "line 3: …" (German "Zeile 3: …").
        public var fullPhrase: Phrase { Phrase(.weightsLine, "\(line)", .phrase(phrase)) }
        public var description: String { fullPhrase.english }
    }

    public static func parse(_ text: String, name: String) throws -> WeightProfile {
        var profile = WeightProfile(name: name, mode: .similar, weights: [:])
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            if line.isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ParseError(line: number + 1, .weightsShape, "\(TextSafety.excerpt(line))")
            }
            let key = parts[0].lowercased(), value = parts[1]
            switch key {
            case "mode":
                guard let mode = MatchMode.parse(value) else {
                    throw ParseError(line: number + 1, .weightsMode, "\(MatchMode.choices)")
                }
                profile.mode = mode
            case "distance_preference":
                guard let p = DistancePreference.parse(value) else {
                    throw ParseError(line: number + 1, .weightsDistance, "\(DistancePreference.choices)")
                }
                profile.distancePreference = p
            default:
                guard let feature = MatchFeature(rawValue: key) else {
                    throw ParseError(line: number + 1, .weightsUnknownFeature, "\(TextSafety.excerpt(key))",
                                     "\(MatchFeature.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let weight = Float(value), weight.isFinite, weight >= 0, weight <= maxWeight else {
                    throw ParseError(line: number + 1, .weightsRange, "\(key)", "\(Int(maxWeight))", "\(TextSafety.excerpt(value))")
                }
                profile.weights[feature] = weight
            }
        }
        return profile
    }

    /// The file text; `parse(serialized())` gives the same profile back.
    public func serialized() -> String {
        var lines = ["# twinning weight profile \"\(name)\": feature = weight (numbers >= 0; only ratios matter)",
                     "# mode: \(MatchMode.choices); distance_preference: \(DistancePreference.choices)",
                     "mode = \(mode.rawValue)", "distance_preference = \(distancePreference.rawValue)"]
        for feature in MatchFeature.allCases {
            lines.append("\(feature.rawValue) = \(WeightProfile.format(weight(feature)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ w: Float) -> String {
        w == w.rounded() && abs(w) < 1e15 ? String(Int(w)) : String(format: "%g", Double(w))
    }

    // MARK: - Where profiles live

    /// `$XDG_CONFIG_HOME/twinning/weights`, else `~/.config/twinning/weights`.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("twinning/weights")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/twinning/weights")
    }

    /// A profile is named, not a path: "../../x" or "/etc/x" would read or
    /// write a file outside the weights folder.
    public static func requirePlainName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
        guard !name.isEmpty, name.count <= 60, allowed else {
            throw AppError.invalid(ValidationError(field: "profile", .notProfileName, "\(TextSafety.excerpt(name))"))
        }
    }

    /// A profile by name: the user's file NAME.weights if there is one, else
    /// the built-in profile of that name ("similar", "learn").
    public static func load(named name: String, directory: URL = WeightProfile.directory()) throws -> WeightProfile {
        try requirePlainName(name)
        let url = directory.appendingPathComponent(name + ".weights")
        if let data = FileManager.default.contents(atPath: url.path) {
            do {
                return try parse(String(decoding: data, as: UTF8.self), name: name)
            } catch let error as ParseError {
                throw AppError.database(Phrase(.inFile, "\(url.path)", .phrase(error.fullPhrase)))
            }
        }
        if let mode = MatchMode.parse(name) { return builtIn(mode) }
        throw AppError.notFound(Phrase(.noWeightProfile, "\(TextSafety.excerpt(name))", "\(url.path)", "\(MatchMode.choices)"))
    }

    /// Writes NAME.weights into `directory`, creating it.
    @discardableResult
    public func save(to directory: URL = WeightProfile.directory()) throws -> URL {
        try WeightProfile.requirePlainName(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name + ".weights")
        try serialized().write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

import Foundation
import TwinningCore
import TwinningUI

/// How `twinning match` prints suggestions, why-not answers and reviews.
enum MatchOutput {
    struct FeatureJSON: Encodable {
        let feature: String
        let value: Float?
        let weight: Float
        let contribution: Float
        let text: String
    }

    /// One reason of a suggestion: the contract of `twinning match --format json`.
    struct ReasonJSON: Encodable {
        let feature: String
        let group: String
        let contribution: Float
        let text: String
    }

    struct SuggestionJSON: Encodable {
        let rank: Int
        let geonameid: Int64?
        let id: Int64
        let name: String
        let country: String
        let score: Float
        let population: Int?
        let distance_km: Double?
        /// Every feature that added to the score, the biggest first.
        let reasons: [ReasonJSON]
        let features: [FeatureJSON]

        init(_ s: Suggestion, lang: String) {
            rank = s.rank; geonameid = s.geonameId; id = s.cityId; name = s.name; country = s.countryCode; score = s.score
            population = s.facts.candidatePopulation; distance_km = s.facts.distanceKm.map { ($0 * 10).rounded() / 10 }
            reasons = s.contributions.filter { $0.contribution > 0 }
                .sorted { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.feature.rawValue < $1.feature.rawValue }
                .map { ReasonJSON(feature: $0.feature.rawValue, group: $0.feature.group.rawValue, contribution: $0.contribution,
                                  text: s.explanation($0.feature).text(lang)) }
            features = s.contributions.map {
                FeatureJSON(feature: $0.feature.rawValue, value: $0.value, weight: $0.weight, contribution: $0.contribution,
                            text: s.explanation($0.feature).text(lang))
            }
        }
    }

    static func score(_ x: Float) -> String { String(format: "%.3f", x) }

    static func km(_ d: Double?) -> String { d.map { "\(Format.number(Int($0.rounded()))) km" } ?? "" }

    static func suggestions(_ list: [Suggestion], of total: Int, home: City, profile: WeightProfile,
                            lang: String, format: OutputFormat, filters: MatchFilters = MatchFilters()) throws -> String {
        switch format {
        case .json:
            return try encodeJSON(list.map { SuggestionJSON($0, lang: lang) })
        case .tsv:
            var lines = [TSV.line(["rank", "geonameid", "name", "country", "score", "distance_km", "population", "reasons"])]
            lines += list.map { s in
                TSV.line([String(s.rank), s.geonameId.map(String.init) ?? "", s.name, s.countryCode, score(s.score),
                          s.facts.distanceKm.map { String(Int($0.rounded())) } ?? "",
                          s.facts.candidatePopulation.map(String.init) ?? "",
                          s.reasons().map { $0.text(lang) }.joined(separator: "; ")])
            }
            return lines.joined(separator: "\n") + "\n"
        case .text:
            let modeWords = t(profile.mode == .learn ? .modeLearn : .modeSimilar)
            var out = [t(.matchHeader, "\(home.name) (\(home.countryCode))", modeWords, profile.name,
                         profile.distancePreference.rawValue, Format.number(total))
                       + (filters.leaveOutHomeCountry && !filters.countries.contains(home.countryCode)
                          ? t(.matchAbroad, home.countryCode) : "")]
            if list.isEmpty { return TextSafety.sanitized(out[0]) + "\n" + t(.noCityPassesFilters) + "\n" }
            let table = TextTable(headers: [t(.colRank), t(.colScore), t(.colCity), t(.colCountry), t(.colPopulation),
                                            t(.colDistance), t(.colTopReasons)],
                                  rightAligned: [0, 1, 4, 5])
            out += table.render(list.map { s in
                [String(s.rank), Format.decimal(Double(s.score), digits: 3), s.name, s.countryCode, Format.number(s.facts.candidatePopulation),
                 km(s.facts.distanceKm), s.reasons(limit: 2).map { $0.text(lang) }.joined(separator: ReportText.listSeparator.text(lang))]
            })
            let missing = Set(list.flatMap { $0.missing.map(\.feature) })
            if !missing.isEmpty {
                out.append(t(.missingFeatures, MatchFeature.allCases.filter(missing.contains).map { $0.label(lang) }.joined(separator: ", ")))
            }
            return out.map { TextSafety.sanitized($0) }.joined(separator: "\n") + "\n"
        }
    }

    struct WhyNotJSON: Encodable {
        struct Gap: Encodable { let feature: String; let value: Float?; let top_value: Float; let lost: Float; let text: String }
        let standing: String
        let rank: Int?
        let candidates: Int?
        let suggestion: SuggestionJSON
        let holding_back: [Gap]
        let missing: [String]
    }

    static func standingWords(_ w: WhyNot, home: City) -> String {
        let name = w.suggestion.name
        switch w.standing {
        case .ranked(let rank, let total): return t(.standingRanked, name, Format.number(rank), Format.number(total), home.name)
        case .isHome: return t(.standingIsHome, name)
        case .alreadyPartner: return t(.standingAlreadyPartner, name, home.name)
        case .reviewed: return t(.standingReviewed, name, home.name)
        case .filteredOut: return t(.standingFilteredOut, name)
        }
    }

    static func whyNot(_ w: WhyNot, home: City, lang: String, format: OutputFormat) throws -> String {
        let s = w.suggestion
        switch format {
        case .json, .tsv:
            var rank: Int?, total: Int?
            if case .ranked(let r, let t) = w.standing { rank = r; total = t }
            let json = WhyNotJSON(
                standing: "\(w.standing)".components(separatedBy: "(").first ?? "", rank: rank, candidates: total,
                suggestion: SuggestionJSON(s, lang: lang),
                holding_back: w.holdingBack.map {
                    WhyNotJSON.Gap(feature: $0.feature.rawValue, value: $0.value, top_value: $0.topValue, lost: $0.lost,
                                   text: s.explanation($0.feature).text(lang))
                },
                missing: w.missing.map { $0.feature.rawValue })
            return try encodeJSON(json)
        case .text:
            var out = [t(.whyScore, standingWords(w, home: home), Format.decimal(Double(s.score), digits: 3))]
            if w.holdingBack.isEmpty {
                out.append(t(.nothingHoldsBack))
            } else {
                out.append(t(.holdingBack))
                let table = TextTable(headers: [t(.colFeature), t(.colLost), t(.colHere), t(.colTop10), t(.colWhy)], rightAligned: [1, 2, 3])
                out += table.render(w.holdingBack.map { g in
                    [g.feature.label(lang), Format.decimal(Double(g.lost), digits: 3), g.value.map { Format.decimal(Double($0), digits: 2) } ?? "–",
                     Format.decimal(Double(g.topValue), digits: 2), s.explanation(g.feature).text(lang)]
                }).map { "  " + $0 }
            }
            let reasons = s.reasons()
            if !reasons.isEmpty { out.append(t(.countingFor, reasons.map { $0.text(lang) }.joined(separator: ReportText.listSeparator.text(lang)))) }
            if !w.missing.isEmpty { out.append(t(.notCountedMissing, w.missing.map { $0.text(lang) }.joined(separator: ReportText.listSeparator.text(lang)))) }
            return out.map { TextSafety.sanitized($0) }.joined(separator: "\n") + "\n"
        }
    }

    struct ReviewJSON: Encodable {
        let id: Int64?
        let home: String
        let home_geonameid: Int64?
        let candidate: String
        let candidate_geonameid: Int64?
        let decision: String
        let reason: String
        let snooze_until: String?
        let user: String
        let at: String
    }

    static func reviews(_ list: [MatchReview], cities: [Int64: City], format: OutputFormat) throws -> String {
        func name(_ id: Int64) -> String { cities[id].map { "\($0.name) (\($0.countryCode))" } ?? String(id) }
        switch format {
        case .json:
            return try encodeJSON(list.map {
                ReviewJSON(id: $0.id, home: name($0.homeCityId), home_geonameid: cities[$0.homeCityId]?.geonameId,
                           candidate: name($0.candidateCityId), candidate_geonameid: cities[$0.candidateCityId]?.geonameId,
                           decision: $0.decision.rawValue, reason: $0.reason, snooze_until: $0.snoozeUntil, user: $0.user, at: $0.at)
            })
        case .tsv:
            var lines = [TSV.line(["id", "home", "candidate", "decision", "reason", "snooze_until", "user", "at"])]
            lines += list.map {
                TSV.line([String($0.id ?? 0), name($0.homeCityId), name($0.candidateCityId), $0.decision.rawValue, $0.reason,
                          $0.snoozeUntil ?? "", $0.user, $0.at])
            }
            return lines.joined(separator: "\n") + "\n"
        case .text:
            if list.isEmpty { return t(.noReviews) + "\n" }
            let table = TextTable(headers: [t(.colWhen), t(.colWho), t(.colHome), t(.colCandidate), t(.colDecision), t(.colUntil),
                                            t(.colReason)])
            return table.render(list.map {
                [LocalTime.dateTime($0.at, CommandLineLanguage.report), $0.user, name($0.homeCityId), name($0.candidateCityId),
                 $0.decisionLabel(CommandLineLanguage.current), $0.snoozeUntil ?? "", $0.reasonLabel(CommandLineLanguage.current)]
            }).joined(separator: "\n") + "\n"
        }
    }
}

import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

/// `twinning match`: suggested partner cities, why-not, batch ranking, and reviews.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: t(.aboutMatch),
        discussion: t(.discussMatch, WeightProfile.directory().path),
        subcommands: [Suggest.self, Review.self, Reviews.self, Profile.self],
        defaultSubcommand: Suggest.self)

    /// The default: `twinning match CITY …` (a parent command with its own CITY
    /// argument would take "review" for a city name).
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "suggest",
            abstract: t(.aboutMatchSuggest))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hTheHomeCityAName))) var city: String?
        @Option(name: .customLong("country"), help: ArgumentHelp(t(.hOnlyCandidatesInThisCountry))) var countries: [String] = []
        @Option(help: ArgumentHelp(t(.hSimilarSimilarChallengesOrLearn))) var mode: String?
        @Option(help: ArgumentHelp(t(.hAWeightProfileNameDefault))) var profile: String?
        @Option(help: ArgumentHelp(t(.hDistancePreferenceBusNoneOr))) var distance: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hOnlyCandidatesAtLeastThis))) var minKm: Double?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hOnlyCandidatesAtMostThis))) var maxKm: Double?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hOnlyCandidatesWithAtLeast))) var minPopulation: Int?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hOnlyCandidatesWithAtMost))) var maxPopulation: Int?
        @Flag(help: ArgumentHelp(t(.hDomestic)))
        var domestic = false
        @Option(help: ArgumentHelp(t(.hHowManySuggestionsPerQuery))) var limit: Int = 10
        @Option(help: ArgumentHelp(t(.hTextJsonOrTsv))) var format: OutputFormat = .text
        /// The reasons follow --lang and LANG like every other text.
        var lang: String { CommandLineLanguage.current.rawValue }
        @Option(help: ArgumentHelp(t(.hExplainTheRankOfThis))) var whyNot: String?
        @Option(help: ArgumentHelp(t(.hRankForEveryLineGeonameid))) var batch: String?

        func run() throws {
            try runReporting {
                // Checked here, not in validate(): a mistake gets the one-line message and exit 1 like every other.
                if batch == nil && city == nil { throw UserError(t(.errGiveCity)) }
                if batch != nil && (city != nil || whyNot != nil) { throw UserError(t(.errBatch)) }
                if limit < 1 { throw UserError(t(.errLimit)) }
                let database = try openDatabase(global)
                let profile = try chosenProfile()
                if profile.allWeightsZero {
                    // Every candidate would score 0.000 in an order that means nothing: say so.
                    Console.error(t(.warning, t(.allWeightsZero, TextSafety.excerpt(profile.name))))
                }
                if let batch {
                    try MatchBatch.run(file: batch, database: database, profile: profile, limit: limit)
                    return
                }
                let home = try resolveCity(city!, in: database)
                let engine = try MatchEngine(database: database)
                // A country name or an unknown code would silently rank nothing: say so instead.
                for code in countries {
                    guard code.count == 2, code.allSatisfy(\.isLetter) else {
                        throw UserError(t(.errCountryCode, TextSafety.excerpt(code)))
                    }
                    if engine.index.positions(inCountry: code).isEmpty {
                        throw UserError(t(.errNoCityInCountry, code.uppercased()))
                    }
                }
                let filters = MatchFilters(countries: Set(countries.map { $0.uppercased() }), minDistanceKm: minKm, maxDistanceKm: maxKm,
                                           minPopulation: minPopulation, maxPopulation: maxPopulation, leaveOutHomeCountry: !domestic)
                if let whyNot {
                    let other = try resolveCity(whyNot, in: database)
                    let answer = try engine.whyNot(home: home.id!, other: other.id!, profile: profile, filters: filters)
                    try emit(MatchOutput.whyNot(answer, home: home, lang: lang, format: format), to: nil)
                    return
                }
                let ranking = try engine.rank(home: home.id!, profile: profile, filters: filters)
                let suggestions = ranking.top(limit)
                try emit(MatchOutput.suggestions(suggestions, of: ranking.count, home: home, profile: profile,
                                                 lang: lang, format: format, filters: filters), to: nil)
            }
        }

        /// The profile named (or the mode's), with --mode and --distance applied on top.
        func chosenProfile() throws -> WeightProfile {
            let modeChoice = try mode.map { try parseChoice($0, MatchMode.self, option: "--mode") }
            var chosen = try WeightProfile.load(named: profile ?? modeChoice?.rawValue ?? MatchMode.similar.rawValue)
            if let modeChoice { chosen.mode = modeChoice }
            if let distance { chosen.distancePreference = try parseChoice(distance, DistancePreference.self, option: "--distance") }
            return chosen
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "review",
            abstract: t(.aboutMatchReview))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hTheHomeCity))) var city: String
        @Argument(help: ArgumentHelp(t(.hTheSuggestedCity))) var candidate: String
        @Flag(help: ArgumentHelp(t(.hAcceptTheSuggestion))) var accept = false
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hRejectTheSuggestionWithA))) var reject: String?
        @Option(help: ArgumentHelp(t(.hSnoozeTheSuggestionUntilThis))) var snooze: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hANoteForAcceptOr))) var reason: String?

        func run() throws {
            try runReporting {
                let chosen = (accept ? 1 : 0) + (reject != nil ? 1 : 0) + (snooze != nil ? 1 : 0)
                if chosen != 1 { throw UserError(t(.errOneDecision)) }
                let database = try openDatabase(global)
                let home = try resolveCity(city, in: database)
                let other = try resolveCity(candidate, in: database)
                var review = MatchReview(homeCityId: home.id!, candidateCityId: other.id!, decision: .accept, reason: reason ?? "")
                if let reject {
                    review.decision = .reject
                    review.reason = reject
                } else if let snooze {
                    let date = try parseDate(snooze, option: "--snooze")
                    guard date.iso.count == 10 else { throw UserError(t(.errSnoozeDay)) }
                    // A snooze counts while its day is after today: an earlier one would be saved and do nothing.
                    let today = PartialDate.today()
                    guard date.iso > today.iso else {
                        throw UserError(t(.errSnoozeNotAfter, date.iso, today.iso))
                    }
                    review.decision = .snooze
                    review.snoozeUntil = date.iso
                }
                let saved = try database.addReview(review)
                let what: String
                switch saved.decision {
                case .accept: what = t(.reviewWasAccepted)
                case .reject: what = t(.reviewWasRejected)
                case .snooze: what = t(.reviewWasSnoozed, saved.snoozeUntil ?? "")
                }
                print(TextSafety.sanitized(t(.reviewSaved, other.name, other.countryCode, home.name, what, String(saved.id ?? 0))))
            }
        }
    }

    struct Reviews: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reviews", abstract: t(.aboutMatchReviews))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hOnlyTheReviewsForThis))) var city: String?
        @Option(help: ArgumentHelp(t(.hTextJsonOrTsv))) var format: OutputFormat = .text

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let home = try city.map { try resolveCity($0, in: database) }
                let reviews = try database.reviews(home: home?.id)
                var names: [Int64: City] = [:]
                for id in Set(reviews.flatMap { [$0.homeCityId, $0.candidateCityId] }) { names[id] = try database.city(id: id) }
                try emit(MatchOutput.reviews(reviews, cities: names, format: format), to: nil)
            }
        }
    }

    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "profile",
            abstract: t(.aboutMatchProfile))
        @Argument(help: ArgumentHelp(t(.hAProfileNameSimilarLearn))) var name: String = "similar"
        @Flag(help: ArgumentHelp(t(.hWriteItToTheProfile))) var save = false

        func run() throws {
            try runReporting {
                let profile = try WeightProfile.load(named: name)
                if save {
                    let url = try profile.save()
                    print(t(.savedFile, url.path))
                } else {
                    print(profile.serialized(), terminator: "")
                }
            }
        }
    }
}

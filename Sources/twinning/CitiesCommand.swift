import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

struct CitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cities", abstract: t(.aboutCities),
        subcommands: [Search.self, Show.self, Add.self, Edit.self])

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "search", abstract: t(.aboutCitiesSearch))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hPartOfANameE))) var text: String
        @Option(help: ArgumentHelp(t(.hOnlyThisCountryIsoCode))) var country: String?
        @Option(help: ArgumentHelp(t(.hAtMostThisManyResults))) var limit: Int = 20
        @Option(help: ArgumentHelp(t(.hTextJsonOrTsv))) var format: OutputFormat = .text

        func run() throws {
            try runReporting {
                guard limit > 0 else { throw UserError(t(.errLimit)) }
                let database = try openDatabase(global)
                var matches = try database.searchCityMatches(text, country: country, limit: limit)
                var closest = false
                if matches.isEmpty {
                    matches = try database.closestCities(text, country: country, limit: min(limit, 5))
                    closest = true
                }
                switch format {
                case .json:
                    try emit(encodeJSON(closest ? [] : matches.map { CityJSON($0.city, matchedName: $0.matchedName) }), to: nil)
                case .tsv:
                    // The columns scripts rely on stay as they were; JSON says which other name matched.
                    var lines = [TSV.line(["geonameid", "name", "region", "country", "population"])]
                    if !closest {
                        lines += matches.map { m in
                            let c = m.city
                            return TSV.line([c.geonameId.map(String.init) ?? "", c.name, c.admin1Name ?? "",
                                             c.countryCode, c.population.map(String.init) ?? ""])
                        }
                    }
                    try emit(lines.joined(separator: "\n") + "\n", to: nil)
                case .text:
                    if matches.isEmpty || closest {
                        var message = country.map { t(.noCityMatchesIn, TextSafety.excerpt(text), $0) }
                            ?? t(.noCityMatches, TextSafety.excerpt(text))
                        if !matches.isEmpty { message += " " + t(.didYouMean, didYouMean(matches)) }
                        throw UserError(message)
                    }
                    // "Wrocław — Breslau": the name that matched, when it is not the main one.
                    let table = TextTable(headers: [t(.colName), t(.colRegion), t(.colCountry), t(.colPopulation), t(.colId)],
                                          rightAligned: [3, 4])
                    let lines = table.render(matches.map { m in
                        [m.label, m.city.admin1Name ?? "", m.city.countryCode, Format.number(m.city.population),
                         m.city.geonameId.map(String.init) ?? "-"]
                    })
                    try emit(lines.joined(separator: "\n") + "\n", to: nil)
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: t(.aboutCitiesShow))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hGeonamesIdNameOrName))) var city: String
        @Option(help: ArgumentHelp(t(.hTextOrJson))) var format: OutputFormat = .text
        /// The character and challenge labels follow --lang and LANG like every other text.
        var lang: String { CommandLineLanguage.current.rawValue }

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let found = try resolveCity(city, in: database)
                let partners = try database.partnerships(PartnershipFilter(cityId: found.id))
                let events = try database.events(EventFilter(cityId: found.id), limit: 5)
                let contacts = try database.contacts(cityId: found.id)
                if format == .json {
                    struct Shown: Encodable {
                        let city: CityJSON; let character: CharacterOutput.CharacterJSON?; let challenges: [CharacterOutput.ChallengeJSON]
                        let partnerships: [PartnershipJSON]; let events: [EventJSON]; let contacts: [ContactJSON]
                    }
                    try emit(encodeJSON(Shown(city: CityJSON(found), character: CharacterOutput.characterJSON(of: found, lang: lang),
                                              challenges: CharacterOutput.challenges(of: found, lang: lang),
                                              partnerships: partners.map(PartnershipJSON.init),
                                              events: events.map(EventJSON.init), contacts: contacts.map(ContactJSON.init))), to: nil)
                    return
                }
                var lines: [String] = []
                lines.append(found.name)
                // Labels as the Cities pane's detail says them, in the user's language.
                let language = CommandLineLanguage.current
                func label(_ key: S) -> String { tr(key, language) }
                let country = CountryNames.name(code: found.countryCode, fallback: found.countryCode, language.report)
                let facts: [(String, String)] = [
                    (label(.detailRegion), found.admin1Name ?? ""),
                    (label(.detailCountry), country == found.countryCode ? country : "\(country) (\(found.countryCode))"),
                    (label(.detailPopulation), Format.number(found.population)),
                    (label(.detailCoordinates), Format.coordinate(found.latitude, found.longitude)),
                    ("GeoNames id", found.geonameId.map(String.init) ?? t(.showAddedByUser)),
                    (label(.detailCharacter), CharacterOutput.characterJSON(of: found, lang: lang)?.line ?? label(.detailCharacterUnknown)),
                    (label(.detailThemes), CharacterOutput.tags(found.themes, lang: lang)),
                    (label(.detailStrengths), CharacterOutput.tags(found.strengths, lang: lang)),
                    (label(.detailChallenges), CharacterOutput.tags(found.challenges, lang: lang)),
                    (label(.detailSeeking), label(found.seekingPartners ? .yes : .no)), (label(.detailNotes), found.notes),
                ]
                for (label, value) in facts where !value.isEmpty {
                    lines.append("  \(label)\(language == .fr ? " : " : ": ")" + TextSafety.sanitized(value))
                }
                if let facts = CharacterOutput.character(of: found) {
                    let derived = CityChallenges(facts).present
                    if !derived.isEmpty {
                        lines.append("  " + t(.showFaces))
                        for c in derived { lines.append("    - " + TextSafety.sanitized(c.sentence(facts, lang))) }
                    }
                }
                lines.append("")
                lines.append("\(label(.detailPartners)) (\(partners.count))")
                if !partners.isEmpty {
                    let table = TextTable(headers: [t(.colId), t(.colPartner), t(.colCountry), t(.colType), t(.colStatus),
                                                    t(.colSince), t(.colLastEvent)], rightAligned: [0])
                    lines += table.render(partners.map { d in
                        let (_, other) = d.sides(from: found.id)
                        return [String(d.id), other.name, other.countryCode, d.partnership.type.label(CommandLineLanguage.current),
                                d.partnership.status.label(CommandLineLanguage.current), d.partnership.since?.display(CommandLineLanguage.current) ?? "",
                                d.lastEvent?.display(CommandLineLanguage.current) ?? ""]
                    }).map { "  " + $0 }
                }
                if !events.isEmpty {
                    lines.append("")
                    lines.append(label(.detailEvents))
                    lines += EventsCommand.table(events).map { "  " + $0 }
                }
                if !contacts.isEmpty {
                    lines.append("")
                    lines.append(label(.detailContacts))
                    for contact in contacts {
                        lines.append("  " + TextSafety.sanitized([contact.name, contact.role, contact.email, contact.phone]
                            .filter { !$0.isEmpty }.joined(separator: " · ")))
                    }
                }
                try emit(lines.joined(separator: "\n") + "\n", to: nil)
            }
        }
    }

    /// The profile options shared by add and edit.
    struct ProfileOptions: ParsableArguments {
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hCommaSeparatedThemesEG))) var themes: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hCommaSeparatedStrengths))) var strengths: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hCommaSeparatedChallenges))) var challenges: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hFreeText))) var notes: String?
        @Option(help: ArgumentHelp(t(.hYesOrNoIsThe))) var seeking: String?

        func apply(to city: inout City) throws {
            if let themes { city.themes = Validation.parseTags(themes) }
            if let strengths { city.strengths = Validation.parseTags(strengths) }
            if let challenges { city.challenges = Validation.parseTags(challenges) }
            if let notes { city.notes = notes }
            if let seeking {
                switch seeking.lowercased() {
                case "yes", "y", "true", "ja", "1": city.seekingPartners = true
                case "no", "n", "false", "nein", "0": city.seekingPartners = false
                default: throw UserError(t(.errSeeking, TextSafety.excerpt(seeking)))
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: t(.aboutCitiesAdd))
        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hTheCityName))) var name: String
        @Option(help: ArgumentHelp(t(.hIsoCountryCodeEG))) var country: String
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hRegionStateProvince))) var region: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hLatitudeInDegrees))) var lat: Double?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hLongitudeInDegrees))) var lon: Double?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hNumberOfInhabitants))) var population: Int?
        @OptionGroup var profile: ProfileOptions

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                var city = City(name: name, countryCode: country, admin1Name: region, latitude: lat, longitude: lon,
                                population: population, addedByUser: true)
                try profile.apply(to: &city)
                if case .found(let existing) = try database.lookupCity("\(name), \(country)") {
                    throw UserError(t(.errCityExists, existing.label, existing.geonameId.map(String.init) ?? String(existing.id ?? 0)))
                }
                let saved = try database.addCity(city)
                print(t(.addedCity, TextSafety.sanitized(saved.label), String(saved.id ?? 0)))
                if let note = CharacterOutput.freeTagNote(saved) { print(TextSafety.sanitized(note)) }
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: t(.aboutCitiesEdit))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hGeonamesIdNameOrName))) var city: String
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hNewName))) var name: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hNumberOfInhabitants))) var population: Int?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hLatitudeInDegrees))) var lat: Double?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hLongitudeInDegrees))) var lon: Double?
        @OptionGroup var profile: ProfileOptions

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                var found = try resolveCity(city, in: database)
                if let name { found.rename(name) }
                if let population { found.population = population }
                if let lat { found.latitude = lat }
                if let lon { found.longitude = lon }
                try profile.apply(to: &found)
                let saved = try database.updateCity(found)
                print(t(.savedCity, TextSafety.sanitized(saved.label)))
                if let note = CharacterOutput.freeTagNote(saved) { print(TextSafety.sanitized(note)) }
            }
        }
    }
}

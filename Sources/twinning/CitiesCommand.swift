import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

struct CitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cities", abstract: t(.aboutCities),
        subcommands: [Search.self, Show.self, Add.self, Edit.self])

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: t(.aboutCitiesSearch))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hPartOfANameE))) var text: String
        @Option(help: ArgumentHelp(t(.hOnlyThisCountryIsoCode))) var country: String?
        @Option(help: ArgumentHelp(t(.hAtMostThisManyResults))) var limit: Int = 20
        @Option(help: ArgumentHelp(t(.hTextJsonOrTsv))) var format: OutputFormat = .text

        func run() throws {
            try runReporting {
                guard limit > 0 else { throw UserError(t(.errLimit)) }
                let database = try openDatabase(global)
                let cities = try database.searchCities(text, country: country, limit: limit)
                switch format {
                case .json:
                    try emit(encodeJSON(cities.map(CityJSON.init)), to: nil)
                case .tsv:
                    var lines = [TSV.line(["geonameid", "name", "region", "country", "population"])]
                    lines += cities.map { TSV.line([$0.geonameId.map(String.init) ?? "", $0.name, $0.admin1Name ?? "",
                                                    $0.countryCode, $0.population.map(String.init) ?? ""]) }
                    try emit(lines.joined(separator: "\n") + "\n", to: nil)
                case .text:
                    if cities.isEmpty {
                        throw UserError(country.map { t(.noCityMatchesIn, TextSafety.excerpt(text), $0) }
                                        ?? t(.noCityMatches, TextSafety.excerpt(text)))
                    }
                    let table = TextTable(headers: [t(.colName), t(.colRegion), t(.colCountry), t(.colPopulation), t(.colId)],
                                          rightAligned: [3, 4])
                    let lines = table.render(cities.map {
                        [$0.name, $0.admin1Name ?? "", $0.countryCode, Format.number($0.population),
                         $0.geonameId.map(String.init) ?? "-"]
                    })
                    try emit(lines.joined(separator: "\n") + "\n", to: nil)
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: t(.aboutCitiesShow))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hGeonamesIdNameOrName))) var city: String
        @Option(help: ArgumentHelp(t(.hTextOrJson))) var format: OutputFormat = .text

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let found = try resolveCity(city, in: database)
                let partners = try database.partnerships(PartnershipFilter(cityId: found.id))
                let events = try database.events(EventFilter(cityId: found.id), limit: 5)
                let contacts = try database.contacts(cityId: found.id)
                if format == .json {
                    struct Shown: Encodable {
                        let city: CityJSON; let partnerships: [PartnershipJSON]; let events: [EventJSON]; let contacts: [ContactJSON]
                    }
                    try emit(encodeJSON(Shown(city: CityJSON(found), partnerships: partners.map(PartnershipJSON.init),
                                              events: events.map(EventJSON.init), contacts: contacts.map(ContactJSON.init))), to: nil)
                    return
                }
                var lines: [String] = []
                lines.append(found.name)
                let facts: [(String, String)] = [
                    ("Region", found.admin1Name ?? ""), ("Country", found.countryCode),
                    ("Population", Format.number(found.population)),
                    ("Coordinates", Format.coordinate(found.latitude, found.longitude)),
                    ("GeoNames id", found.geonameId.map(String.init) ?? "(added by a user)"),
                    ("Themes", found.themes.joined(separator: ", ")), ("Strengths", found.strengths.joined(separator: ", ")),
                    ("Challenges", found.challenges.joined(separator: ", ")),
                    ("Seeking partners", found.seekingPartners ? "yes" : "no"), ("Notes", found.notes),
                ]
                for (label, value) in facts where !value.isEmpty {
                    lines.append("  \(label): " + TextSafety.sanitized(value))
                }
                lines.append("")
                lines.append("Partners (\(partners.count))")
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
                    lines.append("Latest events")
                    lines += EventsCommand.table(events).map { "  " + $0 }
                }
                if !contacts.isEmpty {
                    lines.append("")
                    lines.append("Contacts")
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
        static let configuration = CommandConfiguration(abstract: t(.aboutCitiesAdd))
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
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: t(.aboutCitiesEdit))
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
            }
        }
    }
}

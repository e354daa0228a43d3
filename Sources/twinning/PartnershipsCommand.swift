import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

struct PartnershipsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnerships", abstract: t(.aboutPartnerships),
        subcommands: [List.self, Add.self, Edit.self, Remove.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: t(.aboutPartnershipsList))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(t(.hOnlyThePartnersOfThis))) var city: String?
        @Option(help: ArgumentHelp(t(.hOnlyThisStatus, PartnershipStatus.choices))) var status: String?
        @Option(help: ArgumentHelp(t(.hOnlyThisType, PartnershipType.choices))) var type: String?
        @Option(help: ArgumentHelp(t(.hTextJsonOrTsv))) var format: OutputFormat = .text

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                var filter = PartnershipFilter()
                var home: City?
                if let city {
                    home = try resolveCity(city, in: database)
                    filter.cityId = home?.id
                }
                if let status { filter.status = try parseChoice(status, PartnershipStatus.self, option: "--status") }
                if let type { filter.type = try parseChoice(type, PartnershipType.self, option: "--type") }
                let list = try database.partnerships(filter)
                switch format {
                case .json:
                    try emit(encodeJSON(list.map(PartnershipJSON.init)), to: nil)
                case .tsv:
                    var lines = [TSV.line(["id", "geonameid_a", "name_a", "country_a", "geonameid_b", "name_b", "country_b",
                                           "type", "status", "since", "last_event"])]
                    lines += list.map { d in
                        let (a, b) = d.sides(from: home?.id)
                        return TSV.line([String(d.id), a.geonameId.map(String.init) ?? "", a.name, a.countryCode,
                                         b.geonameId.map(String.init) ?? "", b.name, b.countryCode, d.partnership.type.rawValue,
                                         d.partnership.status.rawValue, d.partnership.since?.iso ?? "", d.lastEvent?.iso ?? ""])
                    }
                    try emit(lines.joined(separator: "\n") + "\n", to: nil)
                case .text:
                    if list.isEmpty {
                        print(home.map { t(.cityHasNoPartnerships, TextSafety.sanitized($0.name)) } ?? t(.noPartnershipsMatch))
                        return
                    }
                    let table = TextTable(headers: [t(.colId), t(.colCity), "", t(.colPartner), t(.colType), t(.colStatus),
                                                    t(.colSince), t(.colLastEvent)], rightAligned: [0])
                    let lines = table.render(list.map { d in
                        let (a, b) = d.sides(from: home?.id)
                        return [String(d.id), "\(a.name) (\(a.countryCode))", "↔", "\(b.name) (\(b.countryCode))",
                                d.partnership.type.label(CommandLineLanguage.current), d.partnership.status.label(CommandLineLanguage.current),
                                d.partnership.since?.display(CommandLineLanguage.current) ?? "", d.lastEvent?.display(CommandLineLanguage.current) ?? ""]
                    })
                    try emit(lines.joined(separator: "\n") + "\n" + t(list.count == 1 ? .countPartnershipsOne : .countPartnerships, Format.number(list.count)) + "\n", to: nil)
                }
            }
        }
    }

    /// Options shared by add and edit.
    struct Fields: ParsableArguments {
        @Option(help: "\(PartnershipType.choices).") var type: String?
        @Option(help: "\(PartnershipStatus.choices).") var status: String?
        @Option(help: ArgumentHelp(t(.hSinceWhenOrNoneClears))) var since: String?
        @Option(help: ArgumentHelp(t(.hUntilWhenNoneClears))) var until: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hCommaSeparatedThemes))) var themes: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hFreeText))) var notes: String?

        func apply(to p: inout Partnership) throws {
            if let type { p.type = try parseChoice(type, PartnershipType.self, option: "--type") }
            if let status { p.status = try parseChoice(status, PartnershipStatus.self, option: "--status") }
            if let since { p.since = since.lowercased() == "none" ? nil : try parseDate(since, option: "--since") }
            if let until { p.until = until.lowercased() == "none" ? nil : try parseDate(until, option: "--until") }
            if let themes { p.themes = Validation.parseTags(themes) }
            if let notes { p.notes = notes }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: t(.aboutPartnershipsAdd))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hTheFirstCity))) var first: String
        @Argument(help: ArgumentHelp(t(.hTheSecondCity))) var second: String
        @OptionGroup var fields: Fields

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let a = try resolveCity(first, in: database)
                let b = try resolveCity(second, in: database)
                if a.id == b.id { throw UserError(t(.errSameCity, TextSafety.sanitized(a.label))) }
                var partnership = Partnership(between: a.id!, and: b.id!)
                try fields.apply(to: &partnership)
                let saved = try database.addPartnership(partnership)
                print(t(.addedPartnership, String(saved.id ?? 0), TextSafety.sanitized(a.name), TextSafety.sanitized(b.name),
                        saved.type.label(CommandLineLanguage.current), saved.status.label(CommandLineLanguage.current)))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: t(.aboutPartnershipsEdit))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hThePartnershipIdSeePartnerships))) var id: Int64
        @OptionGroup var fields: Fields

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                guard var p = try database.partnership(id: id)?.partnership else { throw UserError(t(.noPartnership, String(id))) }
                try fields.apply(to: &p)
                let saved = try database.updatePartnership(p)
                print(t(.savedPartnership, String(saved.id ?? 0)))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: t(.aboutPartnershipsRemove))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hThePartnershipId))) var id: Int64
        @Flag(help: ArgumentHelp(t(.hDoNotAskNeededWhen))) var yes = false

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                guard let d = try database.partnership(id: id) else { throw UserError(t(.noPartnership, String(id))) }
                let what = t(d.eventCount == 1 ? .partnershipWhatOne : .partnershipWhat, String(id), TextSafety.sanitized(d.cityA.name),
                             TextSafety.sanitized(d.cityB.name), String(d.eventCount))
                guard try confirmDeletion(of: what, yes: yes) else { return }
                let events = try database.removePartnership(id: id)
                print(t(events == 1 ? .deletedPartnershipOne : .deletedPartnership, String(id), String(events)))
            }
        }
    }
}

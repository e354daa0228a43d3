import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: t(.aboutEvents),
        subcommands: [List.self, Add.self, Edit.self, Remove.self])

    static func table(_ events: [EventDetail]) -> [String] {
        let table = TextTable(headers: [t(.colId), t(.colDate), t(.colPartnership), t(.colKind), t(.colFormat), t(.colPeople), "<30"],
                              rightAligned: [0, 5, 6])
        return table.render(events.map { d in
            let e = d.event
            return [String(d.id), e.startDate.display(CommandLineLanguage.current), "\(d.cityA.name) ↔ \(d.cityB.name)",
                    e.kind.label(CommandLineLanguage.current), e.format.label(CommandLineLanguage.current),
                    e.participants.map(String.init) ?? "", e.youth.map(String.init) ?? ""]
        })
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: t(.aboutEventsList))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(t(.hOnlyEventsOfThisCity))) var city: String?
        @Option(help: ArgumentHelp(t(.hOnlyEventsOfThisPartnership))) var partnership: Int64?
        @Option(help: ArgumentHelp(t(.hOnlyEventsThatStartedIn))) var year: Int?
        @Option(help: ArgumentHelp(t(.hTextJsonOrTsv))) var format: OutputFormat = .text

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                var filter = EventFilter(partnershipId: partnership, year: year)
                if let city { filter.cityId = try resolveCity(city, in: database).id }
                let list = try database.events(filter)
                switch format {
                case .json:
                    try emit(encodeJSON(list.map(EventJSON.init)), to: nil)
                case .tsv:
                    var lines = [TSV.line(["id", "partnership_id", "start", "end", "name_a", "name_b", "title", "kind", "format",
                                           "direction", "participants", "youth"])]
                    lines += list.map { d in
                        let e = d.event
                        return TSV.line([String(d.id), String(e.partnershipId), e.startDate.iso, e.endDate?.iso ?? "", d.cityA.name,
                                         d.cityB.name, e.title, e.kind.rawValue, e.format.rawValue, e.direction.rawValue,
                                         e.participants.map(String.init) ?? "", e.youth.map(String.init) ?? ""])
                    }
                    try emit(lines.joined(separator: "\n") + "\n", to: nil)
                case .text:
                    if list.isEmpty { print(t(.noEventsMatch)); return }
                    try emit((EventsCommand.table(list) + [t(list.count == 1 ? .countEventsOne : .countEvents, Format.number(list.count))]).joined(separator: "\n") + "\n", to: nil)
                }
            }
        }
    }

    static var dateHelp: String { t(.hStartDate, t(.dateForms)) }

    /// Options shared by add and edit. --date and --kind are not here: `add`
    /// needs them and `edit` does not, and the help must say which.
    struct Fields: ParsableArguments {
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hShortTitle))) var title: String?
        @Option(help: ArgumentHelp(t(.hEndDateNoneClears))) var end: String?
        @Option(help: ArgumentHelp(t(.hWhoTravelled, EventDirection.choices))) var direction: String?
        @Option(help: "\(EventFormat.choices).") var format: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hNumberOfParticipants))) var participants: Int?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hOfThemHowManyUnder))) var youth: Int?
        @Option(name: .customLong("by-country"), help: ArgumentHelp(t(.hParticipantsPerCountryEG))) var byCountry: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hFreeText))) var notes: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hEventProject))) var project: String?

        /// --project ID|TITLE links the event to a joint project; "none" removes the link.
        func applyProject(to e: inout Event, in database: AppDatabase) throws {
            guard let project else { return }
            e.projectId = project.lowercased() == "none" ? nil : try database.lookupProject(project).id
        }

        func apply(to e: inout Event, kind: String?, date: String?) throws {
            if let title { e.title = title }
            if let kind { e.kind = try parseChoice(kind, EventKind.self, option: "--kind") }
            if let date { e.startDate = try parseDate(date, option: "--date") }
            if let end { e.endDate = end.lowercased() == "none" ? nil : try parseDate(end, option: "--end") }
            if let direction { e.direction = try parseChoice(direction, EventDirection.self, option: "--direction") }
            if let format { e.format = try parseChoice(format, EventFormat.self, option: "--format") }
            if let participants { e.participants = participants }
            if let youth { e.youth = youth }
            if let byCountry {
                switch CountryCounts.parse(byCountry) {
                case .success(let counts): e.participantsByCountry = counts
                case .failure(let error): throw UserError(Phrase.field("--by-country", error.phrase).text(CommandLineLanguage.current.rawValue) + ".")
                }
            }
            if let notes { e.notes = notes }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: t(.aboutEventsAdd))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(t(.hThePartnershipIdSeePartnerships))) var partnership: Int64
        @Option(help: ArgumentHelp(EventsCommand.dateHelp)) var date: String
        @Option(help: "\(EventKind.choices).") var kind: String
        @OptionGroup var fields: Fields

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                guard let p = try database.partnership(id: partnership) else {
                    throw UserError(t(.noPartnershipSee, String(partnership)))
                }
                var event = Event(partnershipId: partnership, startDate: try parseDate(date, option: "--date"))
                try fields.apply(to: &event, kind: kind, date: date)
                try fields.applyProject(to: &event, in: database)
                if event.format == .online && fields.direction == nil { event.direction = .online }
                let saved = try database.addEvent(event)
                print(t(.addedEvent, String(saved.id ?? 0), saved.startDate.display(CommandLineLanguage.current), saved.kind.label(CommandLineLanguage.current),
                        TextSafety.sanitized(p.cityA.name), TextSafety.sanitized(p.cityB.name)))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: t(.aboutEventsEdit))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hTheEventIdSeeEvents))) var id: Int64
        @Option(help: ArgumentHelp(EventsCommand.dateHelp)) var date: String?
        @Option(help: "\(EventKind.choices).") var kind: String?
        @OptionGroup var fields: Fields

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                guard var event = try database.event(id: id) else { throw UserError(t(.noEvent, String(id))) }
                try fields.apply(to: &event, kind: kind, date: date)
                try fields.applyProject(to: &event, in: database)
                let saved = try database.updateEvent(event)
                print(t(.savedEvent, String(saved.id ?? 0)))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: t(.aboutEventsRemove))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hTheEventId))) var id: Int64
        @Flag(help: ArgumentHelp(t(.hDoNotAskNeededWhen))) var yes = false

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                guard let event = try database.event(id: id) else { throw UserError(t(.noEvent, String(id))) }
                let shown = "\(event.startDate.display(CommandLineLanguage.current)) \(event.kind.label(CommandLineLanguage.current))"
                    + (event.title.isEmpty ? "" : ": " + TextSafety.sanitized(event.title))
                let what = t(.eventWhat, String(id), shown)
                guard try confirmDeletion(of: what, yes: yes) else { return }
                try database.removeEvent(id: id)
                print(t(.deleted, what))
            }
        }
    }
}

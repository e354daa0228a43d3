import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

/// `twinning projects …`: the joint projects of partnerships, with their actions.
struct ProjectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects", abstract: t(.aboutProjects),
        subcommands: [List.self, Show.self, Add.self, Edit.self, Remove.self, ActionCommand.self])

    static var lang: Language { CommandLineLanguage.current }

    static func status(_ s: ProjectStatus) -> String {
        switch s {
        case .idea: return t(.projectStatusIdea)
        case .planned: return t(.projectStatusPlanned)
        case .running: return t(.projectStatusRunning)
        case .completed: return t(.projectStatusCompleted)
        case .paused: return t(.projectStatusPaused)
        case .abandoned: return t(.projectStatusAbandoned)
        }
    }

    static func state(_ s: FundingState) -> String {
        switch s {
        case .applied: return t(.fundingApplied)
        case .granted: return t(.fundingGranted)
        case .refused: return t(.fundingRefused)
        case .paid: return t(.fundingPaid)
        }
    }

    static func themes(_ tags: [String]) -> String {
        tags.map { ThemeVocabulary.parse($0).display(lang.rawValue) }.joined(separator: ", ")
    }

    /// The first two themes and "+2" for more: the list stays readable; `show` gives them all.
    static func shortThemes(_ tags: [String]) -> String {
        let shown = tags.prefix(2).map { tag -> String in
            let parsed = ThemeVocabulary.parse(tag)
            if let term = parsed.term, let goal = term.goal { return (lang == .fr ? "ODD " : "SDG ") + String(goal) }
            return parsed.display(lang.rawValue)
        }
        return shown.joined(separator: ", ") + (tags.count > 2 ? " +\(tags.count - 2)" : "")
    }

    static func period(_ start: PartialDate?, _ end: PartialDate?) -> String {
        switch (start, end) {
        case (nil, nil): return ""
        case let (s?, nil): return s.display(lang) + " –"
        case let (nil, e?): return "– " + e.display(lang)
        case let (s?, e?): return s.display(lang) + " – " + e.display(lang)
        }
    }

    static func indicator(_ i: ResultIndicator) -> String {
        let number = i.value == i.value.rounded() && abs(i.value) < 1e15 ? Formatting.number(Int(i.value), lang)
            : Formatting.decimal(i.value, digits: 2, lang)
        return number + " " + i.unit
    }

    static func amount(_ line: FundingLine) -> String {
        guard let minor = line.amountMinor else { return "? \(line.currency)" }
        let value = NSDecimalNumber(decimal: Currency.decimal(minor, currency: line.currency)).doubleValue
        return Formatting.decimal(value, digits: Currency.digits(line.currency), lang) + " " + line.currency
    }

    static func cityList(_ cities: [ProjectCityDetail]) -> String {
        cities.map { "\($0.city.name)" + ($0.role == .lead ? "*" : "") }.joined(separator: ", ")
    }

    static func due(_ action: ProjectAction?, today: PartialDate) -> String {
        guard let action, let due = action.due else { return "" }
        return due.display(lang) + (action.isOverdue(today: today) ? " !" : "")
    }

    // MARK: - list

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: t(.aboutProjectsList))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(t(.hProjectsOfCity))) var city: String?
        @Option(help: ArgumentHelp(t(.hProjectsOnTheme))) var theme: String?
        @Option(help: ArgumentHelp(t(.hProjectsWithStatus, ProjectStatus.choices))) var status: String?
        @Option(help: ArgumentHelp(t(.hProjectsWithCountry))) var country: String?
        @Flag(help: ArgumentHelp(t(.hProjectsOverdue))) var overdue = false
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hProjectsText))) var text: String?
        @Option(help: ArgumentHelp(t(.hTextJsonOrTsv))) var format: OutputFormat = .text

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let today = PartialDate.today()
                var filter = ProjectFilter(theme: theme, overdueOnly: overdue, text: text, today: today)
                if let city { filter.cityId = try resolveCity(city, in: database).id }
                if let status { filter.status = try parseChoice(status, ProjectStatus.self, option: "--status") }
                if let country {
                    let code = country.trimmingCharacters(in: .whitespaces).uppercased()
                    do { try Validation.knownCountryCode(code, field: "--country") } catch let error as TwinningCore.ValidationError {
                        throw UserError(error.text(CommandLineLanguage.current.rawValue))
                    }
                    filter.countryCode = code
                }
                var items: [ProjectSummary] = []
                var cursor: ProjectCursor?
                repeat {
                    let page = try database.projects(filter, after: cursor, limit: 500)
                    items += page.items
                    cursor = page.next
                } while cursor != nil
                switch format {
                case .json:
                    try emit(encodeJSON(items.map { ProjectListJSON($0, today: today) }), to: nil)
                case .tsv:
                    var lines = [TSV.line(["id", "status", "title", "start", "end", "cities", "countries", "themes", "next_due",
                                           "next_action", "open_actions", "overdue_actions"])]
                    lines += items.map { p in
                        TSV.line([String(p.id), p.status.rawValue, p.title, p.startDate?.iso ?? "", p.endDate?.iso ?? "",
                                  p.cities.map(\.city.name).joined(separator: "; "), p.cities.map(\.city.countryCode).joined(separator: "; "),
                                  p.themes.joined(separator: "; "), p.nextAction?.due?.iso ?? "", p.nextAction?.what ?? "",
                                  String(p.openActions), String(p.overdueActions)])
                    }
                    try emit(lines.joined(separator: "\n") + "\n", to: nil)
                case .text:
                    if items.isEmpty { print(t(.noProjectsMatch)); return }
                    let table = TextTable(headers: [t(.colId), t(.colStatus), t(.colTitle), t(.colCities), t(.colThemes), t(.colNextDue)],
                                          rightAligned: [0])
                    var lines = table.render(items.map { p in
                        [String(p.id), ProjectsCommand.status(p.status), p.title, ProjectsCommand.cityList(p.cities),
                         ProjectsCommand.shortThemes(p.themes), ProjectsCommand.due(p.nextAction, today: today)]
                    })
                    lines.append(t(items.count == 1 ? .countProjectsOne : .countProjects, Format.number(items.count)))
                    if items.contains(where: \.isOverdue) { lines.append(t(.overdueLegend)) }
                    try emit(lines.joined(separator: "\n") + "\n", to: nil)
                }
            }
        }
    }

    // MARK: - show

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: t(.aboutProjectsShow))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hProjectIdOrTitle))) var project: String
        @Option(help: ArgumentHelp(t(.hTextOrJson))) var format: OutputFormat = .text

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let found = try database.lookupProject(project)
                guard let d = try database.projectDetail(id: found.id!) else { throw UserError(t(.noProject, TextSafety.excerpt(project))) }
                if format == .json {
                    let record = try ProjectTransfer.portable(ProjectRecord(project: d.project, actions: d.actions), in: database)
                    try emit(encodeJSON(ProjectShowJSON(id: d.id, record: record, actionIds: d.actions.compactMap(\.id),
                                                        eventIds: d.events.map(\.id))), to: nil)
                    return
                }
                try emit(ProjectsCommand.detailText(d, today: PartialDate.today()), to: nil)
            }
        }
    }

    static func detailText(_ d: ProjectDetail, today: PartialDate) -> String {
        let p = d.project
        var out: [String] = [t(.projectHeading, String(d.id), p.title)]
        func field(_ label: CLIText, _ value: String) {
            guard !value.isEmpty else { return }
            out.append(t(label) + " " + value)
        }
        field(.showStatus, status(p.status) + (p.startDate == nil && p.endDate == nil ? "" : " · " + period(p.startDate, p.endDate)))
        field(.showThemes, themes(p.themes))
        field(.showCities, d.cities.map { "\($0.city.name) (\($0.city.countryCode)\($0.role == .lead ? ", " + t(.roleLead) : ""))" }
            .joined(separator: ", "))
        field(.showPartnerships, d.partnerships.map { "\($0.cityA.name) ↔ \($0.cityB.name) (\($0.id))" }.joined(separator: ", "))
        field(.showContacts, d.contacts.map { $0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))" }.joined(separator: ", "))
        field(.showSummary, p.summary)
        field(.showGoals, p.goals)
        if !d.actions.isEmpty {
            out.append(t(.showActions))
            let table = TextTable(headers: [t(.colId), t(.colDue), t(.colDone), t(.colWho), t(.colWhat)], rightAligned: [0])
            out += table.render(d.actions.map { a in
                [String(a.id ?? 0), due(a, today: today), a.done?.display(lang) ?? "", a.ownerName,
                 a.what + (a.isDueBeforeStart(of: p) ? " " + t(.beforeStartMark) : "")]
            }).map { "  " + $0 }
        }
        if !p.funding.isEmpty {
            out.append(t(.showFunding))
            let table = TextTable(headers: [t(.colProgramme), t(.colAmount), t(.colState)], rightAligned: [1])
            out += table.render(p.funding.map { [$0.programme, amount($0), state($0.state)] }).map { "  " + $0 }
        }
        field(.showResults, p.results)
        field(.showIndicators, p.indicators.map(indicator).joined(separator: "; "))
        if !d.events.isEmpty {
            out.append(t(.showEvents))
            out += d.events.map { e in
                "  \(e.event.startDate.display(lang))  \(e.event.title.isEmpty ? e.event.kind.label(lang) : e.event.title)  (\(e.id))"
            }
        }
        field(.showNotes, p.notes)
        if d.actions.contains(where: { $0.isOverdue(today: today) }) { out.append(t(.overdueLegend)) }
        return out.map { TextSafety.sanitized($0, allowLineBreaks: true) }.joined(separator: "\n") + "\n"
    }

    // MARK: - add / edit

    /// Options shared by add and edit.
    struct Fields: ParsableArguments {
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hProjectCities))) var cities: String?
        @Option(help: ArgumentHelp(t(.hProjectLead))) var lead: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hProjectThemes))) var theme: String?
        @Option(help: ArgumentHelp(t(.hProjectsWithStatus, ProjectStatus.choices))) var status: String?
        @Option(help: ArgumentHelp(t(.hProjectStart, t(.dateForms)))) var start: String?
        @Option(help: ArgumentHelp(t(.hEndDateNoneClears))) var end: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hProjectSummary))) var summary: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hProjectGoals))) var goals: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hProjectResults))) var results: String?
        @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(t(.hProjectFunding))) var funding: [String] = []
        @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(t(.hProjectIndicator))) var indicator: [String] = []
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hFreeText))) var notes: String?

        func apply(to p: inout Project, in database: AppDatabase) throws {
            if let cities {
                let names = cities.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                var list: [ProjectCity] = []
                for name in names {
                    let city = try resolveCity(name, in: database)
                    if list.contains(where: { $0.cityId == city.id! }) {
                        throw UserError(t(.errCityTwice, TextSafety.excerpt(name)))
                    }
                    list.append(ProjectCity(cityId: city.id!, role: list.isEmpty ? .lead : .partner))
                }
                if list.count < 2 { throw UserError(t(.errProjectCities, TextSafety.excerpt(cities))) }
                p.cities = list
                // The partnerships among the cities of the project belong to it.
                p.partnershipIds = try ProjectTransfer.partnerships(among: list.map(\.cityId), in: database)
            }
            if let lead {
                let city = try resolveCity(lead, in: database)
                guard p.involves(city.id!) else { throw UserError(t(.errLeadNotInProject, TextSafety.sanitized(city.name))) }
                for i in p.cities.indices { p.cities[i].role = p.cities[i].cityId == city.id! ? .lead : .partner }
            }
            if let theme { p.themes = Validation.parseTags(theme) }
            if let status { p.status = try parseChoice(status, ProjectStatus.self, option: "--status") }
            if let start { p.startDate = start.lowercased() == "none" ? nil : try parseDate(start, option: "--start") }
            if let end { p.endDate = end.lowercased() == "none" ? nil : try parseDate(end, option: "--end") }
            if let summary { p.summary = summary }
            if let goals { p.goals = goals }
            if let results { p.results = results }
            if !funding.isEmpty {
                p.funding = try funding.filter { $0.lowercased() != "none" }.map { try ProjectTransfer.parseFunding($0, option: "--funding") }
            }
            if !indicator.isEmpty {
                p.indicators = try indicator.filter { $0.lowercased() != "none" }.map { try ProjectTransfer.parseIndicator($0, option: "--indicator") }
            }
            if let notes { p.notes = notes }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: t(.aboutProjectsAdd))
        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hProjectTitle))) var title: String
        @OptionGroup var fields: Fields

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                guard fields.cities != nil else { throw UserError(t(.errProjectCities, "")) }
                var project = Project(title: title, status: .planned)
                try fields.apply(to: &project, in: database)
                let saved = try database.addProject(project)
                let free = ThemeVocabulary.freeTags(saved.themes)
                print(t(.addedProject, String(saved.id ?? 0), TextSafety.sanitized(saved.title), ProjectsCommand.status(saved.status)))
                if !free.isEmpty { print(t(.freeThemes, TextSafety.sanitized(free.joined(separator: ", ")))) }
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: t(.aboutProjectsEdit))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hProjectIdOrTitle))) var project: String
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hProjectTitle))) var title: String?
        @OptionGroup var fields: Fields

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                var p = try database.lookupProject(project)
                if let title { p.title = title }
                try fields.apply(to: &p, in: database)
                let saved = try database.updateProject(p)
                print(t(.savedProject, String(saved.id ?? 0), TextSafety.sanitized(saved.title)))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: t(.aboutProjectsRemove))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hProjectIdOrTitle))) var project: String
        @Flag(help: ArgumentHelp(t(.hDoNotAskNeededWhen))) var yes = false

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let p = try database.lookupProject(project)
                let actions = try database.actions(projectId: p.id!).count
                let what = t(.projectWhat, String(p.id!), TextSafety.sanitized(p.title), String(actions))
                guard try confirmDeletion(of: what, yes: yes) else { return }
                try database.removeProject(id: p.id!)
                print(t(.deleted, what))
            }
        }
    }

    // MARK: - actions

    struct ActionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "action", abstract: t(.aboutProjectsAction),
                                                        subcommands: [AddAction.self, DoneAction.self])
    }

    struct AddAction: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: t(.aboutProjectsActionAdd))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hProjectIdOrTitle))) var project: String
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hActionWhat))) var what: String
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hActionWho))) var who: String?
        @Option(help: ArgumentHelp(t(.hActionDue, t(.dateForms)))) var due: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(t(.hFreeText))) var notes: String?

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let p = try database.lookupProject(project)
                var action = ProjectAction(projectId: p.id!, what: what, due: try due.map { try parseDate($0, option: "--due") },
                                           notes: notes ?? "")
                if let who {
                    // A contact of the project (or any contact) with this name is linked; anyone else is a free name.
                    action.ownerName = who.trimmingCharacters(in: .whitespaces)
                    action.ownerContactId = try ProjectTransfer.contact(named: who, preferring: p.contactIds, in: database)?.id
                }
                let saved = try database.addAction(action)
                print(t(.addedAction, String(saved.id ?? 0), TextSafety.sanitized(saved.what), TextSafety.sanitized(p.title)))
                if saved.isDueBeforeStart(of: p) { print(t(.actionBeforeStart)) }
            }
        }
    }

    struct DoneAction: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: t(.aboutProjectsActionDone))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(t(.hProjectIdOrTitle))) var project: String
        @Argument(help: ArgumentHelp(t(.hActionId))) var action: String
        @Option(help: ArgumentHelp(t(.hActionDoneOn))) var on: String?

        func run() throws {
            try runReporting {
                let database = try openDatabase(global)
                let p = try database.lookupProject(project)
                let actions = try database.actions(projectId: p.id!)
                let chosen: ProjectAction
                if let id = Int64(action), let found = actions.first(where: { $0.id == id }) {
                    chosen = found
                } else {
                    // The beginning of its text, when only one action of the project starts so.
                    let key = SearchKey.fold(action)
                    let fits = actions.filter { SearchKey.fold($0.what).hasPrefix(key) }
                    guard fits.count == 1, !key.isEmpty else {
                        throw UserError(t(.noAction, TextSafety.excerpt(action), TextSafety.sanitized(p.title)))
                    }
                    chosen = fits[0]
                }
                let date = try on.map { try parseDate($0, option: "--on") } ?? PartialDate.today()
                let saved = try database.markActionDone(id: chosen.id!, on: date, expectedVersion: chosen.version)
                print(t(.actionDone, String(saved.id ?? 0), TextSafety.sanitized(saved.what), saved.done?.display(ProjectsCommand.lang) ?? ""))
            }
        }
    }
}

/// One line of `projects list --format json`.
struct ProjectListJSON: Encodable {
    let id: Int64
    let title: String
    let status: String
    let start: String?
    let end: String?
    let themes: [String]
    let cities: [PortableCity]
    let next_due: String?
    let next_action: String?
    let open_actions: Int
    let overdue_actions: Int

    init(_ p: ProjectSummary, today: PartialDate) {
        id = p.id; title = p.title; status = p.status.rawValue; start = p.startDate?.iso; end = p.endDate?.iso; themes = p.themes
        cities = p.cities.map { PortableCity(geonameid: $0.city.geonameId, name: $0.city.name, country: $0.city.countryCode, role: $0.role.rawValue) }
        next_due = p.nextAction?.due?.iso; next_action = p.nextAction?.what
        open_actions = p.openActions; overdue_actions = p.overdueActions
    }
}

/// `projects show --format json`: the exported form with this database's ids.
struct ProjectShowJSON: Encodable {
    let id: Int64
    let record: PortableProject
    let actionIds: [Int64]
    let eventIds: [Int64]

    enum CodingKeys: String, CodingKey { case id, action_ids, event_ids }
    func encode(to encoder: Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(actionIds, forKey: .action_ids)
        try container.encode(eventIds, forKey: .event_ids)
    }
}

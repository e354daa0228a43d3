import Foundation

/// One project as the report shows it: the record with its cities' names.
public struct ReportProject: Hashable, Sendable, Identifiable {
    public var project: Project
    /// City names, lead first.
    public var cityNames: [String]
    public var id: Int64 { project.id ?? 0 }
    public init(project: Project, cityNames: [String]) {
        self.project = project
        self.cityNames = cityNames
    }
}

/// The period's projects under one theme (a project with two themes counts under both).
public struct ThemeCount: Hashable, Sendable {
    /// The vocabulary term's code ("sdg13") or the free tag as stored.
    public var theme: String
    public var running: Int
    public var completed: Int
    public var titles: [String]
    public var total: Int { running + completed }

    /// "Climate action" / "Maßnahmen zum Klimaschutz": the vocabulary label, or the free tag.
    public func label(_ language: ReportLanguage) -> String {
        ThemeVocabulary.parse(theme).display(language.rawValue)
    }
}

/// The sum of a programme's funding lines in one currency and state. Different
/// currencies are never added together.
public struct FundingTotal: Hashable, Sendable {
    public var programme: String
    public var currency: String
    public var state: FundingState
    /// Sum of the known amounts in minor units (cents); saturates instead of overflowing.
    public var amountMinor: Int64
    public var lines: Int
    /// Lines without an amount (counted in `lines`, not in the sum).
    public var withoutAmount: Int
}

/// An open action whose whole due period has passed.
public struct OverdueAction: Hashable, Sendable {
    /// The owner's name as shown; empty when nobody was named.
    public var owner: String
    public var action: ProjectAction
    public var projectTitle: String
}

/// The register seen by country: partnerships with the partner country, their
/// health and their events per year.
public struct CountryFigures: Hashable, Sendable {
    public var country: String
    public var partnerships: Int
    /// Counts per health mark in `Health.allCases` order; ended partnerships are not counted here.
    public var health: [Int]
    public var ended: Int
    /// Events per year over the scope's history range, oldest first.
    public var eventsPerYear: [Int]
}

/// The projects part of a report: what a council or a funder asks for.
///
/// Rules:
/// - In the period: running or completed projects whose start…end touches the
///   period's years (an unknown start or end is open).
/// - By theme: each theme of a project counts once for it; untagged projects are not listed.
/// - Funding: per programme, currency and state over the period's projects.
/// - Overdue: open actions of every project of the scope that is not
///   completed or abandoned, whose whole due period has passed by `today`;
///   ordered by owner, then due date.
public struct ProjectSection: Equatable, Sendable {
    public var projects: [ReportProject]
    public var byTheme: [ThemeCount]
    public var funding: [FundingTotal]
    public var overdue: [OverdueAction]

    public static let empty = ProjectSection(projects: [], byTheme: [], funding: [], overdue: [])

    public static func compute(projects: [ReportProject], openActions: [ProjectActionDue], years: ClosedRange<Int>,
                               today: PartialDate) -> ProjectSection {
        let inPeriod = projects.filter { p in
            guard p.project.status == .running || p.project.status == .completed else { return false }
            if let start = p.project.startDate, start.year > years.upperBound { return false }
            if let end = p.project.endDate, end.year < years.lowerBound { return false }
            return true
        }.sorted { (SearchKey.fold($0.project.title), $0.id) < (SearchKey.fold($1.project.title), $1.id) }

        var themes: [String: ThemeCount] = [:]
        var order: [String] = []
        var funding: [String: FundingTotal] = [:]
        var fundingOrder: [String] = []
        for p in inPeriod {
            var seen = Set<String>()
            for tag in p.project.themes {
                let parsed = ThemeVocabulary.parse(tag)
                let key = parsed.term?.rawValue ?? parsed.stored
                guard seen.insert(key).inserted else { continue }
                if themes[key] == nil {
                    themes[key] = ThemeCount(theme: key, running: 0, completed: 0, titles: [])
                    order.append(key)
                }
                if p.project.status == .running { themes[key]!.running += 1 } else { themes[key]!.completed += 1 }
                themes[key]!.titles.append(p.project.title)
            }
            for line in p.project.funding {
                let key = [line.programme, line.currency, line.state.rawValue].joined(separator: "\u{0}")
                if funding[key] == nil {
                    funding[key] = FundingTotal(programme: line.programme, currency: line.currency, state: line.state,
                                                amountMinor: 0, lines: 0, withoutAmount: 0)
                    fundingOrder.append(key)
                }
                funding[key]!.lines += 1
                if let minor = line.amountMinor {
                    let (sum, overflow) = funding[key]!.amountMinor.addingReportingOverflow(max(0, minor))
                    funding[key]!.amountMinor = overflow ? Int64.max : sum
                } else {
                    funding[key]!.withoutAmount += 1
                }
            }
        }
        // Most projects first; ties in the vocabulary's order (SDGs by number), free tags last by name.
        let termIndex = Dictionary(uniqueKeysWithValues: ThemeTerm.allCases.enumerated().map { ($1.rawValue, $0) })
        let byTheme = order.compactMap { themes[$0] }.sorted { a, b in
            (b.total, termIndex[a.theme] ?? Int.max, a.theme) < (a.total, termIndex[b.theme] ?? Int.max, b.theme)
        }
        let states = Dictionary(uniqueKeysWithValues: FundingState.allCases.enumerated().map { ($1, $0) })
        let totals = fundingOrder.compactMap { funding[$0] }.sorted { a, b in
            (SearchKey.fold(a.programme), a.currency, states[a.state] ?? 0) < (SearchKey.fold(b.programme), b.currency, states[b.state] ?? 0)
        }

        let overdue = openActions.filter { due in
            due.projectStatus != .completed && due.projectStatus != .abandoned && due.action.isOverdue(today: today)
        }.map { OverdueAction(owner: $0.action.ownerName, action: $0.action, projectTitle: $0.projectTitle) }
        .sorted { a, b in
            let ka = (a.owner.isEmpty ? 1 : 0, SearchKey.fold(a.owner)), kb = (b.owner.isEmpty ? 1 : 0, SearchKey.fold(b.owner))
            if ka != kb { return ka < kb }
            return (a.action.due?.iso ?? "", a.action.id ?? 0) < (b.action.due?.iso ?? "", b.action.id ?? 0)
        }
        return ProjectSection(projects: inPeriod, byTheme: byTheme, funding: totals, overdue: overdue)
    }
}

extension CountryFigures {
    /// Partnerships by partner country (for a city report the partner's
    /// country; for all partnerships each of the two countries, once).
    static func compute(_ rows: [ReportPartnership], events: [EventDetail], cityReport: Bool,
                        history: ClosedRange<Int>) -> [CountryFigures] {
        var perPartnership: [Int64: [Int: Int]] = [:]
        for e in events where history.contains(e.event.startDate.year) {
            perPartnership[e.event.partnershipId, default: [:]][e.event.startDate.year, default: 0] += 1
        }
        var result: [String: CountryFigures] = [:]
        let healthIndex = Dictionary(uniqueKeysWithValues: Health.allCases.enumerated().map { ($1, $0) })
        for row in rows {
            let countries = cityReport ? [row.partner.countryCode] : Array(Set([row.home.countryCode, row.partner.countryCode])).sorted()
            for country in countries {
                var figures = result[country] ?? CountryFigures(country: country, partnerships: 0, health: Health.allCases.map { _ in 0 },
                                                                ended: 0, eventsPerYear: history.map { _ in 0 })
                figures.partnerships += 1
                if row.status == .ended { figures.ended += 1 } else { figures.health[healthIndex[row.health]!] += 1 }
                for (year, count) in perPartnership[row.id] ?? [:] {
                    figures.eventsPerYear[year - history.lowerBound] += count
                }
                result[country] = figures
            }
        }
        return result.values.sorted { ($1.partnerships, $0.country) < ($0.partnerships, $1.country) }
    }
}

import Foundation

/// What a report covers: one city's partnerships (or all), and a span of years.
public struct ReportScope: Equatable, Sendable {
    /// The city whose partnerships are reported; nil for every partnership in the database.
    public var cityId: Int64?
    /// The reporting period in whole years, e.g. 2025...2025 for an annual report.
    public var years: ClosedRange<Int>
    /// How many years the per-year figures go back (ending with the period's last year).
    /// A longer period is covered whole.
    public var historyYears: Int

    public init(cityId: Int64? = nil, years: ClosedRange<Int>, historyYears: Int = 10) {
        self.cityId = cityId
        self.years = years
        self.historyYears = max(1, historyYears)
    }

    public init(cityId: Int64? = nil, year: Int, historyYears: Int = 10) {
        self.init(cityId: cityId, years: year...year, historyYears: historyYears)
    }

    /// The years of the per-year figures, oldest first.
    public var historyRange: ClosedRange<Int> {
        min(years.lowerBound, years.upperBound - historyYears + 1)...years.upperBound
    }
}

/// One partnership as the report shows it.
public struct ReportPartnership: Hashable, Sendable, Identifiable {
    public var detail: PartnershipDetail
    /// Which side is the home city: the sides are the detail's own, not copies
    /// (two cities fewer per row: the whole register's report of the 10×
    /// database holds 110,000 rows in several orders).
    private var homeIsB: Bool
    /// The home city (when the report is for one city), else side A.
    public var home: CitySummary { homeIsB ? detail.cityB : detail.cityA }
    /// The other side.
    public var partner: CitySummary { homeIsB ? detail.cityA : detail.cityB }
    public var health: Health
    /// Events of this partnership in the reporting period.
    public var eventsInPeriod: Int
    /// True if an in-person or hybrid event was ever recorded (an online meeting is not a visit).
    public var visited: Bool
    public var id: Int64 { detail.id }
    public var status: PartnershipStatus { detail.partnership.status }
    public var lastEvent: PartialDate? { detail.lastEvent }

    /// `homeCityId`: the city the report is for, if any (as `PartnershipDetail.sides(from:)`).
    public init(detail: PartnershipDetail, homeCityId: Int64?, health: Health, eventsInPeriod: Int, visited: Bool) {
        self.detail = detail
        self.homeIsB = homeCityId == detail.cityB.id
        self.health = health
        self.eventsInPeriod = eventsInPeriod
        self.visited = visited
    }
}

/// One event of the reporting period.
public struct ReportEvent: Hashable, Sendable, Identifiable {
    public var detail: EventDetail
    /// Under-30s divided by participants; nil when either is unknown or there are no participants.
    public var youthShare: Double?
    public var id: Int64 { detail.id }
    public var event: Event { detail.event }
}

/// Figures for one calendar year (by the start date of the events).
public struct YearFigures: Hashable, Sendable {
    public var year: Int
    public var events: Int
    /// Sum of known participant numbers (events without a number add nothing).
    public var participants: Int
    /// Under-30s of the events where both figures are known.
    public var youth: Int
    /// Participants of the events where the under-30 figure is known: the base of `youthShare`.
    public var youthBase: Int
    /// youth / youthBase; nil when no event of the year has both figures.
    public var youthShare: Double? { youthBase > 0 ? Double(youth) / Double(youthBase) : nil }
    /// Events held online, and hybrid (in person with remote participants).
    public var online: Int
    public var hybrid: Int
    /// (online + hybrid) / events; nil without events. The pandemic question.
    public var remoteShare: Double? { events > 0 ? Double(online + hybrid) / Double(events) : nil }

    public init(year: Int, events: Int = 0, participants: Int = 0, youth: Int = 0, youthBase: Int = 0,
                online: Int = 0, hybrid: Int = 0) {
        self.year = year
        self.events = events
        self.participants = participants
        self.youth = youth
        self.youthBase = youthBase
        self.online = online
        self.hybrid = hybrid
    }
}

/// A count for one country code, or for participants whose country is not recorded.
public struct CountryCount: Hashable, Sendable {
    /// The ISO code, or `CountryCount.unknown`.
    public var country: String
    public var participants: Int
    public static let unknown = "unknown"
    public var isUnknown: Bool { country == CountryCount.unknown }
    public init(country: String, participants: Int) {
        self.country = country
        self.participants = participants
    }
}

/// The overview a council or funder asks for, computed from fetched rows.
///
/// Rules (documented here because the figures depend on them):
/// - Health is that of the shared `HealthRule` as of `today`, from the last event
///   of any year (not only the period).
/// - Ended partnerships are counted by status but left out of the health counts
///   and of the dormant and never-visited lists.
/// - Per-year figures count events by the year of their start date.
/// - Participants by country come from each event's split; participants an
///   event does not split (no split at all, or a split that adds up to less)
///   are counted as `unknown`.
/// - Dormant longest: dormant partnerships, oldest last event first; those with
///   no event at all come last (they are also in the never-visited list).
/// - Never visited: no in-person or hybrid event ever recorded.
/// - Project work counts as activity for health (`HealthRule.lastActivity`).
/// - Projects and the register by country: see `ProjectSection`, `CountryFigures`.
public struct Report: Equatable, Sendable {
    public var scope: ReportScope
    /// The home city of a city report; nil for all partnerships.
    public var city: CitySummary?
    public var today: PartialDate
    public var healthRule: HealthRule
    /// Every partnership of the scope, ordered by partner name.
    public var partnerships: [ReportPartnership]
    /// Events of the reporting period, oldest first.
    public var events: [ReportEvent]
    /// One entry per status, in the vocabulary's order, zeros included.
    public var byStatus: [(status: PartnershipStatus, count: Int)] {
        PartnershipStatus.allCases.map { s in (s, partnerships.filter { $0.status == s }.count) }
    }
    /// One entry per health mark (ended partnerships not counted), zeros included.
    public var byHealth: [(health: Health, count: Int)] {
        Health.allCases.map { h in (h, partnerships.filter { $0.status != .ended && $0.health == h }.count) }
    }
    /// Per-year figures over `scope.historyRange`, oldest first.
    public var years: [YearFigures]
    /// Participants of the period's events by country, most first; `unknown` last.
    public var participantsByCountry: [CountryCount]
    public var dormantLongest: [ReportPartnership]
    public var neverVisited: [ReportPartnership]
    /// Projects of the period, by theme, funding totals, overdue actions.
    public var projects: ProjectSection = .empty
    /// Partnerships by partner country with health and events per year (history range), most partnerships first.
    public var countries: [CountryFigures] = []

    /// Series for bars and sparklines, oldest year first.
    public var eventsPerYear: [Int] { years.map(\.events) }
    public var participantsPerYear: [Int] { years.map(\.participants) }
    public var youthSharePerYear: [Double?] { years.map(\.youthShare) }

    /// Totals of the reporting period.
    public var periodFigures: YearFigures {
        Report.figures(year: scope.years.upperBound, events: events.map(\.event))
    }

    // MARK: - Computation (pure)

    /// Builds the report from rows already fetched: `partnerships` and `events`
    /// must be those of the scope (all years: the per-year figures and the
    /// never-visited list need the history).
    public static func compute(scope: ReportScope, city: CitySummary?, partnerships: [PartnershipDetail],
                               events: [EventDetail], today: PartialDate, rule: HealthRule = HealthRule(),
                               projects: [ReportProject] = [], openActions: [ProjectActionDue] = [],
                               projectActivity: [Int64: PartnershipProjectActivity] = [:]) -> Report {
        let inPeriod = events.filter { scope.years.contains($0.event.startDate.year) }
            .sorted { ($0.event.startDate, $0.id) < ($1.event.startDate, $1.id) }
        var periodCount: [Int64: Int] = [:]
        for e in inPeriod { periodCount[e.event.partnershipId, default: 0] += 1 }
        var visited = Set<Int64>()
        for e in events where e.event.format != .online { visited.insert(e.event.partnershipId) }

        let rows = ReportOrder.byName(partnerships.map { d in
            ReportPartnership(detail: d, homeCityId: city?.id, health: rule.health(d, projects: projectActivity[d.id], today: today),
                              eventsInPeriod: periodCount[d.id] ?? 0, visited: visited.contains(d.id))
        }, city: city)

        let history = scope.historyRange
        var byYear: [Int: [Event]] = [:]
        for e in events where history.contains(e.event.startDate.year) { byYear[e.event.startDate.year, default: []].append(e.event) }
        let years = history.map { figures(year: $0, events: byYear[$0] ?? []) }

        // Filtered from the rows directly, not from a copy of the live ones.
        let dormant = ReportOrder.byLastEvent(rows.filter { $0.status != .ended && $0.health == .dormant }, city: city)
        return Report(scope: scope, city: city, today: today, healthRule: rule, partnerships: rows,
                      events: inPeriod.map { ReportEvent(detail: $0, youthShare: youthShare($0.event)) },
                      years: years, participantsByCountry: countries(inPeriod.map(\.event)),
                      dormantLongest: dormant, neverVisited: rows.filter { $0.status != .ended && !$0.visited },
                      projects: ProjectSection.compute(projects: projects, openActions: openActions, years: scope.years, today: today),
                      countries: CountryFigures.compute(rows, events: events, cityReport: city != nil, history: history))
    }

    static func sortKey(_ row: ReportPartnership, city: CitySummary?) -> String {
        city == nil ? row.home.searchKey + "\u{0}" + row.partner.searchKey : row.partner.searchKey
    }

    /// Held within 0…1: a share above 1 (more under-30s than participants)
    /// can only come from a database edited by hand.
    public static func youthShare(_ event: Event) -> Double? {
        guard let participants = event.participants, let youth = event.youth, participants > 0 else { return nil }
        return min(1, max(0, Double(youth) / Double(participants)))
    }

    /// Sums saturate (`SafeMath`): validation keeps counts to a million, but a
    /// value planted in the database must not stop the report.
    public static func figures(year: Int, events: [Event]) -> YearFigures {
        var f = YearFigures(year: year)
        for e in events {
            f.events += 1
            if e.format == .online { f.online += 1 }
            if e.format == .hybrid { f.hybrid += 1 }
            f.participants = SafeMath.add(f.participants, max(0, e.participants ?? 0))
            if let p = e.participants, let y = e.youth, p >= 0, y >= 0 {
                f.youth = SafeMath.add(f.youth, min(y, p))
                f.youthBase = SafeMath.add(f.youthBase, p)
            }
        }
        return f
    }

    /// Participants by country; what an event does not split is `unknown`.
    public static func countries(_ events: [Event]) -> [CountryCount] {
        var totals: [String: Int] = [:]
        var unknown = 0
        for e in events {
            let split = SafeMath.sum(e.participantsByCountry.values.filter { $0 > 0 })
            for (country, count) in e.participantsByCountry where count > 0 {
                totals[country] = SafeMath.add(totals[country] ?? 0, count)
            }
            if let p = e.participants, p > split { unknown = SafeMath.add(unknown, p - split) }
        }
        var result = totals.map { CountryCount(country: $0.key, participants: $0.value) }
            .sorted { ($1.participants, $0.country) < ($0.participants, $1.country) }
        if unknown > 0 { result.append(CountryCount(country: CountryCount.unknown, participants: unknown)) }
        return result
    }
}

extension AppDatabase {
    /// Fetches the scope's partnerships and events and computes the report.
    public func report(_ scope: ReportScope, today: PartialDate = .today(), rule: HealthRule = HealthRule()) throws -> Report {
        var city: CitySummary?
        if let id = scope.cityId {
            guard let found = try self.city(id: id) else { throw AppError.notFound(Phrase(.noCity, "\(id)")) }
            city = CitySummary(found)
        }
        let (partnerships, events) = try reportRows(cityId: scope.cityId)
        let projects = try reportProjects(cityId: scope.cityId)
        return Report.compute(scope: scope, city: city, partnerships: partnerships, events: events, today: today, rule: rule,
                              projects: projects.projects, openActions: projects.openActions,
                              projectActivity: try projectActivityByPartnership())
    }
}

import Foundation

/// What the project list, the CLI and reports filter by. All given conditions must hold.
public struct ProjectFilter: Sendable, Equatable {
    public var status: ProjectStatus?
    /// Several statuses (e.g. running or completed for a report); ignored when empty. Combined with `status` by AND.
    public var statuses: Set<ProjectStatus>
    /// A theme as typed ("climate", "Klima", "SDG 13", or a free tag): a
    /// vocabulary term matches projects with that term; a free tag matches projects carrying the same free tag.
    public var theme: String?
    /// Projects this city takes part in.
    public var cityId: Int64?
    /// Projects with at least one city of this country (ISO code, "PL").
    public var countryCode: String?
    /// Projects linked to this partnership.
    public var partnershipId: Int64?
    /// Only projects with at least one overdue action (as of `today`).
    public var overdueOnly: Bool
    /// Words in the title, summary, goals or a city's name (folded: "krakow" finds "Kraków").
    public var text: String?
    /// Projects whose time (start…end, open ends count as open) touches this period; nil = any time.
    public var activeFrom: PartialDate?
    public var activeTo: PartialDate?
    /// The day "overdue" is measured against.
    public var today: PartialDate

    public init(status: ProjectStatus? = nil, statuses: Set<ProjectStatus> = [], theme: String? = nil, cityId: Int64? = nil,
                countryCode: String? = nil, partnershipId: Int64? = nil, overdueOnly: Bool = false, text: String? = nil,
                activeFrom: PartialDate? = nil, activeTo: PartialDate? = nil, today: PartialDate = .today()) {
        self.status = status
        self.statuses = statuses
        self.theme = theme
        self.cityId = cityId
        self.countryCode = countryCode
        self.partnershipId = partnershipId
        self.overdueOnly = overdueOnly
        self.text = text
        self.activeFrom = activeFrom
        self.activeTo = activeTo
        self.today = today
    }
}

/// A city of a project with what lists show of it.
public struct ProjectCityDetail: Hashable, Sendable {
    public var city: CitySummary
    public var role: ProjectRole
    public init(city: CitySummary, role: ProjectRole) {
        self.city = city
        self.role = role
    }
}

/// One line of the project list: enough for the pane's list and `projects list`.
public struct ProjectSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var title: String
    public var status: ProjectStatus
    public var startDate: PartialDate?
    public var endDate: PartialDate?
    public var themes: [String]
    /// Lead cities first, then by name.
    public var cities: [ProjectCityDetail]
    /// The open action due first (overdue ones come first by date), if any.
    public var nextAction: ProjectAction?
    public var openActions: Int
    public var overdueActions: Int
    public var version: Int
    /// The sort key of the list (folded title); with `id` the keyset of paging.
    public var titleKey: String

    public init(id: Int64, title: String, status: ProjectStatus, startDate: PartialDate?, endDate: PartialDate?, themes: [String],
                cities: [ProjectCityDetail], nextAction: ProjectAction?, openActions: Int, overdueActions: Int, version: Int,
                titleKey: String) {
        self.id = id
        self.title = title
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.themes = themes
        self.cities = cities
        self.nextAction = nextAction
        self.openActions = openActions
        self.overdueActions = overdueActions
        self.version = version
        self.titleKey = titleKey
    }

    public var isOverdue: Bool { overdueActions > 0 }
}

/// Where a page of the project list continues: after this title key and id.
public struct ProjectCursor: Hashable, Sendable {
    public var titleKey: String
    public var id: Int64
    public init(titleKey: String, id: Int64) {
        self.titleKey = titleKey
        self.id = id
    }
    public init(_ summary: ProjectSummary) { self.init(titleKey: summary.titleKey, id: summary.id) }
}

/// One page of the list, in title order.
public struct ProjectPage: Hashable, Sendable {
    public var items: [ProjectSummary]
    /// Pass as `after` for the next page; nil when this was the last page.
    public var next: ProjectCursor?
}

/// Everything the detail shows about one project.
public struct ProjectDetail: Hashable, Sendable, Identifiable {
    public var project: Project
    /// In the project's order (lead first as stored).
    public var cities: [ProjectCityDetail]
    public var partnerships: [PartnershipDetail]
    public var contacts: [Contact]
    /// Open ones by due date (undated last), then done ones by done date.
    public var actions: [ProjectAction]
    /// Events linked to the project, newest first.
    public var events: [EventDetail]
    public var id: Int64 { project.id ?? 0 }
}

/// A project with its actions: the unit of export and import (JSON).
public struct ProjectRecord: Codable, Hashable, Sendable {
    public var project: Project
    public var actions: [ProjectAction]
    public init(project: Project, actions: [ProjectAction]) {
        self.project = project
        self.actions = actions
    }
}

/// An action with its project, for the calendar and the "overdue by owner" report.
public struct ProjectActionDue: Hashable, Sendable {
    public var action: ProjectAction
    public var projectId: Int64
    public var projectTitle: String
    public var projectStatus: ProjectStatus
    /// City names of the project, lead first.
    public var cityNames: [String]
}

/// Project work of one partnership, for the health rule: a running project
/// with actions done recently means the partnership is not dormant.
public struct PartnershipProjectActivity: Hashable, Sendable {
    public var partnershipId: Int64
    public var runningProjects: Int
    /// The latest done date of an action of any of its projects.
    public var lastActionDone: PartialDate?
}

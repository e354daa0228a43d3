import TwinningCore

public struct ReportsPaneState: Equatable, Sendable {
    public var year: Int?
    /// All partnerships instead of our city's.
    public var all = false
    public var showMap = false
    /// nil: fitted to the partners.
    public var map: MapView?
    public var scroll = 0
    public init() {}
}

/// The part of the world the map shows: a centre and a width in degrees of longitude.
public struct MapView: Equatable, Sendable {
    public var centerLatitude: Double
    public var centerLongitude: Double
    public var spanLongitude: Double
    public init(centerLatitude: Double = 30, centerLongitude: Double = 10, spanLongitude: Double = 360) {
        self.centerLatitude = centerLatitude
        self.centerLongitude = centerLongitude
        self.spanLongitude = spanLongitude
    }
}

/// The partnerships and events the Reports pane and the map speak about:
/// our city's, or all of them.
/// The projects of the report's scope: those the home city takes part in, or all.
func reportProjectData(_ state: AppState, city: CitySummary?) -> ReportProjectData {
    let all = state.data.reportProjects
    guard let city else { return all }
    let projects = all.projects.filter { $0.project.involves(city.id) }
    let ids = Set(projects.map(\.id))
    return ReportProjectData(projects: projects, openActions: all.openActions.filter { ids.contains($0.projectId) })
}

func reportData(_ state: AppState) -> (city: CitySummary?, partnerships: [PartnershipDetail], events: [EventDetail]) {
    guard !state.reports.all, let home = state.homeCity else {
        return (nil, state.data.partnerships, state.data.events)
    }
    let partnerships = state.data.partnerships.filter { $0.partnership.involves(home.id) }
    let ids = Set(partnerships.map(\.id))
    return (home, partnerships, state.data.events.filter { ids.contains($0.event.partnershipId) })
}

import TwinningCore

/// The Reports pane: the annual report of our city (or of all partnerships)
/// on screen, its HTML export, and the map of the partnerships.
enum ReportsPane: PaneFeature {
    static func keyContexts(_ state: AppState) -> [KeyContext] { [state.reports.showMap ? .map : .reports] }

    static func reduce(_ state: inout AppState, _ command: Command, key: Key) -> [Effect] {
        switch command {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            // Bounded by the report's length, so Up after many Downs past the
            // end moves at once, and PgUp/PgDn (named in the hint) page. Only
            // the keys that go down build the report to count its lines: the
            // scroll never passes the end, so going up needs no count.
            let rows = reportBodyRows(Layout(state.size))
            let page = max(1, rows - 1)
            let current = max(0, state.reports.scroll)
            switch command {
            case .up: state.reports.scroll = max(0, current - 1)
            case .pageUp: state.reports.scroll = max(0, current - page)
            case .top: state.reports.scroll = 0
            default:
                let last = max(0, reportLines(state).count - 1 - rows)
                let wanted = command == .down ? current + 1 : command == .pageDown ? current + page : last
                state.reports.scroll = min(wanted, last)
            }
            return []
        case .exportReport:
            return [.exportReport(cityId: state.reports.all ? nil : state.homeCityId, year: state.reports.year ?? state.today.year)]
        case .previousYear, .nextYear:
            let year = state.reports.year ?? state.today.year
            state.reports.year = command == .previousYear ? year - 1 : min(year + 1, state.today.year)
            state.reports.scroll = 0  // another report: from its top (and never past its end)
            return []
        case .reportScope:
            state.reports.all.toggle()
            state.reports.scroll = 0
            state.reports.map = nil
            return []
        case .showMap:
            state.reports.showMap = true
            return []
        case .showReport:
            state.reports.showMap = false
            return []
        case .panUp, .panDown, .panLeft, .panRight, .zoomIn, .zoomOut:
            var view = state.reports.map ?? MapGeometry.fit(state)
            let step = view.spanLongitude / 8
            switch command {
            case .panUp: view.centerLatitude = min(85, view.centerLatitude + step / 2)
            case .panDown: view.centerLatitude = max(-85, view.centerLatitude - step / 2)
            case .panLeft: view.centerLongitude -= step
            case .panRight: view.centerLongitude += step
            case .zoomIn: view.spanLongitude = max(0.5, view.spanLongitude / 1.5)
            default: view.spanLongitude = min(360, view.spanLongitude * 1.5)
            }
            state.reports.map = view
            return []
        case .fitMap:
            state.reports.map = nil
            return []
        default:
            return []
        }
    }

    static func render(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        renderReportsPane(&screen, state, layout)
    }

    static func status(_ state: AppState) -> PaneStatus { PaneStatus(showsCount: false) }

    static var usesWholeBody: Bool { true }
}

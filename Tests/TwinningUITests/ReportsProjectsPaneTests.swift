import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// The Reports pane's project and register lines, and project work in the screens' health marks.
final class ReportsProjectsPaneTests: XCTestCase {
    func testPaneShowsProjectLinesAndHealthCountsProjectWork() throws {
        let db = try UIFixtures.database()
        func id(_ g: Int64) throws -> Int64 { try db.city(geonameId: g)!.id! }
        let dortmund = try id(2935517), tokyo = try id(1850147)
        let pair = try db.partnerships().first { $0.partnership.involves(tokyo) }!.id
        let project = try db.addProject(Project(title: "Solar schools", status: .running, startDate: PartialDate.parse("2026-01"),
                                                themes: ["energy"], cities: [ProjectCity(cityId: dortmund, role: .lead), ProjectCity(cityId: tokyo)],
                                                partnershipIds: [pair],
                                                funding: [FundingLine(programme: "SKEW", amountMinor: 4_800_000, currency: "EUR", state: .granted)]))
        try db.addAction(ProjectAction(projectId: project.id!, what: "Order panels", ownerName: "Zofia Nowak", due: PartialDate.parse("2026-04-30")))
        try db.addAction(ProjectAction(projectId: project.id!, what: "Visit the school", due: PartialDate.parse("2026-03"),
                                       done: PartialDate.parse("2026-03-12")))
        let runner = EffectRunner(database: db, config: UserConfig(), weightsDirectory: UIFixtures.scratchWeights())
        var state = AppState(size: Size(rows: 24, columns: 80), language: .en)
        state.today = PartialDate(year: 2026, month: 5, day: 20)!
        state.homeCityId = dortmund
        UIFixtures.run(&state, runner, [.loadData(select: nil)])

        let withTokyo = state.data.partnerships.first { $0.id == pair }!
        XCTAssertNil(withTokyo.lastEvent, "no event at all")
        XCTAssertEqual(state.health(withTokyo), .active, "a running project with a done action this year counts as activity")

        let (city, partnerships, events) = reportData(state)
        let projects = reportProjectData(state, city: city)
        let report = Report.compute(scope: ReportScope(cityId: city?.id, year: 2026), city: city, partnerships: partnerships, events: events,
                                    today: state.today, projects: projects.projects, openActions: projects.openActions,
                                    projectActivity: state.data.projectActivity)
        let lines = projectReportLines(report, state).map(\.0)
        XCTAssertTrue(lines.contains("running 1 · completed 0"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("  SKEW (granted): 48,000.00 EUR"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("Overdue actions by owner: 1"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("  2026-04-30  Zofia Nowak — Order panels (Solar schools)"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("  JP 1  Events 2022–2026: 0 0 0 0 0") }, lines.joined(separator: "\n"))

        state.language = .de
        let german = projectReportLines(report, state).map(\.0)
        XCTAssertTrue(german.contains("Überfällige Aufgaben nach Zuständigen: 1"), german.joined(separator: "\n"))
        XCTAssertTrue(german.contains("  SKEW (bewilligt): 48.000,00 EUR"), german.joined(separator: "\n"))
    }
}

import Foundation
import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// UIFixtures' register with two projects: "Jeunes pour le climat" (running;
/// Dortmund leads, Amiens and Kraków take part; an overdue action, an open one
/// and a done one; funding and results) and "Online-Stammtisch" (completed,
/// Düsseldorf and Kraków: not our city's). Today is 20 May 2026 as in UIFixtures.
enum ProjectFixtures {
    static func database() throws -> AppDatabase {
        let test = try UIFixtures.database()
        // Set up as another session, so undo in a test only sees the test's own changes.
        let db = try test.session(as: ChangeActor(user: "setup"))
        func id(_ g: Int64) throws -> Int64 { try XCTUnwrap(try db.city(geonameId: g)?.id) }
        let (dortmund, amiens, krakow, dusseldorf) = (try id(2935517), try id(3037854), try id(3094802), try id(2934246))
        var climate = Project(title: "Jeunes pour le climat", summary: "A youth climate camp in three towns.", status: .running,
                              startDate: PartialDate.parse("2025-03"), endDate: PartialDate.parse("2026-10"),
                              themes: ["sdg13", "youth"],
                              goals: "Bring forty young people from three towns together to plant trees and measure what their schools emit.",
                              cities: [ProjectCity(cityId: dortmund, role: .lead), ProjectCity(cityId: amiens), ProjectCity(cityId: krakow)],
                              funding: [FundingLine(programme: "CERV town twinning", amountMinor: 2_200_000, currency: "EUR", state: .granted),
                                        FundingLine(programme: "City of Dortmund", amountMinor: 300_000, currency: "EUR", state: .paid)],
                              results: "Trees planted in two towns.",
                              indicators: [ResultIndicator(value: 42, unit: "young people"), ResultIndicator(value: 1200, unit: "trees planted")])
        let partnership = try db.partnerships().first { $0.cityA.id == dortmund && $0.cityB.id == amiens }
        climate.partnershipIds = partnership.map { [$0.id] } ?? []
        climate = try db.addProject(climate)
        _ = try db.addAction(ProjectAction(projectId: climate.id!, what: "Book the youth hostel in Amiens", ownerName: "Claire Dubois",
                                       due: PartialDate.parse("2026-04-15")))
        _ = try db.addAction(ProjectAction(projectId: climate.id!, what: "Apply for Erasmus+ funding", ownerName: "Anna Schmidt",
                                       due: PartialDate.parse("2026-06-01")))
        _ = try db.addAction(ProjectAction(projectId: climate.id!, what: "Kick-off call with the schools", due: PartialDate.parse("2026-01-10"),
                                       done: PartialDate.parse("2026-01-12")))
        try db.addProject(Project(title: "Online-Stammtisch", status: .completed, startDate: PartialDate.parse("2020-04"),
                                  endDate: PartialDate.parse("2021-06"), themes: ["digital"],
                                  cities: [ProjectCity(cityId: dusseldorf, role: .lead), ProjectCity(cityId: krakow)],
                                  results: "Monthly online evenings during the pandemic."))
        return test
    }

    /// The program after start on this database, on the Projects pane.
    static func state(size: Size = Size(rows: 24, columns: 80), language: Language = .en, pane: Bool = true) throws
        -> (AppState, EffectRunner) {
        let db = try database()
        let runner = EffectRunner(database: db, config: UserConfig(), weightsDirectory: UIFixtures.scratchWeights())
        var state = AppState(size: size, language: language)
        state.today = PartialDate(year: 2026, month: 5, day: 20)!
        state.homeCityId = try db.city(geonameId: 2935517)?.id
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        if pane { UIFixtures.press(&state, runner, .char("6")) }
        return (state, runner)
    }
}

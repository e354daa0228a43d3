import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

final class ProjectsPreviewScratch: XCTestCase {
    func testPreview() throws {
        for (size, lang) in [(Size(rows: 24, columns: 80), Language.en), (Size(rows: 16, columns: 60), .en), (Size(rows: 24, columns: 80), .de)] {
            var (state, runner) = try UIFixtures.state(size: size, language: lang)
            _ = runner
            let dortmund = state.data.register.first { $0.name == "Dortmund" }!
            let amiens = state.data.register.first { $0.name == "Amiens" }!
            let krakow = state.data.register.first { $0.name == "Kraków" }!
            let a1 = ProjectAction(id: 1, projectId: 1, what: "Book the youth hostel in Amiens", ownerName: "Claire Dubois", due: PartialDate.parse("2026-04-15"))
            let a2 = ProjectAction(id: 2, projectId: 1, what: "Apply for CERV funding", ownerName: "Anna Schmidt", due: PartialDate.parse("2026-06-01"))
            let a3 = ProjectAction(id: 3, projectId: 1, what: "Kick-off call with the schools", due: PartialDate.parse("2026-01-10"), done: PartialDate.parse("2026-01-12"))
            let a4 = ProjectAction(id: 4, projectId: 1, what: "Plant trees in Kraków", due: PartialDate.parse("2026-10"))
            var p = Project(id: 1, title: "Jeunes pour le climat", status: .running, startDate: PartialDate.parse("2025-03"), endDate: PartialDate.parse("2026-10"),
                            themes: ["sdg13", "youth"], goals: "Bring forty young people from three towns together to plant trees and measure what their schools emit.",
                            cities: [ProjectCity(cityId: dortmund.id, role: .lead), ProjectCity(cityId: amiens.id), ProjectCity(cityId: krakow.id)],
                            funding: [FundingLine(programme: "CERV town twinning", amountMinor: 2_200_000, currency: "EUR", state: .granted),
                                      FundingLine(programme: "City of Dortmund", amountMinor: 300_000, currency: "EUR", state: .paid)],
                            results: "Tree planting in two towns.", indicators: [ResultIndicator(value: 42, unit: "young people"), ResultIndicator(value: 1200, unit: "trees planted")])
            p.summary = "A youth climate camp."
            let s1 = ProjectSummary(id: 1, title: p.title, status: .running, startDate: p.startDate, endDate: p.endDate, themes: p.themes,
                                    cities: [.init(city: dortmund, role: .lead), .init(city: amiens, role: .partner), .init(city: krakow, role: .partner)],
                                    nextAction: a1, openActions: 3, overdueActions: 1, version: 1, titleKey: "jeunes")
            let s2 = ProjectSummary(id: 2, title: "Online-Stammtisch", status: .completed, startDate: PartialDate.parse("2020-04"), endDate: PartialDate.parse("2021-06"), themes: ["digital"],
                                    cities: [.init(city: dortmund, role: .lead), .init(city: amiens, role: .partner)],
                                    nextAction: nil, openActions: 0, overdueActions: 0, version: 1, titleKey: "online")
            _ = reduce(&state, .projectsLoaded(.list([s1, s2])))
            state.status = nil
            let detail = ProjectDetail(project: p, cities: s1.cities, partnerships: [state.data.partnerships[0]], contacts: [], actions: [a1, a2, a4, a3], events: [])
            _ = reduce(&state, .key(.char("6")))
            _ = reduce(&state, .projectsLoaded(.detail(detail)))
            print(render(state).lines().joined(separator: "\n"))
            _ = reduce(&state, .key(.enter))
            print(render(state).lines().joined(separator: "\n"))
            _ = reduce(&state, .key(.down))
            _ = reduce(&state, .key(.char("a")))
            for c in "Flyer" { _ = reduce(&state, .key(.char(c))) }
            _ = reduce(&state, .key(.tab))
            for c in "1.7." { _ = reduce(&state, .key(.char(c))) }
            print(render(state).lines().joined(separator: "\n"))
            _ = reduce(&state, .key(.escape)); _ = reduce(&state, .key(.char("y")))
            _ = reduce(&state, .key(.escape))
            _ = reduce(&state, .key(.char("e")))
            print(render(state).lines().joined(separator: "\n"))
            _ = reduce(&state, .key(.escape))
            _ = reduce(&state, .key(.char("2")))
            print(render(state).lines().joined(separator: "\n"))
        }
    }
}

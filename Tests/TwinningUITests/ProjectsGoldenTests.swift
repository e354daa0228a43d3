import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Golden screens of the Projects pane: the list with the detail, the detail
/// with its actions (Enter), the project and action forms, at 80×24 and
/// 60×16 (and 100×30 side by side), in English and German; the partnership
/// detail with its projects.
final class ProjectsGoldenTests: XCTestCase {
    static let sizes = [Size(rows: 24, columns: 80), Size(rows: 16, columns: 60)]

    func name(_ base: String, _ size: Size) -> String { "\(base)-\(size.columns)x\(size.rows)" }

    func testTheListWithTheDetail() throws {
        for size in Self.sizes + [Size(rows: 30, columns: 100)] {
            let (state, _) = try ProjectFixtures.state(size: size)
            assertGolden(render(state), name("projects", size))
        }
        let (german, _) = try ProjectFixtures.state(language: .de)
        assertGolden(render(german), "projects-de-80x24")
        let (french, _) = try ProjectFixtures.state(language: .fr)
        assertGolden(render(french), "fr-projects-80x24")
    }

    func testTheDetailWithItsActions() throws {
        for size in Self.sizes {
            var (state, runner) = try ProjectFixtures.state(size: size)
            UIFixtures.press(&state, runner, .enter, .down)
            assertGolden(render(state), name("projects-detail", size))
        }
        var (german, runner) = try ProjectFixtures.state(language: .de)
        UIFixtures.press(&german, runner, .enter)
        assertGolden(render(german), "projects-detail-de-80x24")
    }

    func testTheProjectForm() throws {
        for size in Self.sizes {
            var (state, runner) = try ProjectFixtures.state(size: size)
            UIFixtures.press(&state, runner, .char("e"))
            assertGolden(render(state), name("form-project", size))
        }
        // A new project with a city nobody is called, and funding without a currency.
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .char("n"))
        UIFixtures.type(&state, runner, "Smart City")
        UIFixtures.press(&state, runner, .tab)
        UIFixtures.type(&state, runner, "Amiens; Atlantis")
        for _ in 0..<7 { UIFixtures.press(&state, runner, .tab) }
        UIFixtures.type(&state, runner, "Erasmus+ 5000 granted")
        UIFixtures.press(&state, runner, .function(2))
        assertGolden(render(state), "form-project-errors-80x24")
    }

    func testTheActionForm() throws {
        for size in Self.sizes {
            var (state, runner) = try ProjectFixtures.state(size: size)
            UIFixtures.press(&state, runner, .char("a"))
            UIFixtures.type(&state, runner, "Print flyers")
            UIFixtures.press(&state, runner, .tab)
            UIFixtures.type(&state, runner, "1.7.")
            assertGolden(render(state), name("form-action", size))
        }
        var (german, runner) = try ProjectFixtures.state(language: .de)
        UIFixtures.press(&german, runner, .char("a"))
        UIFixtures.type(&german, runner, "Flyer drucken")
        UIFixtures.press(&german, runner, .tab)
        UIFixtures.type(&german, runner, "1.7.")
        assertGolden(render(german), "form-action-de-80x24")
    }

    func testThePartnershipDetailWithItsProjects() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .char("2"))
        assertGolden(render(state), "partnership-projects-80x24")
    }
}

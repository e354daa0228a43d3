import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// The Projects pane (6): list, filters, detail, the project and action
/// forms, marking done with undo, deleting with a question — on a real
/// in-memory database, through `reduce` and `EffectRunner` as the program runs.
final class ProjectsPaneTests: XCTestCase {
    func chars(_ text: String) -> [Key] { text.map { Key.char($0) } }

    func press(_ state: inout AppState, _ runner: EffectRunner, _ keys: [Key], count: inout Int) {
        for key in keys {
            UIFixtures.press(&state, runner, key)
            count += 1
        }
    }

    func testTheListShowsStatusCitiesThemesNextDueAndTheOverdueMark() throws {
        let (state, _) = try ProjectFixtures.state()
        XCTAssertEqual(state.pane, .projects)
        XCTAssertEqual(state.projects.all.map(\.title), ["Jeunes pour le climat", "Online-Stammtisch"])
        let lines = render(state).lines()
        let climate = try XCTUnwrap(lines.first { $0.contains("Jeunes pour le") })
        XCTAssertTrue(climate.hasPrefix("> !"), "selected and overdue: \(climate)")
        XCTAssertTrue(climate.contains("running") && climate.contains("Amiens") && climate.contains("Climate acti"), climate)
        XCTAssertTrue(climate.contains("2026-04-15"), "the next due date: \(climate)")
        let online = try XCTUnwrap(lines.first { $0.contains("Online-Stammtisch") })
        XCTAssertFalse(online.contains("!"), "nothing overdue: \(online)")
        XCTAssertTrue(lines[Layout(state.size).statusRow].contains("1 with overdue actions · 2 of 2"))
    }

    func testTheDetailShowsGoalsCitiesActionsFundingAndResults() throws {
        var (state, runner) = try ProjectFixtures.state(size: Size(rows: 40, columns: 100))
        UIFixtures.press(&state, runner, .enter)
        XCTAssertTrue(state.projects.inDetail)
        let text = render(state).lines().joined(separator: "\n")
        for expected in ["Jeunes pour le climat — running · 2025-03 – 2026-10", "Dortmund (DE, lead) · Amiens (FR, partner) · Kraków (PL, partner)",
                         "Goals: Bring forty young people", "Actions: 2 open, 1 done · 1 overdue",
                         "! 2026-04-15  Book the youth hostel in Amiens — Claire Dubois", "✓ 2026-01-12  Kick-off call with the schools",
                         "CERV town twinning  22,000.00 EUR  granted", "Results: 42 young people · 1,200 trees planted — Trees planted",
                         "Partnerships: Dortmund ↔ Amiens", "Themes: Climate action, Youth and schools"] {
            XCTAssertTrue(text.contains(expected), "missing “\(expected)” in\n\(text)")
        }
        UIFixtures.press(&state, runner, .escape)
        XCTAssertFalse(state.projects.inDetail, "Esc backs out of the detail")
    }

    func testWhatDoesNotFitIsCounted() throws {
        var (state, runner) = try ProjectFixtures.state(size: Size(rows: 16, columns: 60))
        let text = render(state).lines().joined(separator: "\n")
        XCTAssertTrue(text.contains("… 2 more") || text.contains("… 1 more"), text)
        UIFixtures.press(&state, runner, .enter)
        XCTAssertTrue(render(state).lines().joined(separator: "\n").contains("more"))
    }

    func testFiltersByStatusThemeOurCityAndTextAndEscClearsThemAll() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .char("o"))
        XCTAssertEqual(state.projects.visible.count, 1, "Online-Stammtisch is Düsseldorf's and Kraków's")
        UIFixtures.press(&state, runner, .char("o"), .char("s"))
        XCTAssertEqual(state.projects.status, .idea)
        XCTAssertEqual(state.projects.visible.count, 0)
        XCTAssertTrue(render(state).lines().joined().contains("The filters hide all 2 projects"))
        UIFixtures.press(&state, runner, .char("s"), .char("s"), .char("s"))
        XCTAssertEqual(state.projects.status, .completed)
        XCTAssertEqual(state.selectedProject?.title, "Online-Stammtisch")
        UIFixtures.press(&state, runner, .escape)
        XCTAssertNil(state.projects.status)
        UIFixtures.press(&state, runner, .char("t"))
        XCTAssertEqual(state.projects.theme, .sdg13, "the themes the projects use, in vocabulary order")
        XCTAssertEqual(state.projects.visible.count, 1)
        UIFixtures.press(&state, runner, .char("t"), .char("t"))
        XCTAssertEqual(state.projects.theme, .digital)
        XCTAssertEqual(state.selectedProject?.title, "Online-Stammtisch")
        UIFixtures.press(&state, runner, .escape, .char("/"))
        UIFixtures.type(&state, runner, "krakow")
        XCTAssertEqual(state.projects.visible.count, 2, "a city's name, accents ignored")
        UIFixtures.type(&state, runner, " climat")
        XCTAssertEqual(state.projects.visible.count, 1)
        UIFixtures.press(&state, runner, .escape)
        XCTAssertEqual(state.projects.filter, "")
        XCTAssertEqual(state.projects.visible.count, 2)
    }

    func testAddingAnActionToTheSelectedProjectTakesAFewKeys() throws {
        var (state, runner) = try ProjectFixtures.state()
        var count = 0
        press(&state, runner, [.char("a")], count: &count)                     // 1: new action for the selected project
        XCTAssertEqual(state.form?.subtitle, "Jeunes pour le climat")
        XCTAssertEqual(state.form?.focused.id, .what)
        let what = "Print flyers"
        press(&state, runner, chars(what), count: &count)
        press(&state, runner, [.tab], count: &count)                            // due date
        press(&state, runner, chars("1.7."), count: &count)
        press(&state, runner, [.enter], count: &count)                          // Enter saves from any field
        XCTAssertNil(state.form, "saved: \(String(describing: state.status))")
        XCTAssertEqual(count - what.count - 4, 3, "a, Tab, Enter besides what is typed")
        let actions = try runner.database.actions(projectId: state.selectedProject!.id)
        let added = try XCTUnwrap(actions.first { $0.what == what })
        XCTAssertEqual(added.due?.iso, "2026-07-01")
        XCTAssertEqual(state.status?.text, "Added the action “Print flyers”.")
        XCTAssertEqual(state.selectedProject?.title, "Jeunes pour le climat", "still on the project")
        XCTAssertTrue(state.projectDetail?.actions.contains { $0.what == what } ?? false, "the detail was read again")
    }

    func testSpaceMarksTheNextActionDoneAndUndoTakesItBack() throws {
        var (state, runner) = try ProjectFixtures.state()
        XCTAssertEqual(state.selectedProjectAction?.what, "Book the youth hostel in Amiens", "the first open action, marked ▸")
        XCTAssertTrue(render(state).lines().joined(separator: "\n").contains("▸ ! 2026-04-15  Book the youth hostel"))
        UIFixtures.press(&state, runner, .char(" "))
        XCTAssertEqual(state.status?.text, "Done: “Book the youth hostel in Amiens” (2026-05-20). u undoes it.")
        var done = try runner.database.actions(projectId: state.selectedProject!.id).first { $0.what.hasPrefix("Book") }
        XCTAssertEqual(done?.done?.iso, "2026-05-20")
        XCTAssertFalse(state.selectedProject!.isOverdue, "nothing overdue any more")
        XCTAssertEqual(state.selectedProjectAction?.what, "Apply for Erasmus+ funding", "the next one is next")
        UIFixtures.press(&state, runner, .char("u"))
        done = try runner.database.actions(projectId: state.selectedProject!.id).first { $0.what.hasPrefix("Book") }
        XCTAssertNil(done?.done, "undone")
        XCTAssertTrue(state.selectedProject!.isOverdue)
    }

    func testInTheDetailTheChosenActionIsMarkedAndAnActionAlreadyDoneSaysSo() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .enter, .down, .down)
        XCTAssertEqual(state.selectedProjectAction?.what, "Kick-off call with the schools")
        UIFixtures.press(&state, runner, .char("d"))
        XCTAssertEqual(state.status?.kind, .warning)
        XCTAssertTrue(state.status?.text.contains("is done already") ?? false)
        UIFixtures.press(&state, runner, .up, .char("d"))
        XCTAssertEqual(try runner.database.actions(projectId: state.selectedProject!.id).filter(\.isDone).count, 2)
        XCTAssertTrue(state.projects.inDetail, "still in the detail after the reload")
    }

    func testDeletingAProjectAsksFirstWithNoAsTheDefault() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .delete)
        XCTAssertEqual(state.confirmation?.purpose, .deleteProject(state.selectedProject!.id))
        XCTAssertTrue(state.confirmation!.message.contains("Actions deleted with it: 3."), state.confirmation!.message)
        UIFixtures.press(&state, runner, .enter)
        XCTAssertNil(state.confirmation)
        XCTAssertEqual(state.projects.all.count, 2, "Enter takes the default: No")
        UIFixtures.press(&state, runner, .char("D"), .char("y"))
        XCTAssertEqual(state.projects.all.map(\.title), ["Online-Stammtisch"])
        UIFixtures.press(&state, runner, .char("u"))
        XCTAssertEqual(state.projects.all.count, 2, "undo brings it back")
        XCTAssertEqual(try runner.database.actions(projectId: state.projects.all[0].id).count, 3, "with its actions")
    }

    func testDeletingAnActionAsksFirst() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .enter, .down, .char("D"))
        XCTAssertEqual(state.confirmation?.message, "Delete the action “Apply for Erasmus+ funding”?")
        UIFixtures.press(&state, runner, .char("y"))
        XCTAssertEqual(try runner.database.actions(projectId: state.selectedProject!.id).count, 2)
    }

    func testANewProjectIsCheckedBeforeItIsSaved() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .char("n"))
        XCTAssertEqual(state.form?.field(.projectCities)?.text, "Dortmund; ", "our city is filled in")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.form?.field(.title)?.error, "Please fill in Title.")
        XCTAssertEqual(state.form?.field(.projectCities)?.error, "A project needs at least two cities, separated by ;")
        UIFixtures.type(&state, runner, "Smart City Austausch")
        UIFixtures.press(&state, runner, .tab)
        UIFixtures.type(&state, runner, "Amiens; Atlantis")
        for _ in 0..<7 { UIFixtures.press(&state, runner, .tab) }
        XCTAssertEqual(state.form?.focused.id, .funding)
        UIFixtures.type(&state, runner, "Erasmus+ 5000 granted")
        UIFixtures.press(&state, runner, .tab, .tab)
        UIFixtures.type(&state, runner, "viele Leute")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.form?.field(.projectCities)?.error?.hasPrefix("No city is called “Atlantis”."), true,
                       String(describing: state.form?.field(.projectCities)?.error))
        XCTAssertEqual(state.form?.field(.funding)?.error, "Funding “Erasmus+ 5000 granted”: give the currency as a code, e.g. 22000 EUR.")
        XCTAssertEqual(state.form?.field(.indicators)?.error?.hasPrefix("Indicator “viele Leute”"), true)
        XCTAssertEqual(state.form?.focused.id, .projectCities, "the first field in error")
        XCTAssertEqual(state.projects.all.count, 2, "nothing saved")
        // Corrected: Amiens leads because it says so.
        UIFixtures.press(&state, runner, .ctrl("u"))
        UIFixtures.type(&state, runner, "Dortmund; Amiens (lead); Kraków")
        for _ in 0..<7 { UIFixtures.press(&state, runner, .tab) }
        UIFixtures.press(&state, runner, .ctrl("u"))
        UIFixtures.type(&state, runner, "Erasmus+ 5.000 € granted")
        UIFixtures.press(&state, runner, .tab, .tab, .ctrl("u"))
        UIFixtures.type(&state, runner, "12 schools")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.form, String(describing: state.status))
        XCTAssertEqual(state.selectedProject?.title, "Smart City Austausch", "the new project is selected")
        let detail = try XCTUnwrap(state.projectDetail)
        XCTAssertEqual(detail.cities.map(\.city.name), ["Amiens", "Dortmund", "Kraków"], "lead first")
        XCTAssertEqual(detail.project.cities.first { $0.role == .lead }.map { c in detail.cities.first { $0.city.id == c.cityId }!.city.name },
                       "Amiens")
        XCTAssertEqual(detail.project.funding, [FundingLine(programme: "Erasmus+", amountMinor: 500_000, currency: "EUR", state: .granted)])
        XCTAssertEqual(detail.project.indicators, [ResultIndicator(value: 12, unit: "schools")])
        XCTAssertEqual(detail.project.status, .planned)
        XCTAssertEqual(detail.partnerships.map { "\($0.cityA.name) ↔ \($0.cityB.name)" }, ["Dortmund ↔ Amiens"],
                       "the partnership between two of its cities")
    }

    func testEditingKeepsEveryValueAndReadsBackTheSame() throws {
        var (state, runner) = try ProjectFixtures.state(language: .de)
        UIFixtures.press(&state, runner, .char("e"))
        let form = try XCTUnwrap(state.form)
        XCTAssertEqual(form.field(.projectCities)?.text, "Dortmund; Amiens; Kraków")
        XCTAssertEqual(form.field(.funding)?.text, "CERV town twinning 22000.00 EUR bewilligt; City of Dortmund 3000.00 EUR ausgezahlt")
        XCTAssertEqual(form.field(.indicators)?.text, "42 young people; 1.200 trees planted")
        XCTAssertEqual(form.field(.themes)?.text, "Maßnahmen zum Klimaschutz, Jugend und Schulen")
        let before = try XCTUnwrap(try runner.database.project(id: state.selectedProject!.id))
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.form, String(describing: state.status))
        var after = try XCTUnwrap(try runner.database.project(id: before.id!))
        XCTAssertEqual(after.version, before.version + 1)
        after.version = before.version
        XCTAssertEqual(after, before, "saving unchanged loses or changes nothing")
    }

    func testSomeoneElsesSaveMeanwhileIsAskedAbout() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .char("e"))
        let other = try runner.database.session(as: ChangeActor(user: "other"))
        var theirs = try XCTUnwrap(try other.project(id: state.selectedProject!.id))
        theirs.notes = "changed by the other volunteer"
        try other.updateProject(theirs)
        UIFixtures.type(&state, runner, " 2026")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.confirmation?.purpose, .conflict)
        UIFixtures.press(&state, runner, .char("r"))
        XCTAssertEqual(state.form?.field(.notes)?.text, "changed by the other volunteer", "their version, reloaded")
        XCTAssertEqual(state.form?.field(.title)?.text, "Jeunes pour le climat")
    }

    func testMarkingDoneWhatSomeoneElseChangedSaysSoInsteadOfOverwriting() throws {
        var (state, runner) = try ProjectFixtures.state()
        let other = try runner.database.session(as: ChangeActor(user: "other"))
        var action = try XCTUnwrap(state.selectedProjectAction)
        action.what = "Book the hostel (changed)"
        try other.updateAction(action)
        UIFixtures.press(&state, runner, .char("d"))
        XCTAssertEqual(state.status?.kind, .error)
        XCTAssertNil(try runner.database.actions(projectId: action.projectId).first { $0.id == action.id }?.done)
    }

    func testTheEventFormOffersThePartnershipsProjectsAndLinksTheEvent() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        let field = try XCTUnwrap(state.form?.field(.project))
        XCTAssertEqual(field.partnershipId, state.form?.field(.partnership)?.partnershipId, "filled for Dortmund ↔ Amiens")
        guard case .choice(let values) = field.kind else { return XCTFail("a choice") }
        XCTAssertEqual(values.map { EventProjectField.label($0, .en) }, ["none", "Jeunes pour le climat"])
        UIFixtures.type(&state, runner, "14.5.")
        let index = try XCTUnwrap(state.form?.index(of: .project))
        while state.form!.focus < index { UIFixtures.press(&state, runner, .tab) }
        UIFixtures.press(&state, runner, .right, .function(2))
        XCTAssertNil(state.form, String(describing: state.status))
        let event = try XCTUnwrap(state.selectedEvent)
        XCTAssertEqual(event.event.projectId, state.projects.all.first { $0.title == "Jeunes pour le climat" }?.id)
        // Editing shows it chosen; another partnership offers only its own projects.
        UIFixtures.press(&state, runner, .char("e"))
        XCTAssertEqual(state.form.flatMap { EventProjectField.chosen($0.field(.project)!) }, event.event.projectId)
        UIFixtures.press(&state, runner, .escape)
        UIFixtures.press(&state, runner, .char("n"), .backTab)
        UIFixtures.press(&state, runner, .ctrl("u"))
        UIFixtures.type(&state, runner, "Düsseldorf")
        UIFixtures.press(&state, runner, .enter)
        guard case .choice(let other) = state.form!.field(.project)!.kind else { return XCTFail("a choice") }
        XCTAssertEqual(other.map { EventProjectField.label($0, .en) }, ["none", "Online-Stammtisch"], "Düsseldorf ↔ Kraków's project, not Dortmund's")
    }

    func testThePartnershipDetailListsItsProjectsAndTheirState() throws {
        var (state, runner) = try ProjectFixtures.state()
        UIFixtures.press(&state, runner, .char("2"))
        XCTAssertEqual(state.selectedPartnership.map { "\($0.cityA.name) ↔ \($0.cityB.name)" }, "Dortmund ↔ Amiens")
        let text = render(state).lines().joined(separator: "\n")
        XCTAssertTrue(text.contains("Projects: Jeunes pour le climat (running, 1 overdue)"), text)
        XCTAssertTrue(text.contains("Latest events"), "the events keep a line")
    }

    func testTheOtherKeysAreInTheHelpAndWorkInAReadOnlySessionOnlyWhereNothingChanges() throws {
        var (state, runner) = try ProjectFixtures.state()
        state.readOnly = true
        UIFixtures.press(&state, runner, .char("a"))
        XCTAssertNil(state.form)
        XCTAssertEqual(state.status?.text, tr(.readOnlyRefused, .en))
        UIFixtures.press(&state, runner, .char(" "))
        XCTAssertNil(try runner.database.actions(projectId: state.selectedProject!.id).first { $0.what.hasPrefix("Book") }?.done)
        XCTAssertFalse(render(state).lines().last!.contains("Action"), "the bar leaves out what a read-only session refuses")
    }
}

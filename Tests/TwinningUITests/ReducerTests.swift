import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// The reducer, action by action, with the real effect runner on an in-memory database.
final class ReducerTests: XCTestCase {
    func names(_ state: AppState) -> [String] { state.cities.visible.map { state.cityRows[$0].name } }

    func testStartShowsTheRegisterWithTheHomeCityFirst() throws {
        let (state, _) = try UIFixtures.state()
        XCTAssertEqual(state.pane, .cities)
        XCTAssertEqual(names(state).first, "Dortmund")
        XCTAssertEqual(Set(names(state)), ["Dortmund", "Amiens", "Düsseldorf", "Kraków", "東京", "Münster", "Αθήνα"], "Ełk has no partner")
        XCTAssertEqual(state.cityDetail?.city.name, "Dortmund", "the detail of the selection is loaded")
        XCTAssertEqual(state.cityDetail?.partners.count, 2)
        XCTAssertEqual(state.keyContexts, [.cities, .list, .global])
    }

    func testMovingTheSelectionAndScrolling() throws {
        var (state, runner) = try UIFixtures.state(size: Size(rows: 16, columns: 60))
        let page = Layout(state.size).listDataRows
        XCTAssertEqual(page, 5, "60×16 leaves five list rows above the detail")
        UIFixtures.press(&state, runner, .down)
        XCTAssertEqual(state.cities.list.selection, 1)
        XCTAssertEqual(state.cityDetail?.city.id, state.selectedCity?.id)
        UIFixtures.press(&state, runner, .char("j"), .char("j"))
        XCTAssertEqual(state.cities.list.selection, 3)
        UIFixtures.press(&state, runner, .char("k"))
        XCTAssertEqual(state.cities.list.selection, 2)
        UIFixtures.press(&state, runner, .end)
        XCTAssertEqual(state.cities.list.selection, 6)
        XCTAssertEqual(state.cities.list.scroll, 2, "the last row is visible")
        UIFixtures.press(&state, runner, .down)
        XCTAssertEqual(state.cities.list.selection, 6, "stays on the last row")
        UIFixtures.press(&state, runner, .home)
        XCTAssertEqual(state.cities.list.selection, 0)
        XCTAssertEqual(state.cities.list.scroll, 0)
        UIFixtures.press(&state, runner, .pageDown)
        XCTAssertEqual(state.cities.list.selection, 5)
        UIFixtures.press(&state, runner, .pageUp)
        XCTAssertEqual(state.cities.list.selection, 0)
    }

    func testFilterAsYouTypeIgnoresCaseAndDiacritics() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("/"))
        XCTAssertTrue(state.editingFilter)
        XCTAssertEqual(state.keyContexts, [.filter])
        UIFixtures.type(&state, runner, "DUS")
        XCTAssertEqual(names(state), ["Düsseldorf"])
        XCTAssertEqual(state.cityDetail?.city.name, "Düsseldorf")
        UIFixtures.press(&state, runner, .backspace, .backspace, .backspace)
        UIFixtures.type(&state, runner, "krakow")
        XCTAssertEqual(names(state), ["Kraków"])
        UIFixtures.press(&state, runner, .enter)
        XCTAssertFalse(state.editingFilter)
        XCTAssertEqual(state.cities.filter, "krakow", "Enter keeps the filter")
        UIFixtures.press(&state, runner, .escape)
        XCTAssertEqual(state.cities.filter, "", "Esc in the list clears it")
        UIFixtures.press(&state, runner, .char("/"))
        UIFixtures.type(&state, runner, "athina")
        XCTAssertEqual(names(state), ["Αθήνα"], "found by its ASCII name")
        UIFixtures.press(&state, runner, .escape)
        XCTAssertEqual(state.cities.visible.count, 7)
        UIFixtures.press(&state, runner, .char("/"))
        UIFixtures.type(&state, runner, "東")
        XCTAssertEqual(names(state), ["東京"])
        UIFixtures.type(&state, runner, "x")
        XCTAssertEqual(names(state), [])
        XCTAssertNil(state.selectedCity)
    }

    func testScopeToggleShowsTheWholeGazetteer() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("a"))
        XCTAssertEqual(state.cities.scope, .gazetteer)
        XCTAssertEqual(state.cities.visible.count, 8)
        XCTAssertEqual(names(state).first, "東京", "largest first")
        XCTAssertEqual(state.selectedCity?.name, "Dortmund", "the selection is kept")
        UIFixtures.press(&state, runner, .char("a"))
        XCTAssertEqual(state.cities.scope, .register)
    }

    func testEnterOnAPartnerOpensThePartnership() throws {
        var (state, runner) = try UIFixtures.state()
        XCTAssertEqual(state.selectedCity?.name, "Dortmund")
        UIFixtures.press(&state, runner, .enter)
        XCTAssertTrue(state.cities.inPartners)
        UIFixtures.press(&state, runner, .down)
        XCTAssertEqual(state.cities.partnerSelection, 1)
        let chosen = state.cityDetail!.partners[1]
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(state.pane, .partnerships)
        XCTAssertEqual(state.selectedPartnership?.id, chosen.id)
        XCTAssertEqual(state.partnershipInfo?.partnershipId, chosen.id)
    }

    func testPaneSwitchingKeys() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .tab)
        XCTAssertEqual(state.pane, .partnerships)
        UIFixtures.press(&state, runner, .tab)
        XCTAssertEqual(state.pane, .events)
        UIFixtures.press(&state, runner, .tab)
        XCTAssertEqual(state.pane, .matches)
        UIFixtures.press(&state, runner, .tab)
        XCTAssertEqual(state.pane, .reports)
        UIFixtures.press(&state, runner, .tab)
        XCTAssertEqual(state.pane, .projects)
        UIFixtures.press(&state, runner, .tab)
        XCTAssertEqual(state.pane, .cities, "Tab wraps around")
        UIFixtures.press(&state, runner, .backTab)
        XCTAssertEqual(state.pane, .projects)
        UIFixtures.press(&state, runner, .backTab, .backTab, .backTab)
        XCTAssertEqual(state.pane, .events)
        UIFixtures.press(&state, runner, .char("3"))
        XCTAssertEqual(state.pane, .events)
        UIFixtures.press(&state, runner, .char("1"))
        XCTAssertEqual(state.pane, .cities)
        UIFixtures.press(&state, runner, .char("2"))
        XCTAssertEqual(state.pane, .partnerships)
        XCTAssertEqual(state.keyContexts, [.partnerships, .list, .global])
    }

    func testPartnershipsListHomeFirstAndSorts() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"))
        func pairs() -> [String] {
            state.partnerships.visible.map { let d = state.data.partnerships[$0]; return "\(d.cityA.name)-\(d.cityB.name)" }
        }
        XCTAssertEqual(pairs().prefix(2).map { $0.contains("Dortmund") }, [true, true], "home city's partnerships first")
        UIFixtures.press(&state, runner, .char("s"))
        XCTAssertEqual(state.partnerships.sort, .since)
        XCTAssertEqual(state.data.partnerships[state.partnerships.visible[0]].partnership.since?.year, 1960)
        XCTAssertEqual(state.data.partnerships[state.partnerships.visible[2]].partnership.since?.year, 1982)
        UIFixtures.press(&state, runner, .char("s"))
        XCTAssertEqual(state.partnerships.sort, .lastEvent)
        XCTAssertNotNil(state.data.partnerships[state.partnerships.visible[0]].lastEvent)
        UIFixtures.press(&state, runner, .char("/"))
        UIFixtures.type(&state, runner, "αθη")
        XCTAssertEqual(pairs().count, 1)
        XCTAssertTrue(pairs()[0].contains("Αθήνα"))
    }

    func testDeleteAsksAndDefaultsToNo() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"))
        let before = try runner.database.counts().partnerships
        let target = state.selectedPartnership!
        UIFixtures.press(&state, runner, .char("d"))
        XCTAssertEqual(state.confirmation?.purpose, .deletePartnership(target.id))
        XCTAssertTrue(state.confirmation!.message.contains(target.cityA.name))
        XCTAssertTrue(state.confirmation!.message.contains("and its one event?"), state.confirmation!.message)
        XCTAssertFalse(state.confirmation!.yesSelected)
        UIFixtures.press(&state, runner, .enter)
        XCTAssertNil(state.confirmation)
        XCTAssertEqual(try runner.database.counts().partnerships, before, "Enter takes the default: No")
        UIFixtures.press(&state, runner, .char("d"), .escape)
        XCTAssertEqual(try runner.database.counts().partnerships, before)
        UIFixtures.press(&state, runner, .char("d"), .char("y"))
        XCTAssertEqual(try runner.database.counts().partnerships, before - 1)
        XCTAssertEqual(try runner.database.counts().events, 0, "its event went with it")
        XCTAssertTrue(state.status!.text.contains("Deleted"))
        XCTAssertFalse(state.data.partnerships.contains { $0.id == target.id })
    }

    func testNewPartnershipWithTypeAheadPicker() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"), .char("n"))
        var form = try XCTUnwrap(state.form)
        XCTAssertEqual(form.field(.cityA)?.text, "Dortmund", "home city prefilled")
        XCTAssertEqual(form.focus, 1, "focus on the partner")
        UIFixtures.type(&state, runner, "elk")
        form = state.form!
        XCTAssertEqual(form.field(.cityB)?.suggestions.map { state.data.gazetteer[$0].name }, ["Ełk"])
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(state.form?.field(.cityB)?.text, "Ełk")
        XCTAssertEqual(state.form?.focus, 2)
        UIFixtures.press(&state, runner, .right)
        XCTAssertEqual(state.form?.field(.type)?.choice, 1, "friendship")
        UIFixtures.press(&state, runner, .tab, .tab)
        UIFixtures.type(&state, runner, "14.5.2001")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.form, "saved and closed")
        let saved = try XCTUnwrap(state.selectedPartnership)
        XCTAssertEqual(Set([saved.cityA.name, saved.cityB.name]), ["Dortmund", "Ełk"])
        XCTAssertEqual(saved.partnership.type, .friendship)
        XCTAssertEqual(saved.partnership.since?.iso, "2001-05-14")
        XCTAssertTrue(state.data.register.contains { $0.name == "Ełk" }, "Ełk joins the register")
    }

    func testPartnershipFormRefusesDuplicatesSelfPairsAndBadDates() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"), .char("n"))
        UIFixtures.type(&state, runner, "amiens")
        UIFixtures.press(&state, runner, .enter, .function(2))
        XCTAssertNotNil(state.form, "stays open")
        XCTAssertTrue(state.form!.field(.cityB)!.error!.contains("already partners"))
        // Same city on both sides.
        for _ in 0..<6 { UIFixtures.press(&state, runner, .backspace) }
        UIFixtures.type(&state, runner, "dortmund")
        UIFixtures.press(&state, runner, .enter, .function(2))
        XCTAssertEqual(state.form?.field(.cityB)?.error, "A city cannot be partnered with itself.")
        // A partner typed but not chosen, and a date that is not one.
        for _ in 0..<8 { UIFixtures.press(&state, runner, .backspace) }
        UIFixtures.type(&state, runner, "krak")
        if let since = state.form?.index(of: .since) { state.form?.fields[since].text = "31.02.2020" }
        UIFixtures.press(&state, runner, .ctrl("s"))
        XCTAssertTrue(state.form!.field(.cityB)!.error!.contains("choose a city from the list"))
        XCTAssertTrue(state.form!.field(.since)!.error!.contains("is not a date"))
        XCTAssertEqual(state.form?.focus, state.form?.index(of: .cityB), "focus goes to the first error")
        XCTAssertEqual(state.form?.field(.cityB)?.text, "krak", "what was typed is kept")
        XCTAssertEqual(try runner.database.counts().partnerships, 4)
    }

    func testCancelAsksOnlyWhenSomethingWasTyped() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("n"))
        XCTAssertEqual(state.form?.kind, .newCity)
        UIFixtures.press(&state, runner, .escape)
        XCTAssertNil(state.form, "nothing typed: closes at once")
        UIFixtures.press(&state, runner, .char("n"))
        UIFixtures.type(&state, runner, "Neu")
        UIFixtures.press(&state, runner, .escape)
        XCTAssertEqual(state.confirmation?.purpose, .discardForm)
        UIFixtures.press(&state, runner, .char("n"))
        XCTAssertEqual(state.form?.field(.name)?.text, "Neu", "No keeps the form")
        UIFixtures.press(&state, runner, .escape, .char("y"))
        XCTAssertNil(state.form)
        XCTAssertNil(state.confirmation)
    }

    func testNewCityValidationKeepsTheFormOpen() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("n"))
        UIFixtures.type(&state, runner, "Neustadt am Rübenberge")
        UIFixtures.press(&state, runner, .tab)
        UIFixtures.type(&state, runner, "Deutschland")
        UIFixtures.press(&state, runner, .tab, .tab)
        UIFixtures.type(&state, runner, "viele")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.form?.field(.country)?.error, "Country code: two letters such as DE or FR.")
        XCTAssertEqual(state.form?.field(.population)?.error, "Population: “viele” is not a whole number.")
        XCTAssertEqual(state.status?.kind, .error)
        // Fix both and save.
        let country = state.form!.index(of: .country)!, population = state.form!.index(of: .population)!
        state.form?.fields[country].text = "de"
        state.form?.fields[population].text = "44.000"
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.form)
        XCTAssertEqual(state.selectedCity?.name, "Neustadt am Rübenberge")
        XCTAssertEqual(state.cityDetail?.city.population, 44000)
        XCTAssertEqual(state.cityDetail?.city.countryCode, "DE")
        XCTAssertTrue(state.cityDetail!.city.addedByUser)
    }

    func testEditCityProfile() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("e"))
        XCTAssertEqual(state.form?.field(.themes)?.text, "Youth and schools, Climate action")
        UIFixtures.type(&state, runner, ", smart city")
        UIFixtures.press(&state, runner, .ctrl("s"))
        XCTAssertNil(state.form)
        XCTAssertEqual(state.cityDetail?.city.themes, ["youth", "sdg13", "digital"])
        XCTAssertEqual(state.status?.text, "Saved Dortmund.")
    }

    func testAStaleEditIsRefusedPlainly() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("e"))
        // Someone else saves the city meanwhile.
        var other = try runner.database.city(id: state.selectedCity!.id)!
        other.notes = "changed elsewhere"
        try runner.database.updateCity(other)
        UIFixtures.type(&state, runner, ", sport")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNotNil(state.form, "the form stays open with what was typed")
        XCTAssertEqual(state.form?.field(.themes)?.text, "Youth and schools, Climate action, sport")
        XCTAssertEqual(state.confirmation?.purpose, .conflict, "asks: reload or overwrite")
        XCTAssertTrue(render(state).text().contains("Someone else saved this record"))
        XCTAssertEqual(try runner.database.city(id: other.id!)?.notes, "changed elsewhere")
    }

    func testHomeCityPicker() throws {
        var (state, runner) = try UIFixtures.state(home: nil)
        XCTAssertNil(state.homeCity)
        UIFixtures.press(&state, runner, .char("h"))
        XCTAssertEqual(state.form?.kind, .homeCity)
        UIFixtures.type(&state, runner, "munst")
        UIFixtures.press(&state, runner, .enter)
        XCTAssertNil(state.form)
        XCTAssertEqual(state.homeCity?.name, "Münster")
        XCTAssertEqual(runner.config["home_city"], "2867543")
        XCTAssertEqual(names(state).first, "Münster", "the home city leads the register")
    }

    func testReadOnlyRefusesChangesWithAReason() throws {
        var (state, runner) = try UIFixtures.state()
        state.readOnly = true
        UIFixtures.press(&state, runner, .char("n"))
        XCTAssertNil(state.form)
        XCTAssertEqual(state.status?.text, "The database is read-only: nothing can be changed here.")
    }

    func testQuitHelpAndTooSmall() throws {
        var (state, _) = try UIFixtures.state()
        XCTAssertEqual(reduce(&state, .key(.char("q"))), [.quit])
        XCTAssertEqual(reduce(&state, .key(.function(10))), [.quit])
        _ = reduce(&state, .key(.function(1)))
        XCTAssertTrue(state.showingHelp)
        XCTAssertEqual(reduce(&state, .key(.char("n"))), [], "keys do nothing under the help")
        XCTAssertNil(state.form)
        _ = reduce(&state, .key(.escape))
        XCTAssertFalse(state.showingHelp)
        _ = reduce(&state, .resized(Size(rows: 12, columns: 50)))
        XCTAssertTrue(state.isTooSmall)
        XCTAssertEqual(reduce(&state, .key(.char("n"))), [])
        XCTAssertNil(state.form)
        XCTAssertEqual(reduce(&state, .key(.char("q"))), [.quit])
        _ = reduce(&state, .resized(Size(rows: 24, columns: 80)))
        XCTAssertFalse(state.isTooSmall)
    }

    func testQuitFromAFormAsksOnlyWithUnsavedInput() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("n"))
        XCTAssertEqual(reduce(&state, .key(.function(10))), [.quit], "nothing typed")
        UIFixtures.type(&state, runner, "X")
        XCTAssertEqual(reduce(&state, .key(.function(10))), [])
        XCTAssertEqual(state.confirmation?.purpose, .quit)
        XCTAssertEqual(reduce(&state, .key(.char("y"))), [.quit])
    }
}

final class ReadOnlyAndRefreshTests: XCTestCase {
    func testReadOnlyBarOffersNoEditingKeys() throws {
        var (state, _) = try UIFixtures.state()
        state.readOnly = true
        let bar = render(state).lines()[23]
        XCTAssertTrue(bar.contains("/ Filter"), bar)
        for editing in ["n New", "e Edit", "u Undo"] { XCTAssertFalse(bar.contains(editing), "\(editing) in \(bar)") }
        XCTAssertTrue(render(state).lines()[0].contains("[read-only]"))
    }

    func testAnotherProcessesCommitIsNoticedAndReloadKeepsTheSelection() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-refresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shared.sqlite").path
        let mine = try AppDatabase.open(path: path, actor: ChangeActor(user: "anna"))
        for var city in UIFixtures.cities { try mine.writer.write { try city.insert($0) } }
        func id(_ g: Int64) throws -> Int64 { try mine.city(geonameId: g)!.id! }
        try mine.addPartnership(Partnership(between: id(2935517), and: id(3037854)))
        let runner = EffectRunner(database: mine, config: UserConfig())
        var state = AppState(size: Size(rows: 24, columns: 80), language: .en)
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        UIFixtures.press(&state, runner, .char("2"))
        XCTAssertFalse(runner.othersHaveWritten(), "nothing happened yet")
        try mine.addPartnership(Partnership(between: try id(2934246), and: try id(3094802)))
        XCTAssertFalse(runner.othersHaveWritten(), "our own writes do not count")

        let theirs = try AppDatabase.open(path: path, actor: ChangeActor(user: "ben"))
        try theirs.addPartnership(Partnership(between: try id(2867543), and: try id(264371)))
        XCTAssertTrue(runner.othersHaveWritten())
        let selected = state.selectedPartnership?.id
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        XCTAssertEqual(state.data.partnerships.count, 3, "Ben's partnership is listed")
        XCTAssertEqual(state.selectedPartnership?.id, selected, "the selection stays")
        XCTAssertFalse(runner.othersHaveWritten())
    }
}

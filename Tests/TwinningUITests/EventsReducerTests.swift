import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// The Events pane and the event form: the most frequent job of a volunteer.
final class EventsReducerTests: XCTestCase {
    /// Keys pressed, counted, for the keystroke budget of a typical visit.
    func press(_ state: inout AppState, _ runner: EffectRunner, _ keys: [Key], count: inout Int) {
        for key in keys {
            UIFixtures.press(&state, runner, key)
            count += 1
        }
    }

    func chars(_ text: String) -> [Key] { text.map { Key.char($0) } }

    func testATypicalVisitTakesElevenKeystrokes() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"))
        XCTAssertEqual(state.pane, .events)
        XCTAssertEqual(state.selectedEvent?.event.title, "Jugendbegegnung")
        var count = 0
        press(&state, runner, [.char("n")], count: &count)                      // 1: new event
        XCTAssertEqual(state.form?.field(.partnership)?.text, "Dortmund ↔ Amiens", "the selected event's partnership")
        XCTAssertEqual(state.form?.focused.id, .start, "straight to the date")
        press(&state, runner, chars("14.5"), count: &count)                     // 5: date, this year
        press(&state, runner, [.tab], count: &count)                            // 6
        press(&state, runner, [.char("y")], count: &count)                      // 7: kind → youth exchange
        XCTAssertEqual(state.form?.field(.kind)?.choice, EventKind.allCases.firstIndex(of: .youth_exchange))
        press(&state, runner, [.tab], count: &count)                            // 8
        press(&state, runner, chars("42"), count: &count)                       // 10: participants
        press(&state, runner, [.function(2)], count: &count)                    // 11: save
        XCTAssertLessThanOrEqual(count, 12)
        XCTAssertNil(state.form, "saved")
        let saved = try XCTUnwrap(state.selectedEvent)
        XCTAssertEqual(saved.event.startDate.iso, "2026-05-14")
        XCTAssertEqual(saved.event.endDate?.iso, "2026-05-14", "the end defaults to the start")
        XCTAssertEqual(saved.event.kind, .youth_exchange)
        XCTAssertEqual(saved.event.participants, 42)
        XCTAssertEqual(saved.event.format, .in_person)
        XCTAssertEqual(try runner.database.counts().events, 2)
        XCTAssertEqual(state.status?.text, "Saved the event “youth exchange”.")
    }

    func testDatesAreUnderstoodAndShown() throws {
        let today = PartialDate(year: 2026, month: 5, day: 20)!
        XCTAssertEqual(DateInput.parse("heute", today: today)?.iso, "2026-05-20")
        XCTAssertEqual(DateInput.parse("today", today: today)?.iso, "2026-05-20")
        XCTAssertEqual(DateInput.parse("gestern", today: today)?.iso, "2026-05-19")
        XCTAssertEqual(DateInput.parse("yesterday", today: PartialDate(year: 2026, month: 1, day: 1)!)?.iso, "2025-12-31")
        XCTAssertEqual(DateInput.parse("14.5.26", today: today)?.iso, "2026-05-14")
        XCTAssertEqual(DateInput.parse("14.5.", today: today)?.iso, "2026-05-14")
        XCTAssertEqual(DateInput.parse("2026-05-14", today: today)?.iso, "2026-05-14")
        XCTAssertNil(DateInput.parse("31.2.", today: today))
        XCTAssertNil(DateInput.parse("morgen früh", today: today))

        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        UIFixtures.type(&state, runner, "14.5.26")
        XCTAssertTrue(render(state).text().contains("14.5.26  = Thu 14 May 2026"))
    }

    func testValidationAtTheFieldInTheUsersLanguage() throws {
        for (language, expected) in [(Language.en, "Under-30s (50) cannot exceed participants (42)."),
                                     (.de, "Unter 30 (50) können nicht mehr sein als Teilnehmende (42).")] {
            var (state, runner) = try UIFixtures.state(language: language)
            UIFixtures.press(&state, runner, .char("3"), .char("n"))
            UIFixtures.type(&state, runner, "14.5.2026")
            UIFixtures.press(&state, runner, .tab, .tab)
            UIFixtures.type(&state, runner, "42")
            UIFixtures.press(&state, runner, .tab)
            UIFixtures.type(&state, runner, "50")
            UIFixtures.press(&state, runner, .function(2))
            let form = try XCTUnwrap(state.form, "the form stays open")
            XCTAssertEqual(form.field(.youth)?.error, expected)
            XCTAssertEqual(form.focused.id, .youth)
            XCTAssertEqual(form.field(.participants)?.text, "42", "everything typed is kept")
            XCTAssertEqual(form.field(.start)?.text, "14.5.2026")
            XCTAssertEqual(try runner.database.counts().events, 1)
            if language == .en { assertGolden(render(state), "form-event-error-80x24") }
        }
    }

    func testMoreFieldRules() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        UIFixtures.type(&state, runner, "2026-05-14")
        for _ in 0..<2 { UIFixtures.press(&state, runner, .tab) }
        UIFixtures.type(&state, runner, "10")
        func set(_ id: FieldID, _ text: String) { state.form!.fields[state.form!.index(of: id)!].text = text }
        set(.end, "2026-05-01")
        set(.byCountry, "DE 8, FR 5")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.form?.field(.end)?.error, "The end (2026-05-01) is before the start (2026-05-14).")
        XCTAssertEqual(state.form?.field(.byCountry)?.error, "Per country adds up to 13, more than the 10 participants.")
        set(.end, "")
        set(.byCountry, "Deutschland: viele")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.form?.field(.byCountry)?.error, "Per country: write it like DE 20, FR 22.")
        set(.byCountry, "DE 6, FR:4")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.form)
        XCTAssertEqual(state.selectedEvent?.event.participantsByCountry, ["DE": 6, "FR": 4])
    }

    func testNoPartnershipMeansPickOne() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"))
        // No event selected (as in an empty list); not the first page either, which a key would list again.
        state.events.visible = []
        state.events.fromHead = false
        state.lastEventPartnership = nil
        UIFixtures.press(&state, runner, .char("n"))
        XCTAssertEqual(state.form?.focused.id, .partnership)
        UIFixtures.type(&state, runner, "krak")
        XCTAssertEqual(state.form?.focused.suggestions.count, 1)
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(state.form?.field(.partnership)?.text, "Düsseldorf ↔ Kraków")
        XCTAssertEqual(state.form?.focused.id, .start)
    }

    func testPartnershipEnterShowsItsEventsAndNewEventPresetsIt() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"))
        UIFixtures.press(&state, runner, .down, .down)
        let chosen = try XCTUnwrap(state.selectedPartnership)
        XCTAssertEqual(chosen.cityB.name, "Kraków")
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(state.pane, .events)
        XCTAssertEqual(state.events.partnershipId, chosen.id)
        XCTAssertTrue(state.events.visible.isEmpty)
        XCTAssertTrue(render(state).text().contains("Events of Düsseldorf ↔ Kraków"), render(state).text())
        UIFixtures.press(&state, runner, .char("n"))
        XCTAssertEqual(state.form?.field(.partnership)?.partnershipId, chosen.id)
        UIFixtures.press(&state, runner, .escape)
        UIFixtures.press(&state, runner, .escape)
        XCTAssertEqual(state.pane, .partnerships, "Esc goes back to the partnership")
        XCTAssertEqual(state.selectedPartnership?.id, chosen.id)
    }

    func testQuickFilters() throws {
        var (state, runner) = try UIFixtures.state()
        let dortmund = state.homeCityId!
        let amiens = try runner.database.city(geonameId: 3037854)!.id!
        let krakowPair = state.data.partnerships.first { $0.cityB.name == "Kraków" }!.id
        let pair = try runner.database.partnership(between: dortmund, and: amiens)!.id!
        try runner.database.addEvent(Event(partnershipId: pair, kind: .online_meeting, startDate: PartialDate.parse("2024-02-01")!, format: .online))
        try runner.database.addEvent(Event(partnershipId: krakowPair, kind: .culture, startDate: PartialDate.parse("2025-09-01")!))
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        UIFixtures.press(&state, runner, .char("3"))
        func dates() -> [String] { state.events.visible.map { state.data.events[$0].event.startDate.iso } }
        XCTAssertEqual(dates(), ["2025-09-01", "2025-07-14", "2024-02-01"], "newest first")
        UIFixtures.press(&state, runner, .char("y"))
        XCTAssertEqual(state.events.year, 2025)
        XCTAssertEqual(dates(), ["2025-09-01", "2025-07-14"])
        UIFixtures.press(&state, runner, .char("y"))
        XCTAssertEqual(dates(), ["2024-02-01"])
        UIFixtures.press(&state, runner, .char("y"))
        XCTAssertNil(state.events.year)
        UIFixtures.press(&state, runner, .char("o"))
        XCTAssertEqual(dates(), ["2025-07-14", "2024-02-01"], "our city only")
        UIFixtures.press(&state, runner, .char("o"), .char("t"))
        XCTAssertEqual(state.events.kind, .visit)
        XCTAssertEqual(dates(), [])
        UIFixtures.press(&state, runner, .char("t"))
        XCTAssertEqual(state.events.kind, .youth_exchange)
        XCTAssertEqual(dates(), ["2025-07-14"])
        XCTAssertTrue(render(state).text().contains("Kind: youth exchange"))
        UIFixtures.press(&state, runner, .char("/"))
        UIFixtures.type(&state, runner, "jugend")
        XCTAssertEqual(dates(), ["2025-07-14"], "filter by title")
    }

    func testUndoAcrossCreateEditAndDelete() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        UIFixtures.type(&state, runner, "heute")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(try runner.database.counts().events, 2)
        UIFixtures.press(&state, runner, .char("e"))
        for _ in 0..<3 { UIFixtures.press(&state, runner, .tab) }
        UIFixtures.type(&state, runner, "12")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.selectedEvent?.event.participants, 12)
        UIFixtures.press(&state, runner, .char("d"), .char("y"))
        XCTAssertEqual(try runner.database.counts().events, 1)

        UIFixtures.press(&state, runner, .char("u"))
        XCTAssertEqual(try runner.database.counts().events, 2, "delete undone")
        XCTAssertTrue(state.status!.text.hasPrefix("Undone: event 2026-05-20"))
        UIFixtures.press(&state, runner, .char("u"))
        XCTAssertEqual(try runner.database.events().first { $0.event.startDate.iso == "2026-05-20" }?.event.participants, nil, "edit undone")
        UIFixtures.press(&state, runner, .char("u"))
        XCTAssertEqual(try runner.database.counts().events, 1, "create undone")
        UIFixtures.press(&state, runner, .char("u"))
        XCTAssertEqual(state.status?.text, "Nothing to undo in this session.")
        XCTAssertEqual(state.data.events.count, 1)
    }

    func testDeleteEventAsksNamingItDefaultNo() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"), .char("d"))
        XCTAssertEqual(state.confirmation?.message, "Delete the event “Jugendbegegnung” of 2025-07-14 (Dortmund ↔ Amiens)?")
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(try runner.database.counts().events, 1)
    }

    func testSomeoneElsesChangeOffersReloadOrOverwrite() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"), .char("e"))
        let id = state.selectedEvent!.id
        // Another volunteer saves the same event meanwhile.
        let other = try AppDatabase(writer: runner.database.writer, path: nil, isReadOnly: false, actor: ChangeActor(user: "ben"))
        var theirs = try other.event(id: id)!
        theirs.notes = "Ben's notes"
        try other.updateEvent(theirs)
        for _ in 0..<3 { UIFixtures.press(&state, runner, .tab) }
        XCTAssertEqual(state.form?.focused.id, .participants)
        UIFixtures.type(&state, runner, "0")                       // 38 → 380
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.confirmation?.purpose, .conflict, "never a silent overwrite")
        XCTAssertEqual(state.keyContexts, [.conflict])
        XCTAssertEqual(state.form?.field(.participants)?.text, "380", "what was typed is still there")
        XCTAssertEqual(try runner.database.event(id: id)?.notes, "Ben's notes")
        assertGolden(render(state), "conflict-80x24")
        // Back to the form, then reload their version.
        UIFixtures.press(&state, runner, .escape)
        XCTAssertNil(state.confirmation)
        XCTAssertNotNil(state.form)
        UIFixtures.press(&state, runner, .function(2), .char("r"))
        XCTAssertNil(state.confirmation)
        XCTAssertEqual(state.form?.field(.notes)?.text, "Ben's notes", "their version is loaded")
        XCTAssertEqual(state.form?.field(.participants)?.text, "38")
        // Once more, this time overwriting.
        var again = try other.event(id: id)!
        again.title = "Ben's title"
        try other.updateEvent(again)
        for _ in 0..<3 { UIFixtures.press(&state, runner, .tab) }
        UIFixtures.type(&state, runner, "1")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.confirmation?.purpose, .conflict)
        UIFixtures.press(&state, runner, .char("o"))
        XCTAssertNil(state.form)
        XCTAssertEqual(try runner.database.event(id: id)?.participants, 381)
        XCTAssertEqual(try runner.database.event(id: id)?.title, "Jugendbegegnung", "the user chose to overwrite")
    }

    func testHealthMarks() throws {
        let rule = HealthRule()
        let today = PartialDate(year: 2026, month: 5, day: 20)!
        XCTAssertEqual(rule.health(lastEvent: PartialDate.parse("2025-07-14"), today: today), .active)
        XCTAssertEqual(rule.health(lastEvent: PartialDate.parse("2024-05"), today: today), .active)
        XCTAssertEqual(rule.health(lastEvent: PartialDate.parse("2023-01-10"), today: today), .quiet)
        XCTAssertEqual(rule.health(lastEvent: PartialDate.parse("2021-05"), today: today), .quiet)
        XCTAssertEqual(rule.health(lastEvent: PartialDate.parse("2019"), today: today), .dormant)
        XCTAssertEqual(rule.health(lastEvent: nil, today: today), .dormant)
        XCTAssertEqual(HealthRule(activeYears: 1, quietYears: 3).health(lastEvent: PartialDate.parse("2024-05"), today: today), .quiet)

        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"), .char("f"))
        XCTAssertEqual(state.partnerships.health, .active)
        XCTAssertEqual(state.partnerships.visible.map { state.data.partnerships[$0].cityB.name }, ["Amiens"])
        UIFixtures.press(&state, runner, .char("f"), .char("f"))
        XCTAssertEqual(state.partnerships.health, .dormant)
        XCTAssertEqual(state.partnerships.visible.count, 3)
        UIFixtures.press(&state, runner, .char("f"))
        XCTAssertNil(state.partnerships.health)
        for _ in 0..<3 { UIFixtures.press(&state, runner, .char("s")) }
        XCTAssertEqual(state.partnerships.sort, .health)
        let order = state.partnerships.visible.map { state.health(state.data.partnerships[$0]) }
        XCTAssertEqual(Array(order.prefix(2)), [.dormant, .active], "dormant ones first, within our city's partnerships first")
    }

    func testEventsPaneGolden() throws {
        for size in GoldenScreenTests.sizes {
            var (state, runner) = try UIFixtures.state(size: size)
            UIFixtures.press(&state, runner, .char("3"))
            assertGolden(render(state), "events-\(size.columns)x\(size.rows)")
        }
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        assertGolden(render(state), "form-event-empty-80x24")
    }
}

/// The conflict with two real connections on one database file, as two
/// volunteers logged in over SSH have.
final class TwoConnectionsTests: XCTestCase {
    func testSavingOverAnotherConnectionsChangeAsksFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-two-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shared.sqlite").path
        let anna = try AppDatabase.open(path: path, actor: ChangeActor(user: "anna"))
        let ben = try AppDatabase.open(path: path, actor: ChangeActor(user: "ben"))
        let a = try anna.addCity(City(name: "Neustadt", countryCode: "DE", addedByUser: true))
        let b = try anna.addCity(City(name: "Villeneuve", countryCode: "FR", addedByUser: true))
        let p = try anna.addPartnership(Partnership(between: a.id!, and: b.id!))
        let event = try anna.addEvent(Event(partnershipId: p.id!, startDate: PartialDate.parse("2026-05-14")!, participants: 40))

        let runner = EffectRunner(database: anna, config: UserConfig())
        var state = AppState(size: Size(rows: 24, columns: 80), language: .de)
        state.today = PartialDate(year: 2026, month: 5, day: 20)!
        UIFixtures.run(&state, runner, [.loadData(select: .event(event.id!))])
        UIFixtures.press(&state, runner, .char("e"))
        for _ in 0..<3 { UIFixtures.press(&state, runner, .tab) }
        UIFixtures.type(&state, runner, "2")                        // 40 → 402

        var theirs = try ben.event(id: event.id!)!
        theirs.participants = 41
        try ben.updateEvent(theirs)

        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.confirmation?.purpose, .conflict)
        XCTAssertTrue(render(state).text().contains("Neu laden"), "the question is in German")
        XCTAssertEqual(try ben.event(id: event.id!)?.participants, 41, "nothing overwritten silently")
        UIFixtures.press(&state, runner, .char("r"))
        XCTAssertEqual(state.form?.field(.participants)?.text, "41")
    }
}

/// The Reports pane and the map (issue 6).
final class ReportsPaneTests: XCTestCase {
    func testReportAndMapGolden() throws {
        for size in [Size(rows: 24, columns: 80), Size(rows: 40, columns: 120)] {
            var (state, runner) = try UIFixtures.state(size: size)
            UIFixtures.press(&state, runner, .char("5"))
            XCTAssertEqual(state.pane, .reports)
            state.reports.year = 2025
            assertGolden(render(state), "reports-\(size.columns)x\(size.rows)")
            UIFixtures.press(&state, runner, .char("m"))
            XCTAssertEqual(state.keyContexts, [.map, .global])
            assertGolden(render(state), "map-\(size.columns)x\(size.rows)")
            state.asciiOnly = true
            assertGolden(render(state), "map-ascii-\(size.columns)x\(size.rows)")
        }
    }

    func testReportFiguresFollowTheYearAndScope() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("5"))
        state.reports.year = 2025
        var text = render(state).text()
        XCTAssertTrue(text.contains("Report for Dortmund · 2025"))
        XCTAssertTrue(text.contains("in 2025: 1 event, 38 participants, 82 % under 30"), text)
        UIFixtures.press(&state, runner, .left)
        XCTAssertEqual(state.reports.year, 2024)
        XCTAssertTrue(render(state).text().contains("in 2024: 0 events"))
        UIFixtures.press(&state, runner, .right, .right, .right)
        XCTAssertEqual(state.reports.year, 2026, "not beyond this year")
        UIFixtures.press(&state, runner, .char("c"))
        text = render(state).text()
        XCTAssertTrue(text.contains("Report for all partnerships · 2026"))
        XCTAssertTrue(text.contains("Partnerships: 4"), text)
    }

    func testMapZoomPanAndFit() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("5"), .char("m"))
        let fitted = MapGeometry.fit(state)
        XCTAssertNil(state.reports.map, "fitted by default")
        UIFixtures.press(&state, runner, .char("+"))
        XCTAssertEqual(state.reports.map!.spanLongitude, fitted.spanLongitude / 1.5, accuracy: 0.001)
        UIFixtures.press(&state, runner, .right)
        XCTAssertGreaterThan(state.reports.map!.centerLongitude, fitted.centerLongitude)
        UIFixtures.press(&state, runner, .char("0"))
        XCTAssertNil(state.reports.map)
        // Dortmund's partners Amiens and 東京 are both on the fitted map.
        let (lat, lon) = (35.69, 139.69)
        let area = MapGeometry.canvas(state)
        let (x, y) = MapGeometry.dot(lat, lon, view: fitted, dotsW: area.columns * 2, dotsH: area.rows * 4)
        XCTAssertTrue((0..<(area.columns * 2)).contains(x) && (0..<(area.rows * 4)).contains(y))
        let text = render(state).text()
        XCTAssertTrue(text.contains("Amiens") && text.contains("東京"), text)
        XCTAssertTrue(text.contains("● Dortmund"))
        UIFixtures.press(&state, runner, .escape)
        XCTAssertFalse(state.reports.showMap)
    }

    func testBrailleDotsAndBars() {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        canvas.set(0, 0, link: false)
        canvas.set(1, 3, link: true)
        XCTAssertEqual(canvas.cell(0, 0, ascii: false)?.0, "\u{2881}")
        XCTAssertEqual(canvas.cell(0, 0, ascii: true)?.0, "*")
        XCTAssertEqual(bars(50, of: 100, width: 4, ascii: false), "██")
        XCTAssertEqual(bars(3, of: 100, width: 4, ascii: false), "▏", "0.96 eighths round to one")
        XCTAssertEqual(bars(10, of: 100, width: 4, ascii: false), "▍")
        XCTAssertEqual(bars(0, of: 100, width: 4, ascii: false), "")
        XCTAssertEqual(bars(100, of: 100, width: 4, ascii: true), "####")
    }

    func testEventDetailShowsTheFundingCheck() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"))
        XCTAssertTrue(render(state).text().contains("EU funding: "), render(state).text())
    }
}

final class ReportExportTests: XCTestCase {
    func testExportGoesOnlyIntoTheExportFolder() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("5"), .char("x"))
        XCTAssertEqual(state.status?.text, "Saving files is switched off here (no export folder is configured).")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        runner.exportFolder = folder.path
        state.reports.year = 2025
        UIFixtures.press(&state, runner, .char("x"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(files, ["twinning-report-dortmund-2025.html"])
        let html = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertTrue(html.contains("Dortmund") && html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(state.status!.text.hasPrefix("Saved the report as "))
    }
}

final class HistoryViewTests: XCTestCase {
    func testHistoryShowsWhoChangedWhatNewestFirst() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"), .char("d"), .char("y"))
        UIFixtures.press(&state, runner, .char("L"))
        let history = try XCTUnwrap(state.history)
        XCTAssertEqual(history.first?.action, .delete)
        XCTAssertEqual(history.first?.user, "test")
        let text = render(state).text()
        XCTAssertTrue(text.contains("History — who changed what"))
        XCTAssertTrue(text.contains("test        deleted  partnership Dortmund ↔ Amiens"), text)
        UIFixtures.press(&state, runner, .escape)
        XCTAssertNil(state.history)
        XCTAssertEqual(state.keyContexts, [.partnerships, .list, .global])
    }
}

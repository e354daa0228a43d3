import Foundation
import TwinningCore
@testable import TwinningUI
import TwinningTestSupport
import XCTest

/// The Events pane's calendar export (x): it asks where, writes the events
/// shown as a calendar, and replaces an existing file only after a yes.
final class CalendarExportTests: XCTestCase {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testXAsksWhereAndWritesTheEventsShown() throws {
        var (state, runner) = try UIFixtures.state()
        let folder = try folder()
        runner.exportFolder = folder.path
        UIFixtures.press(&state, runner, .char("3"), .char("x"))
        let form = try XCTUnwrap(state.form, "x asks where first")
        XCTAssertEqual(form.kind, .exportCalendar(count: state.events.visible.count))
        XCTAssertEqual(form.field(.file)?.text, "twinning-events.ics")
        UIFixtures.press(&state, runner, .ctrl("s"))
        XCTAssertNil(state.form, state.status?.text ?? "")
        let file = folder.appendingPathComponent("twinning-events.ics")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR"))
        XCTAssertEqual(text.components(separatedBy: "BEGIN:VEVENT").count - 1, state.events.visible.count)
        XCTAssertTrue(state.status?.text.contains(file.path) == true, state.status?.text ?? "")
    }

    func testAnExistingFileIsReplacedOnlyAfterAYes() throws {
        var (state, runner) = try UIFixtures.state()
        let folder = try folder()
        runner.exportFolder = folder.path
        let file = folder.appendingPathComponent("twinning-events.ics")
        try "my own calendar".write(to: file, atomically: false, encoding: .utf8)
        UIFixtures.press(&state, runner, .char("3"), .char("x"), .ctrl("s"))
        let question = try XCTUnwrap(state.confirmation, "asked before replacing")
        XCTAssertTrue(question.message.contains(file.path), question.message)
        UIFixtures.press(&state, runner, .char("n"))
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "my own calendar", "no: nothing written")
        XCTAssertNotNil(state.form, "no goes back to the form with the name typed")
        UIFixtures.press(&state, runner, .ctrl("s"), .char("y"))
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).hasPrefix("BEGIN:VCALENDAR"), "yes replaces it")
        XCTAssertNil(state.form)
    }

    func testWithoutAnExportFolderNothingIsWritten() throws {
        var (state, runner) = try UIFixtures.state()
        runner.exportFolder = nil
        UIFixtures.press(&state, runner, .char("3"), .char("x"), .ctrl("s"))
        XCTAssertNotNil(state.form, "the form stays open with the reason")
        XCTAssertEqual(state.status?.kind, .error)
    }
}

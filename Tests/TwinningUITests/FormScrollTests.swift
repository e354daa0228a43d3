import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Forms taller than the window scroll to the focused field and say how many
/// fields are above or below; errors and messages wrap instead of being cut.
final class FormScrollTests: XCTestCase {
    static let small = Size(rows: 16, columns: 60)

    /// The screen's rows with the box and window edges taken off, joined by
    /// spaces, so a wrapped text can be looked for as one.
    func flowed(_ screen: Screen) -> String {
        screen.lines().map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │┌┐└┘─|")) }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    func openEventForm(size: Size, language: Language = .en) throws -> (AppState, EffectRunner) {
        var (state, runner) = try UIFixtures.state(size: size, language: language)
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        XCTAssertEqual(state.form?.kind, .newEvent)
        return (state, runner)
    }

    func testEveryFieldOfTheEventFormIsShownWhenFocusedAt60x16() throws {
        var (state, runner) = try openEventForm(size: Self.small)
        let form = try XCTUnwrap(state.form)
        UIFixtures.press(&state, runner, .backTab)
        XCTAssertEqual(state.form?.focus, 0)
        for index in form.fields.indices {
            let screen = render(state)
            let cursor = try XCTUnwrap(screen.cursor)
            let label = tr(form.fields[index].label, state.language)
            XCTAssertTrue(screen.lines()[cursor.row].contains(label), "field \(label) is on the cursor's row")
            UIFixtures.press(&state, runner, .tab)
        }
        // Back to the top: the first field is in view again, with the rest counted below.
        for _ in form.fields.indices { UIFixtures.press(&state, runner, .backTab) }
        let screen = render(state)
        XCTAssertTrue(screen.text().contains(tr(.fieldPartnership, .en)))
        XCTAssertTrue(screen.text().contains("▼ 2 more"), screen.text())
        XCTAssertFalse(screen.text().contains("▲"))
    }

    func testTextTypedIntoNotesIsSeenAt60x16() throws {
        for (size, name) in [(Self.small, "form-event-notes-60x16"), (Size(rows: 24, columns: 80), "form-event-notes-80x24")] {
            var (state, runner) = try openEventForm(size: size)
            while state.form?.focused.id != .notes { UIFixtures.press(&state, runner, .tab) }
            UIFixtures.type(&state, runner, "Bus um 7 Uhr ab Rathaus")
            let text = render(state).text()
            XCTAssertTrue(text.contains("Notes"))
            XCTAssertTrue(text.contains("Bus um 7 Uhr ab Rathaus"))
            if size == Self.small { XCTAssertTrue(text.contains("▲ 2 more"), text) } else { XCTAssertFalse(text.contains("▲"), "all fit") }
            assertGolden(render(state), name)
        }
    }

    func testTheMarksAreInGerman() throws {
        var (state, runner) = try openEventForm(size: Self.small, language: .de)
        while state.form?.focused.id != .notes { UIFixtures.press(&state, runner, .tab) }
        XCTAssertTrue(render(state).text().contains("▲ noch 2"), render(state).text())
    }

    func testAWrappedDateErrorIsReadToTheEnd() throws {
        for size in [Size(rows: 24, columns: 80), Self.small] {
            var (state, runner) = try openEventForm(size: size, language: .de)
            UIFixtures.type(&state, runner, "32.5.")
            UIFixtures.press(&state, runner, .function(2))
            let error = try XCTUnwrap(state.form?.field(.start)?.error)
            XCTAssertTrue(error.hasSuffix("oder 2026."), error)
            let screen = render(state)
            // Twice in full: under the field and in the status line, each wrapped.
            XCTAssertEqual(flowed(screen).components(separatedBy: "05.2026 oder 2026.").count - 1, 2, screen.text())
            assertGolden(screen, "form-event-date-error-de-\(size.columns)x\(size.rows)")
        }
    }

    func testAMessageBeyondTheFieldsWrapsBelowThem() throws {
        for size in [Size(rows: 24, columns: 80), Self.small] {
            var (state, runner) = try openEventForm(size: size)
            let message = "Could not save: The disk is full: nothing was saved to /home/verein/twinning.sqlite. Free some space and save again."
            UIFixtures.run(&state, runner, reduce(&state, .failed(message, field: nil)))
            XCTAssertEqual(state.form?.message, message)
            let screen = render(state)
            XCTAssertEqual(flowed(screen).components(separatedBy: "Free some space and save again.").count - 1, 2, screen.text())
            XCTAssertNotNil(screen.cursor, "the focused field stays in view")
        }
    }

    func testALongStatusMessageWrapsAboveTheStatusLine() throws {
        var (state, _) = try UIFixtures.state(size: Self.small)
        let message = "Could not save: The disk is full: nothing was saved. Free some space and try again."
        state.status = StatusMessage(message, kind: .error)
        let screen = render(state)
        let layout = Layout(state.size)
        XCTAssertTrue(flowed(screen).contains(message), screen.text())
        XCTAssertTrue(screen.lines()[layout.statusRow].contains("try again."))
        XCTAssertGreaterThan(statusMessageLines(state).count, 1)
        XCTAssertTrue(statusMessageLines(state).allSatisfy { DisplayWidth.of($0) <= state.size.columns })
    }

    func testAShortStatusMessageKeepsOneLine() throws {
        var (state, _) = try UIFixtures.state()
        state.status = StatusMessage("Saved.")
        XCTAssertEqual(statusMessageLines(state), ["Saved."])
        XCTAssertEqual(statusLineTop(state), Layout(state.size).statusRow)
    }

    func testTheFundingLineIsWrappedNotCut() throws {
        // At 80×24 the detail has the rows for it; at 60×16 it has five.
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"))
        let text = flowed(render(state))
        let summary = FundingCheck.check(state.selectedEvent!, home: state.homeCityId).summary(.en)
        XCTAssertTrue(text.contains(summary), "\(summary) in \(text)")
    }
}

/// A message of any length is shown in a few lines, quickly.
final class HugeMessageTests: XCTestCase {
    func testAMegabyteStatusIsShownInAFewLinesEndingInAnEllipsis() throws {
        var (state, _) = try UIFixtures.state()
        state.status = StatusMessage("Unknown theme " + String(repeating: "x", count: 1 << 20), kind: .warning)
        let started = Date()
        let lines = statusMessageLines(state)
        _ = render(state)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.0)
        XCTAssertEqual(lines.count, state.size.rows / 3)
        XCTAssertTrue(lines.last!.hasSuffix("…"))
        XCTAssertEqual(lines.first, "Unknown theme")
    }

    func testWrapWithALimitKeepsShortTextWhole() {
        XCTAssertEqual(wrap("Bitte 14.05.2026 oder 2026.", width: 12, lines: 3), ["Bitte", "14.05.2026", "oder 2026."])
        XCTAssertEqual(wrap("eins zwei drei vier", width: 9, lines: 2), ["eins zwei", "drei vier"])
        XCTAssertEqual(wrap("eins zwei drei vier fünf", width: 9, lines: 2), ["eins zwei", "drei vie…"])
        XCTAssertEqual(wrap("eins zwei drei", width: 9, lines: 1), ["eins zwe…"])
    }
}

/// Suggestions of a picker are drawn under it, so the form keeps room there.
final class PickerRoomTests: XCTestCase {
    func testAPartnershipBeingPickedLowInTheFormKeepsItsSuggestionsInView() throws {
        var (state, runner) = try UIFixtures.state(size: FormScrollTests.small)
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        // The picker put last, as a form of another pane might have it.
        var form = try XCTUnwrap(state.form)
        let picker = form.fields.removeFirst()
        form.fields.append(picker)
        form.fields[form.fields.count - 1].text = ""
        form.fields[form.fields.count - 1].partnershipId = nil
        form.focus = form.fields.count - 1
        state.form = form
        UIFixtures.type(&state, runner, "krak")
        XCTAssertEqual(state.form?.focused.suggestions.count, 1)
        XCTAssertTrue(render(state).text().contains("> Düsseldorf (DE) ↔ Kraków (PL)"), render(state).text())
    }
}

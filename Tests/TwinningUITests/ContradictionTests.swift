import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Saves that contradict themselves or the data are asked about first, with
/// the reason: yes saves, no or Esc goes back to the form with nothing lost.
final class ContradictionTests: XCTestCase {
    func set(_ state: inout AppState, _ id: FieldID, _ text: String) {
        state.form!.fields[state.form!.index(of: id)!].text = text
    }

    func choose<V: Vocabulary>(_ state: inout AppState, _ id: FieldID, _ value: V) {
        state.form!.fields[state.form!.index(of: id)!].choice = V.allCases.map(\.rawValue).firstIndex(of: value.rawValue)!
    }

    /// A new event of Dortmund ↔ Amiens on the given date, 42 participants.
    func newEvent(_ date: String, language: Language = .en) throws -> (AppState, EffectRunner) {
        var (state, runner) = try UIFixtures.state(language: language)
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        UIFixtures.type(&state, runner, date)
        set(&state, .participants, "42")
        set(&state, .notes, "Bus um 7")
        return (state, runner)
    }

    /// Saves, expects the question with `reason`, answers no (then Esc) and
    /// checks the form is back as typed; answers yes and checks it is saved.
    func assertAsked(_ state: inout AppState, _ runner: EffectRunner, _ reason: String,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try runner.database.counts().events
        let typed = try XCTUnwrap(state.form, file: file, line: line)
        for answer in [Key.char("n"), .escape] {
            UIFixtures.press(&state, runner, .function(2))
            let question = try XCTUnwrap(state.confirmation, "asked before saving", file: file, line: line)
            XCTAssertTrue(question.message.contains(reason), question.message, file: file, line: line)
            XCTAssertEqual(try runner.database.counts().events, before, "nothing saved yet", file: file, line: line)
            XCTAssertTrue(render(state).text().contains(tr(.askSaveTitle, state.language)), file: file, line: line)
            UIFixtures.press(&state, runner, answer)
            XCTAssertNil(state.confirmation, file: file, line: line)
            let form = try XCTUnwrap(state.form, "back in the form", file: file, line: line)
            XCTAssertEqual(form.fields.map(\.text), typed.fields.map(\.text), "every text intact", file: file, line: line)
            XCTAssertEqual(form.fields.map(\.choice), typed.fields.map(\.choice), file: file, line: line)
        }
        UIFixtures.press(&state, runner, .function(2))
        UIFixtures.press(&state, runner, .char(state.language == .de ? "j" : "y"))
        XCTAssertNil(state.confirmation, file: file, line: line)
        XCTAssertNil(state.form, "saved", file: file, line: line)
    }

    func testInPersonButNobodyTravelled() throws {
        var (state, runner) = try newEvent("10.6.2026")
        choose(&state, .direction, EventDirection.online)
        choose(&state, .format, EventFormat.in_person)
        try assertAsked(&state, runner, "The format is “in person”, but who travelled says “nobody (online)”.")
        XCTAssertEqual(state.selectedEvent?.event.direction, .online)
        XCTAssertEqual(state.selectedEvent?.event.notes, "Bus um 7")
        XCTAssertEqual(try runner.database.counts().events, 2)
    }

    func testTheQuestionIsInGerman() throws {
        var (state, runner) = try newEvent("10.6.2026", language: .de)
        choose(&state, .direction, EventDirection.online)
        try assertAsked(&state, runner, "Die Form ist „vor Ort“, aber bei „Wer ist gereist“ steht „niemand (online)“.")
    }

    func testASplitThatNoLongerAddsUpAfterACorrection() throws {
        var (state, runner) = try newEvent("14.5.2026")
        set(&state, .byCountry, "DE 36, GB 6")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.confirmation, "36 + 6 = 42: nothing to ask")
        XCTAssertNil(state.form)
        UIFixtures.press(&state, runner, .char("e"))
        XCTAssertEqual(state.form?.field(.byCountry)?.text, "DE 36, GB 6")
        set(&state, .participants, "45")
        try assertAsked(&state, runner, "Per country adds up to 42, but there are 45 participants.")
        XCTAssertEqual(state.selectedEvent?.event.participants, 45)
        XCTAssertEqual(try runner.database.counts().events, 2, "corrected, not added")
    }

    func testAnExactDuplicate() throws {
        var (state, runner) = try newEvent("2025-07-14")
        choose(&state, .kind, EventKind.youth_exchange)
        try assertAsked(&state, runner, "Dortmund ↔ Amiens already has a “youth exchange” on 2025-07-14")
        XCTAssertEqual(try runner.database.counts().events, 2, "yes means both are kept")
    }

    func testTheSameDayWithAnotherKindOrEditingTheEventItselfIsNoDuplicate() throws {
        var (state, runner) = try newEvent("2025-07-14")
        choose(&state, .kind, EventKind.culture)
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.confirmation)
        XCTAssertNil(state.form)

        (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"), .char("e"))
        XCTAssertEqual(state.form?.field(.start)?.text, "2025-07-14")
        set(&state, .notes, "Fotos im Ordner")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.confirmation, "an event is not its own duplicate")
        XCTAssertNil(state.form)
    }

    func testADateFarInTheFuture() throws {
        var (state, runner) = try newEvent("2029-01-15")
        try assertAsked(&state, runner, "2029-01-15 is more than two years ahead: is it planned?")
        XCTAssertEqual(state.selectedEvent?.event.startDate.iso, "2029-01-15")

        (state, runner) = try newEvent("2028-01-15")
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNil(state.confirmation, "under two years ahead: planned visits are normal")
        XCTAssertNil(state.form)
    }

    func testSeveralReasonsInOneQuestion() throws {
        var (state, runner) = try newEvent("2030-05-01")
        choose(&state, .direction, EventDirection.online)
        UIFixtures.press(&state, runner, .function(2))
        let message = try XCTUnwrap(state.confirmation?.message)
        XCTAssertTrue(message.contains("nobody (online)"))
        XCTAssertTrue(message.contains("is it planned?"))
        XCTAssertTrue(message.contains("n or Esc goes back to the form"))
    }

    func testASnoozeDateThatIsNotAheadIsRefusedWithTheReason() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        let candidate = try XCTUnwrap(state.selectedMatch)
        for past in ["2026-05-01", "2026-05-20"] {
            UIFixtures.press(&state, runner, .char("s"))
            state.form!.fields[0].text = past
            UIFixtures.press(&state, runner, .function(2))
            let form = try XCTUnwrap(state.form, "the form stays open")
            XCTAssertEqual(form.fields[0].text, past, "what was typed is kept")
            XCTAssertEqual(form.fields[0].error,
                           "Again from: \(past) is not after today (2026-05-20), so nothing would be put off. Choose a later date.")
            XCTAssertTrue(try runner.database.reviews(home: state.matchHome).isEmpty, "nothing saved")
            XCTAssertEqual(state.selectedMatch?.name, candidate.name)
            UIFixtures.press(&state, runner, .escape)
            if state.confirmation != nil { UIFixtures.press(&state, runner, .char("y")) }
            XCTAssertNil(state.form)
        }
    }
}

/// The question as the user sees it, for the record of what it says.
final class ContradictionScreenTests: XCTestCase {
    func testTheQuestionOnScreenInGerman() throws {
        for size in [Size(rows: 24, columns: 80), Size(rows: 16, columns: 60)] {
            var (state, runner) = try UIFixtures.state(size: size, language: .de)
            UIFixtures.press(&state, runner, .char("3"), .char("n"))
            UIFixtures.type(&state, runner, "14.5.2030")
            state.form!.fields[state.form!.index(of: .direction)!].choice = EventDirection.allCases.firstIndex(of: .online)!
            UIFixtures.press(&state, runner, .function(2))
            XCTAssertNotNil(state.confirmation)
            assertGolden(render(state), "ask-save-de-\(size.columns)x\(size.rows)")
        }
    }
}

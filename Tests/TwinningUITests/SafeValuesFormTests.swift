import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Limits in the forms are those of `Validation`, and reaching one is said in
/// the user's language: nothing is cut off without a word.
final class SafeValuesFormTests: XCTestCase {
    /// A new event form with the focus on Notes, holding `count` characters.
    private func notesForm(_ language: Language, count: Int) throws -> (AppState, EffectRunner) {
        var (state, runner) = try UIFixtures.state(language: language)
        UIFixtures.press(&state, runner, .char("3"))
        UIFixtures.press(&state, runner, .char("n"))
        var form = try XCTUnwrap(state.form)
        let notes = try XCTUnwrap(form.index(of: .notes))
        form.fields[notes].text = String(repeating: "a", count: count)
        form.focus = notes
        state.form = form
        return (state, runner)
    }

    func testNotesHoldAsMuchAsTheCommandLineAndSayWhenFull() throws {
        XCTAssertEqual(fieldLimit(.notes), Validation.maxNotesLength)
        var (state, runner) = try notesForm(.en, count: Validation.maxNotesLength - 3)
        // A paste arrives as typed characters: the first three fit, the rest is refused with a message.
        UIFixtures.type(&state, runner, "bcdefgh")
        let field = try XCTUnwrap(state.form?.field(.notes))
        XCTAssertEqual(field.text.count, Validation.maxNotesLength, "not cut at 2,000 any more")
        XCTAssertTrue(field.text.hasSuffix("abcd"))
        XCTAssertEqual(field.error, "Notes can hold at most 20,000 characters; the rest was not typed or pasted.")
        // The message is on screen.
        let screen = render(state)
        XCTAssertTrue(screen.text().contains("Notes can hold at most 20,000"), screen.text())
        // Deleting makes room again, and the message goes.
        UIFixtures.press(&state, runner, .backspace)
        UIFixtures.type(&state, runner, "z")
        XCTAssertNil(state.form?.field(.notes)?.error)
        XCTAssertTrue(state.form?.field(.notes)?.text.hasSuffix("abcz") == true)
    }

    func testNotesLimitMessageInGerman() throws {
        var (state, runner) = try notesForm(.de, count: Validation.maxNotesLength)
        UIFixtures.type(&state, runner, "x")
        XCTAssertEqual(state.form?.field(.notes)?.error, "Notizen fasst höchstens 20.000 Zeichen; der Rest wurde nicht übernommen.")
    }

    func testShortFieldsUseValidationLimitsAndSayWhenFull() throws {
        XCTAssertEqual(fieldLimit(.name), Validation.maxNameLength)
        XCTAssertEqual(fieldLimit(.title), Validation.maxShortTextLength)
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"))
        UIFixtures.press(&state, runner, .char("n"))
        var form = try XCTUnwrap(state.form)
        let title = try XCTUnwrap(form.index(of: .title))
        form.fields[title].text = String(repeating: "t", count: Validation.maxShortTextLength)
        form.focus = title
        state.form = form
        UIFixtures.type(&state, runner, "x")
        XCTAssertEqual(state.form?.field(.title)?.text.count, Validation.maxShortTextLength)
        XCTAssertNotNil(state.form?.field(.title)?.error)
    }

    func testHugeParticipantsAreRefusedInTheFormWithTheBound() throws {
        var (state, runner) = try UIFixtures.state(language: .de)
        UIFixtures.press(&state, runner, .char("3"))
        UIFixtures.press(&state, runner, .char("n"))
        UIFixtures.type(&state, runner, "14.5")
        var form = try XCTUnwrap(state.form)
        let participants = try XCTUnwrap(form.index(of: .participants))
        form.fields[participants].text = "9223372036854775807"
        state.form = form
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertNotNil(state.form, "not saved; the form stays open with every value")
        XCTAssertEqual(state.form?.field(.participants)?.error, "Teilnehmende: höchstens 1.000.000.")
        XCTAssertEqual(state.form?.field(.participants)?.text, "9223372036854775807")
    }

    func testSettingTheLastWeightToZeroWarns() throws {
        var (state, runner) = try UIFixtures.state()
        var profile = WeightProfile(name: "similar", mode: .similar, weights: [MatchFeature.allCases[0]: 0.25])
        profile.distancePreference = .none
        state.matches.profile = profile
        state.pane = .matches
        state.matches.weightsOpen = true
        state.matches.weightFocus = 0
        UIFixtures.press(&state, runner, .left)
        XCTAssertTrue(state.matchProfile.allWeightsZero)
        XCTAssertEqual(state.status?.kind, .warning)
        XCTAssertEqual(state.status?.text, tr(.weightsAllZero, .en))
        UIFixtures.press(&state, runner, .right)
        XCTAssertFalse(state.matchProfile.allWeightsZero)
        XCTAssertNotEqual(state.status?.text, tr(.weightsAllZero, .en), "the warning goes when a weight is back")
        XCTAssertTrue(tr(.weightsAllZero, .de).contains("Alle Gewichte sind 0"))
    }
}

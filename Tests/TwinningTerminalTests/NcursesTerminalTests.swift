import XCTest
import TwinningUI
@testable import TwinningTerminal

/// NcursesTerminal needs a tty to start; what can be checked without one is
/// checked here (the drawing itself is checked under tmux).
final class NcursesTerminalTests: XCTestCase {
    func testRefusesDumbOrMissingTERMWithAHelpfulMessage() {
        XCTAssertThrowsError(try NcursesTerminal.start(theme: ThemeLoader.defaultTheme, environment: ["TERM": "dumb"])) { error in
            XCTAssertEqual(error as? TerminalError, .unsuitableTerminal(term: "dumb"))
            XCTAssertEqual("\(error)", "Cannot open the terminal (TERM=\"dumb\" is unknown or unsuitable). "
                           + "Set TERM=xterm-256color and try again.")
        }
        XCTAssertThrowsError(try NcursesTerminal.start(theme: ThemeLoader.defaultTheme, environment: [:])) { error in
            XCTAssertEqual(error as? TerminalError, .unsuitableTerminal(term: nil))
            XCTAssertTrue("\(error)".contains("TERM is not set"))
        }
    }

    /// vt52 exists in terminfo but has no reverse video: the selected row could not be shown.
    func testRefusesATerminalWithoutReverseVideoBeforeSendingAnything() {
        XCTAssertThrowsError(try NcursesTerminal.start(theme: ThemeLoader.defaultTheme, environment: ["TERM": "vt52"])) { error in
            XCTAssertEqual(error as? TerminalError, .lacksCapabilities(term: "vt52", cursorAddressing: true, reverseVideo: false))
            XCTAssertTrue("\(error)".contains("cannot highlight the selected row"), "\(error)")
        }
    }

    /// The same messages in German and French for `twinning --lang de`; English word for word as `description`.
    func testTerminalErrorsAreSaidInTheVolunteersLanguage() {
        let errors: [TerminalError] = [
            .notATerminal, .unsuitableTerminal(term: nil), .unsuitableTerminal(term: "dumb"),
            .lacksCapabilities(term: "vt52", cursorAddressing: true, reverseVideo: false),
            .lacksCapabilities(term: "vt52", cursorAddressing: false, reverseVideo: true),
            .lacksCapabilities(term: "vt52", cursorAddressing: false, reverseVideo: false),
        ]
        for error in errors {
            XCTAssertEqual(error.text(.en), error.description)
            XCTAssertNotEqual(error.text(.de), error.description)
            XCTAssertNotEqual(error.text(.fr), error.description)
        }
        XCTAssertEqual(TerminalError.unsuitableTerminal(term: "dumb").text(.de),
                       "Das Terminal lässt sich nicht öffnen (TERM=„dumb“ ist unbekannt oder ungeeignet). "
                       + "Bitte TERM=xterm-256color setzen und es noch einmal versuchen.")
        XCTAssertTrue(TerminalError.lacksCapabilities(term: "vt52", cursorAddressing: true, reverseVideo: false).text(.fr)
            .contains("TERM=« vt52 » ne sait pas mettre en évidence la ligne choisie"))
        XCTAssertFalse(TerminalError.unsuitableTerminal(term: "x\u{1b}]0;owned\u{7}").text(.fr).unicodeScalars.contains { $0.value < 0x20 })
    }

    func testErrorMessageDoesNotEchoControlCharactersFromTERM() {
        let message = TerminalError.unsuitableTerminal(term: "x\u{1b}]0;owned\u{7}").description
        XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertTrue(message.contains("TERM=\"x?]0;owned?\""))
    }

    func testWideCharsForACell() {
        XCTAssertEqual(NcursesTerminal.wideChars(for: "a"), [0x61, 0])
        XCTAssertEqual(NcursesTerminal.wideChars(for: "東"), [0x6771, 0])
        // Decomposed ü: base plus combining mark in one cell.
        XCTAssertEqual(NcursesTerminal.wideChars(for: "u\u{308}"), [0x75, 0x308, 0])
        // Emoji with variation selector keeps it; a ZWJ family keeps only the first person.
        XCTAssertEqual(NcursesTerminal.wideChars(for: "❤\u{FE0F}"), [0x2764, 0xFE0F, 0])
        XCTAssertEqual(NcursesTerminal.wideChars(for: "👨\u{200D}👩\u{200D}👧"), [0x1F468, 0])
        XCTAssertEqual(NcursesTerminal.wideChars(for: ""), [0x20, 0])
    }
}

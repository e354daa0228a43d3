import XCTest
@testable import TwinningUI

/// French puts a space before ? ! : ; and inside « »: a wrapped line must
/// never start with the mark alone ("contact" / "?").
final class FrenchWrapTests: XCTestCase {
    func testHighPunctuationStaysWithItsWord() {
        let text = "Ajouter Gdańsk comme jumelage en projet, ou comme contact ?"
        for width in 10...60 {
            for line in wrap(text, width: width) {
                XCTAssertFalse(line.hasPrefix("?"), "width \(width): \(wrap(text, width: width))")
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width)
            }
        }
        for width in 14...24 {
            for line in wrap("Remarque : « Bonjour » ! Merci", width: width) {
                XCTAssertFalse(line.hasPrefix(":") || line.hasPrefix("»") || line.hasPrefix("!") || line.hasSuffix("«"),
                               "width \(width): \(line)")
            }
        }
    }

    func testEnglishWrapsAsBefore() {
        XCTAssertEqual(wrap("Add Gdańsk as a planned partnership or as a contact?", width: 20),
                       ["Add Gdańsk as a", "planned partnership", "or as a contact?"])
    }
}

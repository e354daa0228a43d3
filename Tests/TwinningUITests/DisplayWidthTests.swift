import XCTest
@testable import TwinningUI

final class DisplayWidthTests: XCTestCase {
    func testWidthsOfCityNames() {
        XCTAssertEqual(DisplayWidth.of("Düsseldorf"), 10)
        XCTAssertEqual(DisplayWidth.of("Kraków"), 6)
        XCTAssertEqual(DisplayWidth.of("Ełk"), 3)
        XCTAssertEqual(DisplayWidth.of("東京"), 4)
        XCTAssertEqual(DisplayWidth.of("Αθήνα"), 5)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testDecomposedTextHasSameWidthAsComposed() {
        let nfd = "Du\u{308}sseldorf"
        XCTAssertEqual(nfd.unicodeScalars.count, 11)
        XCTAssertEqual(DisplayWidth.of(nfd), 10)
        let nfdKrakow = "Krako\u{301}w"
        XCTAssertEqual(DisplayWidth.of(nfdKrakow), 6)
    }

    func testEmojiIsTwoColumnsAndCombiningMarksAreZero() {
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("a😀b"), 4)
        XCTAssertEqual(DisplayWidth.of("\u{200B}"), 0)      // zero width space
        XCTAssertEqual(DisplayWidth.of("\u{301}"), 0)       // lone combining accent
    }

    func testControlCharactersCountAsTheirPlaceholder() {
        // ESC [ 2 J is shown as "?[2J": four columns.
        XCTAssertEqual(DisplayWidth.of("\u{1b}[2J"), 4)
        XCTAssertEqual(DisplayWidth.of("a\u{7}b"), 3)
    }

    func testUnknownScalarCountsOne() {
        XCTAssertEqual(DisplayWidth.wcwidth("\u{10FFFF}"), -1)
        XCTAssertEqual(DisplayWidth.of("\u{10FFFF}"), 1)
        XCTAssertTrue(DisplayWidth.isUnknown("\u{10FFFF}"))
        XCTAssertFalse(DisplayWidth.isUnknown("東"))
    }

    func testTruncateKeepsTextThatFits() {
        XCTAssertEqual(DisplayWidth.truncate("Düsseldorf", to: 10), "Düsseldorf")
        XCTAssertEqual(DisplayWidth.truncate("東京", to: 4), "東京")
        XCTAssertEqual(DisplayWidth.truncate("anything", to: 0), "")
        XCTAssertEqual(DisplayWidth.truncate("anything", to: -3), "")
    }

    func testTruncateCutsToExactWidthWithEllipsis() {
        XCTAssertEqual(DisplayWidth.truncate("Düsseldorf", to: 6), "Düsse…")
        XCTAssertEqual(DisplayWidth.truncate("Αθήνα", to: 3), "Αθ…")
        XCTAssertEqual(DisplayWidth.truncate("Düsseldorf", to: 1), "…")
        for text in ["Düsseldorf", "Du\u{308}sseldorf", "Kraków", "東京東京東京", "😀😀😀x", "Αθήνα Ełk"] {
            for width in 1...12 {
                let cut = DisplayWidth.truncate(text, to: width)
                XCTAssertEqual(DisplayWidth.of(cut), min(width, DisplayWidth.of(text)), "\(text) at \(width): \(cut)")
                if DisplayWidth.of(text) > width { XCTAssertTrue(cut.hasSuffix("…"), cut) }
            }
        }
    }

    func testTruncateNeverSplitsAWideCharacter() {
        // 3 columns: room for "東" (2) + "…" (1).
        XCTAssertEqual(DisplayWidth.truncate("東京", to: 3), "東…")
        // 4 columns of "東京東": 2 + "…" would leave one column; a space fills it.
        XCTAssertEqual(DisplayWidth.truncate("東京東", to: 4), "東 …")
        XCTAssertEqual(DisplayWidth.truncate("東京", to: 2), " …")
    }

    func testTruncateOfDecomposedTextKeepsAccentsWithTheirLetters() {
        let cut = DisplayWidth.truncate("Du\u{308}sseldorf", to: 3)
        XCTAssertEqual(cut.unicodeScalars.map(\.value), [0x44, 0x75, 0x308, 0x2026])
        XCTAssertEqual(DisplayWidth.of(cut), 3)
    }

    func testTruncateSanitises() {
        XCTAssertEqual(DisplayWidth.truncate("a\u{1b}[2Jb", to: 10), "a?[2Jb")
    }

    func testPad() {
        XCTAssertEqual(DisplayWidth.pad("Ełk", to: 6), "Ełk   ")
        XCTAssertEqual(DisplayWidth.pad("Ełk", to: 6, alignRight: true), "   Ełk")
        XCTAssertEqual(DisplayWidth.pad("東京", to: 6), "東京  ")
        XCTAssertEqual(DisplayWidth.pad("Düsseldorf", to: 5), "Düss…")
        XCTAssertEqual(DisplayWidth.pad("東京東", to: 4), "東 …")
        XCTAssertEqual(DisplayWidth.pad("x", to: 0), "")
        for width in 0...9 {
            XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("Du\u{308}sseldorf 東京", to: width)), width)
        }
    }
}

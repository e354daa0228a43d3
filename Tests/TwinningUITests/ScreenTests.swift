import XCTest
@testable import TwinningUI

final class ScreenTests: XCTestCase {
    func testNewScreenIsBlankAndLinesKeepTheWidth() {
        let screen = Screen(rows: 2, columns: 5)
        XCTAssertEqual(screen.lines(), ["     ", "     "])
        XCTAssertEqual(screen.text(), "     \n     ")
        XCTAssertNil(screen.cursor)
        XCTAssertEqual(screen[0, 0], Cell(text: " ", role: .normal))
    }

    func testPutWritesGraphemesWithRole() {
        var screen = Screen(rows: 1, columns: 12)
        let used = screen.put("Düsseldorf", row: 0, col: 1, role: .homeCity)
        XCTAssertEqual(used, 10)
        XCTAssertEqual(screen.lines(), [" Düsseldorf "])
        XCTAssertEqual(screen[0, 2], Cell(text: "ü", role: .homeCity))
        XCTAssertEqual(screen[0, 0].role, .normal)
        XCTAssertEqual(screen[0, 11].role, .normal)
    }

    func testDecomposedTextTakesOneCellPerLetter() {
        var screen = Screen(rows: 1, columns: 10)
        XCTAssertEqual(screen.put("Du\u{308}sseldorf", row: 0, col: 0, role: .normal), 10)
        XCTAssertEqual(screen[0, 1].text, "u\u{308}")
        XCTAssertEqual(screen[0, 2].text, "s")
    }

    func testWideCharactersUseTwoCells() {
        var screen = Screen(rows: 1, columns: 8)
        XCTAssertEqual(screen.put("東京x", row: 0, col: 1, role: .normal), 5)
        XCTAssertEqual(screen.cells[0].map(\.text), [" ", "東", "", "京", "", "x", " ", " "])
        XCTAssertTrue(screen[0, 2].isContinuation)
        XCTAssertEqual(DisplayWidth.of(screen.lines()[0]), 8)
    }

    func testWideCharacterThatStraddlesTheEdgeBecomesASpace() {
        var screen = Screen(rows: 1, columns: 5)
        XCTAssertEqual(screen.put("ab東京", row: 0, col: 0, role: .selected), 5)
        XCTAssertEqual(screen.cells[0].map(\.text), ["a", "b", "東", "", " "])
        XCTAssertEqual(screen[0, 4].role, .selected)
    }

    func testMaxWidthClipsAndStraddlingWideCharacterBecomesASpace() {
        var screen = Screen(rows: 1, columns: 10)
        XCTAssertEqual(screen.put("東京東京", row: 0, col: 0, role: .normal, maxWidth: 3), 3)
        XCTAssertEqual(screen.cells[0].map(\.text), ["東", "", " ", " ", " ", " ", " ", " ", " ", " "])
        XCTAssertEqual(screen.put("Kraków", row: 0, col: 4, role: .normal, maxWidth: 4), 4)
        XCTAssertEqual(screen.lines(), ["東  Krak  "])
        XCTAssertEqual(screen.put("xyz", row: 0, col: 0, role: .normal, maxWidth: 0), 0)
        XCTAssertEqual(screen.put("xyz", row: 0, col: 0, role: .normal, maxWidth: -5), 0)
    }

    func testClipsAtTheRightEdge() {
        var screen = Screen(rows: 1, columns: 4)
        XCTAssertEqual(screen.put("Αθήνα", row: 0, col: 2, role: .normal), 2)
        XCTAssertEqual(screen.lines(), ["  Αθ"])
    }

    func testOutOfRangeCoordinatesNeverCrash() {
        var screen = Screen(rows: 2, columns: 4)
        XCTAssertEqual(screen.put("x", row: -1, col: 0, role: .normal), 0)
        XCTAssertEqual(screen.put("x", row: 2, col: 0, role: .normal), 0)
        XCTAssertEqual(screen.put("x", row: 0, col: 4, role: .normal), 0)
        XCTAssertEqual(screen.put("x", row: 0, col: Int.max, role: .normal, maxWidth: Int.max), 0)
        XCTAssertEqual(screen.put("x", row: Int.min, col: Int.min, role: .normal), 0)
        screen.put("abc", row: 0, col: Int.min, role: .normal, maxWidth: Int.max)
        screen.fill(row: 0, col: Int.min, width: Int.max, role: .dim)
        screen.fill(row: 5, col: 0, width: 3, role: .dim)
        screen.fill(row: 1, col: 2, width: -1, role: .dim)
        screen.fillRow(-1, role: .dim)
        screen.restyle(row: 1, col: Int.max, width: Int.max, role: .dim)
        XCTAssertEqual(screen[9, 9], .blank)
        XCTAssertEqual(screen[-1, -1], .blank)
        XCTAssertEqual(Screen(rows: -3, columns: -3).lines(), [])
    }

    func testNegativeColumnSkipsTheInvisiblePart() {
        var screen = Screen(rows: 1, columns: 6)
        XCTAssertEqual(screen.put("abcdef", row: 0, col: -2, role: .normal), 6)
        XCTAssertEqual(screen.lines(), ["cdef  "])
        var wide = Screen(rows: 1, columns: 6)
        wide.put("東京", row: 0, col: -1, role: .normal)
        // The right half of 東 is visible in column 0: it becomes a space.
        XCTAssertEqual(wide.cells[0].map(\.text), [" ", "京", "", " ", " ", " "])
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(rows: 1, columns: 6)
        screen.put("東京", row: 0, col: 0, role: .normal)
        screen.put("x", row: 0, col: 1, role: .normal)      // right half of 東
        XCTAssertEqual(screen.cells[0].map(\.text), [" ", "x", "京", "", " ", " "])
        screen.put("y", row: 0, col: 2, role: .normal)      // left half of 京
        XCTAssertEqual(screen.cells[0].map(\.text), [" ", "x", "y", " ", " ", " "])
        screen.put("東", row: 0, col: 3, role: .normal)
        screen.put("京", row: 0, col: 2, role: .normal)      // overlaps 東 by one cell
        XCTAssertEqual(screen.cells[0].map(\.text), [" ", "x", "京", "", " ", " "])
        for line in screen.lines() { XCTAssertEqual(DisplayWidth.of(line), 6) }
    }

    func testSanitisingKeepsControlCharactersOutOfCells() {
        var screen = Screen(rows: 2, columns: 20)
        screen.put("a\u{1b}[2Jb", row: 0, col: 0, role: .normal)
        screen.put("\u{1b}]0;x\u{7}ok\u{9b}\u{202e}", row: 1, col: 0, role: .normal)
        XCTAssertEqual(screen.lines()[0], "a?[2Jb" + String(repeating: " ", count: 14))
        XCTAssertTrue(screen.lines()[1].hasPrefix("?]0;x?ok??"))
        for row in screen.cells {
            for cell in row {
                for scalar in cell.text.unicodeScalars {
                    XCTAssertFalse(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{202E}",
                                   "control character U+\(String(scalar.value, radix: 16)) in a cell")
                }
            }
        }
    }

    func testLineBreaksAndTabsBecomeSpaces() {
        var screen = Screen(rows: 2, columns: 8)
        XCTAssertEqual(screen.put("a\nb\tc", row: 0, col: 0, role: .normal), 5)
        XCTAssertEqual(screen.lines(), ["a b c   ", "        "])
    }

    func testZeroWidthAndUnknownClusters() {
        var screen = Screen(rows: 1, columns: 6)
        XCTAssertEqual(screen.put("\u{301}a\u{200B}b\u{10FFFF}", row: 0, col: 0, role: .normal), 3)
        XCTAssertEqual(screen.cells[0].map(\.text), ["a", "b", "?", " ", " ", " "])
    }

    func testEmoji() {
        var screen = Screen(rows: 1, columns: 5)
        XCTAssertEqual(screen.put("😀!", row: 0, col: 0, role: .normal), 3)
        XCTAssertEqual(screen.cells[0].map(\.text), ["😀", "", "!", " ", " "])
    }

    func testFillAndFillRow() {
        var screen = Screen(rows: 2, columns: 6)
        screen.put("abcdef", row: 0, col: 0, role: .normal)
        screen.fill(row: 0, col: 2, width: 2, role: .selected)
        XCTAssertEqual(screen.lines()[0], "ab  ef")
        XCTAssertEqual(screen.cells[0].map(\.role), [.normal, .normal, .selected, .selected, .normal, .normal])
        screen.fillRow(1, role: .keyBar)
        XCTAssertEqual(Set(screen.cells[1].map(\.role)), [.keyBar])
        screen.fill(row: 0, col: 4, width: 100, role: .dim)
        XCTAssertEqual(screen.cells[0].map(\.role), [.normal, .normal, .selected, .selected, .dim, .dim])
    }

    func testRestyleKeepsTextAndCoversWholeWideCharacters() {
        var screen = Screen(rows: 1, columns: 6)
        screen.put("a東京", row: 0, col: 0, role: .normal)
        screen.restyle(row: 0, col: 2, width: 2, role: .selected)   // from the right half of 東 to the left half of 京
        XCTAssertEqual(screen.lines(), ["a東京 "])
        XCTAssertEqual(screen.cells[0].map(\.role), [.normal, .selected, .selected, .selected, .selected, .normal])
    }

    func testScreensCompareByValueIncludingCursor() {
        var a = Screen(rows: 2, columns: 3)
        var b = Screen(rows: 2, columns: 3)
        XCTAssertEqual(a, b)
        a.cursor = Position(row: 1, col: 2)
        XCTAssertNotEqual(a, b)
        b.cursor = Position(row: 1, col: 2)
        b.put("x", row: 0, col: 0, role: .normal)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(a.size, Size(rows: 2, columns: 3))
    }
}

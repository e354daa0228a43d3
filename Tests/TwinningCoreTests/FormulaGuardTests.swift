import XCTest
@testable import TwinningCore

/// The CSV formula guard: no exported cell starts a formula, and every text
/// comes back from export → import exactly as it was.
final class FormulaGuardTests: XCTestCase {
    func testTheTrickyValues() {
        let cases: [(String, String)] = [
            ("'-5", "''-5"), ("-5", "-5"), ("'", "'"), ("''", "'''"), ("'=1", "''=1"), ("=1", "'=1"),
            ("+", "'+"), ("@x", "'@x"), ("'s-Hertogenbosch", "'s-Hertogenbosch"), ("-5.25", "-5.25"),
            ("-1e3", "-1e3"), ("-inf", "'-inf"), ("-0x1p3", "'-0x1p3"), ("-", "'-"), ("\tx", "'\tx"), ("", ""),
        ]
        for (value, cell) in cases {
            XCTAssertEqual(SpreadsheetSafety.neutralise(value), cell, "export of \(value.debugDescription)")
            XCTAssertEqual(SpreadsheetSafety.restore(cell), value, "import of \(cell.debugDescription)")
        }
    }

    /// Every string of up to four characters from the characters that matter.
    func testEveryShortStringRoundTripsAndNoCellStartsAFormula() {
        let alphabet: [Character] = ["'", "=", "+", "-", "@", "\t", "\r", "5", ".", "e", "a"]
        var strings = [""]
        var frontier = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + String($0) } }
            strings += frontier
        }
        XCTAssertGreaterThan(strings.count, 16_000)
        for value in strings {
            let cell = SpreadsheetSafety.neutralise(value)
            XCTAssertEqual(SpreadsheetSafety.restore(cell), value, "round trip of \(value.debugDescription) via \(cell.debugDescription)")
            if let first = cell.first, SpreadsheetSafety.triggers.contains(first) {
                XCTAssertTrue(SpreadsheetSafety.isPlainNumber(cell), "\(cell.debugDescription) would run as a formula")
            }
        }
    }
}

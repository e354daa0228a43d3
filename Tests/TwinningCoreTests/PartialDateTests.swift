import XCTest
@testable import TwinningCore

final class PartialDateTests: XCTestCase {
    func testAcceptedForms() {
        XCTAssertEqual(PartialDate.parse("2026-05-14")?.iso, "2026-05-14")
        XCTAssertEqual(PartialDate.parse("14.05.2026")?.iso, "2026-05-14")
        XCTAssertEqual(PartialDate.parse("14.5.2026")?.iso, "2026-05-14")
        XCTAssertEqual(PartialDate.parse("14.5.26")?.iso, "2026-05-14")
        XCTAssertEqual(PartialDate.parse("2026-05")?.iso, "2026-05")
        XCTAssertEqual(PartialDate.parse("2026")?.iso, "2026")
        XCTAssertEqual(PartialDate.parse(" 2026 ")?.iso, "2026")
        XCTAssertEqual(PartialDate.parse("2024-02-29")?.iso, "2024-02-29")
        // French users type the day first with slashes.
        XCTAssertEqual(PartialDate.parse("14/05/2026")?.iso, "2026-05-14")
        XCTAssertEqual(PartialDate.parse("05/2026")?.iso, "2026-05")
    }

    func testRejectedForms() {
        for bad in ["", "26", "2026-5-14", "2026-13", "2026-02-30", "2025-02-29", "31.04.2026", "31/04/2026", "14/05.2026",
                    "yesterday", "2026-05-14T10:00", "２０２６", "20260514", "0999", "-2026"] {
            XCTAssertNil(PartialDate.parse(bad), bad)
        }
    }

    func testOrderingAndGermanForm() {
        XCTAssertLessThan(PartialDate.parse("2025")!, PartialDate.parse("2025-01")!)
        XCTAssertLessThan(PartialDate.parse("2025-01-31")!, PartialDate.parse("2025-02")!)
        XCTAssertEqual(PartialDate.parse("2026-05-14")?.german, "14.05.2026")
        XCTAssertEqual(PartialDate.parse("2026-05")?.german, "05.2026")
        XCTAssertEqual(PartialDate.parse("1960")?.german, "1960")
    }

    /// The byte-wise reader (import speed) keeps the edges of the string one.
    func testEdgesOfTheFastReader() {
        XCTAssertEqual(PartialDate.parse(" 2026-05-14\t")?.iso, "2026-05-14", "spaces and tabs are trimmed")
        XCTAssertEqual(PartialDate.parse("\u{00A0}2026\u{2003}")?.iso, "2026", "so are Unicode spaces")
        XCTAssertEqual(PartialDate.parse("01.01.1000")?.iso, "1000-01-01")
        XCTAssertEqual(PartialDate.parse("31.12.9999")?.iso, "9999-12-31")
        for bad in ["2026-05-1x", "2026--05", "2026-05-", "14..2026", "1.2.3.2026", ".05.2026", "14.05.", "1/2/3/2026",
                    "2026-00-10", "2026-05-00", "00.05.2026", "14.05.999", "14.05.20260", "0000000001.05.2026", "2026-05-14\n"] {
            XCTAssertNil(PartialDate.parse(bad), bad)
        }
        XCTAssertLessThan(PartialDate.parse("2025-12")!, PartialDate.parse("2026")!)
        XCTAssertFalse(PartialDate.parse("2026")! < PartialDate.parse("2026")!)
        XCTAssertEqual(PartialDate(year: 1000, month: 1, day: 2)?.iso, "1000-01-02")
    }

    func testTheSortKeyOrdersAsTheISOText() {
        let dates = ["2019", "2019-05", "2019-05-01", "2019-05-31", "2019-06", "2019-12-31", "2020", "1000", "9999-12-31", "2019-01-01", "2019-01"]
            .compactMap(PartialDate.parse)
        XCTAssertEqual(dates.count, 11)
        XCTAssertEqual(dates.sorted { $0.sortKey < $1.sortKey }.map(\.iso), dates.map(\.iso).sorted())
        XCTAssertEqual(Set(dates.map(\.sortKey)).count, dates.count, "different dates, different keys")
    }
}

/// The fast paths of PlainText.swift give Foundation's answers.
final class PlainTextTests: XCTestCase {
    func testTrimmingSpacesIsFoundationsTrim() {
        for text in ["", " ", "a", " a", "a ", "\ta\t", "\u{00A0}Kraków\u{2003}", "Ełk", "a b", "\nx\n", "ä ", " ü", "\u{3000}東京"] {
            XCTAssertEqual(text.trimmingSpaces, text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }

    func testPrecomposedIsNFC() {
        for text in ["Dortmund", "Krako\u{0301}w", "Kraków", "", "Ełk", "e\u{0301}\u{0323}"] {
            XCTAssertEqual(text.precomposed.unicodeScalars.map(\.value),
                           text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), text.debugDescription)
        }
    }
}

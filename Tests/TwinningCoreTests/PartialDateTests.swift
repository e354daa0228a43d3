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
}

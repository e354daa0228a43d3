import XCTest
@testable import TwinningCore

final class NaturalDateTests: XCTestCase {
    let today = PartialDate(year: 2026, month: 12, day: 31)!

    func parse(_ text: String) -> String? { NaturalDate.parse(text, today: today)?.description }

    func testRelativeWordsInThreeLanguages() {
        for word in ["today", "heute", "aujourd'hui", "Aujourd’hui", "HEUTE"] { XCTAssertEqual(parse(word), "2026-12-31", word) }
        for word in ["yesterday", "gestern", "hier"] { XCTAssertEqual(parse(word), "2026-12-30", word) }
        for word in ["tomorrow", "morgen", "demain"] { XCTAssertEqual(parse(word), "2027-01-01", word) }
        XCTAssertEqual(NaturalDate.parse("gestern", today: PartialDate(year: 2024, month: 3, day: 1)!)?.description, "2024-02-29")
    }

    func testMonthNames() {
        XCTAssertEqual(parse("14. Mai"), "2026-05-14")
        XCTAssertEqual(parse("14 Mai"), "2026-05-14")
        XCTAssertEqual(parse("14. Mai 2025"), "2025-05-14")
        XCTAssertEqual(parse("14 May 2025"), "2025-05-14")
        XCTAssertEqual(parse("May 14, 2025"), "2025-05-14")
        XCTAssertEqual(parse("14th May"), "2026-05-14")
        XCTAssertEqual(parse("1er mai 2026"), "2026-05-01")
        XCTAssertEqual(parse("3 März 2026"), "2026-03-03")
        XCTAssertEqual(parse("3 Maerz 2026"), "2026-03-03")
        XCTAssertEqual(parse("3 mars 2026"), "2026-03-03")
        XCTAssertEqual(parse("12 déc. 2026"), "2026-12-12")
        XCTAssertEqual(parse("12 Dez 2026"), "2026-12-12")
        XCTAssertEqual(parse("5 sept 2026"), "2026-09-05")
        XCTAssertEqual(parse("août 2026"), "2026-08")
        XCTAssertEqual(parse("Mai 2026"), "2026-05")
        XCTAssertEqual(parse("May 2026"), "2026-05")
        XCTAssertEqual(parse("Juni"), "2026-06")
    }

    func testSlashes() {
        XCTAssertEqual(parse("05/2026"), "2026-05")
        XCTAssertEqual(parse("14/05/2026"), "2026-05-14")
        XCTAssertEqual(parse("14/5/26"), "2026-05-14")
        XCTAssertEqual(parse("14/5"), "2026-05-14")
        XCTAssertEqual(parse("05/14/2026"), "2026-05-14", "month first only when the day cannot be the month")
    }

    func testStrictFormsStillWork() {
        XCTAssertEqual(parse("2026-05-14"), "2026-05-14")
        XCTAssertEqual(parse("14.05.2026"), "2026-05-14")
        XCTAssertEqual(parse("14.5."), "2026-05-14")
        XCTAssertEqual(parse("2026"), "2026")
    }

    func testWhatIsNotADate() {
        for text in ["", "30. Februar", "31/04/2026", "13/13/2026", "Mai Juni", "14 15 Mai", "ma 2026", "Maier", "14. Mai 26000",
                     "next week", "32 May", "5/2026/1", "0/2026", "14/05/202"] {
            XCTAssertNil(parse(text), text)
        }
    }
}

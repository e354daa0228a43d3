import Foundation
import TwinningCore
@testable import TwinningUI
import TwinningTestSupport
import XCTest

/// German (and French) all the way: decimal commas, local times, the change
/// log and country names in the user's language; wide windows show more; no
/// dialog button runs past its border.
final class GermanAllTheWayTests: XCTestCase {
    func testScoresHaveTheLanguagesDecimalMark() {
        XCTAssertEqual(Formatting.fixed(0.463, digits: 2, .en), "0.46")
        XCTAssertEqual(Formatting.fixed(0.463, digits: 2, .de), "0,46")
        XCTAssertEqual(Formatting.fixed(0.463, digits: 2, .fr), "0,46")
    }

    func testCountryNamesComeFromICUInTheReadersLanguage() {
        XCTAssertEqual(CountryNames.name(code: "DE", fallback: "Germany", .de), "Deutschland")
        XCTAssertEqual(CountryNames.name(code: "DE", fallback: "Germany", .fr), "Allemagne")
        XCTAssertEqual(CountryNames.name(code: "DE", fallback: "Germany", .en), "Germany")
        XCTAssertEqual(CountryNames.name(code: nil, fallback: "Germany", .de), "Germany", "no code: the data's name")
    }

    func testTimestampsAreLocalInTheLanguagesOrder() {
        let utc = TimeZone(identifier: "UTC")!, berlin = TimeZone(identifier: "Europe/Berlin")!
        XCTAssertEqual(LocalTime.dateTime("2026-12-02T04:39:55Z", .de, timeZone: berlin), "02.12.2026 05:39")
        XCTAssertEqual(LocalTime.dateTime("2026-12-02T04:39:55Z", .fr, timeZone: utc), "02/12/2026 04:39")
        XCTAssertEqual(LocalTime.dateTime("2026-12-02T04:39:55Z", .en, timeZone: utc), "2026-12-02 04:39")
        XCTAssertEqual(LocalTime.dateTime("not a time", .de), "not a time")
    }

    func testTheChangeLogIsToldFromItsRecordInTheUsersLanguage() throws {
        let partnership = Partnership(between: 1, and: 2)
        let json = String(decoding: try JSONEncoder().encode(partnership), as: UTF8.self)
        // ChangeRecord has no public initialiser: made as the database hands it over (Codable).
        let record: [String: Any] = ["id": 7, "at": "2026-12-02T04:39:55Z", "user": "anna", "session": "s", "action": "create",
                                     "entity": "partnership", "entityId": 9, "summary": "partnership Dortmund ↔ Leeds",
                                     "after": json, "undone": false]
        let change = try JSONDecoder().decode(ChangeRecord.self, from: JSONSerialization.data(withJSONObject: record))
        let names: [Int64: String] = [1: "Dortmund", 2: "Leeds"]
        XCTAssertEqual(ChangeWords.subject(change, .de) { names[$0] }, "Partnerschaft Dortmund ↔ Leeds")
        XCTAssertEqual(ChangeWords.verb(change.action, .de), "angelegt")
        XCTAssertEqual(ChangeWords.undone(change, .de) { names[$0] }, "Rückgängig gemacht: Partnerschaft Dortmund ↔ Leeds (angelegt)")
        XCTAssertEqual(ChangeWords.undone(change, .fr) { names[$0] }, "Annulé : jumelage Dortmund ↔ Leeds (créé)")
        var unreadable = change
        unreadable.after = "{"
        XCTAssertEqual(ChangeWords.subject(unreadable, .de) { names[$0] }, "partnership Dortmund ↔ Leeds", "the stored text as a fallback")
    }

    func testTheHistoryIsGermanAfterAnUndo() throws {
        var (state, runner) = try UIFixtures.state(language: .de)
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        XCTAssertNotNil(state.form)
        // Any saved change will do: undo it and look at the status and the history.
        let event = Event(partnershipId: try XCTUnwrap(state.data.partnerships.first?.id), title: "Chorfahrt",
                          startDate: PartialDate(year: 2026, month: 5, day: 14)!)
        state.form = nil
        UIFixtures.run(&state, runner, [.saveEvent(event)])
        UIFixtures.press(&state, runner, .char("u"))
        let status = try XCTUnwrap(state.status?.text)
        XCTAssertTrue(status.hasPrefix("Rückgängig gemacht: Begegnung 14.05.2026 Chorfahrt"), status)
        XCTAssertTrue(status.hasSuffix("(angelegt)"), status)
        UIFixtures.press(&state, runner, .char("L"))
        let screen = render(state).text()
        XCTAssertTrue(screen.contains("rückgängig"), screen)
        XCTAssertFalse(screen.contains(" create ") || screen.contains(" undo "), screen)
    }

    func testWideWindowsGiveTheDetailAtLeastItsWidthAt80Columns() {
        for columns in [80, 100, 120, 139, 140, 160, 200] {
            let layout = Layout(Size(rows: 40, columns: columns))
            XCTAssertGreaterThanOrEqual(layout.detail.columns, 80, "\(columns) columns")
            XCTAssertGreaterThanOrEqual(layout.list.columns, min(columns, 60), "\(columns) columns")
        }
        XCTAssertFalse(Layout(Size(rows: 40, columns: 120)).sideBySide, "120x40: list above a full-width detail")
        XCTAssertTrue(Layout(Size(rows: 40, columns: 160)).sideBySide)
    }

    func testEveryButtonRowFitsInsideItsDialog() {
        for width in [12, 20, 30, 56, 60] {
            let rows = ButtonRows(["[ p  als Partnerschaft ]", "[ c  als Kontakt ]", "[ Esc  Abbrechen ]"], width: width)
            for button in rows.placed {
                XCTAssertLessThanOrEqual(button.col + DisplayWidth.of(button.text), width, "width \(width): \(button)")
            }
        }
    }

    func testTheAcceptDialogKeepsItsButtonsInsideTheBorderAtEverySize() throws {
        for (rows, columns) in [(16, 60), (24, 80), (40, 120)] {
            for language in [Language.de, .en, .fr] {
                var (state, runner) = try UIFixtures.state(size: Size(rows: rows, columns: columns), language: language)
                UIFixtures.press(&state, runner, .char("4"))
                guard let candidate = state.matches.rows.first else { return XCTFail("no suggestions") }
                state.matches.accepting = candidate
                let lines = render(state).text().components(separatedBy: "\n")
                for line in lines where line.contains("[ c ") || line.contains("[ Esc") || line.contains("[ p ") {
                    // The button line lies between the dialog's two borders.
                    let cells = Array(line)
                    let borders = cells.indices.filter { cells[$0] == "│" }
                    guard let left = borders.first, let right = borders.last, left < right else {
                        return XCTFail("\(rows)x\(columns) \(language): buttons outside the box: \(line)")
                    }
                    let last = cells.lastIndex(of: "]")!
                    XCTAssertLessThan(last, right, "\(rows)x\(columns) \(language): \(line)")
                }
            }
        }
    }
}

/// An accept's stored reason ("proposed partnership") is shown in the user's words.
final class AcceptReasonWordsTests: XCTestCase {
    func testTheAcceptMarkerIsShownInTheUsersLanguage() {
        let accept = MatchReview(homeCityId: 1, candidateCityId: 2, decision: .accept, reason: "proposed partnership")
        XCTAssertEqual(accept.reasonLabel(.de), tr(.acceptPartnership, .de))
        XCTAssertNotEqual(accept.reasonLabel(.de), "proposed partnership")
        let typed = MatchReview(homeCityId: 1, candidateCityId: 2, decision: .reject, reason: "contact")
        XCTAssertEqual(typed.reasonLabel(.de), "contact", "a typed reason stays as typed")
    }
}

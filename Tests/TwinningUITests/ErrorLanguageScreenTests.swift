import Foundation
import GRDB
import XCTest
@testable import TwinningCore
@testable import TwinningUI
import TwinningTestSupport

/// The full-screen program says a refused save in the user's language, with
/// the field named as the form and the files name it.
final class ErrorLanguageScreenTests: XCTestCase {
    func testASaveRefusedByTheRulesIsSaidInTheUsersLanguage() throws {
        let (_, runner) = try UIFixtures.state()
        let partnership = try XCTUnwrap(try runner.database.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM partnership LIMIT 1") })
        let event = Event(partnershipId: partnership, title: "Jugendcamp", kind: .youth_exchange,
                          startDate: try XCTUnwrap(PartialDate(year: 2026, month: 5, day: 14)), participants: 10, youth: 20)
        XCTAssertEqual(runner.perform(.saveEvent(event), language: .fr),
                       [.failed("Non enregistré : youth : les moins de 30 ans (20) ne peuvent pas être plus nombreux que les participants (10)",
                                field: FieldID(rawValue: "youth"))])
        XCTAssertEqual(runner.perform(.saveEvent(event), language: .de),
                       [.failed("Nicht gespeichert: youth: Unter-30-Jährige (20) können nicht mehr sein als Teilnehmende (10)",
                                field: FieldID(rawValue: "youth"))])
        XCTAssertEqual(runner.perform(.saveEvent(event), language: .en),
                       [.failed("Could not save: youth: under-30s (20) cannot exceed participants (10)", field: FieldID(rawValue: "youth"))])
    }
}

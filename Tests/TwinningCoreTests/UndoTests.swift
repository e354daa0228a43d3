import XCTest
import GRDB
@testable import TwinningCore

/// Undo reads the change log in the database, so it survives a killed program
/// and never reverts someone else's later change.
final class UndoTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-undo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func seeded(_ actor: ChangeActor) throws -> (AppDatabase, Int64, Int64) {
        let db = try Fixtures.database()
        return (db, try Fixtures.id(db, 2935517), try Fixtures.id(db, 3037854))
    }

    func testUndoWalksBackThroughCreateEditAndDelete() throws {
        let (db, dortmund, amiens) = try seeded(ChangeActor(user: "test"))
        let p = try db.addPartnership(Partnership(between: dortmund, and: amiens))
        var event = try db.addEvent(Event(partnershipId: p.id!, title: "Besuch", startDate: PartialDate(year: 2025)!, participants: 40))
        event.participants = 42
        event = try db.updateEvent(event)
        try db.removeEvent(id: event.id!)
        XCTAssertEqual(try db.counts().events, 0)

        XCTAssertEqual(try db.undoLast()?.action, .delete)
        XCTAssertEqual(try db.event(id: event.id!)?.participants, 42, "the deleted event is back")
        XCTAssertEqual(try db.undoLast()?.action, .update)
        XCTAssertEqual(try db.event(id: event.id!)?.participants, 40, "the edit is reverted")
        XCTAssertEqual(try db.undoLast()?.action, .create)
        XCTAssertNil(try db.event(id: event.id!))
        XCTAssertEqual(try db.undoLast()?.action, .create)
        XCTAssertEqual(try db.counts().partnerships, 0)
        XCTAssertNil(try db.undoLast(), "nothing more to undo")
        let log = try db.changes()
        XCTAssertEqual(log.filter { $0.action == .undo }.count, 4)
        XCTAssertTrue(log.allSatisfy { $0.user == "test" })
    }

    func testUndoOfAPartnershipDeleteBringsBackItsEventsAndContacts() throws {
        let (db, dortmund, amiens) = try seeded(ChangeActor(user: "test"))
        let p = try db.addPartnership(Partnership(between: dortmund, and: amiens, since: PartialDate(year: 1960)))
        try db.addEvent(Event(partnershipId: p.id!, startDate: PartialDate(year: 2024)!))
        try db.addEvent(Event(partnershipId: p.id!, startDate: PartialDate(year: 2025)!))
        try db.addContact(Contact(name: "Claire", partnershipId: p.id))
        XCTAssertEqual(try db.removePartnership(id: p.id!), 2)
        let undone = try db.undoLast()
        XCTAssertEqual(undone?.summary, "partnership Dortmund ↔ Amiens")
        let counts = try db.counts()
        XCTAssertEqual([counts.partnerships, counts.events, counts.contacts], [1, 2, 1])
        XCTAssertEqual(try db.partnership(id: p.id!)?.partnership.since?.year, 1960)
    }

    func testUndoSurvivesAKilledProgram() throws {
        let path = folder.appendingPathComponent("u.sqlite").path
        let session = ChangeActor(user: "anna", session: "session-1")
        do {
            let db = try AppDatabase.open(path: path, actor: session)
            let a = try db.addCity(City(name: "Eins", countryCode: "DE", addedByUser: true))
            let b = try db.addCity(City(name: "Zwei", countryCode: "DE", addedByUser: true))
            let p = try db.addPartnership(Partnership(between: a.id!, and: b.id!))
            try db.addEvent(Event(partnershipId: p.id!, startDate: PartialDate(year: 2025)!))
            try db.removePartnership(id: p.id!)
        } // the program "dies" here: nothing but the file remains
        let reopened = try AppDatabase.open(path: path, actor: session)
        XCTAssertEqual(try reopened.nextUndo()?.action, .delete)
        try reopened.undoLast()
        XCTAssertEqual(try reopened.counts().events, 1)
    }

    func testUndoRefusesWhenSomeoneElseChangedTheRecordSince() throws {
        let path = folder.appendingPathComponent("c.sqlite").path
        let anna = try AppDatabase.open(path: path, actor: ChangeActor(user: "anna"))
        let ben = try AppDatabase.open(path: path, actor: ChangeActor(user: "ben"))
        var city = try anna.addCity(City(name: "Neustadt", countryCode: "DE", addedByUser: true))
        city.notes = "Anna's note"
        city = try anna.updateCity(city)
        var theirs = try ben.city(id: city.id!)!
        theirs.notes = "Ben's note"
        try ben.updateCity(theirs)
        XCTAssertThrowsError(try anna.undoLast()) { error in
            guard case .conflict(let phrase) = error as? AppError else { return XCTFail("\(error)") }
            let message = phrase.english
            XCTAssertTrue(message.contains("someone else changed it since"))
        }
        XCTAssertEqual(try anna.city(id: city.id!)?.notes, "Ben's note", "Ben's change stays")
        XCTAssertNotNil(try ben.undoLast(), "Ben can undo his own change")
        XCTAssertEqual(try ben.city(id: city.id!)?.notes, "Anna's note")
    }

    func testChangeLogRecordsWhoWhenAndWhat() throws {
        let (db, dortmund, _) = try seeded(ChangeActor(user: "test"))
        var city = try db.city(id: dortmund)!
        city.themes = ["youth"]
        try db.updateCity(city)
        let change = try XCTUnwrap(try db.changes().first)
        XCTAssertEqual(change.action, .update)
        XCTAssertEqual(change.entity, .city)
        XCTAssertEqual(change.summary, "city Dortmund")
        XCTAssertTrue(change.before!.contains("\"themes\":[]"))
        XCTAssertTrue(change.after!.contains("\"themes\":[\"youth\"]"))
        XCTAssertTrue(change.at.hasPrefix("20"))
        XCTAssertEqual(ChangeActor.current(environment: ["SUDO_USER": "anna", "USER": "root"]).user, "anna")
        XCTAssertEqual(ChangeActor.current(environment: ["USER": "ben"]).user, "ben")
    }
}

final class HealthRuleTests: XCTestCase {
    func testSettingsOutOfRangeAreClampedNotFatal() {
        let rule = HealthRule(activeYears: Int.max, quietYears: Int.min)
        XCTAssertEqual(rule.activeYears, 100)
        XCTAssertEqual(rule.quietYears, 100)
        let today = PartialDate(year: 2026, month: 5, day: 20)!
        XCTAssertEqual(rule.health(lastEvent: PartialDate(year: 1950), today: today), .active)
        XCTAssertEqual(HealthRule(activeYears: -3, quietYears: 1).activeYears, 0)
    }
}

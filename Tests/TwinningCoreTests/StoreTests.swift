import XCTest
import GRDB
@testable import TwinningCore

final class StoreTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Waiting for other writers is tested in DatabaseSafetyTests (a busy handler, not busy_timeout).
    func testFileDatabaseUsesWAL() throws {
        let path = folder.appendingPathComponent("a.sqlite").path
        let db = try AppDatabase.open(path: path)
        XCTAssertEqual(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
        XCTAssertFalse(db.isReadOnly)
    }

    func testTwoConnectionsOnOneFileBothWrite() throws {
        let path = folder.appendingPathComponent("shared.sqlite").path
        let first = try AppDatabase.open(path: path)
        let second = try AppDatabase.open(path: path)
        try first.addCity(City(name: "Eins", countryCode: "DE", addedByUser: true))
        try second.addCity(City(name: "Zwei", countryCode: "DE", addedByUser: true))
        XCTAssertEqual(try first.registerCities().map(\.name), ["Eins", "Zwei"])
    }

    func testEditingAStaleCopyIsRefusedAsAConflict() throws {
        let path = folder.appendingPathComponent("conflict.sqlite").path
        let mine = try AppDatabase.open(path: path)
        let theirs = try AppDatabase.open(path: path)
        let added = try mine.addCity(City(name: "Neustadt", countryCode: "DE", addedByUser: true))
        var myCopy = try mine.city(id: added.id!)!
        var theirCopy = try theirs.city(id: added.id!)!
        theirCopy.notes = "their change"
        try theirs.updateCity(theirCopy)
        myCopy.notes = "my change"
        XCTAssertThrowsError(try mine.updateCity(myCopy)) { error in
            XCTAssertEqual(error as? AppError, .conflict(Phrase(.cityChangedWhileEditing, "Neustadt")))
            XCTAssertEqual("\(error)", "The city Neustadt was changed by someone else while you were editing it.")
        }
        XCTAssertEqual(try mine.city(id: added.id!)?.notes, "their change", "their write is not lost")
    }

    func testNotADatabaseFolderAndReadOnlyFilesGivePlainErrors() throws {
        let text = folder.appendingPathComponent("notes.txt").path
        try Data("Dear volunteers,\n".utf8).write(to: URL(fileURLWithPath: text))
        XCTAssertThrowsError(try AppDatabase.open(path: text)) { error in
            XCTAssertEqual("\(error)", "This file is not a twinning database (not SQLite) (\(text)).")
        }
        XCTAssertThrowsError(try AppDatabase.open(path: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("is a folder, not a database file"), "\(error)")
        }
        let path = folder.appendingPathComponent("ro.sqlite").path
        _ = try AppDatabase.open(path: path)
        let ro = try AppDatabase.open(path: path, readOnly: true)
        XCTAssertTrue(ro.isReadOnly)
        XCTAssertEqual(try ro.counts().cities, 0, "reading works")
        XCTAssertThrowsError(try ro.addCity(City(name: "X", countryCode: "DE"))) { error in
            guard case .readOnly = error as? AppError else { return XCTFail("\(error)") }
        }
    }

    func testValidationNamesTheField() {
        func field(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as ValidationError { return error.field } catch { return "other" }
        }
        XCTAssertEqual(field { try City(name: " ", countryCode: "DE").validate() }, "name")
        XCTAssertEqual(field { try City(name: "X", countryCode: "DEU").validate() }, "country")
        XCTAssertEqual(field { try City(name: "X", countryCode: "DE", latitude: 100).validate() }, "latitude")
        XCTAssertEqual(field { try City(name: "X\u{202E}", countryCode: "DE").validate() }, "name")
        XCTAssertEqual(field { try City(name: "X", countryCode: "DE", themes: ["a,b"]).validate() }, "themes")
        XCTAssertEqual(field { try Partnership(between: 1, and: 1).validate() }, "cities")
        let d = PartialDate(year: 2025)!
        XCTAssertEqual(field { try Event(partnershipId: 1, startDate: d, participants: 42, youth: 50).validate() }, "youth")
        XCTAssertEqual(field { try Event(partnershipId: 1, startDate: d, participants: 10, participantsByCountry: ["DE": 11]).validate() },
                       "participants_by_country")
        XCTAssertEqual(field { try Event(partnershipId: 1, startDate: PartialDate.parse("2025-05-02")!, endDate: PartialDate.parse("2025-05-01")).validate() }, "end")
        XCTAssertEqual(field { try Contact(name: "A", email: "not an address", cityId: 1).validate() }, "email")
        XCTAssertEqual(field { try Contact(name: "A").validate() }, "city")
        XCTAssertNil(field { try Event(partnershipId: 1, startDate: d, participants: 42, youth: 42).validate() })
    }

    func testDatabaseLocation() {
        XCTAssertEqual(DatabaseLocation.resolve(option: "/x/y.sqlite", environment: ["TWINNING_DB": "/e.sqlite"]), "/x/y.sqlite")
        XCTAssertEqual(DatabaseLocation.resolve(option: nil, environment: ["TWINNING_DB": "/e.sqlite"]), "/e.sqlite")
        XCTAssertEqual(DatabaseLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]),
                       "/data/twinning/twinning.sqlite")
        XCTAssertEqual(DatabaseLocation.resolve(option: nil, environment: ["HOME": "/home/u"]),
                       "/home/u/.local/share/twinning/twinning.sqlite")
        XCTAssertEqual(DatabaseLocation.resolve(option: "~/t.sqlite", environment: ["HOME": "/home/u"]), "/home/u/t.sqlite")
    }

    func testTextSafety() {
        XCTAssertEqual(TextSafety.sanitized("Evil\u{1B}[2JTown"), "Evil?[2JTown")
        XCTAssertEqual(TextSafety.sanitized("a\u{9B}31mb\u{202E}c"), "a?31mb?c")
        XCTAssertEqual(TextSafety.sanitized("two\nlines"), "two lines")
        XCTAssertEqual(TextSafety.sanitized("two\nlines", allowLineBreaks: true), "two\nlines")
        XCTAssertEqual(TextSafety.excerpt(String(repeating: "x", count: 100), max: 5), "xxxxx…")
    }
}

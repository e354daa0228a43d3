import XCTest
import GRDB
@testable import TwinningCore

/// Issue 14: waiting for each other, databases of a newer version, files
/// deleted under the running program.
final class DatabaseSafetyTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Holds the write lock from a second connection for `seconds`, in the background.
    private func holdWriteLock(on path: String, seconds: Double) throws -> XCTestExpectation {
        let other = try DatabaseQueue(path: path)
        let started = DispatchSemaphore(value: 0)
        let done = expectation(description: "lock released")
        DispatchQueue.global().async {
            try? other.inTransaction(.immediate) { db in
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('lock', 'held')")
                started.signal()
                Thread.sleep(forTimeInterval: seconds)
                return .commit
            }
            done.fulfill()
        }
        started.wait()
        return done
    }

    func testASaveWaitsForAnotherWriterAndSaysSoWhileWaiting() throws {
        let file = path("wait.sqlite")
        let waits = WaitLog()
        let mine = try AppDatabase.open(path: file, busyWait: BusyWait(limit: 30) { waits.add($0) })
        let released = try holdWriteLock(on: file, seconds: 2.0)
        let saved = try mine.addCity(City(name: "Wartestadt", countryCode: "DE", addedByUser: true))
        XCTAssertNotNil(saved.id, "the save went through once the other writer was done")
        XCTAssertFalse(waits.values.isEmpty, "the waiting was reported (for the status line)")
        XCTAssertGreaterThanOrEqual(waits.values.last ?? 0, 1)
        wait(for: [released], timeout: 10)
    }

    func testASaveGivesUpAfterItsLimitWithAPlainMessage() throws {
        let file = path("busy.sqlite")
        let mine = try AppDatabase.open(path: file, busyWait: BusyWait(limit: 0.3))
        let released = try holdWriteLock(on: file, seconds: 2.0)
        XCTAssertThrowsError(try mine.addCity(City(name: "Zu spät", countryCode: "DE", addedByUser: true))) { error in
            XCTAssertTrue("\(error)".contains("busy"), "\(error)")
        }
        wait(for: [released], timeout: 10)
        XCTAssertNoThrow(try mine.addCity(City(name: "Später", countryCode: "DE", addedByUser: true)), "free again")
    }

    func testADatabaseOfANewerVersionIsOnlyRead() throws {
        let file = path("newer.sqlite")
        let first = try AppDatabase.open(path: file)
        try first.addCity(City(name: "Altstadt", countryCode: "DE", addedByUser: true))
        try first.writer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try first.writer.close()

        let database = try AppDatabase.open(path: file)
        XCTAssertTrue(database.isReadOnly)
        XCTAssertTrue(database.readOnlyReason?.contains("newer version of twinning") ?? false, database.readOnlyReason ?? "nil")
        XCTAssertEqual(try database.registerCities().map(\.name), ["Altstadt"], "it is still read")
        XCTAssertThrowsError(try database.addCity(City(name: "Neu", countryCode: "DE", addedByUser: true))) { error in
            guard case AppError.readOnly(let phrase) = error else { return XCTFail("\(error)") }
            let message = phrase.english
            XCTAssertTrue(message.contains("Please update twinning"), message)
        }
        let migrations = try database.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        XCTAssertTrue(migrations.contains("v99-from-the-future"), "nothing was migrated or removed")
    }

    func testARenamedColumnIsNamedInsteadOfDumpingARow() throws {
        let file = path("renamed.sqlite")
        let first = try AppDatabase.open(path: file)
        try first.writer.write { db in try db.execute(sql: "ALTER TABLE event RENAME COLUMN participants TO people") }
        try first.writer.close()
        XCTAssertThrowsError(try AppDatabase.open(path: file)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("event") && text.contains("participants"), text)
            XCTAssertLessThan(text.count, 300, "one plain sentence, not a row dump")
        }
        // The same file as a newer version's: the message asks for an update.
        let raw = try DatabaseQueue(path: file)
        try raw.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-renames')") }
        try raw.close()
        XCTAssertThrowsError(try AppDatabase.open(path: file)) { error in
            XCTAssertTrue("\(error)".contains("update twinning"), "\(error)")
        }
    }

    func testADecodingErrorBecomesAPlainSentence() throws {
        struct Fake: Error {}
        let database = try AppDatabase.inMemory()
        XCTAssertThrowsError(try database.read { db in
            _ = try Row.fetchOne(db, sql: "SELECT 'secret notes of a volunteer' AS notes").map { row -> Int in try row.decode(Int.self, forColumn: "missing") }
        }) { error in
            XCTAssertFalse("\(error)".contains("secret notes"), "\(error)")
            XCTAssertTrue("\(error)".contains("could not be read"), "\(error)")
        }
    }

    func testDeletingTheWALWhileRunningStopsSavingWithTheReason() throws {
        let file = path("wal.sqlite")
        let database = try AppDatabase.open(path: file)
        try database.addCity(City(name: "Vorher", countryCode: "DE", addedByUser: true))
        XCTAssertTrue(FileManager.default.fileExists(atPath: file + "-wal"))
        try FileManager.default.removeItem(atPath: file + "-wal")
        try? FileManager.default.removeItem(atPath: file + "-shm")
        XCTAssertThrowsError(try database.addCity(City(name: "Verloren", countryCode: "DE", addedByUser: true))) { error in
            guard case AppError.filesChanged(let phrase) = error else { return XCTFail("\(error)") }
            let message = phrase.english
            XCTAssertTrue(message.contains("wal.sqlite-wal") && message.contains("deleted"), message)
        }
        // And it stays refused: no later save goes into the unlinked file.
        XCTAssertThrowsError(try database.addCity(City(name: "Auch verloren", countryCode: "DE", addedByUser: true)))
    }

    func testReplacingTheDatabaseFileWhileRunningStopsSaving() throws {
        let file = path("moved.sqlite")
        let database = try AppDatabase.open(path: file)
        try database.addCity(City(name: "Eins", countryCode: "DE", addedByUser: true))
        try FileManager.default.moveItem(atPath: file, toPath: path("elsewhere.sqlite"))
        try FileManager.default.copyItem(atPath: path("elsewhere.sqlite"), toPath: file)
        XCTAssertThrowsError(try database.addCity(City(name: "Zwei", countryCode: "DE", addedByUser: true))) { error in
            guard case AppError.filesChanged(let phrase) = error else { return XCTFail("\(error)") }
            let message = phrase.english
            XCTAssertTrue(message.contains("replaced"), message)
        }
    }

    /// `check` and `--read-only` on a file of the previous version (before v5/v6):
    /// it is read as it is and not upgraded; the check says it will be.
    func testAnOlderFileIsCheckedReadOnlyWithoutAnUpgrade() throws {
        let file = path("older.sqlite")
        let queue = try DatabaseQueue(path: file)
        try Schema.migrator.migrate(queue, upTo: "v4-review-log")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO city (name, searchKey, countryCode, addedByUser) VALUES ('Altdorf', 'altdorf', 'CH', 1)")
        }
        try queue.close()
        let database = try AppDatabase.open(path: file, readOnly: true)
        XCTAssertEqual(try database.registerCities().map(\.name), ["Altdorf"])
        let report = try database.check()
        XCTAssertTrue(report.isHealthy, "\(report.problems)")
        XCTAssertTrue(report.notes.contains { $0.contains("earlier version") && $0.contains("v5-safe-values") }, "\(report.notes)")
        let applied = try database.read { db in try Schema.migrator.completedMigrations(db) }
        XCTAssertEqual(applied.last, "v4-review-log", "a read-only open upgraded the file")
    }

    func testAnUntouchedDatabaseKeepsSaving() throws {
        let database = try AppDatabase.open(path: path("fine.sqlite"))
        for i in 0..<20 { try database.addCity(City(name: "Stadt \(i)", countryCode: "DE", addedByUser: true)) }
        XCTAssertEqual(try database.counts().registerCities, 20)
    }
}

final class WaitLog: @unchecked Sendable {
    private let lock = NSLock()
    private var _values: [Double] = []
    func add(_ value: Double) { lock.withLock { _values.append(value) } }
    var values: [Double] { lock.withLock { _values } }
}

import Foundation
import GRDB

/// Where a backup goes: a named file, or a dated file in a folder.
public struct BackupPlan: Equatable, Sendable {
    /// The file the finished copy will have.
    public let target: String
    /// The folder when the destination was a folder (only then can old
    /// backups be rotated), else nil.
    public let folder: String?

    /// `twinning-2026-12-01T03-00-00Z.sqlite`: sorts by time, and `--keep`
    /// touches nothing that does not have exactly this form.
    public static func datedName(_ date: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: date).replacingOccurrences(of: ":", with: "-")
        return "twinning-\(stamp).sqlite"
    }

    public static func isDatedName(_ name: String) -> Bool {
        name.wholeMatch(of: /twinning-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite/) != nil
    }

    /// A destination ending in "/" or naming an existing folder is a folder,
    /// which must exist (a mistyped folder is refused, never created, and never
    /// becomes a file of that name). Anything else is a file whose folder must
    /// exist.
    public static func resolve(_ destination: String, now: Date = Date()) throws -> BackupPlan {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory)
        if destination.hasSuffix("/") || (exists && isDirectory.boolValue) {
            guard exists && isDirectory.boolValue else {
                throw AppError.notFound(Phrase(exists ? .backupNotFolder : .noBackupFolder, "\(destination)"))
            }
            return BackupPlan(target: (destination as NSString).appendingPathComponent(datedName(now)), folder: destination)
        }
        let folder = SafeFileWriter.folder(of: destination)
        var folderIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &folderIsDirectory), folderIsDirectory.boolValue else {
            throw AppError.notFound(Phrase(.noFolderForBackup, "\(folder)", "\(destination)"))
        }
        return BackupPlan(target: destination, folder: nil)
    }
}

/// What a finished backup holds, verified in the copy itself.
public struct BackupResult: Sendable, Equatable {
    public let path: String
    public let counts: AppDatabase.Counts
    /// Old backups removed by `--keep`.
    public var removed: [String] = []
}

extension AppDatabase {
    /// Copies the database with SQLite's online backup (safe while others keep
    /// working) into a temporary file next to `destination`, then checks the
    /// copy — integrity, references, and the row count of every table against
    /// the snapshot that was copied — and only then gives it its final name.
    /// A failed or killed backup never leaves a file under the final name.
    public func backup(to destination: String, replace: Bool) throws -> BackupResult {
        let files = SafeFileWriter(protecting: [path])
        var expected: [String: Int] = [:]
        var counts: AppDatabase.Counts?
        let written = try files.write(to: destination, existing: replace ? .replace : .refuse) { temporary in
            do {
                let target = try DatabaseQueue(path: temporary)
                // One read transaction: the counts belong to the very snapshot copied.
                try self.writer.read { source in
                    expected = try Self.tableCounts(source)
                    counts = try Self.snapshotCounts(source)
                    try target.writeWithoutTransaction { copy in
                        try source.backup(to: copy)
                        // A backup is one self-contained file: no -wal to lose when it is
                        // copied, and `check` can read it without creating companions.
                        // Opening it as the database later switches it back to WAL.
                        try copy.execute(sql: "PRAGMA journal_mode = DELETE")
                    }
                }
                try target.close()
            } catch {
                throw AppError.from(error, path: destination)
            }
            try Self.verifyCopy(temporary, expected: expected, reportingAs: destination)
        }
        return BackupResult(path: written, counts: counts!)
    }

    /// Removes the oldest of the program's own dated backups in `folder` so that
    /// `keep` remain. Any other file (and the database itself) is left alone.
    public static func rotateBackups(in folder: String, keep: Int, protecting database: String?) throws -> [String] {
        precondition(keep >= 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter(BackupPlan.isDatedName).sorted(by: >)
        let guardian = SafeFileWriter(protecting: [database])
        var removed: [String] = []
        for name in names.dropFirst(keep) {
            let file = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !guardian.isProtected(file) else { continue }
            do {
                try FileManager.default.removeItem(atPath: file)
            } catch {
                throw AppError.database(Phrase(.cannotRemoveBackup, "\(file)", "\(error.localizedDescription)"))
            }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            removed.append(file)
        }
        return removed
    }

    /// Opens the copy read-only (a fresh connection, so the pages come from
    /// the file, not from the writer's cache) and compares it with the source.
    static func verifyCopy(_ temporary: String, expected: [String: Int], reportingAs destination: String) throws {
        var config = Configuration()
        config.readonly = true
        var problems: [Phrase] = []
        do {
            let copy = try DatabaseQueue(path: temporary, configuration: config)
            try copy.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if integrity != ["ok"] { problems.append(Phrase(.backupDamaged, "\(integrity.prefix(3).joined(separator: "; "))")) }
                let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                if !orphans.isEmpty { problems.append(Phrase(.backupOrphans, "\(orphans.count)")) }
                let found = try tableCounts(db)
                for (table, count) in expected.sorted(by: { $0.key < $1.key }) where found[table] != count {
                    problems.append(found[table].map { Phrase(.backupRowCount, "\(table)", "\($0)", "\(count)") } ?? Phrase(.backupNoTable, "\(table)", "\(count)"))
                }
            }
            try copy.close()
        } catch {
            problems.append(Phrase(.backupUnreadable, .phrase(Phrase(AppError.from(error, path: destination)))))
        }
        // Only our own connection knew this name; its companions are ours to remove.
        for suffix in ["-wal", "-shm"] { unlink(temporary + suffix) }
        if !problems.isEmpty {
            throw AppError.database(Phrase(.backupFailed, "\(destination)", .phrase(Phrase.joined(problems))))
        }
    }

    static func tableCounts(_ db: Database) throws -> [String: Int] {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
        return counts
    }

    static func snapshotCounts(_ db: Database) throws -> Counts {
        Counts(cities: try City.fetchCount(db),
               registerCities: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM city WHERE \(AppDatabase.inRegisterSQL)") ?? 0,
               partnerships: try Partnership.fetchCount(db),
               events: try Event.fetchCount(db),
               contacts: try Contact.fetchCount(db))
    }
}

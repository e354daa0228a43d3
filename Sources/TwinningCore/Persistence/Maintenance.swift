import Foundation
import GRDB

/// What `twinning check` found, in plain words: `problemPhrases` and
/// `notePhrases` in any language, `problems` and `notes` in English.
public struct CheckReport: Sendable, Equatable {
    public var problemPhrases: [Phrase] = []
    public var notePhrases: [Phrase] = []
    public var problems: [String] { problemPhrases.map(\.english) }
    public var notes: [String] { notePhrases.map(\.english) }
    public var isHealthy: Bool { problemPhrases.isEmpty }
}

extension AppDatabase {
    /// Integrity and foreign-key checks, plus file permissions that would lock
    /// other volunteers out.
    public func check() throws -> CheckReport {
        var report = CheckReport()
        let integrity = try integrityCheck()
        if integrity != ["ok"] {
            report.problemPhrases.append(Phrase(.checkDamaged, "\(integrity.prefix(5).joined(separator: "; "))"))
        }
        let orphans = try read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        if !orphans.isEmpty {
            let tables = Set(orphans.map { $0[0] as String? ?? "?" }).sorted().joined(separator: ", ")
            report.problemPhrases.append(Phrase(.checkOrphans, "\(orphans.count)", "\(tables)"))
        }
        let counts = try counts()
        report.notePhrases.append(Phrase(.checkCounts, "\(counts.cities)", "\(counts.registerCities)", "\(counts.partnerships)",
                                         "\(counts.events)", "\(counts.contacts)"))
        if let path, let warning = FilePermissions.warningPhrase(forDatabaseAt: path) {
            report.problemPhrases.append(warning)
        }
        let pending = try read { db in try Schema.pending(db) }
        if !pending.isEmpty, readOnlyReason == nil {
            report.notePhrases.append(Phrase(.checkUpgradePending, "\(pending.joined(separator: ", "))"))
        }
        return report
    }
}

extension AppDatabase {
    /// `PRAGMA integrity_check`. SQLite skips CHECK constraints on a read-only
    /// connection, so a value planted past them (a date "abcd", a latitude
    /// "x") would pass; where the file may be written, a second connection
    /// that is opened for writing but only reads (GRDB's read is query_only)
    /// checks them too, and changes nothing.
    func integrityCheck() throws -> [String] {
        let sql = "PRAGMA integrity_check"
        if let path, FileManager.default.isWritableFile(atPath: path) {
            var config = Configuration()
            config.readonly = false
            if let queue = try? DatabaseQueue(path: path, configuration: config),
               let result = try? queue.read({ db in try String.fetchAll(db, sql: sql) }) {
                try? queue.close()
                return result
            }
        }
        return try read { db in try String.fetchAll(db, sql: sql) }
    }

    /// Up to 20 events and 20 partnerships from a random place in each table
    /// (the numbers pick the place), for the stress test's random writes.
    public func sample(eventsFrom: UInt64, partnershipsFrom: UInt64) throws -> ([Event], [Partnership]) {
        try read { db in
            let maxEvent = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0
            let maxPair = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM partnership") ?? 0
            let e = try Event.filter(Column("id") >= Int64(eventsFrom % UInt64(maxEvent + 1))).limit(20).fetchAll(db)
            let p = try Partnership.filter(Column("id") >= Int64(partnershipsFrom % UInt64(maxPair + 1))).limit(20).fetchAll(db)
            return (e, p)
        }
    }
}

/// Shared databases live in a folder of the association's group; the file and
/// its -wal/-shm companions must be group-writable, or one volunteer's session
/// locks the others out.
public enum FilePermissions {
    /// After creating a database: make it group read/write when its folder
    /// belongs to a shared group (setgid or a group other than the user's).
    public static func shareWithFolderGroup(_ path: String) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var folderStat = stat()
        guard stat(folder, &folderStat) == 0 else { return }
        let setgid = folderStat.st_mode & S_ISGID != 0
        let groupWritable = folderStat.st_mode & S_IWGRP != 0
        guard setgid || (groupWritable && folderStat.st_gid != getgid()) else { return }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            _ = chown(file, uid_t.max, folderStat.st_gid) // uid unchanged
            var fileStat = stat()
            if stat(file, &fileStat) == 0 { _ = chmod(file, fileStat.st_mode | S_IRGRP | S_IWGRP) }
        }
    }

    /// A sentence when the file is in a shared folder but others cannot write it (English).
    public static func warning(forDatabaseAt path: String) -> String? {
        warningPhrase(forDatabaseAt: path)?.english
    }

    /// The same sentence, in any language.
    public static func warningPhrase(forDatabaseAt path: String) -> Phrase? {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var folderStat = stat(), fileStat = stat()
        guard stat(folder, &folderStat) == 0, stat(path, &fileStat) == 0 else { return nil }
        let shared = folderStat.st_mode & S_ISGID != 0 || (folderStat.st_mode & S_IWGRP != 0 && folderStat.st_gid != getgid())
        guard shared else { return nil }
        for file in [path, path + "-wal", path + "-shm"] {
            var s = stat()
            guard stat(file, &s) == 0 else { continue }
            if s.st_mode & S_IWGRP == 0 || s.st_gid != folderStat.st_gid {
                let name = (file as NSString).lastPathComponent
                return Phrase(.groupNotWritable, "\(name)", "\(file)")
            }
        }
        return nil
    }
}

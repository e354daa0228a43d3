import Foundation
import GRDB

/// The one way into the register. Every multi-step write is one transaction;
/// every write is validated first, so nothing half-done or impossible is stored.
public final class AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// Where the file lives, for messages; nil in memory.
    public let path: String?
    public let isReadOnly: Bool
    /// Why the database was opened read-only although the user may write it
    /// (a newer version made it); said on screen and when a change is refused.
    public let readOnlyPhrase: Phrase?
    /// The same in English.
    public var readOnlyReason: String? { readOnlyPhrase?.english }
    /// Whose changes these are, for the change log and undo.
    public let actor: ChangeActor
    /// The files under the open database, checked before every write.
    let fileIdentity: DatabaseFileIdentity?
    /// Waits for another volunteer's long write instead of failing (see `BusyWait`).
    public let busyWait: BusyWait

    init(writer: any DatabaseWriter, path: String?, isReadOnly: Bool, readOnlyReason: Phrase? = nil,
         actor: ChangeActor = .current(), busyWait: BusyWait = BusyWait()) throws {
        self.writer = writer
        self.path = path
        self.isReadOnly = isReadOnly
        self.readOnlyPhrase = readOnlyReason
        self.actor = actor
        self.busyWait = busyWait
        self.fileIdentity = isReadOnly ? nil : path.map(DatabaseFileIdentity.init(path:))
        if !isReadOnly {
            do {
                try AppDatabase.migrate(writer)
            } catch {
                throw AppError.from(error, path: path)
            }
        } else {
            // A database of a newer version is read as it is. One that lacks
            // only migrations that add rules or undo data (not what is read)
            // is read as it is too, so `check` and `--read-only` work on a
            // file the next writer will upgrade; anything older cannot be read.
            let (completed, newer) = try writer.read { db in
                (try Schema.migrator.completedMigrations(db), try Schema.migrator.hasBeenSuperseded(db))
            }
            let missing = Set(Schema.identifiers).subtracting(completed)
            if !newer && !missing.isSubset(of: Schema.readCompatibleMigrations) {
                throw AppError.readOnly(Phrase(.readOnlyNeedsUpgrade, "\(path ?? "")"))
            }
        }
        // A column renamed or dropped (by a newer version, or by hand) would
        // otherwise surface later as a raw decoding error listing a whole row.
        try SchemaCompatibility.requireReadableColumns(writer, path: path, newer: readOnlyReason != nil)
    }

    /// Brings the schema up to date. Several volunteers may start the new
    /// version at the same moment: when another process wins the race for a
    /// migration, ours fails ("table already exists"); then we look again and
    /// accept its work.
    static func migrate(_ writer: any DatabaseWriter) throws {
        var attempt = 0
        while true {
            do {
                try Schema.migrator.migrate(writer)
                return
            } catch {
                attempt += 1
                let done = (try? writer.read { db in try Schema.migrator.hasCompletedMigrations(db) }) ?? false
                if done { return }
                if attempt >= 5 { throw error }
                usleep(useconds_t(50_000 * attempt))
            }
        }
    }

    static func configuration(readOnly: Bool, busyWait: BusyWait = BusyWait()) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        // Several volunteers share one file: wait for a writer instead of
        // failing, and say so while waiting (`BusyWait`).
        config.busyMode = .callback { tries in busyWait.shouldRetry(tries: tries) }
        config.label = "twinning"
        // Statement journals in memory: inside an import's one transaction
        // every INSERT that can be refused (CHECKs, RAISE triggers) keeps the
        // pages it touches in a statement journal, and past 64 KB SQLite
        // writes that to a temp file: 927,000 pwrite calls for the gazetteer,
        // 20 s of a 21 s import. The journals are small; temp tables and big
        // sorts, the only other users, stay small in this program too.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") }
        return config
    }

    /// A database for tests: in memory, migrated, empty.
    public static func inMemory(actor: ChangeActor = ChangeActor(user: "test")) throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration(readOnly: false))
        return try AppDatabase(writer: queue, path: nil, isReadOnly: false, actor: actor)
    }

    /// The same database seen from another session (another volunteer at
    /// the same file): undo and the change log tell sessions apart.
    public func session(as actor: ChangeActor) throws -> AppDatabase {
        try AppDatabase(writer: writer, path: path, isReadOnly: isReadOnly, readOnlyReason: readOnlyPhrase,
                        actor: actor, busyWait: busyWait)
    }

    /// Opens (or creates) the database file in WAL mode. A file the user may
    /// not write opens read-only, so it can still be browsed and exported.
    /// `create: false` (backup, check) refuses a missing file instead of making one.
    public static func open(path: String, readOnly: Bool = false, create: Bool = true,
                            actor: ChangeActor = .current(), busyWait: BusyWait = BusyWait()) throws -> AppDatabase {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw AppError.database(Phrase(.databaseIsFolder, "\(path)"))
        }
        // A pipe or a device would hang or fail deep inside SQLite.
        var info = stat()
        if exists, stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw AppError.database(Phrase(.databaseNotFile, "\(path)"))
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !exists {
            if readOnly || !create {
                throw AppError.notFound(Phrase(.noDatabase, "\(path)"))
            }
            if !folder.isEmpty {
                do {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw AppError.database(Phrase(.cannotCreateFolder, "\(folder)", "\(error.localizedDescription)"))
                }
            }
        }
        let writable = !exists || fm.isWritableFile(atPath: path)
        let folderWritable = fm.isWritableFile(atPath: folder.isEmpty ? "." : folder)
        let openReadOnly = readOnly || !writable || !folderWritable
        do {
            if openReadOnly {
                do {
                    let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
                    return try AppDatabase(writer: queue, path: path, isReadOnly: true,
                                           readOnlyReason: try SchemaCompatibility.readOnlyReason(queue, path: path), actor: actor)
                } catch let error as AppError {
                    throw error
                } catch {
                    // A WAL database in a folder we may not write: SQLite cannot
                    // create its shared-memory file, so read it as immutable.
                    guard !folderWritable, exists else { throw error }
                    let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
                    let queue = try DatabaseQueue(path: uri, configuration: configuration(readOnly: true))
                    return try AppDatabase(writer: queue, path: path, isReadOnly: true, actor: actor)
                }
            }
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false, busyWait: busyWait))
            // A new file in a folder shared by the association's group is made
            // group-writable, or the first volunteer would lock out the others.
            if !exists { FilePermissions.shareWithFolderGroup(path) }
            // A newer version of twinning made this file: writing with our
            // older rules could break it, so it is only read.
            if try pool.read({ db in try Schema.migrator.hasBeenSuperseded(db) }) {
                try pool.close()
                let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
                return try AppDatabase(writer: queue, path: path, isReadOnly: true,
                                       readOnlyReason: SchemaCompatibility.newerVersionMessage(path), actor: actor)
            }
            return try AppDatabase(writer: pool, path: path, isReadOnly: false, actor: actor, busyWait: busyWait)
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError.from(error, path: path)
        }
    }

    // MARK: - Reads and writes with plain errors

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw AppError.from(error, path: path)
        }
    }

    /// One transaction. Refused up front when the database is read-only.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly {
            throw AppError.readOnly(readOnlyPhrase ?? Phrase(.readOnlyPath, "\(path ?? "")"))
        }
        // Someone deleted or replaced the database's files under us: what we
        // wrote now would go to a file nobody else sees.
        if let problem = fileIdentity?.problem() { throw AppError.filesChanged(problem) }
        do {
            return try writer.write(body)
        } catch {
            throw AppError.from(error, path: path)
        }
    }

    /// `PRAGMA data_version` on the writer connection. It changes when another
    /// connection (another process) commits; our own writes leave it alone.
    /// GRDB's observation does not see other processes, so the TUI polls this.
    public func dataVersion() throws -> Int {
        try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    // MARK: - Meta

    public func meta(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try write { db in try AppDatabase.setMeta(db, key, value) }
    }

    static func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }

    /// True when the database holds nothing yet (a new file).
    public func isEmpty() throws -> Bool {
        try read { db in try City.fetchCount(db) == 0 && Partnership.fetchCount(db) == 0 }
    }

    public struct Counts: Equatable, Sendable, Codable {
        public var cities: Int
        public var registerCities: Int
        public var partnerships: Int
        public var events: Int
        public var contacts: Int
    }

    public func counts() throws -> Counts {
        try read { db in
            Counts(cities: try City.fetchCount(db),
                   registerCities: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM city WHERE \(AppDatabase.inRegisterSQL)") ?? 0,
                   partnerships: try Partnership.fetchCount(db),
                   events: try Event.fetchCount(db),
                   contacts: try Contact.fetchCount(db))
        }
    }

    /// A city belongs to the register when a user added it or it has a partnership.
    // The cities named by partnerships, looked up by id, rather than two
    // EXISTS per gazetteer city: the register is read without walking all
    // 70,000 cities (demo: 169 → 50 ms, the largest part of the first screen).
    static let inRegisterSQL = """
        city.id IN (SELECT cityA FROM partnership UNION ALL SELECT cityB FROM partnership \
        UNION ALL SELECT added.id FROM city added WHERE added.addedByUser = 1)
        """
}

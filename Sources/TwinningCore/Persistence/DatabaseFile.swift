import Foundation
import GRDB

/// What a file named as the database really is, found without writing to it,
/// so `check` and `backup` can name an empty, foreign or missing file instead
/// of silently making a new database in it.
public enum DatabaseFile: Equatable, Sendable {
    case missing
    case folder
    /// 0 bytes: SQLite would treat it as a new database and fill it.
    case empty
    /// Not SQLite at all (a text file, a CSV export, …).
    case notSQLite
    /// SQLite, but without twinning's tables.
    case foreign(tables: [String])
    /// SQLite's header, but the file cannot be read as a database.
    case damaged(String)
    case twinning

    /// The tables every twinning database has had since its first version.
    static let requiredTables: Set<String> = ["meta", "city", "partnership", "event"]

    public static func inspect(_ path: String) -> DatabaseFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .folder }
        // Opening a pipe for reading would wait for a writer for ever.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            return .damaged("it is not a plain file (a device, a pipe or a socket)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .damaged("it cannot be read (permission denied)") }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .empty }
        guard header == Data("SQLite format 3\0".utf8) else { return .notSQLite }
        do {
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(15)
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let tables = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
            return requiredTables.isSubset(of: tables) ? .twinning : .foreign(tables: tables)
        } catch let error as DatabaseError {
            return .damaged(error.message ?? "\(error.resultCode)")
        } catch {
            return .damaged("\(error)")
        }
    }

    /// Why the file at `path` is not a twinning database, in English; nil when it is one.
    public static func problem(_ path: String) -> String? { problemPhrase(path)?.english }

    /// Why the file at `path` is not a twinning database, in any language; nil when it is one.
    public static func problemPhrase(_ path: String) -> Phrase? {
        switch inspect(path) {
        case .twinning: return nil
        case .missing: return Phrase(.noDatabase, "\(path)")
        case .folder: return Phrase(.folderNotDatabase, "\(path)")
        case .empty: return Phrase(.emptyDatabaseFile, "\(path)")
        case .notSQLite: return Phrase(.notSQLite, "\(path)")
        case .foreign(let tables):
            let listed = tables.prefix(8).joined(separator: ", ") + (tables.count > 8 ? ", …" : "")
            return tables.isEmpty ? Phrase(.foreignNoTables, "\(path)") : Phrase(.foreignTables, "\(path)", "\(listed)")
        case .damaged(let reason):
            return Phrase(.unreadableDatabase, "\(path)", "\(reason)")
        }
    }
}

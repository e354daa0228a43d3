import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The prepared databases, made once per build of the binary and shared by
/// every test process (`swift test --parallel` runs each test in a process of
/// its own, so a per-process fixture would run `init` hundreds of times):
/// `demo.sqlite` (`twinning init`: the demo network on the world gazetteer)
/// and `empty.sqlite` (`twinning init --empty`: the gazetteer only).
/// Each test that writes gets a copy. Making them takes about 10 s idle (far
/// more on a loaded machine); a copy takes milliseconds.
/// See FixtureCache.swift for where they live and how processes agree.
public final class DemoDatabase: @unchecked Sendable {
    public static let shared = DemoDatabase()

    private let lock = NSLock()
    private var prepared: Result<Prepared, Error>?

    public struct Prepared {
        public let root: URL
        public let demo: URL
        public let empty: URL
        /// What `init` said while making them.
        public let demoInit: CLIResult
        public let emptyInit: CLIResult
    }

    /// Makes both files on the first call of the first process (later calls
    /// and other processes get the same files).
    public func get() throws -> Prepared {
        lock.lock()
        defer { lock.unlock() }
        if let prepared { return try prepared.get() }
        let result = Result { try FixtureCache.prepared() }
        prepared = result
        return try result.get()
    }

    /// The shared demo database: only for what does not write.
    public func path() throws -> URL { try get().demo }

    /// A private copy of the demo database (with any -wal) in `folder`.
    public func copy(to folder: URL, name: String) throws -> String {
        try DemoDatabase.copy(try get().demo, to: folder.appendingPathComponent(name))
    }

    /// A private copy of the `init --empty` database in `folder`.
    public func copyEmpty(to folder: URL, name: String) throws -> String {
        try DemoDatabase.copy(try get().empty, to: folder.appendingPathComponent(name))
    }

    /// Copies a database file. WAL is checkpointed on close, so the -wal is
    /// normally absent or empty; a non-empty one belongs to the copy. The -shm
    /// is never copied: another test process may be reading the shared file
    /// right now, and SQLite rebuilds the index from the -wal on open.
    ///
    /// That reader's last close checkpoints and deletes the -wal, possibly
    /// between seeing it and copying it (CI saw "demo.sqlite-wal doesn't
    /// exist"). Then its pages are in the main file, so the copy starts again
    /// from the main file rather than keeping one made before the checkpoint.
    public static func copy(_ source: URL, to target: URL) throws -> String {
        let fm = FileManager.default
        let wal = source.path + "-wal"
        var attempt = 0
        while true {
            attempt += 1
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: target.path + suffix) }
            try fm.copyItem(at: source, to: target)
            guard let size = (try? fm.attributesOfItem(atPath: wal))?[.size] as? Int, size > 0 else { return target.path }
            do {
                try fm.copyItem(atPath: wal, toPath: target.path + "-wal")
                return target.path
            } catch where attempt < 5 && !fm.fileExists(atPath: wal) {
                continue  // checkpointed and removed while we copied: copy the main file again
            }
        }
    }
}

/// Folders removed when the test process ends.
public enum TempFolders {
    nonisolated(unsafe) private static var folders: [URL] = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    public static func removeAtExit(_ folder: URL) {
        lock.lock(); defer { lock.unlock() }
        folders.append(folder)
        if !installed {
            installed = true
            atexit { TempFolders.removeAll() }
        }
    }

    static func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for folder in folders { makeWritable(folder); try? FileManager.default.removeItem(at: folder) }
        folders.removeAll()
    }

    /// chmod u+rwx on a tree, so read-only leftovers can be deleted.
    public static func makeWritable(_ folder: URL) {
        chmod(folder.path, 0o755)
        let fm = FileManager.default
        guard let items = try? fm.subpathsOfDirectory(atPath: folder.path) else { return }
        for item in items {
            let path = folder.appendingPathComponent(item).path
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDir) {
                chmod(path, isDir.boolValue ? 0o755 : 0o644)
            }
        }
    }
}

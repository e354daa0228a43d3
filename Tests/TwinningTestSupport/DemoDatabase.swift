import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The prepared databases, made once per test run (one `swift test` process
/// runs every test target) and copied for each test that writes:
/// `demo.sqlite` (`twinning init`: the demo network on the world gazetteer)
/// and `empty.sqlite` (`twinning init --empty`: the gazetteer only).
/// Making one takes about 10 s; a copy takes milliseconds.
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

    /// Makes both files on the first call (both processes at once, one core
    /// each); later callers get the same files.
    public func get() throws -> Prepared {
        lock.lock()
        defer { lock.unlock() }
        if let prepared { return try prepared.get() }
        let result = Result { try prepare() }
        prepared = result
        return try result.get()
    }

    /// The shared demo database: only for what does not write.
    public func path() throws -> URL { try get().demo }

    /// A private copy of the demo database (with any -wal/-shm) in `folder`.
    public func copy(to folder: URL, name: String) throws -> String {
        try DemoDatabase.copy(try get().demo, to: folder.appendingPathComponent(name))
    }

    /// A private copy of the `init --empty` database in `folder`.
    public func copyEmpty(to folder: URL, name: String) throws -> String {
        try DemoDatabase.copy(try get().empty, to: folder.appendingPathComponent(name))
    }

    private static func copy(_ source: URL, to target: URL) throws -> String {
        let fm = FileManager.default
        try? fm.removeItem(at: target)
        try fm.copyItem(at: source, to: target)
        // WAL is checkpointed on close; if a -wal is ever left behind, it belongs to the copy.
        for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: source.path + suffix) {
            try fm.copyItem(atPath: source.path + suffix, toPath: target.path + suffix)
        }
        return target.path
    }

    private func prepare() throws -> Prepared {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("twinning-fixtures-\(getpid())-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        TempFolders.removeAtExit(root)
        let demo = root.appendingPathComponent("demo.sqlite")
        let empty = root.appendingPathComponent("empty.sqlite")
        // Both at once: each init uses one core. Neither starts tmux, so `Process` is safe here.
        let demoRun = try RunningCLI(["init", "--db", demo.path])
        let emptyRun = try RunningCLI(["init", "--empty", "--db", empty.path])
        let demoResult = try demoRun.wait(timeout: 300)
        let emptyResult = try emptyRun.wait(timeout: 300)
        for (r, path) in [(demoResult, demo), (emptyResult, empty)] {
            guard r.status == 0, fm.fileExists(atPath: path.path) else {
                throw TestSupportError("Creating the fixture database failed: \(r.summary)")
            }
        }
        return Prepared(root: root, demo: demo, empty: empty, demoInit: demoResult, emptyInit: emptyResult)
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

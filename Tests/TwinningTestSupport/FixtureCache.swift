import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where the prepared databases live and how test processes share them.
///
/// `swift test --parallel` starts one process per test, so "once per process"
/// would mean running `init` for every test that needs a database. Instead the
/// files are made once per build of the binary, in a folder next to it
/// (`.build/<triple>/debug/twinning-test-fixtures`, so `swift package clean`
/// removes them). A stamp names the binary and its resources (size, mtime,
/// inode); a new build makes new files. An exclusive `flock` on a lock file
/// lets exactly one process make them while the others wait; the lock goes
/// with the process if it dies, and a half-made folder is never stamped.
enum FixtureCache {
    static let folderName = "twinning-test-fixtures"

    static func prepared() throws -> DemoDatabase.Prepared {
        let binary = URL(fileURLWithPath: try Binary.require())
        let root = folder(for: binary)
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)

        let lockPath = root.appendingPathComponent("lock").path
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw TestSupportError("cannot open \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(fd) }  // closing releases the lock
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw TestSupportError("flock \(lockPath): \(String(cString: strerror(errno)))") }
        }

        let stamp = root.appendingPathComponent("stamp")
        let key = try self.key(binary)
        // Only the binary decides: commands that read may still write to the
        // shared file (a lazily made index, a checkpoint), as they did when the
        // files were made once per process.
        if !complete(root) || (try? String(contentsOf: stamp, encoding: .utf8)) != key {
            try? fm.removeItem(at: stamp)
            try make(in: root)
            try key.write(to: stamp, atomically: true, encoding: .utf8)
        }
        return DemoDatabase.Prepared(root: root, demo: root.appendingPathComponent("demo.sqlite"),
                                     empty: root.appendingPathComponent("empty.sqlite"),
                                     demoInit: try result("demo", in: root), emptyInit: try result("empty", in: root))
    }

    /// Next to the binary when that folder is writable, else in the temporary folder.
    static func folder(for binary: URL) -> URL {
        let dir = binary.deletingLastPathComponent()
        if access(dir.path, W_OK) == 0 { return dir.appendingPathComponent(folderName) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of the binary's path
        for b in binary.path.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return FileManager.default.temporaryDirectory
            .appendingPathComponent("\(folderName)-\(getuid())-\(String(hash, radix: 16))")
    }

    /// What the files were made from: the binary and the resource bundles beside it.
    static func key(_ binary: URL) throws -> String {
        var lines = [describe(binary.path)]
        let dir = binary.deletingLastPathComponent()
        let fm = FileManager.default
        for bundle in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where bundle.hasSuffix(".resources") {
            let base = dir.appendingPathComponent(bundle)
            for item in ((try? fm.subpathsOfDirectory(atPath: base.path)) ?? []).sorted() {
                lines.append(describe(base.appendingPathComponent(item).path))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path) missing" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }

    private static func complete(_ root: URL) -> Bool {
        ["demo.sqlite", "empty.sqlite", "demo.status", "empty.status"].allSatisfy {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
        }
    }

    /// Runs both inits at once (each uses one core) and keeps what they said.
    /// Neither starts tmux, so `Process` is safe here.
    private static func make(in root: URL) throws {
        let fm = FileManager.default
        for name in ["demo", "empty"] {
            for suffix in [".sqlite", ".sqlite-wal", ".sqlite-shm", ".status", ".stdout", ".stderr", ".wal-after-init"] {
                try? fm.removeItem(at: root.appendingPathComponent(name + suffix))
            }
        }
        let demo = root.appendingPathComponent("demo.sqlite")
        let empty = root.appendingPathComponent("empty.sqlite")
        let demoRun = try RunningCLI(["init", "--db", demo.path])
        let emptyRun = try RunningCLI(["init", "--empty", "--db", empty.path])
        let results = [("demo", demo, try demoRun.wait(timeout: 600)), ("empty", empty, try emptyRun.wait(timeout: 600))]
        for (name, path, r) in results {
            guard r.status == 0, fm.fileExists(atPath: path.path) else {
                throw TestSupportError("Creating the fixture database failed: \(r.summary)")
            }
            // Whether init left a WAL file, seen now: later, a test reading the
            // shared file may hold one open for a moment (InitCommandTests asks).
            if fm.fileExists(atPath: path.path + "-wal") {
                try Data().write(to: root.appendingPathComponent(name + ".wal-after-init"))
            }
            try r.stdoutData.write(to: root.appendingPathComponent(name + ".stdout"))
            try r.stderrData.write(to: root.appendingPathComponent(name + ".stderr"))
            try r.arguments.joined(separator: "\n").write(to: root.appendingPathComponent(name + ".arguments"), atomically: true, encoding: .utf8)
            // Written last: its presence says this database is complete.
            try String(r.status).write(to: root.appendingPathComponent(name + ".status"), atomically: true, encoding: .utf8)
        }
    }

    private static func result(_ name: String, in root: URL) throws -> CLIResult {
        let read = { (suffix: String) in try Data(contentsOf: root.appendingPathComponent(name + suffix)) }
        let arguments = String(decoding: try read(".arguments"), as: UTF8.self).split(separator: "\n").map(String.init)
        let status = Int32(String(decoding: try read(".status"), as: UTF8.self)) ?? -1
        return CLIResult(arguments: arguments, status: status, stdoutData: try read(".stdout"), stderrData: try read(".stderr"))
    }
}

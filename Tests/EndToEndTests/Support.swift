import Foundation
import TwinningCore
import XCTest

#if canImport(Glibc)
import Glibc
#endif

// MARK: - Locating the binary

enum Binary {
    /// The package root: Tests/EndToEndTests/Support.swift is three levels down.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// `.build/debug/twinning`, found from the source file or, failing that,
    /// next to the test bundle (`.build/<triple>/debug/…xctest`).
    static let url: URL? = {
        let fm = FileManager.default
        if let override = ProcessInfo.processInfo.environment["TWINNING_BINARY"], fm.isExecutableFile(atPath: override) {
            return URL(fileURLWithPath: override)
        }
        var candidates = [packageRoot.appendingPathComponent(".build/debug/twinning")]
        var dir = Bundle.main.bundleURL
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("twinning"))
            candidates.append(dir.appendingPathComponent(".build/debug/twinning"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }()

    static func require() throws -> URL {
        guard let url else {
            XCTFail("The twinning binary was not found at \(packageRoot.path)/.build/debug/twinning. Run `swift build` in \(packageRoot.path) first.")
            throw FixtureError("twinning binary missing: run `swift build` first")
        }
        return url
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Running the CLI

struct CLIResult {
    let arguments: [String]
    let status: Int32
    let stdoutData: Data
    let stderrData: Data
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    var summary: String {
        "twinning \(arguments.joined(separator: " ")) → exit \(status)\n--- stdout:\n\(stdout.prefix(3000))\n--- stderr:\n\(stderr.prefix(3000))"
    }
}

/// A started twinning process whose output goes to temporary files.
final class RunningCLI {
    let arguments: [String]
    let process = Process()
    let scratch: URL
    let outURL: URL
    let errURL: URL
    let outHandle: FileHandle
    let errHandle: FileHandle

    init(_ arguments: [String], asUser uid: UInt32? = nil) throws {
        self.arguments = arguments
        let binary = try Binary.require()
        let fm = FileManager.default
        scratch = fm.temporaryDirectory.appendingPathComponent("twinning-e2e-io-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        outURL = scratch.appendingPathComponent("stdout")
        errURL = scratch.appendingPathComponent("stderr")
        fm.createFile(atPath: outURL.path, contents: nil)
        fm.createFile(atPath: errURL.path, contents: nil)
        outHandle = try FileHandle(forWritingTo: outURL)
        errHandle = try FileHandle(forWritingTo: errURL)

        if let uid {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TWINNING_DB")
        // Never touch a real user database, whatever happens.
        environment["XDG_DATA_HOME"] = scratch.appendingPathComponent("xdg").path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        do {
            try process.run()
        } catch {
            try? fm.removeItem(at: scratch)
            throw error
        }
    }

    func wait(timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                XCTFail("twinning \(arguments.joined(separator: " ")) did not finish within \(timeout) s", file: file, line: line)
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return CLIResult(arguments: arguments, status: process.terminationStatus,
                         stdoutData: try Data(contentsOf: outURL), stderrData: try Data(contentsOf: errURL))
    }
}

enum CLI {
    /// Runs the binary with stdin from /dev/null (so it is never a terminal) and
    /// stdout/stderr written to temporary files (no pipe can fill up and block).
    /// `asUser` runs it through setpriv with that uid/gid (used when tests run as root).
    static func run(_ arguments: [String], asUser uid: UInt32? = nil, timeout: TimeInterval = 120,
                    file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        try RunningCLI(arguments, asUser: uid).wait(timeout: timeout, file: file, line: line)
    }

    /// Runs and asserts exit status 0.
    @discardableResult
    static func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let result = try run(arguments, file: file, line: line)
        XCTAssertEqual(result.status, 0, "expected success: \(result.summary)", file: file, line: line)
        return result
    }

    /// Runs and asserts exit status 1 with a one-line-or-more "twinning: " message on stderr.
    @discardableResult
    static func fails(_ arguments: [String], asUser uid: UInt32? = nil,
                      file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let result = try run(arguments, asUser: uid, file: file, line: line)
        XCTAssertEqual(result.status, 1, "expected exit 1: \(result.summary)", file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("twinning: "), "stderr should start with \"twinning: \": \(result.summary)", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("Fatal error"), "crashed: \(result.summary)", file: file, line: line)
        return result
    }
}

// MARK: - Shared databases (created once per test run)

final class Fixtures: @unchecked Sendable {
    static let shared = Fixtures()

    private let lock = NSLock()
    private var prepared: Result<Prepared, Error>?

    struct Prepared {
        let root: URL
        let demo: URL
        let empty: URL
        let demoInit: CLIResult
        let emptyInit: CLIResult
    }

    /// Creates `demo.sqlite` (`init`) and `empty.sqlite` (`init --empty`) once,
    /// both processes at the same time to use both cores.
    func get() throws -> Prepared {
        lock.lock()
        defer { lock.unlock() }
        if let prepared { return try prepared.get() }
        let result = Result { try prepare() }
        prepared = result
        return try result.get()
    }

    private func prepare() throws -> Prepared {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("twinning-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        Cleanup.register(root)
        let demo = root.appendingPathComponent("demo.sqlite")
        let empty = root.appendingPathComponent("empty.sqlite")
        // Both at once: each init uses one core.
        let demoRun = try RunningCLI(["init", "--db", demo.path])
        let emptyRun = try RunningCLI(["init", "--empty", "--db", empty.path])
        let demoResult = try demoRun.wait(timeout: 300)
        let emptyResult = try emptyRun.wait(timeout: 300)
        for (r, path) in [(demoResult, demo), (emptyResult, empty)] {
            guard r.status == 0, fm.fileExists(atPath: path.path) else {
                throw FixtureError("Creating the fixture database failed: \(r.summary)")
            }
        }
        return Prepared(root: root, demo: demo, empty: empty, demoInit: demoResult, emptyInit: emptyResult)
    }
}

enum Cleanup {
    nonisolated(unsafe) private static var folders: [URL] = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    static func register(_ folder: URL) {
        lock.lock(); defer { lock.unlock() }
        folders.append(folder)
        if !installed {
            installed = true
            atexit { Cleanup.removeAll() }
        }
    }

    static func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for folder in folders { makeWritable(folder); try? FileManager.default.removeItem(at: folder) }
        folders.removeAll()
    }

    /// chmod u+rwx on a tree, so read-only leftovers can be deleted.
    static func makeWritable(_ folder: URL) {
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

// MARK: - Base test case

class EndToEndTestCase: XCTestCase {
    /// A fresh folder for this test, removed afterwards.
    var workDir: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        _ = try Binary.require()
        workDir = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-e2e-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let workDir {
            Cleanup.makeWritable(workDir)
            try? FileManager.default.removeItem(at: workDir)
        }
        workDir = nil
        try super.tearDownWithError()
    }

    /// The shared demo database: only for commands that do not write.
    func demoDB() throws -> String { try Fixtures.shared.get().demo.path }

    /// A private copy of the demo database, for commands that write.
    func demoCopy(_ name: String = "demo-copy.sqlite") throws -> String {
        try copy(Fixtures.shared.get().demo, to: name)
    }

    /// A private copy of the `init --empty` database (gazetteer only).
    func emptyCopy(_ name: String = "empty-copy.sqlite") throws -> String {
        try copy(Fixtures.shared.get().empty, to: name)
    }

    private func copy(_ source: URL, to name: String) throws -> String {
        let fm = FileManager.default
        let target = workDir.appendingPathComponent(name)
        try fm.copyItem(at: source, to: target)
        // WAL is checkpointed on close; if a -wal is ever left behind, it belongs to the copy.
        for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: source.path + suffix) {
            try fm.copyItem(atPath: source.path + suffix, toPath: target.path + suffix)
        }
        return target.path
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws -> String {
        let url = workDir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Counts read straight from the file through TwinningCore.
    func counts(_ path: String) throws -> AppDatabase.Counts {
        let database = try AppDatabase.open(path: path, readOnly: true)
        return try database.counts()
    }

    func json(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: result.stdoutData)
        } catch {
            XCTFail("stdout is not JSON: \(result.summary)", file: file, line: line)
            throw error
        }
    }

    func jsonArray(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let value = try json(result, file: file, line: line)
        guard let array = value as? [[String: Any]] else {
            XCTFail("stdout is not a JSON array of objects: \(result.summary)", file: file, line: line)
            throw FixtureError("not an array")
        }
        return array
    }

    /// Adds a partnership through the CLI and returns its id, found again with `partnerships list --format json`.
    func addPartnership(_ first: String, _ second: String, db: String, extra: [String] = [],
                        file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let added = try CLI.ok(["partnerships", "add", first, second, "--db", db] + extra, file: file, line: line)
        let match = added.stdout.firstMatch(of: /partnership (\d+)/)
        guard let match, let id = Int(match.1) else {
            XCTFail("no partnership id in: \(added.summary)", file: file, line: line)
            throw FixtureError("no id")
        }
        return id
    }
}

// MARK: - CSV / TSV

enum CSV {
    /// A small RFC 4180 reader, enough to compare exports field by field.
    static func parse(_ text: String, separator: Character = ",") -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == separator {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else if c == "\r" {
                continue
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Drops the named columns from a table whose first row is the header.
    static func dropping(_ columns: Set<String>, from table: [[String]]) -> [[String]] {
        guard let header = table.first else { return table }
        let keep = header.indices.filter { !columns.contains(header[$0]) }
        return table.map { row in keep.map { $0 < row.count ? row[$0] : "<missing>" } }
    }
}

extension Data {
    func containsByte(_ byte: UInt8) -> Bool { contains(byte) }
}

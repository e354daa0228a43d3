import Foundation
import TwinningCore
import XCTest

#if canImport(Glibc)
import Glibc
#endif

// Support for driving the real `twinning` binary under tmux.
//
// Facts this relies on (see /work/shared/NOTES-terminal.md):
// - tmux is started with posix_spawn + waitpid, never with Foundation's
//   `Process` (whose waitUntilExit() hangs because the forked tmux server
//   inherits the socket Process watches).
// - Every test has its own tmux server (`-L <unique>`, `-f /dev/null`) and its
//   own TMUX_TMPDIR, and kills the server in tearDown.
// - Screens are awaited by polling `capture-pane -p` every 50 ms up to a deadline.

struct ScreenTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Spawning processes

struct SpawnResult {
    let arguments: [String]
    let status: Int32
    let output: Data
    let errors: Data
    var stdout: String { String(decoding: output, as: UTF8.self) }
    var stderr: String { String(decoding: errors, as: UTF8.self) }
    var summary: String {
        "\(arguments.joined(separator: " ")) → exit \(status)\n--- stdout:\n\(stdout.prefix(2000))\n--- stderr:\n\(stderr.prefix(2000))"
    }
}

enum Spawn {
    /// Finds an executable on PATH.
    static func which(_ name: String) -> String? {
        if name.hasPrefix("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable arguments` with stdin from /dev/null and stdout/stderr
    /// in temporary files (no pipe can fill up, no fd the child could keep open).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    scratch: URL, timeout: TimeInterval = 60) throws -> SpawnResult {
        guard let path = which(executable) else { throw ScreenTestError("\(executable) not found on PATH") }
        let id = UUID().uuidString
        let outPath = scratch.appendingPathComponent("spawn-\(id).out").path
        let errPath = scratch.appendingPathComponent("spawn-\(id).err").path
        defer { unlink(outPath); unlink(errPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard rc == 0 else { throw ScreenTestError("posix_spawn \(path) failed: \(String(cString: strerror(rc)))") }

        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r == -1 && errno != EINTR { throw ScreenTestError("waitpid failed: \(String(cString: strerror(errno)))") }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw ScreenTestError("\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
            }
            usleep(2_000)
        }
        // WIFEXITED / WEXITSTATUS are macros; decode by hand.
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return SpawnResult(arguments: [executable] + arguments, status: exitStatus,
                           output: FileManager.default.contents(atPath: outPath) ?? Data(),
                           errors: FileManager.default.contents(atPath: errPath) ?? Data())
    }
}

// MARK: - The binary and the CLI

enum Binary {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ScreenEndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// `$TWINNING_BINARY`, `.build/debug/twinning`, or a `twinning` next to the test bundle.
    static let path: String? = {
        let fm = FileManager.default
        if let override = ProcessInfo.processInfo.environment["TWINNING_BINARY"], fm.isExecutableFile(atPath: override) {
            return override
        }
        var candidates = [packageRoot.appendingPathComponent(".build/debug/twinning")]
        var dir = Bundle.main.bundleURL
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("twinning"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }?.path
    }()

    static func require() throws -> String {
        guard let path else {
            throw ScreenTestError("The twinning binary was not found at \(packageRoot.path)/.build/debug/twinning. Run `swift build` first.")
        }
        return path
    }
}

enum CLI {
    /// Runs the twinning CLI (no terminal, C.UTF-8, no user data or config touched).
    static func run(_ arguments: [String], scratch: URL, timeout: TimeInterval = 120) throws -> SpawnResult {
        let binary = try Binary.require()
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": scratch.path,
            "XDG_CONFIG_HOME": scratch.appendingPathComponent("cli-config").path,
            "XDG_DATA_HOME": scratch.appendingPathComponent("cli-data").path,
        ]
        return try Spawn.run(binary, arguments, environment: environment, scratch: scratch, timeout: timeout)
    }
}

// MARK: - The shared demo database (created once per run)

final class DemoDatabase: @unchecked Sendable {
    static let shared = DemoDatabase()
    private let lock = NSLock()
    private var result: Result<URL, Error>?

    /// `twinning init` once per test run; later callers get the same file.
    func path() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let made = Result { try create() }
        result = made
        return try made.get()
    }

    private func create() throws -> URL {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("twinning-screen-e2e-\(getpid())-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        DemoDatabase.removeAtExit(root)
        let demo = root.appendingPathComponent("demo.sqlite")
        let result = try CLI.run(["init", "--db", demo.path], scratch: root, timeout: 300)
        guard result.status == 0, fm.fileExists(atPath: demo.path) else {
            throw ScreenTestError("Creating the demo database failed: \(result.summary)")
        }
        return demo
    }

    nonisolated(unsafe) private static var folders: [String] = []
    private static func removeAtExit(_ folder: URL) {
        if folders.isEmpty {
            atexit {
                for f in DemoDatabase.folders { try? FileManager.default.removeItem(atPath: f) }
            }
        }
        folders.append(folder.path)
    }
}

// MARK: - Screen attributes from `capture-pane -e`

/// One captured screen with per-cell reverse-video flags, parsed from the
/// SGR sequences of `capture-pane -p -e` (tmux carries attributes across lines).
struct AttributedScreen {
    var lines: [[(Character, Bool)]] = []

    init(_ escaped: String) {
        var reverse = false
        var line: [(Character, Bool)] = []
        var chars = Array(escaped)
        if chars.last == "\n" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\u{1B}", i + 1 < chars.count, chars[i + 1] == "[" {
                var j = i + 2
                var params = ""
                while j < chars.count, !(chars[j].isLetter) { params.append(chars[j]); j += 1 }
                if j < chars.count, chars[j] == "m" {
                    let codes = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                    var k = 0
                    while k < codes.count {
                        switch codes[k] {
                        case 0: reverse = false
                        case 7: reverse = true
                        case 27: reverse = false
                        case 38, 48, 58:
                            // 38;5;n or 38;2;r;g;b: skip the colour arguments.
                            if k + 1 < codes.count { k += codes[k + 1] == 5 ? 2 : (codes[k + 1] == 2 ? 4 : 0) }
                        default: break
                        }
                        k += 1
                    }
                }
                i = j + 1
                continue
            }
            if c == "\u{1B}" { i += 1; continue }  // other escapes (charset) are ignored
            if c == "\n" {
                lines.append(line)
                line = []
            } else {
                line.append((c, reverse))
            }
            i += 1
        }
        lines.append(line)
    }

    /// True if `text` occurs on a line and every one of its characters is in reverse video.
    func isReverse(_ text: String) -> Bool? {
        let needle = Array(text)
        for line in lines {
            let chars = line.map(\.0)
            guard chars.count >= needle.count else { continue }
            for start in 0...(chars.count - needle.count) where Array(chars[start..<start + needle.count]) == needle {
                return line[start..<start + needle.count].allSatisfy(\.1)
            }
        }
        return nil
    }
}

// MARK: - tmux session running the program

final class TmuxSession {
    let socket: String
    let workDir: URL
    let tmuxDir: URL
    let environment: [String: String]
    private(set) var lastScreen = ""

    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    init(workDir: URL) throws {
        TmuxSession.counterLock.lock()
        TmuxSession.counter += 1
        let n = TmuxSession.counter
        TmuxSession.counterLock.unlock()
        socket = "twse-\(getpid())-\(n)"
        self.workDir = workDir
        // Short path: unix socket names are limited to ~108 bytes.
        tmuxDir = URL(fileURLWithPath: "/tmp").appendingPathComponent("twse-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: tmuxDir, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        env.removeValue(forKey: "TMUX_PANE")
        env["TMUX_TMPDIR"] = tmuxDir.path
        environment = env
    }

    @discardableResult
    func tmux(_ arguments: [String], timeout: TimeInterval = 20) throws -> SpawnResult {
        try Spawn.run("tmux", ["-L", socket, "-f", "/dev/null"] + arguments,
                      environment: environment, scratch: workDir, timeout: timeout)
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Starts the program in a detached session `app` of the given size.
    /// The program gets a clean environment (`env -i`) so the runner's locale
    /// or NO_COLOR cannot leak in. `afterStart` are tmux commands chained in the
    /// same client call (e.g. `pipe-pane`), so they are in place before the first draw.
    func start(db: String, columns: Int = 80, rows: Int = 24, lang: String = "C.UTF-8",
               extraArguments: [String] = [], home: URL, afterStart: [[String]] = []) throws {
        let binary = try Binary.require()
        let words = ["exec", "env", "-i",
                     "PATH=/usr/local/bin:/usr/bin:/bin",
                     "TERM=xterm-256color",
                     "LANG=\(lang)",
                     "HOME=\(home.path)",
                     "XDG_CONFIG_HOME=\(home.appendingPathComponent("config").path)",
                     "XDG_DATA_HOME=\(home.appendingPathComponent("data").path)",
                     binary, "--db", db] + extraArguments
        let command = words.map(TmuxSession.shellQuote).joined(separator: " ")
        var arguments = ["new-session", "-d", "-s", "app", "-x", String(columns), "-y", String(rows), command,
                         ";", "set-option", "-g", "remain-on-exit", "on"]
        for extra in afterStart { arguments += [";"] + extra }
        let result = try tmux(arguments)
        guard result.status == 0 else { throw ScreenTestError("tmux new-session failed: \(result.summary)") }
    }

    func capture(escapes: Bool = false) throws -> String {
        let result = try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", "app"])
        guard result.status == 0 else { throw ScreenTestError("capture-pane failed: \(result.summary)") }
        if !escapes { lastScreen = result.stdout }
        return result.stdout
    }

    func lines() throws -> [String] {
        var text = try capture()
        if text.hasSuffix("\n") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Sends tmux key names (`Down`, `Enter`, `F2`, `q` …).
    func keys(_ keys: String...) throws {
        let result = try tmux(["send-keys", "-t", "app"] + keys)
        guard result.status == 0 else { throw ScreenTestError("send-keys failed: \(result.summary)") }
    }

    /// Types text literally, one character at a time as a user would.
    func type(_ text: String) throws {
        let result = try tmux(["send-keys", "-t", "app", "-l", text])
        guard result.status == 0 else { throw ScreenTestError("send-keys -l failed: \(result.summary)") }
    }

    func resize(columns: Int, rows: Int) throws {
        let result = try tmux(["resize-window", "-t", "app", "-x", String(columns), "-y", String(rows)])
        guard result.status == 0 else { throw ScreenTestError("resize-window failed: \(result.summary)") }
    }

    func display(_ format: String) throws -> String {
        let result = try tmux(["display-message", "-p", "-t", "app", format])
        guard result.status == 0 else { throw ScreenTestError("display-message failed: \(result.summary)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen every 50 ms until `condition` holds; fails with the last screen otherwise.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while true {
            screen = try lines()
            if condition(screen) { return screen }
            if Date() > deadline { break }
            usleep(50_000)
        }
        XCTFail("Timed out after \(timeout) s waiting for \(what). Screen:\n\(screen.joined(separator: "\n"))", file: file, line: line)
        throw ScreenTestError("timed out waiting for \(what)")
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.joined(separator: "\n").contains(text) }
    }

    /// Waits until the screen stops changing for `quiet` seconds.
    func waitUntilIdle(quiet: TimeInterval = 0.3, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = try capture(escapes: true)
        var since = Date()
        while Date() < deadline {
            usleep(50_000)
            let now = try capture(escapes: true)
            if now != previous { previous = now; since = Date() }
            else if Date().timeIntervalSince(since) >= quiet { return }
        }
    }

    func kill() {
        _ = try? tmux(["kill-server"], timeout: 10)
        try? FileManager.default.removeItem(at: tmuxDir)
    }
}

// MARK: - Base test case

class ScreenTestCase: XCTestCase {
    var workDir: URL!
    var session: TmuxSession!
    var sessions: [TmuxSession] = []
    static let dortmundGeonameId = "2935517"

    override func setUpWithError() throws {
        try super.setUpWithError()
        continueAfterFailure = false
        guard Spawn.which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        _ = try Binary.require()
        workDir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twse-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
        session = try newSession()
    }

    override func tearDownWithError() throws {
        for s in sessions { s.kill() }
        sessions = []
        session = nil
        if let workDir { try? FileManager.default.removeItem(at: workDir) }
        workDir = nil
        try super.tearDownWithError()
    }

    /// Another tmux server of its own (killed in tearDown).
    func newSession() throws -> TmuxSession {
        let s = try TmuxSession(workDir: workDir)
        sessions.append(s)
        return s
    }

    /// A private copy of the shared demo database.
    func demoCopy(_ name: String = "demo.sqlite") throws -> String {
        let source = try DemoDatabase.shared.path()
        let target = workDir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: source.path + suffix) {
            try FileManager.default.copyItem(atPath: source.path + suffix, toPath: target.path + suffix)
        }
        return target.path
    }

    /// A HOME folder; with `homeCity` its config already names the association's city.
    func makeHome(_ name: String = "home", homeCity: String? = ScreenTestCase.dortmundGeonameId) throws -> URL {
        let home = workDir.appendingPathComponent(name)
        let configDir = home.appendingPathComponent("config/twinning")
        try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true)
        if let homeCity {
            try "home_city = \(homeCity)\n".write(to: configDir.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        }
        return home
    }

    func configFile(_ home: URL) -> URL { home.appendingPathComponent("config/twinning/config") }

    /// Starts the program on a copy of the demo database with Dortmund as home city,
    /// and waits for the first full screen (title, tabs and key bar).
    @discardableResult
    func startApp(db: String? = nil, columns: Int = 80, rows: Int = 24,
                  file: StaticString = #filePath, line: UInt = #line) throws -> (db: String, home: URL) {
        let db = try db ?? demoCopy()
        let home = try makeHome()
        try session.start(db: db, columns: columns, rows: rows, home: home)
        try waitForMainScreen(file: file, line: line)
        return (db, home)
    }

    func waitForMainScreen(_ s: TmuxSession? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        try (s ?? session).waitFor("the main screen", file: file, line: line) { lines in
            lines.first?.contains("twinning") == true
                && lines.contains { $0.contains("1 Cities") && $0.contains("2 Partnerships") }
                && lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.contains("q/F10 Quit") == true
        }
    }

    /// The line of the list marked as selected ("> …").
    func selectedRow(_ lines: [String]) -> String? {
        lines.first { $0.hasPrefix("> ") }
    }

    /// Partnerships of a city through the CLI (`--format json`): the partner names.
    func partnerNames(of city: String, db: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let result = try CLI.run(["partnerships", "list", "--city", city, "--db", db, "--format", "json"], scratch: workDir)
        XCTAssertEqual(result.status, 0, result.summary, file: file, line: line)
        guard let array = try JSONSerialization.jsonObject(with: result.output) as? [[String: Any]] else {
            XCTFail("not a JSON array: \(result.summary)", file: file, line: line)
            return []
        }
        return array.compactMap { item in
            let a = item["city_a"] as? [String: Any], b = item["city_b"] as? [String: Any]
            let nameA = a?["name"] as? String, nameB = b?["name"] as? String
            return nameA == city ? nameB : nameA
        }
    }
}

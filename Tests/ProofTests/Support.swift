import Foundation
import TwinningCore
import XCTest

#if canImport(Glibc)
import Glibc
#endif

// Support for the robustness proofs: spawning the real binary (posix_spawn +
// waitpid, output to temporary files, never Foundation's Process: a forked tmux
// server would inherit the socket Process watches), a tmux harness with its own
// server per test, and a demo database made once per run.
// Copied and trimmed from Tests/ScreenEndToEndTests/Support.swift (test targets
// cannot import each other).

struct ProofError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct SpawnResult {
    let arguments: [String]
    /// The exit code, or 128 + signal number when a signal ended the process.
    let status: Int32
    /// The signal that ended the process, if any.
    let signal: Int32?
    let output: Data
    let errors: Data
    let seconds: TimeInterval
    var stdout: String { String(decoding: output, as: UTF8.self) }
    var stderr: String { String(decoding: errors, as: UTF8.self) }
    var summary: String {
        "\(arguments.map { $0.count > 120 ? String($0.prefix(120)) + "…" : $0 }.joined(separator: " ")) → exit \(status)"
            + (signal.map { " (signal \($0))" } ?? "")
            + "\n--- stdout (\(output.count) bytes):\n\(Printable.escape(output.prefix(1500)))"
            + "\n--- stderr (\(errors.count) bytes):\n\(Printable.escape(errors.prefix(1500)))"
    }
}

enum Printable {
    /// Bytes as text with every control byte and invalid byte shown as \xNN, for failure messages.
    static func escape<D: Collection>(_ data: D) -> String where D.Element == UInt8 {
        var out = ""
        for b in data {
            if b == 0x0A { out += "\n" } else if b < 0x20 || b == 0x7F || b >= 0x80 { out += String(format: "\\x%02X", b) }
            else { out.unicodeScalars.append(Unicode.Scalar(b)) }
        }
        return out
    }
}

enum Spawn {
    static func which(_ name: String) -> String? {
        if name.hasPrefix("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable arguments` with exactly `environment`, stdin from
    /// `stdin` (default /dev/null) and stdout/stderr in temporary files.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    scratch: URL, stdin: String = "/dev/null", timeout: TimeInterval = 60) throws -> SpawnResult {
        guard let path = which(executable) else { throw ProofError("\(executable) not found on PATH") }
        let id = UUID().uuidString
        let outPath = scratch.appendingPathComponent("spawn-\(id).out").path
        let errPath = scratch.appendingPathComponent("spawn-\(id).err").path
        defer { unlink(outPath); unlink(errPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        let started = Date()
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard rc == 0 else { throw ProofError("posix_spawn \(path) failed: \(String(cString: strerror(rc)))") }

        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r == -1 && errno != EINTR { throw ProofError("waitpid failed: \(String(cString: strerror(errno)))") }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw ProofError("\(executable) \(arguments.prefix(4).joined(separator: " ")) did not finish within \(timeout) s")
            }
            usleep(2_000)
        }
        let signalled = (status & 0x7f) != 0
        let exitStatus: Int32 = signalled ? 128 + (status & 0x7f) : (status >> 8) & 0xff
        return SpawnResult(arguments: [executable] + arguments, status: exitStatus, signal: signalled ? status & 0x7f : nil,
                           output: FileManager.default.contents(atPath: outPath) ?? Data(),
                           errors: FileManager.default.contents(atPath: errPath) ?? Data(),
                           seconds: Date().timeIntervalSince(started))
    }
}

enum Binary {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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
            throw ProofError("The twinning binary was not found at \(packageRoot.path)/.build/debug/twinning. Run `swift build` first.")
        }
        return path
    }
}

enum CLI {
    /// A clean environment for the CLI: C.UTF-8, HOME and XDG folders in `home`.
    static func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }

    static func run(_ arguments: [String], scratch: URL, home: URL? = nil, extra: [String: String] = [:],
                    timeout: TimeInterval = 120) throws -> SpawnResult {
        try Spawn.run(try Binary.require(), arguments, environment: environment(home: home ?? scratch, extra: extra),
                      scratch: scratch, timeout: timeout)
    }
}

/// `twinning init` once per test run (the demo network on the world gazetteer).
final class DemoDatabase: @unchecked Sendable {
    static let shared = DemoDatabase()
    private let lock = NSLock()
    private var result: Result<URL, Error>?

    func path() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let made = Result { try create() }
        result = made
        return try made.get()
    }

    private func create() throws -> URL {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinning-proof-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        TempFolders.removeAtExit(root)
        let demo = root.appendingPathComponent("demo.sqlite")
        let result = try CLI.run(["init", "--db", demo.path], scratch: root, timeout: 300)
        guard result.status == 0, FileManager.default.fileExists(atPath: demo.path) else {
            throw ProofError("Creating the demo database failed: \(result.summary)")
        }
        return demo
    }

    /// A private copy (with any -wal/-shm) in `folder`.
    func copy(to folder: URL, name: String) throws -> String {
        let source = try path()
        let target = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: source.path + suffix) {
            try FileManager.default.copyItem(atPath: source.path + suffix, toPath: target.path + suffix)
        }
        return target.path
    }
}

enum TempFolders {
    nonisolated(unsafe) private static var folders: [String] = []
    private static let lock = NSLock()
    static func removeAtExit(_ folder: URL) {
        lock.lock(); defer { lock.unlock() }
        if folders.isEmpty {
            atexit { for f in TempFolders.folders { try? FileManager.default.removeItem(atPath: f) } }
        }
        folders.append(folder.path)
    }
}

// MARK: - tmux

final class TmuxSession {
    let socket: String
    let workDir: URL
    let tmuxDir: URL
    let environment: [String: String]

    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    init(workDir: URL) throws {
        TmuxSession.counterLock.lock()
        TmuxSession.counter += 1
        let n = TmuxSession.counter
        TmuxSession.counterLock.unlock()
        socket = "twproof-\(getpid())-\(n)"
        self.workDir = workDir
        tmuxDir = URL(fileURLWithPath: "/tmp").appendingPathComponent("twpf-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: tmuxDir, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        env.removeValue(forKey: "TMUX_PANE")
        env["TMUX_TMPDIR"] = tmuxDir.path
        environment = env
    }

    @discardableResult
    func tmux(_ arguments: [String], timeout: TimeInterval = 20) throws -> SpawnResult {
        try Spawn.run("tmux", ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment, scratch: workDir, timeout: timeout)
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Starts `binary arguments` under `env -i` with exactly `env` (TERM etc.
    /// included or left out on purpose) in a detached session `app`.
    /// `afterStart` tmux commands run in the same client call, before the first draw.
    func start(arguments: [String], env: [String: String], columns: Int = 80, rows: Int = 24,
               afterStart: [[String]] = []) throws {
        let binary = try Binary.require()
        let words = ["env", "-i"] + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [binary] + arguments
        // The shell records the exit status (128 + n for signal n) in a file:
        // tmux 3.3a leaves #{pane_dead_status} empty for some exits.
        try? FileManager.default.removeItem(at: statusFile)
        let command = words.map(TmuxSession.shellQuote).joined(separator: " ")
            + "; echo $? > " + TmuxSession.shellQuote(statusFile.path)
        var args = ["new-session", "-d", "-s", "app", "-x", String(columns), "-y", String(rows), command,
                    ";", "set-option", "-g", "remain-on-exit", "on"]
        for extra in afterStart { args += [";"] + extra }
        let result = try tmux(args)
        guard result.status == 0 else { throw ProofError("tmux new-session failed: \(result.summary)") }
    }

    func capture() throws -> String {
        let result = try tmux(["capture-pane", "-p", "-t", "app"])
        guard result.status == 0 else { throw ProofError("capture-pane failed: \(result.summary)") }
        return result.stdout
    }

    func lines() throws -> [String] {
        var text = try capture()
        if text.hasSuffix("\n") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func keys(_ keys: String...) throws {
        let result = try tmux(["send-keys", "-t", "app"] + keys)
        guard result.status == 0 else { throw ProofError("send-keys failed: \(result.summary)") }
    }

    func display(_ format: String) throws -> String {
        let result = try tmux(["display-message", "-p", "-t", "app", format])
        guard result.status == 0 else { throw ProofError("display-message failed: \(result.summary)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Where the shell in the pane writes the program's exit status.
    var statusFile: URL { tmuxDir.appendingPathComponent("exit-status") }

    /// (ended, exit status or nil, signal or nil) of the program in the pane.
    func paneState() throws -> (dead: Bool, status: Int?, signal: Int?) {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8),
              let code = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            let dead = try display("#{pane_dead}") == "1"
            return (dead, nil, nil)
        }
        return code > 128 ? (true, nil, code - 128) : (true, code, nil)
    }

    /// Polls every 50 ms until `condition` holds; returns nil on timeout (with the last screen in `last`).
    func poll(timeout: TimeInterval = 20, _ condition: ([String]) throws -> Bool) throws -> [String]? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = try lines()
            if try condition(screen) { return screen }
            if Date() > deadline { return nil }
            usleep(50_000)
        }
    }

    /// Waits until the pane's process has ended.
    func waitForExit(timeout: TimeInterval = 15) throws -> (dead: Bool, status: Int?, signal: Int?) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let s = try paneState()
            // tmux may report the pane dead a moment before its exit status.
            if s.dead && (s.status != nil || s.signal != nil) { return s }
            if Date() > deadline { return s }
            usleep(50_000)
        }
    }

    func kill() {
        _ = try? tmux(["kill-server"], timeout: 10)
        try? FileManager.default.removeItem(at: tmuxDir)
    }
}

/// Base class: a temporary folder per test and tmux servers killed afterwards.
class ProofTestCase: XCTestCase {
    var workDir: URL!
    var sessions: [TmuxSession] = []
    static let dortmundGeonameId = "2935517"

    override func setUpWithError() throws {
        try super.setUpWithError()
        workDir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twproof-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for s in sessions { s.kill() }
        sessions = []
        if let workDir { try? FileManager.default.removeItem(at: workDir) }
        workDir = nil
        try super.tearDownWithError()
    }

    func newSession() throws -> TmuxSession {
        guard Spawn.which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        let s = try TmuxSession(workDir: workDir)
        sessions.append(s)
        return s
    }

    /// A HOME whose config names Dortmund (or holds `config` verbatim).
    func makeHome(_ name: String, config: Data? = nil) throws -> URL {
        let home = workDir.appendingPathComponent(name)
        let configDir = home.appendingPathComponent("config/twinning")
        try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true)
        try (config ?? Data("home_city = \(ProofTestCase.dortmundGeonameId)\n".utf8)).write(to: configDir.appendingPathComponent("config"))
        return home
    }

    /// The environment the TUI gets under tmux (a UTF-8 xterm unless changed).
    func tuiEnvironment(home: URL, term: String? = "xterm-256color", lang: String? = "C.UTF-8") -> [String: String] {
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home.path,
                   "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                   "XDG_DATA_HOME": home.appendingPathComponent("data").path]
        if let term { env["TERM"] = term }
        if let lang { env["LANG"] = lang }
        return env
    }

    static func isMainScreen(_ lines: [String]) -> Bool {
        lines.first?.contains("twinning") == true
            && lines.contains { $0.contains("1 Cities") && $0.contains("2 Partnerships") }
            && lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.contains("Quit") == true
    }

    func counts(_ path: String) throws -> AppDatabase.Counts {
        try AppDatabase.open(path: path, readOnly: true).counts()
    }
}

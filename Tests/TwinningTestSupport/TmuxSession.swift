import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

// Driving the real `twinning` binary under tmux. Facts this relies on (see
// /work/shared/NOTES-terminal.md): tmux is started with posix_spawn +
// waitpid, never with Foundation's `Process`; every test has its own tmux
// server (`-L <unique>`, `-f /dev/null`) and its own TMUX_TMPDIR, and kills
// the server in tearDown; screens are awaited by polling `capture-pane -p`
// every 50 ms up to a deadline, never by a fixed sleep.

public final class TmuxSession {
    public let socket: String
    public let workDir: URL
    public let tmuxDir: URL
    public let environment: [String: String]
    public private(set) var lastScreen = ""

    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    /// A tmux server of its own (`-L`, no user config) with its sockets in a
    /// fresh folder under /tmp; `prefix` names the server for a reader of `ps`.
    public init(workDir: URL, prefix: String = "twse") throws {
        TmuxSession.counterLock.lock()
        TmuxSession.counter += 1
        let n = TmuxSession.counter
        TmuxSession.counterLock.unlock()
        socket = "\(prefix)-\(getpid())-\(n)"
        self.workDir = workDir
        // Short path: unix socket names are limited to ~108 bytes.
        tmuxDir = URL(fileURLWithPath: "/tmp").appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: tmuxDir, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        env.removeValue(forKey: "TMUX_PANE")
        env["TMUX_TMPDIR"] = tmuxDir.path
        environment = env
    }

    @discardableResult
    public func tmux(_ arguments: [String], timeout: TimeInterval = 20) throws -> SpawnResult {
        try Spawn.run("tmux", ["-L", socket, "-f", "/dev/null"] + arguments,
                      environment: environment, scratch: workDir, timeout: timeout)
    }

    public static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Starts the program in a detached session `app` of the given size.
    /// The program gets a clean environment (`env -i`) so the runner's locale
    /// or NO_COLOR cannot leak in. `afterStart` are tmux commands chained in the
    /// same client call (e.g. `pipe-pane`), so they are in place before the first draw.
    public func start(db: String, columns: Int = 80, rows: Int = 24, lang: String = "C.UTF-8",
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
        guard result.status == 0 else { throw TestSupportError("tmux new-session failed: \(result.summary)") }
    }

    public func capture(escapes: Bool = false) throws -> String {
        let result = try tmux(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", "app"])
        guard result.status == 0 else { throw TestSupportError("capture-pane failed: \(result.summary)") }
        if !escapes { lastScreen = result.stdout }
        return result.stdout
    }

    public func lines() throws -> [String] {
        var text = try capture()
        if text.hasSuffix("\n") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Sends tmux key names (`Down`, `Enter`, `F2`, `q` …).
    public func keys(_ keys: String...) throws {
        let result = try tmux(["send-keys", "-t", "app"] + keys)
        guard result.status == 0 else { throw TestSupportError("send-keys failed: \(result.summary)") }
    }

    /// Types text literally, one character at a time as a user would.
    public func type(_ text: String) throws {
        let result = try tmux(["send-keys", "-t", "app", "-l", text])
        guard result.status == 0 else { throw TestSupportError("send-keys -l failed: \(result.summary)") }
    }

    public func resize(columns: Int, rows: Int) throws {
        let result = try tmux(["resize-window", "-t", "app", "-x", String(columns), "-y", String(rows)])
        guard result.status == 0 else { throw TestSupportError("resize-window failed: \(result.summary)") }
    }

    public func display(_ format: String) throws -> String {
        let result = try tmux(["display-message", "-p", "-t", "app", format])
        guard result.status == 0 else { throw TestSupportError("display-message failed: \(result.summary)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen every 50 ms until `condition` holds on a settled
    /// screen; fails with the last screen otherwise. Settled: the same in a
    /// second capture 20 ms later, because a capture can fall between two
    /// writes of one frame (the question drawn, its buttons not yet), more
    /// often while the program's background thread takes a core.
    @discardableResult
    public func waitFor(_ what: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while true {
            screen = try lines()
            if condition(screen) {
                usleep(20_000)
                let again = try lines()
                if again == screen { return screen }
                screen = again
                if condition(screen) { continue }
            }
            if Date() > deadline { break }
            usleep(50_000)
        }
        XCTFail("Timed out after \(timeout) s waiting for \(what). Screen:\n\(screen.joined(separator: "\n"))", file: file, line: line)
        throw TestSupportError("timed out waiting for \(what)")
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.joined(separator: "\n").contains(text) }
    }

    /// Waits until the screen stops changing for `quiet` seconds.
    public func waitUntilIdle(quiet: TimeInterval = 0.3, timeout: TimeInterval = 10) throws {
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

    /// Starts `binary arguments` under `env -i` with exactly `env` (TERM etc.
    /// included or left out on purpose) in a detached session `app`.
    /// `afterStart` tmux commands run in the same client call, before the first draw.
    public func start(arguments: [String], env: [String: String], columns: Int = 80, rows: Int = 24,
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
        guard result.status == 0 else { throw TestSupportError("tmux new-session failed: \(result.summary)") }
    }

    /// Where the shell in the pane writes the program's exit status.
    public var statusFile: URL { tmuxDir.appendingPathComponent("exit-status") }

    /// (ended, exit status or nil, signal or nil) of the program in the pane.
    public func paneState() throws -> (dead: Bool, status: Int?, signal: Int?) {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8),
              let code = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            let dead = try display("#{pane_dead}") == "1"
            return (dead, nil, nil)
        }
        return code > 128 ? (true, nil, code - 128) : (true, code, nil)
    }

    /// Polls every 50 ms until `condition` holds; returns nil on timeout (with the last screen in `last`).
    public func poll(timeout: TimeInterval = 20, _ condition: ([String]) throws -> Bool) throws -> [String]? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = try lines()
            if try condition(screen) { return screen }
            if Date() > deadline { return nil }
            usleep(50_000)
        }
    }

    /// Waits until the pane's process has ended.
    public func waitForExit(timeout: TimeInterval = 15) throws -> (dead: Bool, status: Int?, signal: Int?) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let s = try paneState()
            // tmux may report the pane dead a moment before its exit status.
            if s.dead && (s.status != nil || s.signal != nil) { return s }
            if Date() > deadline { return s }
            usleep(50_000)
        }
    }

    public func kill() {
        _ = try? tmux(["kill-server"], timeout: 10)
        try? FileManager.default.removeItem(at: tmuxDir)
    }
}

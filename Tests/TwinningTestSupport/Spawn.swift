import Foundation

#if canImport(Glibc)
import Glibc
#endif

// Running processes from tests: posix_spawn + waitpid with output in
// temporary files, never Foundation's `Process` for anything that may start
// tmux (its waitUntilExit() hangs on Linux because the forked tmux server
// inherits the socket Process watches; see /work/shared/NOTES-terminal.md).

/// A failure of the test harness itself (not of the program under test).
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

public struct SpawnResult {
    public let arguments: [String]
    /// The exit code, or 128 + signal number when a signal ended the process.
    public let status: Int32
    /// The signal that ended the process, if any.
    public let signal: Int32?
    public let output: Data
    public let errors: Data
    public let seconds: TimeInterval
    public var stdout: String { String(decoding: output, as: UTF8.self) }
    public var stderr: String { String(decoding: errors, as: UTF8.self) }
    public var summary: String {
        "\(arguments.map { $0.count > 120 ? String($0.prefix(120)) + "…" : $0 }.joined(separator: " ")) → exit \(status)"
            + (signal.map { " (signal \($0))" } ?? "")
            + "\n--- stdout (\(output.count) bytes):\n\(Printable.escape(output.prefix(1500)))"
            + "\n--- stderr (\(errors.count) bytes):\n\(Printable.escape(errors.prefix(1500)))"
    }
}

public enum Printable {
    /// Bytes as text with every control byte and invalid byte shown as \xNN, for failure messages.
    public static func escape<D: Collection>(_ data: D) -> String where D.Element == UInt8 {
        var out = ""
        for b in data {
            if b == 0x0A { out += "\n" } else if b < 0x20 || b == 0x7F || b >= 0x80 { out += String(format: "\\x%02X", b) }
            else { out.unicodeScalars.append(Unicode.Scalar(b)) }
        }
        return out
    }
}

public enum Spawn {
    /// Finds an executable on PATH.
    public static func which(_ name: String) -> String? {
        if name.hasPrefix("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable arguments` with exactly `environment`, stdin from
    /// `stdin` (default /dev/null) and stdout/stderr in temporary files (no
    /// pipe can fill up, no fd the child could keep open).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                           scratch: URL, stdin: String = "/dev/null", timeout: TimeInterval = 60) throws -> SpawnResult {
        guard let path = which(executable) else { throw TestSupportError("\(executable) not found on PATH") }
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
        guard rc == 0 else { throw TestSupportError("posix_spawn \(path) failed: \(String(cString: strerror(rc)))") }

        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r == -1 && errno != EINTR { throw TestSupportError("waitpid failed: \(String(cString: strerror(errno)))") }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw TestSupportError("\(executable) \(arguments.prefix(4).joined(separator: " ")) did not finish within \(timeout) s")
            }
            usleep(2_000)
        }
        // WIFEXITED / WEXITSTATUS are macros; decode by hand.
        let signalled = (status & 0x7f) != 0
        let exitStatus: Int32 = signalled ? 128 + (status & 0x7f) : (status >> 8) & 0xff
        return SpawnResult(arguments: [executable] + arguments, status: exitStatus, signal: signalled ? status & 0x7f : nil,
                           output: FileManager.default.contents(atPath: outPath) ?? Data(),
                           errors: FileManager.default.contents(atPath: errPath) ?? Data(),
                           seconds: Date().timeIntervalSince(started))
    }
}

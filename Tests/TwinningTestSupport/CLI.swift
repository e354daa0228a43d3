import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

// MARK: - Running the CLI

public struct CLIResult {
    public let arguments: [String]
    public let status: Int32
    public let stdoutData: Data
    public let stderrData: Data
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    public var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    public var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    public var summary: String {
        "twinning \(arguments.joined(separator: " ")) → exit \(status)\n--- stdout:\n\(stdout.prefix(3000))\n--- stderr:\n\(stderr.prefix(3000))"
    }
}

/// A started twinning process whose output goes to temporary files.
public final class RunningCLI {
    public let arguments: [String]
    public let process = Process()
    let scratch: URL
    let outURL: URL
    let errURL: URL
    let outHandle: FileHandle
    let errHandle: FileHandle

    public init(_ arguments: [String], asUser uid: UInt32? = nil) throws {
        self.arguments = arguments
        let binary = URL(fileURLWithPath: try Binary.require())
        let fm = FileManager.default
        scratch = fm.temporaryDirectory.appendingPathComponent("twinning-e2e-io-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        outURL = scratch.appendingPathComponent("stdout")
        errURL = scratch.appendingPathComponent("stderr")
        guard fm.createFile(atPath: outURL.path, contents: nil), fm.createFile(atPath: errURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: outURL.deletingLastPathComponent().path])
        }
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

    public func wait(timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
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

public enum CLI {
    /// Runs the binary with stdin from /dev/null (so it is never a terminal) and
    /// stdout/stderr written to temporary files (no pipe can fill up and block).
    /// `asUser` runs it through setpriv with that uid/gid (used when tests run as root).
    public static func run(_ arguments: [String], asUser uid: UInt32? = nil, timeout: TimeInterval = 120,
                    file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        try RunningCLI(arguments, asUser: uid).wait(timeout: timeout, file: file, line: line)
    }

    /// Runs and asserts exit status 0.
    @discardableResult
    public static func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let result = try run(arguments, file: file, line: line)
        XCTAssertEqual(result.status, 0, "expected success: \(result.summary)", file: file, line: line)
        return result
    }

    /// Runs and asserts exit status 1 with a one-line-or-more "twinning: " message on stderr.
    @discardableResult
    public static func fails(_ arguments: [String], asUser uid: UInt32? = nil,
                      file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let result = try run(arguments, asUser: uid, file: file, line: line)
        XCTAssertEqual(result.status, 1, "expected exit 1: \(result.summary)", file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("twinning: "), "stderr should start with \"twinning: \": \(result.summary)", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("Fatal error"), "crashed: \(result.summary)", file: file, line: line)
        return result
    }

    // The same through posix_spawn with exactly the environment given, for
    // tests that also run tmux (where `Process` must not be used).

    /// A clean environment for the CLI: C.UTF-8, HOME and XDG folders in `home`.
    public static func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
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

    /// Runs the CLI (no terminal, no user data or config touched) with its files in `scratch`.
    public static func run(_ arguments: [String], scratch: URL, home: URL? = nil, extra: [String: String] = [:],
                           timeout: TimeInterval = 120) throws -> SpawnResult {
        try Spawn.run(try Binary.require(), arguments, environment: environment(home: home ?? scratch, extra: extra),
                      scratch: scratch, timeout: timeout)
    }
}

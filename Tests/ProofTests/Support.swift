import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

// Support for the robustness proofs. Spawning the real binary, the tmux
// harness (a server of its own per test) and the demo database made once per
// run are in Tests/TwinningTestSupport, shared with the other targets.

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
        let s = try TmuxSession(workDir: workDir, prefix: "twproof")
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

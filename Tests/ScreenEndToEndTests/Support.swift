import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

// The tmux harness, the CLI runner and the prepared demo database are in
// Tests/TwinningTestSupport, shared with the other end-to-end targets.

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
        try DemoDatabase.shared.copy(to: workDir, name: name)
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

import Foundation
import TwinningTestSupport
import XCTest
import TwinningCore

/// Issue 14, under tmux with the real binary: a crash restores the terminal
/// and says one line (and in kiosk mode offers no backtrace console), and a
/// read-only session writes no settings.
final class RuntimeSafetyProofTests: ProofTestCase {
    /// Starts the program with a deliberate trap after the first screen and waits for it to end.
    private func crash(arguments: [String], extra: [String: String]) throws -> (screen: String, session: TmuxSession, home: URL) {
        let db = try DemoDatabase.shared.copy(to: workDir, name: "crash-\(sessions.count).sqlite")
        let home = try makeHome("home-\(sessions.count)")
        let session = try newSession()
        var env = tuiEnvironment(home: home)
        env["TWINNING_TEST_CRASH"] = "after-first-frame"
        for (k, v) in extra { env[k] = v }
        // Not `start`: the terminal's mode is read right after the program ends.
        let words = ["env", "-i"] + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [try Binary.require(), "--db", db] + arguments
        let done = workDir.appendingPathComponent("done-\(sessions.count)")
        let command = words.map(TmuxSession.shellQuote).joined(separator: " ")
            + "; stty -a > " + TmuxSession.shellQuote(workDir.appendingPathComponent("stty.txt").path)
            + "; touch " + TmuxSession.shellQuote(done.path)
        try session.tmux(["new-session", "-d", "-s", "app", "-x", "80", "-y", "24", command, ";", "set-option", "-g", "remain-on-exit", "on"])
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: done.path) && Date() < deadline { usleep(100_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: done.path), "the deliberate crash did not end the program")
        usleep(300_000)
        // What the program printed; the shell's own "Illegal instruction  env …"
        // line (which repeats the command and its environment) is not the program's.
        let screen = try session.capture().split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.contains("Illegal instruction") && !$0.contains("env -i") }.joined(separator: "\n")
        return (screen, session, home)
    }

    func testACrashRestoresTheTerminalAndSaysOneLine() throws {
        let (screen, session, home) = try crash(arguments: [], extra: [:])
        XCTAssertTrue(screen.contains("twinning stopped because of an internal error"), screen)
        XCTAssertTrue(screen.contains("What was saved is safe"), screen)
        for noise in ["Thread 0", "Press space", "0x0000", "at /", "Fatal error"] {
            XCTAssertFalse(screen.contains(noise), "backtrace text on the screen (\(noise)):\n\(screen)")
        }
        XCTAssertEqual(try session.display("#{alternate_on}"), "0", "still in full-screen mode after the crash")
        // The line discipline is back to what the shell had: after the
        // program, the same terminal answers `stty` with canonical input and echo.
        let stty = workDir.appendingPathComponent("stty.txt")
        XCTAssertTrue(try String(contentsOf: stty, encoding: .utf8).contains(" icanon"), "still in raw mode after the crash")
        XCTAssertFalse(try String(contentsOf: stty, encoding: .utf8).contains("-echo "), "echo still off after the crash")
        let crashes = home.appendingPathComponent(".local/state/twinning/crashes")
        let reports = (try? FileManager.default.contentsOfDirectory(atPath: crashes.path)) ?? []
        XCTAssertEqual(reports.count, 1, "the backtrace went to a file for the developers: \(reports)")
        if let report = reports.first {
            let text = try String(contentsOf: crashes.appendingPathComponent(report), encoding: .utf8)
            // A backtrace of the crashed thread down to the deliberate trap. (Its first
            // line differs: "Program crashed" from the shared runtime, "Swift runtime
            // failure" from the static one of a release build, TWINNING_BINARY=….)
            XCTAssertTrue(text.contains(" crashed:") && text.contains("AppLoop.run"), text.prefix(300).description)
        }
        print("[proof] crash guard: screen after a trap:\n" + screen.split(separator: "\n").prefix(6).map { "  |\($0)|" }.joined(separator: "\n"))
    }

    /// The runtime's interactive backtracer offers a debugger prompt; in kiosk
    /// mode it is switched off even when the environment asks for it.
    func testInKioskModeACrashOffersNoBacktraceOrConsole() throws {
        let (screen, _, home) = try crash(arguments: ["--kiosk"], extra: ["SWIFT_BACKTRACE": "enable=yes,interactive=yes", "LANG": "de_DE.UTF-8"])
        XCTAssertTrue(screen.contains("twinning wurde wegen eines internen Fehlers beendet"), screen)
        for noise in ["Backtracing", "Thread 0", "Press space", "interact", "debug"] {
            XCTAssertFalse(screen.contains(noise), "backtracer output in kiosk mode (\(noise)):\n\(screen)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/state/twinning").path),
                       "kiosk mode writes no crash report")
    }

    /// `h` in a read-only session picks the city for the session and leaves the settings file as it was.
    func testReadOnlySessionWritesNoSettings() throws {
        let db = try DemoDatabase.shared.copy(to: workDir, name: "ro.sqlite")
        let original = Data("# our settings\nhome_city = 3037854   # Amiens\n".utf8)
        let home = try makeHome("ro-home", config: original)
        let session = try newSession()
        try session.start(arguments: ["--db", db, "--read-only"], env: tuiEnvironment(home: home))
        guard try session.poll(timeout: 30, Self.isMainScreen) != nil else { return XCTFail(try session.capture()) }
        let top = try session.lines().first ?? ""
        XCTAssertTrue(top.contains("Amiens"), "the inline comment was not taken as part of the id: \(top)")
        try session.keys("h")
        for c in "dortm" { try session.keys(String(c)) }
        _ = try session.poll(timeout: 10) { $0.joined().contains("Dortmund") }
        try session.keys("Enter")
        let after = try session.poll(timeout: 10) { $0.first?.contains("Dortmund") == true }
        let shown = try session.capture()
        XCTAssertNotNil(after, "the session did not switch to Dortmund:\n" + shown)
        XCTAssertTrue(shown.contains("this session"), shown)
        try session.keys("q")
        _ = try session.waitForExit()
        let config = home.appendingPathComponent("config/twinning/config")
        XCTAssertEqual(try Data(contentsOf: config), original, "the read-only session rewrote the settings")
    }
}

import Foundation
import TwinningTestSupport
import XCTest
import TwinningCore

#if canImport(Glibc)
import Glibc
#endif

/// Proof 2: the real binary under tmux, abused through the terminal: a storm
/// of resizes, a window far too small, and terminals it cannot use.
final class TerminalAbuseTests: ProofTestCase {

    /// 50 resizes within about a second (fixed seed, tiny sizes included), then
    /// the screen at the final size must be complete: the same as a fresh start at that size.
    func testFiftyResizesInASecond() throws {
        let db = try DemoDatabase.shared.copy(to: workDir, name: "resize.sqlite")
        let home = try makeHome("home")
        let session = try newSession()
        try session.start(arguments: ["--db", db], env: tuiEnvironment(home: home), columns: 80, rows: 24)
        guard try session.poll(timeout: 20, Self.isMainScreen) != nil else {
            return XCTFail("no main screen at 80×24:\n" + (try session.capture()))
        }
        var generator = SeededRandom(seed: 50)
        let final = (columns: 117, rows: 37)
        var sizes: [(Int, Int)] = (0..<49).map { _ in
            Bool.random(using: &generator)
                ? (Int.random(in: 2...59, using: &generator), Int.random(in: 2...15, using: &generator))
                : (Int.random(in: 60...200, using: &generator), Int.random(in: 16...60, using: &generator))
        }
        sizes.append((final.columns, final.rows))
        let started = Date()
        for (columns, rows) in sizes {
            let r = try session.tmux(["resize-window", "-t", "app", "-x", String(columns), "-y", String(rows)])
            XCTAssertEqual(r.status, 0, r.summary)
        }
        let stormSeconds = Date().timeIntervalSince(started)
        // The window really is at the final size.
        XCTAssertEqual(try session.display("#{pane_width}x#{pane_height}"), "\(final.columns)x\(final.rows)")

        let screen = try session.poll(timeout: 15) { lines in
            Self.isMainScreen(lines) && lines.count == final.rows
                && lines[final.rows - 1].contains("Quit") && lines[0].contains("twinning")
        }
        let pane = try session.paneState()
        XCTAssertFalse(pane.dead, "the program died during the resizes: status \(pane.status.map(String.init) ?? "-"), signal \(pane.signal.map(String.init) ?? "-")")
        guard let screen else {
            return XCTFail("after 50 resizes the screen at \(final.columns)×\(final.rows) is not complete (title line, tabs, key bar):\n"
                           + (try session.capture()))
        }
        print("[proof] terminal: 50 resizes in \(String(format: "%.2f", stormSeconds)) s (sizes from 2×2 to 200×60), final \(final.columns)×\(final.rows)")
        // Nothing of an earlier size may be left: compare with a fresh start at the final size.
        let twin = try newSession()
        let db2 = try DemoDatabase.shared.copy(to: workDir, name: "resize-twin.sqlite")
        try twin.start(arguments: ["--db", db2], env: tuiEnvironment(home: home), columns: final.columns, rows: final.rows)
        guard let reference = try twin.poll(timeout: 20, Self.isMainScreen) else {
            return XCTFail("no main screen for the fresh reference start:\n" + (try twin.capture()))
        }
        // Both settled: poll until the resized one equals the reference (redraws may still be under way).
        let same = try session.poll(timeout: 10) { lines in
            let ref = try twin.lines()
            return lines == ref
        }
        if same == nil {
            let now = try session.lines()
            let ref = try twin.lines()
            let diff = zip(now.indices, zip(now, ref)).filter { $0.1.0 != $0.1.1 }
                .map { "row \($0.0):\n  after resizes: |\($0.1.0)|\n  fresh start:   |\($0.1.1)|" }
            XCTFail("after 50 resizes the screen differs from a fresh start at \(final.columns)×\(final.rows) in \(diff.count) rows:\n"
                    + diff.prefix(8).joined(separator: "\n"))
        }
        _ = screen; _ = reference
        try session.keys("q")
        let exit = try session.waitForExit()
        XCTAssertTrue(exit.dead, "q did not quit after the resizes")
        XCTAssertEqual(exit.status, 0, "exit status after q")
        XCTAssertNil(exit.signal, "ended by a signal")
    }

    /// A 20×6 window: the enlarge message (wrapped as it must be), and q still quits.
    func testTinyWindowAsksToEnlargeAndQuits() throws {
        let db = try DemoDatabase.shared.copy(to: workDir, name: "tiny.sqlite")
        let home = try makeHome("home")
        let session = try newSession()
        try session.start(arguments: ["--db", db], env: tuiEnvironment(home: home), columns: 20, rows: 6)
        func words(_ lines: [String]) -> String {
            lines.joined(separator: " ").split(whereSeparator: { $0 == " " }).joined(separator: " ")
        }
        let screen = try session.poll(timeout: 20) { words($0).contains("Please enlarge the window") }
        let tinyScreen = try session.capture()
        XCTAssertNotNil(screen, "no \"Please enlarge the window\" at 20×6:\n" + tinyScreen)
        if let screen {
            XCTAssertTrue(screen.allSatisfy { $0.count <= 20 }, "lines wider than the window")
            XCTAssertTrue(words(screen).contains("60×16"), "the message names the minimum size: \(screen)")
            print("[proof] terminal: 20×6 shows:\n" + screen.map { "  |\($0)|" }.joined(separator: "\n"))
        }
        // Keys other than q do nothing harmful here.
        try session.keys("Down", "Enter", "n", "Tab", "F2", "Escape")
        usleep(200_000)
        XCTAssertFalse(try session.paneState().dead, "a key other than q ended the program at 20×6")
        try session.keys("q")
        let exit = try session.waitForExit()
        let after = try session.capture()
        XCTAssertTrue(exit.dead, "q did not quit the 20×6 window:\n" + after)
        XCTAssertEqual(exit.status, 0)
        XCTAssertNil(exit.signal)
    }

    /// TERM=dumb, TERM unset, an unknown TERM carrying an escape sequence, and
    /// LANG=C with LC_ALL unset: a working screen, or one clear line and a
    /// non-zero exit — never a crash or a garbled screen.
    func testUnusableTerminalsAndLocales() throws {
        let db = try DemoDatabase.shared.copy(to: workDir, name: "terms.sqlite")
        let home = try makeHome("home")
        let cases: [(label: String, term: String?, lang: String?)] = [
            ("TERM=dumb", "dumb", "C.UTF-8"),
            ("TERM=vt52 (no reverse video)", "vt52", "C.UTF-8"),
            ("TERM unset", nil, "C.UTF-8"),
            ("TERM=<ESC>]0;pwned<BEL>", "\u{1B}]0;pwned\u{07}", "C.UTF-8"),
            ("LANG=C, LC_ALL unset", "xterm-256color", "C"),
            ("LANG unset, LC_ALL unset", "xterm-256color", nil),
        ]
        var report: [String] = []
        for c in cases {
            let session = try newSession()
            let raw = workDir.appendingPathComponent("raw-\(sessions.count).bin")
            _ = FileManager.default.createFile(atPath: raw.path, contents: nil)
            try session.start(arguments: ["--db", db], env: tuiEnvironment(home: home, term: c.term, lang: c.lang), columns: 100, rows: 30,
                              afterStart: [["pipe-pane", "-o", "-t", "app", "cat >> " + TmuxSession.shellQuote(raw.path)]])
            var ended = false
            let screen = try session.poll(timeout: 20) { lines in
                ended = try session.paneState().dead
                return ended || Self.isMainScreen(lines)
            } ?? (try session.lines())
            let shown = screen.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if ended {
                let exit = try session.waitForExit(timeout: 5)
                usleep(200_000)
                let bytes = (try? Data(contentsOf: raw)) ?? Data()
                let text = String(decoding: bytes, as: UTF8.self)
                let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: true)
                report.append("  \(c.label): exit \(exit.status.map(String.init) ?? "-")\(exit.signal.map { ", signal \($0)" } ?? ""); output: "
                              + Printable.escape(bytes.prefix(300)).replacingOccurrences(of: "\n", with: "\\n"))
                XCTAssertNil(exit.signal, "\(c.label): ended by signal \(exit.signal ?? 0)")
                XCTAssertNotEqual(exit.status, 0, "\(c.label): ended without a screen but with exit 0")
                XCTAssertLessThan(exit.status ?? 0, 128, "\(c.label): exit status from a signal")
                XCTAssertEqual(lines.count, 1, "\(c.label): expected one line of message, got \(lines.count): \(Printable.escape(bytes))")
                XCTAssertTrue(text.hasPrefix("twinning: "), "\(c.label): the message starts with \"twinning: \": \(Printable.escape(bytes))")
                XCTAssertTrue(text.contains("TERM"), "\(c.label): the message says what to fix (TERM): \(Printable.escape(bytes))")
                XCTAssertFalse(bytes.contains(0x1B) || bytes.contains(0x07), "\(c.label): escape/BEL bytes in the message: \(Printable.escape(bytes))")
                XCTAssertFalse(text.contains("Fatal error") || text.contains("Error opening terminal"), "\(c.label): raw library failure: \(text)")
                XCTAssertFalse(try session.display("#{pane_title}").contains("pwned"), "\(c.label): the terminal title was set from TERM")
            } else if Self.isMainScreen(screen) {
                // A working screen: drawn with real box characters and umlauts, not byte garbage.
                let all = screen.joined(separator: "\n")
                let garbled = all.unicodeScalars.contains { $0 == "\u{FFFD}" || ($0.value >= 0x80 && $0.value <= 0x9F) }
                    || all.contains("M-") || all.contains("~@") || all.contains("â")
                XCTAssertFalse(garbled, "\(c.label): garbled screen:\n\(all)")
                XCTAssertTrue(all.contains("─") || all.contains("│"), "\(c.label): the separator line is not drawn with box characters:\n\(all)")
                report.append("  \(c.label): working screen (\(shown.count) non-empty rows; title |\(shown.first ?? "")|)")
                try session.keys("q")
                let exit = try session.waitForExit()
                XCTAssertTrue(exit.dead, "\(c.label): q did not quit")
                XCTAssertEqual(exit.status, 0, "\(c.label): exit status after q")
                XCTAssertNil(exit.signal, "\(c.label): ended by a signal")
            } else {
                XCTFail("\(c.label): neither a screen nor an exit within 20 s:\n" + screen.joined(separator: "\n"))
                report.append("  \(c.label): hung")
            }
        }
        print("[proof] terminals and locales:\n" + report.joined(separator: "\n"))
    }
}

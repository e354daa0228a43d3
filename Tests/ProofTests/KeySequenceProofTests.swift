import Foundation
import TwinningTestSupport
import XCTest

/// Raw escape sequences of Home, End, PgUp, PgDn and F-keys as PuTTY, rxvt,
/// the Linux console and tmux send them, typed into the real program under
/// tmux with TERM=xterm-256color (whose terminfo lists none of the VT220
/// forms). Before, `ESC [4~` arrived as Esc and "4" and jumped to pane 4.
final class KeySequenceProofTests: ProofTestCase {
    private func selectedRow(_ lines: [String]) -> String? { lines.first { $0.hasPrefix(">") } }

    func testVT220RxvtAndConsoleSequencesAreTheirKeys() throws {
        let db = try DemoDatabase.shared.copy(to: workDir, name: "keys.sqlite")
        let home = try makeHome("home")
        let session = try newSession()
        try session.start(arguments: ["--db", db], env: tuiEnvironment(home: home))
        guard try session.poll(timeout: 30, Self.isMainScreen) != nil else { return XCTFail(try session.capture()) }
        try session.keys("2")
        guard let first = try session.poll(timeout: 10, { $0.contains { $0.contains("Partnership") && $0.contains("Health") } })
            .flatMap(selectedRow) else { return XCTFail(try session.capture()) }

        func raw(_ sequence: String) throws {
            try session.tmux(["send-keys", "-t", "app", "-l", sequence])
            usleep(400_000)
        }
        /// Sends a sequence and waits until the screen shows what it should do
        /// (the pane's first key may wait for the whole list, read behind its
        /// first page); after 10 s the screen as it is then, for the message.
        func raw(_ sequence: String, until condition: ([String]) -> Bool) throws -> [String] {
            try session.tmux(["send-keys", "-t", "app", "-l", sequence])
            return try session.poll(timeout: 10, condition) ?? session.lines()
        }
        func onPartnerships(_ lines: [String]) -> Bool {
            lines.contains { $0.contains("Partnership") && $0.contains("Health") } && !lines.joined().contains("Suggested partners")
        }
        var tried: [String] = []
        for (name, end, home) in [("VT220/PuTTY/tmux", "\u{1B}[4~", "\u{1B}[1~"), ("rxvt", "\u{1B}[8~", "\u{1B}[7~"),
                                  ("xterm", "\u{1B}[F", "\u{1B}[H")] {
            let atEnd = try raw(end) { onPartnerships($0) && selectedRow($0) != first }
            XCTAssertTrue(onPartnerships(atEnd), "\(name) End left the pane:\n" + atEnd.joined(separator: "\n"))
            XCTAssertNotEqual(selectedRow(atEnd), first, "\(name) End did not move to the last row")
            let atHome = try raw(home) { onPartnerships($0) && selectedRow($0) == first }
            XCTAssertTrue(onPartnerships(atHome), "\(name) Home left the pane")
            XCTAssertEqual(selectedRow(atHome), first, "\(name) Home did not go back to the first row")
            tried += [name + " Home", name + " End"]
        }
        let paged = try raw("\u{1B}[6~") { onPartnerships($0) && selectedRow($0) != first }
        XCTAssertTrue(onPartnerships(paged))
        XCTAssertNotEqual(selectedRow(paged), first, "PgDn (ESC [6~) did not move")
        XCTAssertEqual(selectedRow(try raw("\u{1B}[5~") { selectedRow($0) == first }), first, "PgUp (ESC [5~) did not move back")
        tried += ["PgDn", "PgUp"]

        for (name, f1) in [("F1 PuTTY/rxvt", "\u{1B}[11~"), ("F1 Linux console", "\u{1B}[[A"), ("F1 xterm", "\u{1B}OP")] {
            try raw(f1)
            XCTAssertTrue(try session.lines().joined().contains("Help — keys"), "\(name) did not open the help")
            try session.keys("Escape")
            usleep(300_000)
            tried.append(name)
        }
        try raw("\u{1B}[21~") // F10 quits
        let exit = try session.waitForExit()
        XCTAssertTrue(exit.dead, "F10 (ESC [21~) did not quit")
        XCTAssertEqual(exit.status, 0)
        tried.append("F10")
        print("[proof] keys: \(tried.count) raw sequences recognised: " + tried.joined(separator: ", "))
    }
}

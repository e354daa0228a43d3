import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

/// The Projects pane in the real program under tmux: a volunteer adds a
/// project and an action, and the command line finds both.
final class ProjectsScreenTests: ScreenTestCase {
    func testAddAProjectAndAnActionAndFindThemWithTheCommandLine() throws {
        let (db, _) = try startApp()
        try session.keys("6")
        try session.waitFor("the Projects pane") { l in
            l.contains { $0.contains("Status") && $0.contains("Project") && $0.contains("Next due") }
        }
        try session.keys("n")
        try session.waitFor("the project form with our city filled in") { l in
            l.contains { $0.contains("New project") } && l.contains { $0.contains("Cities *") && $0.contains("Dortmund;") }
        }
        try session.type("Klimacamp am Phoenix-See")
        try session.keys("Tab")
        try session.type("Amiens; Kraków")
        try session.keys("Tab", "Right")
        try session.waitFor("running chosen") { $0.contains { $0.contains("◂ running ▸") } }
        try session.keys("F2")
        var lines = try session.waitFor("the form closed and the new project selected", timeout: 30) { l in
            !l.contains { $0.contains("New project") } && l.contains { $0.contains("Saved the project “Klimacamp am Phoenix-See”.") }
                && l.contains { $0.hasPrefix(">") && $0.contains("Klimacamp am Phoe") }
        }
        XCTAssertTrue(lines.contains { $0.contains("Dortmund (DE, lead) · Amiens (FR, partner) · Kraków (PL, partner)") },
                      lines.joined(separator: "\n"))

        // The action: a, what, Tab, the due date, Enter.
        try session.keys("a")
        try session.waitFor("the action form for the project") { l in
            l.contains { $0.contains("New action") } && l.contains { $0.contains("Klimacamp am Phoenix-See") }
        }
        try session.type("Jugendherberge buchen")
        try session.keys("Tab")
        try session.type("15.7.2026")
        try session.waitFor("the date understood") { $0.contains { $0.contains("= Wed 15 Jul 2026") } }
        try session.keys("Enter")
        lines = try session.waitFor("the action saved and shown in the detail", timeout: 30) { l in
            !l.contains { $0.contains("New action") } && l.contains { $0.contains("Added the action “Jugendherberge buchen”.") }
                && l.contains { $0.contains("2026-07-15  Jugendherberge buchen") }
        }
        XCTAssertTrue(lines.contains { $0.contains("Klimacamp am Phoe") && $0.contains("2026-07-15") }, "next due in the list:\n"
                      + lines.joined(separator: "\n"))

        // Another program (the CLI) finds both.
        let listed = try CLI.run(["projects", "list", "--city", "Kraków", "--status", "running", "--format", "json", "--db", db],
                                 scratch: workDir)
        XCTAssertEqual(listed.status, 0, listed.summary)
        XCTAssertTrue(listed.stdout.contains("Klimacamp am Phoenix-See"), listed.summary)
        let shown = try CLI.run(["projects", "show", "Klimacamp am Phoenix-See", "--db", db], scratch: workDir)
        XCTAssertEqual(shown.status, 0, shown.summary)
        XCTAssertTrue(shown.stdout.contains("Jugendherberge buchen"), shown.summary)
        XCTAssertTrue(shown.stdout.contains("2026-07-15"), shown.summary)
    }
}

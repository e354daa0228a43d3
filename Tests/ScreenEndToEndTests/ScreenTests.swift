import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The real `twinning` binary in a real terminal (tmux): what the user sees,
/// and what ends up in the database.
final class ScreenTests: ScreenTestCase {

    // MARK: Opening

    func testOpensOnCitiesPaneWithTitleTabsAndKeyBar() throws {
        try startApp()
        let lines = try session.lines()
        XCTAssertEqual(lines.count, 24)
        XCTAssertTrue(lines[0].contains("twinning"), lines[0])
        XCTAssertTrue(lines[0].contains("Our city: Dortmund"), lines[0])
        XCTAssertTrue(lines[1].contains("1 Cities") && lines[1].contains("2 Partnerships") && lines[1].contains("3 Events"), lines[1])
        XCTAssertTrue(lines[2].contains("Name · Our register"), lines[2])
        XCTAssertNotNil(selectedRow(lines), "a list row is selected:\n\(lines.joined(separator: "\n"))")
        // The key bar is the last line.
        let keyBar = lines[23]
        for key in ["F1/? Help", "q/F10 Quit", "n New", "/ Filter"] {
            XCTAssertTrue(keyBar.contains(key), "key bar lacks \(key): \(keyBar)")
        }
        // The Cities tab is the highlighted one.
        let attributed = AttributedScreen(try session.capture(escapes: true))
        XCTAssertEqual(attributed.isReverse("1 Cities"), true, "Cities tab should be highlighted")
        XCTAssertEqual(attributed.isReverse("2 Partnerships"), false, "Partnerships tab should not be highlighted")
    }

    func testSwitchesPanesWithDigitsAndTab() throws {
        try startApp()
        func isPartnerships(_ l: [String]) -> Bool {
            l.contains { $0.contains("Partnership") && $0.contains("Status") && $0.contains("Since") }
                && l.contains { $0.contains("sorted by name") }
        }
        func isCities(_ l: [String]) -> Bool { l.contains { $0.contains("Name · Our register") } }

        try session.keys("2")
        var lines = try session.waitFor("Partnerships pane after 2", isPartnerships)
        XCTAssertFalse(isCities(lines))
        XCTAssertEqual(AttributedScreen(try session.capture(escapes: true)).isReverse("2 Partnerships"), true)
        XCTAssertTrue(lines[23].contains("d Delete"), "Partnerships key bar: \(lines[23])")

        try session.keys("Tab")
        lines = try session.waitFor("Events pane after Tab") { $0.contains { $0.contains("Date") && $0.contains("Kind") && $0.contains("People") } }
        XCTAssertFalse(isPartnerships(lines))

        try session.keys("Tab")
        try session.waitFor("Matches pane after the second Tab", timeout: 60) { $0.contains { $0.contains("Suggested partners for Dortmund") } }
        try session.keys("Tab")
        try session.waitFor("Reports pane after the third Tab") { $0.contains { $0.contains("Report for Dortmund") } }
        try session.keys("Tab")
        try session.waitFor("Projects pane after the fourth Tab") { $0.contains { $0.contains("Next due") } }
        try session.keys("Tab")
        lines = try session.waitFor("Cities pane after the fifth Tab (wraps around)", isCities)
        XCTAssertFalse(isPartnerships(lines))

        try session.keys("BTab")
        try session.waitFor("Projects pane after Shift-Tab") { $0.contains { $0.contains("Next due") } }
        try session.keys("BTab")
        try session.waitFor("Reports pane after another Shift-Tab") { $0.contains { $0.contains("Report for Dortmund") } }
        try session.keys("2")
        try session.waitFor("Partnerships pane after 2", isPartnerships)

        try session.keys("1")
        lines = try session.waitFor("Cities pane after 1", isCities)
        XCTAssertEqual(AttributedScreen(try session.capture(escapes: true)).isReverse("1 Cities"), true)
    }

    // MARK: Filtering

    func testFilterDusseldorfFindsDüsseldorf() throws {
        try startApp()
        try session.keys("/")
        try session.type("dusseldorf")
        let lines = try session.waitFor("Düsseldorf selected under the filter") { l in
            l.contains { $0.hasPrefix("> Düsseldorf ") } && l.contains { $0.contains("Filter: dusseldorf") }
        }
        // Only matching rows are listed (rows 3…12 are the list at 80x24).
        let listRows = lines[3..<13].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertFalse(listRows.isEmpty)
        for row in listRows { XCTAssertTrue(row.contains("Düsseldorf"), "row does not match the filter: \(row)") }
        XCTAssertTrue(lines.contains { $0.range(of: #"\b1 of [0-9,]+"#, options: .regularExpression) != nil },
                      "count shows 1 match:\n\(lines.joined(separator: "\n"))")
        // The detail area shows the selected city.
        XCTAssertTrue(lines.contains { $0.hasPrefix(" North Rhine-Westphalia, DE") }, lines.joined(separator: "\n"))

        // Enter keeps the filter, Esc then clears it.
        try session.keys("Enter")
        try session.waitFor("the list key bar with the filter kept") { l in
            l[23].contains("q/F10 Quit") && l.contains { $0.contains("Filter: dusseldorf") }
        }
        try session.keys("Escape")
        try session.waitFor("the full list again") { l in
            !l.contains { $0.contains("Filter:") } && l.contains { $0.hasPrefix("  A Coruña") || $0.hasPrefix("> A Coruña") || $0.contains("'s-Hertogenbosch") }
        }
    }

    // MARK: First run

    func testFirstRunDialogChoosesDortmundAndSavesIt() throws {
        let db = try demoCopy()
        let home = try makeHome(homeCity: nil)
        try session.start(db: db, home: home)
        try session.waitFor(text: "Which city is your association in?")
        try session.type("dortm")
        try session.waitFor("Dortmund suggested first") { l in
            l.contains { $0.contains("> Dortmund, North Rhine-Westphalia DE") }
        }
        try session.keys("Enter")
        let lines = try session.waitFor("the title with the home city") { l in
            l[0].contains("Our city: Dortmund") && !l.joined().contains("Which city is your association in?")
        }
        XCTAssertTrue(lines[0].contains("Our city: Dortmund"), lines[0])

        // The choice is saved as `home_city = <geonameid>`.
        let text = try String(contentsOf: configFile(home), encoding: .utf8)
        let settings = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        XCTAssertTrue(settings.contains(["home_city", ScreenTestCase.dortmundGeonameId]), "config file:\n\(text)")
    }

    // MARK: Changing data

    func testAddPartnershipInTheFormIsInTheDatabase() throws {
        let (db, _) = try startApp()
        XCTAssertFalse(try partnerNames(of: "Dortmund", db: db).contains("Kraków"), "precondition: no Dortmund–Kraków yet")

        try session.keys("2")
        try session.waitFor(text: "sorted by name")
        try session.keys("n")
        try session.waitFor("the new partnership form with the home city") { l in
            l.contains { $0.contains("New partnership") } && l.contains { $0.contains("City *") && $0.contains("Dortmund  ✓") }
        }
        try session.type("krakow")
        try session.waitFor("Kraków suggested") { l in l.contains { $0.contains("> Kraków, Lesser Poland") } }
        try session.keys("Enter")
        try session.waitFor("Kraków taken") { l in l.contains { $0.contains("Partner city *") && $0.contains("Kraków  ✓") } }
        try session.keys("F2")
        let lines = try session.waitFor("the form closed and the new partnership selected", timeout: 30) { l in
            !l.contains { $0.contains("New partnership") } && l.contains { $0.hasPrefix("> Dortmund ↔ Kraków") }
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix(" Dortmund (DE) ↔ Kraków (PL)") },
                      "detail of the new partnership:\n\(lines.joined(separator: "\n"))")
        XCTAssertTrue(lines.contains { $0.contains("Added the partnership Dortmund ↔ Kraków.") },
                      "status message:\n\(lines.joined(separator: "\n"))")

        // Another program (the CLI) finds it in the database.
        let partners = try partnerNames(of: "Dortmund", db: db)
        XCTAssertTrue(partners.contains("Kraków"), "partners of Dortmund: \(partners)")
        let text = try CLI.run(["partnerships", "list", "--city", "Dortmund", "--db", db], scratch: workDir)
        XCTAssertEqual(text.status, 0, text.summary)
        XCTAssertTrue(text.stdout.contains("Dortmund (DE)  ↔  Kraków (PL)"), text.summary)
    }

    /// The most frequent job: log a visit right after the bus came back, and
    /// find it afterwards with the command line.
    func testLogAVisitAndFindItWithTheCommandLine() throws {
        let (db, _) = try startApp()
        try session.keys("3")
        try session.waitFor("the Events pane") { $0.contains { $0.contains("Date") && $0.contains("People") } }
        try session.keys("n")
        try session.waitFor("the event form with a partnership chosen") { l in
            l.contains { $0.contains("New event") } && l.contains { $0.contains("Partnership *") && $0.contains("↔") }
        }
        try session.type("14.5.2026")
        try session.waitFor("the date understood") { $0.contains { $0.contains("= Thu 14 May 2026") } }
        try session.keys("Tab")
        try session.type("y")
        try session.waitFor("youth exchange chosen") { $0.contains { $0.contains("◂ youth exchange ▸") } }
        try session.keys("Tab")
        try session.type("42")
        try session.keys("F2")
        try session.waitFor("the form closed and the saved message", timeout: 30) { l in
            !l.contains { $0.contains("New event") } && l.contains { $0.contains("Saved the event") }
        }
        let listed = try CLI.run(["events", "list", "--year", "2026", "--format", "json", "--db", db], scratch: workDir)
        XCTAssertEqual(listed.status, 0, listed.summary)
        let events = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        let logged = events.filter { ($0["start"] as? String) == "2026-05-14" }
        XCTAssertEqual(logged.count, 1, listed.stdout)
        XCTAssertEqual(logged.first?["kind"] as? String, "youth_exchange")
        XCTAssertEqual(logged.first?["participants"] as? Int, 42)
    }

    func testDeleteAsksWithTheNamesAndNoIsTheDefault() throws {
        let (db, _) = try startApp()
        let before = try partnerNames(of: "Dortmund", db: db)
        XCTAssertTrue(before.contains("Amiens"), "precondition: \(before)")

        try session.keys("2")
        try session.keys("/")
        try session.type("amiens")
        try session.keys("Enter")
        // Our city's partnerships come first; move down to Dortmund ↔ Amiens if need be.
        var found = false
        for _ in 0..<4 {
            let l = try session.waitFor("the filtered list") { $0.contains { $0.hasPrefix("> ") } && $0[23].contains("d Delete") }
            if selectedRow(l)?.hasPrefix("> Dortmund ↔ Amiens") == true { found = true; break }
            let previous = selectedRow(l)
            try session.keys("Down")
            try session.waitFor("the selection to move") { selectedRow($0) != previous }
        }
        XCTAssertTrue(found, "Dortmund ↔ Amiens could be selected:\n\(session.lastScreen)")
        try session.keys("d")
        // The whole dialog, buttons too (a capture can fall between two writes of one frame).
        let dialog = try session.waitFor("the question with its buttons") { l in
            l.joined().contains("Please confirm") && l.contains { $0.contains("[ y  Yes ]") }
        }
        XCTAssertTrue(dialog.contains { $0.contains("Dortmund ↔ Amiens") && $0.contains("Delete") },
                      "the question names both cities:\n\(dialog.joined(separator: "\n"))")
        XCTAssertTrue(dialog.contains { $0.contains("[ y  Yes ]") && $0.contains("[ n  No ]") })
        let attributed = AttributedScreen(try session.capture(escapes: true))
        XCTAssertEqual(attributed.isReverse("[ n  No ]"), true, "No is the highlighted default")
        XCTAssertEqual(attributed.isReverse("[ y  Yes ]"), false, "Yes is not highlighted")

        // Enter takes the default: nothing is deleted.
        try session.keys("Enter")
        try session.waitFor("the dialog closed, the partnership still listed") { l in
            !l.joined().contains("Please confirm") && l.contains { $0.hasPrefix("> Dortmund ↔ Amiens") }
        }
        // Give a wrongly performed delete time to reach the database before checking.
        try session.waitUntilIdle()
        XCTAssertEqual(try partnerNames(of: "Dortmund", db: db).sorted(), before.sorted())
    }

    // MARK: Window size

    func testResizeTo60x16AndBack() throws {
        try startApp()
        try session.resize(columns: 60, rows: 16)
        var lines = try session.waitFor("the 60x16 layout") { l in
            l.count == 16 && l[0].contains("Our city: Dortmund") && l[15].contains("q/F10 Quit")
        }
        XCTAssertTrue(lines[1].contains("1 Cities"), lines[1])
        XCTAssertNotNil(selectedRow(lines))
        XCTAssertFalse(lines.joined().contains("enlarge"), lines.joined(separator: "\n"))
        for line in lines { XCTAssertLessThanOrEqual(line.count, 60, "line wider than the window: \(line)") }

        try session.resize(columns: 80, rows: 24)
        lines = try session.waitFor("the 80x24 layout again") { l in
            l.count == 24 && l[2].contains("Region") && l[23].contains("q/F10 Quit") && l[0].hasSuffix("Our city: Dortmund")
        }
        XCTAssertNotNil(selectedRow(lines))
    }

    func testTooSmallWindowAsksToEnlargeAndRecovers() throws {
        try startApp()
        let before = selectedRow(try session.lines())
        try session.resize(columns: 50, rows: 12)
        let small = try session.waitFor(text: "Please enlarge the window")
        XCTAssertFalse(small.contains { $0.contains("1 Cities") }, "no list at 50x12:\n\(small.joined(separator: "\n"))")

        try session.resize(columns: 80, rows: 24)
        let lines = try session.waitFor("the list again") { l in
            !l.joined().contains("enlarge") && l[2].contains("Name · Our register") && l[23].contains("q/F10 Quit")
        }
        XCTAssertEqual(selectedRow(lines), before, "the same row is selected as before")
    }

    // MARK: Quitting

    func testQuitEndsTheProgram() throws {
        try startApp()
        let pid = pid_t(try session.display("#{pane_pid}")) ?? 0
        XCTAssertGreaterThan(pid, 0)
        try session.keys("q")
        // remain-on-exit keeps the dead pane so its exit status can be read.
        let deadline = Date().addingTimeInterval(15)
        var state = ""
        while Date() < deadline {
            state = try session.display("#{pane_dead}:#{pane_dead_status}")
            if state.hasPrefix("1:"), state.count > 2 { break }
            // tmux 3.3a sometimes marks the pane dead (pty closed) but never reaps the
            // child, so no status is reported: then the process must at least have exited.
            if state == "1:", processHasExited(pid) { break }
            usleep(50_000)
        }
        XCTAssertTrue(state.hasPrefix("1:"), "the pane is dead after q (pane_dead:pane_dead_status = \(state))")
        if state.count > 2 { XCTAssertEqual(state, "1:0", "exit status 0 after q") }
        XCTAssertTrue(processHasExited(pid), "the process \(pid) has ended")
    }

    /// Gone, or a zombie (exited, not yet reaped by the tmux server).
    private func processHasExited(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // "pid (comm) S ...": the state follows the last ')'.
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
        return state == "Z" || state == "X"
    }

    // MARK: Language

    func testGermanFromLANGAndFromOption() throws {
        // Both programs start at once (each loads the gazetteer) to save time.
        let db = try demoCopy()
        let fromLang = session!
        let fromOption = try newSession()
        try fromLang.start(db: db, lang: "de_DE.UTF-8", home: try makeHome("home-lang"))
        try fromOption.start(db: db, lang: "C.UTF-8", extraArguments: ["--lang", "de"], home: try makeHome("home-option"))
        for s in [fromLang, fromOption] {
            let lines = try s.waitFor("the German main screen") { l in
                // Six tabs in German do not fit 80 columns whole: the other panes' names are shortened.
                l[1].contains("1 Städte") && l[1].contains("2 Partner") && l[1].contains("6 Proj") && l[23].contains("Hilfe")
            }
            XCTAssertTrue(lines[0].contains("Unsere Stadt: Dortmund"), lines[0])
            XCTAssertTrue(lines[2].contains("Einwohner"), lines[2])
            XCTAssertFalse(lines.joined().contains("Cities"), lines.joined(separator: "\n"))
        }
    }

    // MARK: Control characters

    func testCLIRefusesControlCharactersInNotes() throws {
        let db = try demoCopy()
        let result = try CLI.run(["cities", "add", "--db", db, "--name", "Pwnville", "--country", "DE",
                                  "--notes", "hello \u{1B}]0;pwned\u{07} world"], scratch: workDir)
        XCTAssertEqual(result.status, 1, result.summary)
        XCTAssertTrue(result.stderr.contains("control character"), result.summary)
        let search = try CLI.run(["cities", "search", "Pwnville", "--db", db], scratch: workDir)
        XCTAssertFalse(search.stdout.contains("Pwnville"), "nothing was added: \(search.summary)")
    }

    /// Even data that got into the file some other way (an older version, a
    /// hand-edited database) must not send escape sequences to the terminal.
    func testNoEscapeSequenceFromDataReachesTheTerminal() throws {
        let db = try demoCopy()
        // Plant an OSC title change and a colour change straight into the file, past the app's checks:
        // into Dortmund's notes and themes, and the notes of Dortmund ↔ Amiens.
        let database = try AppDatabase.open(path: db)
        try database.write { db in
            try db.execute(sql: """
                UPDATE city SET notes = 'Before' || char(27) || ']0;pwned' || char(7) || 'After',
                                themes = '["x\\u001b[31mred"]'
                WHERE geonameId = 2935517
                """)
            try db.execute(sql: """
                UPDATE partnership SET notes = 'Pair' || char(27) || ']0;pwn2' || char(7) || 'notes'
                WHERE id IN (SELECT p.id FROM partnership p JOIN city a ON a.id = p.cityA JOIN city b ON b.id = p.cityB
                             WHERE a.geonameId = 2935517 AND b.name = 'Amiens')
                """)
        }
        let raw = workDir.appendingPathComponent("raw-output")
        XCTAssertTrue(FileManager.default.createFile(atPath: raw.path, contents: nil))
        let home = try makeHome()
        // A tall window, so the whole detail of the selected city is drawn.
        try session.start(db: db, columns: 100, rows: 45, home: home,
                          afterStart: [["pipe-pane", "-o", "-t", "app", "cat >> \(TmuxSession.shellQuote(raw.path))"]])
        try waitForMainScreen()
        // Dortmund (the home city) comes first and is selected: its notes are in the detail.
        let lines = try session.waitFor(text: "pwned")
        XCTAssertTrue(lines.contains { $0.contains("Before") && $0.contains("After") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("31mred") }, lines.joined(separator: "\n"))
        // Browse a little: away from Dortmund and back, the other pane (Dortmund ↔ Amiens first), back again.
        try session.keys("Down")
        try session.waitFor("another city selected") { !$0.joined().contains("pwned") }
        try session.keys("Up")
        try session.waitFor(text: "pwned")
        try session.keys("2")
        let pane2 = try session.waitFor(text: "sorted by name")
        if selectedRow(pane2)?.hasPrefix("> Dortmund ↔ Amiens") == true {
            try session.waitFor(text: "pwn2")
        }
        try session.keys("1")
        try session.waitFor(text: "pwned")
        try session.waitUntilIdle()

        let stream = try Data(contentsOf: raw)
        XCTAssertGreaterThan(stream.count, 1000, "pipe-pane captured the program's output")
        let text = String(decoding: stream, as: UTF8.self)
        XCTAssertTrue(text.contains("pwned"), "the notes were drawn")
        XCTAssertFalse(text.contains("\u{1B}]0;"), "an OSC title sequence from the data reached the terminal")
        XCTAssertFalse(text.contains("\u{1B}]"), "an OSC sequence reached the terminal")
        XCTAssertFalse(text.contains("\u{1B}[31mred"), "a colour sequence from the data reached the terminal")
        XCTAssertFalse(stream.contains(0x07), "a BEL from the data reached the terminal")
    }
}

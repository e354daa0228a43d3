import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Proof 3: a hostile input corpus (Tests/ProofTests/Corpus, plus 10 MB files
/// generated at run time) against `import`, `--theme FILE` and the user config.
/// Every input must give a clear one-line error (exit 1) or a safe acceptance;
/// never a crash, never a changed database after a refusal, and never a
/// control character from the data on stdout/stderr or the terminal.
final class HostileInputTests: ProofTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    enum Expectation: String { case refuse, accept, either }

    /// Inputs that are well-formed enough that importing them is right (accept),
    /// or where both answers are reasonable (either). Everything else must be refused.
    static let expectations: [String: Expectation] = [
        "partnerships-crlf.csv": .accept,
        "partnerships-lone-cr.csv": .either,
        "partnerships-mixed-line-endings.csv": .either,
        "partnerships-header-empty-name.csv": .either,
        "events-json-lone-surrogate-escape.json": .either,
        "cities-many-columns.csv": .either,
        "cities-10mb-quoted-field.csv": .either,
    ]

    struct Outcome {
        var input: String
        var bytes: Int
        var result: String
        var seconds: Double
        var message: String
    }

    // MARK: - Output checks

    /// Control characters, C1 controls, bidi controls or invalid UTF-8 in output bytes.
    static func unsafeOutput(_ data: Data, allowNewlines: Bool = true) -> String? {
        for (i, b) in data.enumerated() where b == 0x1B || b == 0x07 || b == 0x00 {
            return String(format: "byte 0x%02X at offset %d", b, i)
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            return "invalid UTF-8 (raw bytes such as 0x9B/0x9D)"
        }
        for scalar in text.unicodeScalars {
            if allowNewlines && (scalar == "\n" || scalar == "\t" || scalar == "\r") { continue }
            if TextSafety.isUnsafe(scalar) { return TextSafety.describe(scalar) }
        }
        return nil
    }

    // MARK: - Imports

    // The imports are split by kind and one test per big input, so that
    // `swift test --parallel` can run them side by side; together they are
    // the same inputs and the same checks as the one test they were.

    /// The committed corpus files whose name starts with `prefix`, copied so the path printed is short and ours.
    func corpusInputs(_ prefix: String) throws -> [URL] {
        let fm = FileManager.default
        let inputs = workDir.appendingPathComponent("inputs")
        try fm.createDirectory(at: inputs, withIntermediateDirectories: true)
        var files: [URL] = []
        for name in try fm.contentsOfDirectory(atPath: Self.corpus.path).sorted() where name.hasPrefix(prefix) {
            let target = inputs.appendingPathComponent(name)
            try fm.copyItem(at: Self.corpus.appendingPathComponent(name), to: target)
            files.append(target)
        }
        return files
    }

    func testHostileImportsOfCities() throws {
        let all = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter {
            $0.hasPrefix("cities-") || $0.hasPrefix("partnerships-") || $0.hasPrefix("events-")
        }
        XCTAssertGreaterThan(all.count, 40, "the corpus is in \(Self.corpus.path)")
        try checkImports(try corpusInputs("cities-"), label: "cities")
    }

    func testHostileImportsOfPartnerships() throws {
        try checkImports(try corpusInputs("partnerships-"), label: "partnerships")
    }

    func testHostileImportsOfEvents() throws {
        try checkImports(try corpusInputs("events-"), label: "events")
    }

    func testHostileImport10MBQuotedField() throws { try checkBigImport("cities-10mb-quoted-field.csv") }
    func testHostileImport10MBLineWithoutNewline() throws { try checkBigImport("cities-10mb-line-without-newline.csv") }
    func testHostileImport10MBUnquotedField() throws { try checkBigImport("partnerships-10mb-unquoted-field.csv") }
    func testHostileImport10MBUnbalancedQuote() throws { try checkBigImport("partnerships-10mb-unbalanced-quote.csv") }
    func testHostileImportManyColumns() throws { try checkBigImport("cities-many-columns.csv") }
    func testHostileImport10MBOfOSCSequences() throws { try checkBigImport("cities-10mb-of-osc-sequences.csv") }

    func checkBigImport(_ name: String) throws {
        let inputs = workDir.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let files = try generateBigInputs(in: inputs, only: name)
        XCTAssertEqual(files.map(\.lastPathComponent), [name])
        try checkImports(files, label: name)
    }

    /// Imports each file into a copy of the demo database and checks the outcome.
    func checkImports(_ files: [URL], label: String) throws {
        let started = Date()
        let fm = FileManager.default
        var outcomes: [Outcome] = []
        var failures: [String] = []
        var db = try DemoDatabase.shared.copy(to: workDir, name: "import.sqlite")
        for file in files {
            let name = file.lastPathComponent
            let kind = String(name.prefix { $0 != "-" })
            let expectation = Self.expectations[name] ?? .refuse
            let before = try counts(db)
            let result = try CLI.run(["import", kind, file.path, "--db", db], scratch: workDir, timeout: 180)
            let after = try counts(db)
            let size = (try? fm.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            let firstLine = String(result.stderr.split(separator: "\n").first ?? Substring(result.stdout.split(separator: "\n").first ?? ""))
            func fail(_ what: String) { failures.append("\(name): \(what)\n    \(result.summary.replacingOccurrences(of: "\n", with: "\n    "))") }

            if let signal = result.signal { fail("crashed with signal \(signal) (expected: exit 1 with a one-line message)") }
            if result.stderr.contains("Fatal error") { fail("\"Fatal error\" on stderr") }
            if let bad = Self.unsafeOutput(result.output) { fail("stdout carries \(bad)") }
            if let bad = Self.unsafeOutput(result.errors) { fail("stderr carries \(bad)") }
            var verdict: String
            switch result.status {
            case 1:
                verdict = "refused"
                let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
                if !(lines.count == 2 && lines[1].isEmpty) { fail("stderr is not exactly one line (\(lines.count - 1) lines)") }
                if !result.stderr.hasPrefix("twinning: \(file.path):") { fail("stderr does not start with \"twinning: \(file.path):\"") }
                if after != before { fail("the database changed after a refused import: \(before) → \(after)") }
                if expectation == .accept { fail("expected the import to be accepted, it was refused") }
            case 0:
                verdict = "accepted"
                if !result.stdout.hasPrefix("Imported ") { fail("exit 0 without \"Imported …\"") }
                if expectation == .refuse { fail("expected a refusal (exit 1, \"twinning: FILE:LINE: …\"), it was imported: \(before) → \(after)") }
                // What was stored must not bring control characters back out.
                let listing = kind == "cities" ? ["cities", "search", "New", "--db", db] : [kind, "list", "--db", db]
                for (what, args) in [("export", ["export", kind, "--db", db]), ("list", listing)] {
                    let out = try CLI.run(args, scratch: workDir)
                    if out.signal != nil || out.status != 0 { fail("\(what) after the import failed: \(out.summary)") }
                    if let bad = Self.unsafeOutput(out.output) { fail("`\(args.prefix(2).joined(separator: " "))` after the import prints \(bad)") }
                }
                // Later inputs get a clean database again.
                db = try DemoDatabase.shared.copy(to: workDir, name: "import-\(outcomes.count).sqlite")
            default:
                verdict = "exit \(result.status)"
                fail("unexpected exit status \(result.status)")
            }
            outcomes.append(Outcome(input: name, bytes: size, result: verdict, seconds: result.seconds,
                                    message: String(Printable.escape(Data(firstLine.utf8)).prefix(110))))
        }
        print("[proof] hostile imports (\(label)): \(outcomes.count) inputs in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        for o in outcomes {
            let name = o.input.padding(toLength: max(48, o.input.count), withPad: " ", startingAt: 0)
            let verdict = o.result.padding(toLength: 9, withPad: " ", startingAt: 0)
            print("  \(name) \(String(format: "%9d", o.bytes)) B  \(verdict) \(String(format: "%5.2f", o.seconds)) s  "
                  + o.message.replacingOccurrences(of: workDir.path, with: "…"))
        }
        for f in failures { XCTFail(f) }
    }

    /// The big inputs: 10 MB fields and lines, 100,000 columns. Each is made
    /// only when asked for (`only`), in memory in a few milliseconds.
    func generateBigInputs(in folder: URL, only: String? = nil) throws -> [URL] {
        let tenMB = 10 * 1024 * 1024
        let makers: [(String, () -> Data)] = [
            ("cities-10mb-quoted-field.csv", {
                var quoted = Data("name,country_code,population\n\"".utf8)
                quoted.append(Data(repeating: UInt8(ascii: "a"), count: tenMB))
                quoted.append(Data("\",DE,10\n".utf8))
                return quoted
            }),
            ("cities-10mb-line-without-newline.csv", {
                var line = Data("name,country_code,population\nNewtown,DE,".utf8)
                line.append(Data(repeating: UInt8(ascii: "7"), count: tenMB))
                return line
            }),
            ("partnerships-10mb-unquoted-field.csv", {
                var unquoted = Data("geonameid_a,geonameid_b\n".utf8)
                unquoted.append(Data(repeating: UInt8(ascii: "3"), count: tenMB))
                unquoted.append(Data(",3037854".utf8))
                return unquoted
            }),
            ("partnerships-10mb-unbalanced-quote.csv", {
                var unbalanced = Data("geonameid_a,geonameid_b\n3094802,\"".utf8)
                unbalanced.reserveCapacity(tenMB + 64)
                for _ in 0..<(tenMB / 16) { unbalanced.append(contentsOf: Array("3037854\n3037854,".utf8)) }
                return unbalanced
            }),
            ("cities-many-columns.csv", {
                let columns = 100_000
                var header = "name,country_code,population"
                var row = "Manycolumns,DE,10"
                header.reserveCapacity(columns * 8)
                for i in 0..<columns { header += ",c\(i)"; row += "," }
                return Data((header + "\n" + row + "\n").utf8)
            }),
            ("cities-10mb-of-osc-sequences.csv", {
                var escapes = Data("name,country_code,population\n".utf8)
                let osc = Data("\u{1B}]0;pwned\u{07}".utf8)
                var name = Data()
                while name.count < tenMB { name.append(osc) }
                escapes.append(name)
                escapes.append(Data(",DE,10\n".utf8))
                return escapes
            }),
        ]
        var made: [URL] = []
        for (name, make) in makers where only == nil || only == name {
            let url = folder.appendingPathComponent(name)
            try make().write(to: url)
            made.append(url)
        }
        return made
    }

    // MARK: - Themes and configs under tmux

    /// Runs the TUI with `arguments` and the config `config` under tmux, recording
    /// the raw bytes it writes; waits for a screen, quits with F10, checks the stream.
    @discardableResult
    func runTUI(_ label: String, arguments: [String], config: Data?, failures: inout [String]) throws -> String {
        let session = try newSession()
        let home = try makeHome("home-\(sessions.count)", config: config)
        let db = try DemoDatabase.shared.copy(to: workDir, name: "tui-\(sessions.count).sqlite")
        let raw = workDir.appendingPathComponent("raw-\(sessions.count).bin")
        _ = FileManager.default.createFile(atPath: raw.path, contents: nil)
        try session.start(arguments: ["--db", db] + arguments, env: tuiEnvironment(home: home), columns: 100, rows: 30,
                          afterStart: [["pipe-pane", "-o", "-t", "app", "cat >> " + TmuxSession.shellQuote(raw.path)]])
        func fail(_ what: String, _ screen: [String]) {
            failures.append("\(label): \(what)\n    screen:\n    " + screen.joined(separator: "\n    "))
        }
        // A screen: the main screen, or the home-city question (a config without a usable home city).
        let screen = try session.poll(timeout: 20) { lines in
            let dead = try session.paneState().dead
            return dead || Self.isMainScreen(lines) || (lines.first?.contains("twinning") == true && lines.joined().contains("Quit"))
        } ?? (try session.lines())
        var state = try session.paneState()
        if state.dead { state = try session.waitForExit(timeout: 5) }
        if state.dead {
            fail("the program ended before showing a screen (status \(state.status.map(String.init) ?? "-"), signal \(state.signal.map(String.init) ?? "-"))", screen)
        } else {
            // Visit the partnerships and events panes (health marks use the configured years), then quit
            // (F10 works in every context without unsaved input).
            usleep(300_000)
            if Self.isMainScreen(screen) {
                try session.keys("2")
                usleep(400_000)
                try session.keys("3")
                usleep(400_000)
                if try session.paneState().dead { fail("the program ended on the partnerships/events panes", try session.lines()) }
            }
            try session.keys("F10")
            var exit = try session.waitForExit(timeout: 10)
            if !exit.dead { try session.keys("y"); exit = try session.waitForExit(timeout: 5) }
            if !exit.dead { fail("F10 did not quit", try session.lines()) }
            else if exit.signal != nil || exit.status != 0 {
                fail("quit with status \(exit.status.map(String.init) ?? "-"), signal \(exit.signal.map(String.init) ?? "-")", screen)
            }
        }
        usleep(200_000)  // pipe-pane's cat flushes
        let bytes = (try? Data(contentsOf: raw)) ?? Data()
        let title = try session.display("#{pane_title}")
        if title.contains("pwned") { fail("the data set the terminal title to \"\(title)\"", screen) }
        // ncurses itself writes CSI sequences (ESC [); it never writes OSC, DCS, BEL or NUL here.
        let hostile: [(String, [UInt8])] = [("OSC ESC ]", [0x1B, 0x5D]), ("DCS ESC P", [0x1B, 0x50]), ("BEL", [0x07]), ("NUL", [0x00])]
        for (what, needle) in hostile where bytes.count >= needle.count {
            if let at = bytes.firstRange(of: needle) {
                fail("the terminal stream (\(bytes.count) bytes) contains \(what) at \(at.lowerBound): …\(Printable.escape(bytes[max(0, at.lowerBound - 30)..<min(bytes.count, at.upperBound + 30)]))…", screen)
            }
        }
        if let text = String(validating: [UInt8](bytes), as: UTF8.self) {
            if let bad = text.unicodeScalars.first(where: { ($0.value >= 0x80 && $0.value <= 0x9F) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
                fail("the terminal stream contains \(TextSafety.describe(bad))", screen)
            }
        } else {
            fail("the terminal stream is not valid UTF-8 (raw 8-bit controls such as 0x9B?)", screen)
        }
        let shown = screen.joined(separator: "\n")
        return "\(bytes.count) B; \(shown.contains("pwned") ? "\"pwned\" shown as plain text" : "no \"pwned\" text"); status line: "
            + (screen.dropLast().last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.trimmingCharacters(in: .whitespaces).prefix(90) ?? "")
    }

    func testHostileThemes() throws {
        let started = Date()
        var inputs: [URL] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted() where name.hasPrefix("theme-") {
            inputs.append(Self.corpus.appendingPathComponent(name))
        }
        let big = workDir.appendingPathComponent("theme-1mb-line.theme")
        var data = Data("normal = ".utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: 1 << 20))
        data.append(Data("\n".utf8))
        data.append(Data(repeating: 0x1B, count: 1000))
        data.append(Data("]0;pwned\u{07} = red\n".utf8))
        try data.write(to: big)
        inputs.append(big)
        let bigRole = workDir.appendingPathComponent("theme-1mb-role.theme")
        var role = Data()
        while role.count < 1 << 20 { role.append(Data("\u{1B}]0;pwned\u{07}".utf8)) }
        role.append(Data(" = red on black\n".utf8))
        try role.write(to: bigRole)
        inputs.append(bigRole)

        var failures: [String] = []
        var report: [String] = []
        for input in inputs {
            let note = try runTUI("--theme \(input.lastPathComponent)", arguments: ["--theme", input.path], config: nil, failures: &failures)
            report.append("  \(input.lastPathComponent): \(note)")
        }
        print("[proof] hostile themes: \(inputs.count) files in \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n" + report.joined(separator: "\n"))
        for f in failures { XCTFail(f) }
    }

    func testHostileConfigs() throws {
        let started = Date()
        var inputs: [(String, Data)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted() where name.hasPrefix("config-") {
            inputs.append((name, try Data(contentsOf: Self.corpus.appendingPathComponent(name))))
        }
        var big = Data("home_city = 2935517\ntheme = ".utf8)
        big.append(Data(repeating: UInt8(ascii: "x"), count: 1 << 20))
        big.append(Data("\n\u{1B}]0;pwned\u{07}".utf8))
        big.append(Data(repeating: UInt8(ascii: "y"), count: 1 << 20))
        inputs.append(("config-1mb-lines (generated)", big))

        var failures: [String] = []
        var report: [String] = []
        for (name, config) in inputs {
            let note = try runTUI("config \(name)", arguments: [], config: config, failures: &failures)
            // The CLI commands that read the config.
            let home = try makeHome("cli-\(name.prefix(30))", config: config)
            let db = try DemoDatabase.shared.path().path
            var cli: [String] = []
            for args in [["report", "--city", "Dortmund", "--db", db], ["export", "events", "--format", "ics", "--db", db]] {
                let result = try CLI.run(args, scratch: workDir, home: home)
                let what = "`twinning \(args.prefix(2).joined(separator: " "))` with \(name)"
                if let signal = result.signal { failures.append("\(what): crashed with signal \(signal); expected exit 0 (settings ignored with a warning) or exit 1 with one line\n    \(result.summary)") }
                else if result.status != 0 && result.status != 1 { failures.append("\(what): exit \(result.status)\n    \(result.summary)") }
                if result.stderr.contains("Fatal error") { failures.append("\(what): \"Fatal error\" on stderr\n    \(result.summary)") }
                if let bad = Self.unsafeOutput(result.errors) { failures.append("\(what): stderr carries \(bad)\n    \(result.summary)") }
                if args[0] == "report", let bad = Self.unsafeOutput(result.output) { failures.append("\(what): stdout carries \(bad)") }
                if args[0] == "export", result.output.contains(0x1B) || result.output.contains(0x07) {
                    failures.append("\(what): the calendar carries ESC/BEL")
                }
                cli.append("\(args[0]) → \(result.signal.map { "signal \($0)" } ?? "exit \(result.status)")")
            }
            report.append("  \(name): TUI \(note); CLI \(cli.joined(separator: ", "))")
        }
        print("[proof] hostile configs: \(inputs.count) files in \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n" + report.joined(separator: "\n"))
        for f in failures { XCTFail(f) }
    }
}

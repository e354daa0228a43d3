import Foundation
import TwinningTestSupport
import XCTest

/// Errors of values, files, the database and the command line itself are
/// said in the language of `--lang`; English (the tests' LC_ALL=C.UTF-8)
/// stays word for word what it was.
final class ErrorLanguageTests: EndToEndTestCase {
    func testARefusedEventIsExplainedInFrenchAndGerman() throws {
        let db = try demoCopy()
        let before = try counts(db)
        let add = ["events", "add", "--partnership", "1", "--date", "2026-05-14", "--kind", "visit", "--db", db]
        XCTAssertEqual(try CLI.fails(add + ["--participants", "10", "--youth", "20", "--lang", "fr"]).stderr,
                       "twinning: youth : les moins de 30 ans (20) ne peuvent pas être plus nombreux que les participants (10)\n")
        XCTAssertEqual(try CLI.fails(add + ["--participants", "10", "--youth", "20"]).stderr,
                       "twinning: youth: under-30s (20) cannot exceed participants (10)\n")
        XCTAssertEqual(try CLI.fails(add + ["--participants", "2000000", "--lang", "de"]).stderr,
                       "twinning: participants: darf höchstens 1.000.000 sein, nicht 2000000\n")
        XCTAssertEqual(try CLI.fails(add + ["--end", "2026-05-01", "--lang", "fr"]).stderr,
                       "twinning: end : (01/05/2026) est avant le début (14/05/2026)\n")
        XCTAssertEqual(try CLI.fails(add + ["--by-country", "DE:x", "--lang", "de"]).stderr,
                       "twinning: --by-country: „x“ ist keine Zahl von Teilnehmenden.\n")
        let date = try CLI.fails(["events", "add", "--partnership", "1", "--date", "31.02.2026", "--kind", "visit", "--lang", "fr", "--db", db])
        XCTAssertTrue(date.stderr.hasPrefix("twinning: --date : « 31.02.2026 » n’est pas une date ; écrivez 14/05/2026"), date.summary)
        XCTAssertEqual(try counts(db), before, "nothing written")
    }

    func testABadLineOfAnImportIsNamedWithFileAndLineInGerman() throws {
        let db = try emptyCopy()
        let before = try counts(db)
        let cities = try write("cities.csv", "name,country_code,population\nNeustadt,DE,12x\n")
        XCTAssertEqual(try CLI.fails(["import", "cities", cities, "--lang", "de", "--db", db]).stderr,
                       "twinning: \(cities):2: population: „12x“ ist keine ganze Zahl\n")
        XCTAssertEqual(try CLI.fails(["import", "cities", cities, "--db", db]).stderr,
                       "twinning: \(cities):2: population: \"12x\" is not a whole number\n")
        let pairs = try write("pairs.csv", "geonameid_a,geonameid_b\n2935517,3037854\n2935517\n")
        XCTAssertEqual(try CLI.fails(["import", "partnerships", pairs, "--lang", "fr", "--db", db]).stderr,
                       "twinning: \(pairs):3 : a 1 colonne, mais l’en-tête en a 2\n")
        // A rule of the model inside the import's message: the field keeps the file's column name.
        try CLI.ok(["import", "partnerships", try write("one.csv", "geonameid_a,geonameid_b\n2935517,3037854\n"), "--db", db])
        let afterPair = try counts(db)
        let events = try write("events.csv", "geonameid_a,geonameid_b,start,participants,youth\n2935517,3037854,2026-05-14,10,20\n")
        XCTAssertEqual(try CLI.fails(["import", "events", events, "--lang", "de", "--db", db]).stderr,
                       "twinning: \(events):2: youth: Unter-30-Jährige (20) können nicht mehr sein als Teilnehmende (10)\n")
        XCTAssertEqual(try CLI.fails(["import", "events", workDir.appendingPathComponent("nowhere.csv").path, "--lang", "fr", "--db", db]).stderr,
                       "twinning: \(workDir.appendingPathComponent("nowhere.csv").path) : fichier introuvable\n")
        XCTAssertEqual(try counts(db), afterPair, "the refused files wrote nothing")
        XCTAssertNotEqual(before, afterPair)
    }

    /// What an import did, in the user's words: counts in the language's
    /// grouping and forms, seconds with the decimal comma; English as before.
    func testAnImportSaysWhatItDidInGermanAndFrench() throws {
        let db = try emptyCopy()
        func matches(_ line: String?, _ pattern: String) -> Bool {
            guard let line else { return false }
            return line.range(of: "^" + pattern + "$", options: .regularExpression) != nil
        }
        let seconds = #"[0-9]+,[0-9]{2}"#
        let first = try write("cities.csv", "name,country_code,population\nNeustadt,DE,1200\nAltstadt,DE,\n")
        let german = try CLI.ok(["import", "cities", first, "--lang", "de", "--db", db])
        XCTAssertTrue(matches(german.stdoutLines.first, "Aus " + NSRegularExpression.escapedPattern(for: first)
                              + ": 2 Städte importiert, in \(seconds) s; andere Schreibvorgänge mussten höchstens \(seconds) s warten\\."),
                      german.summary)
        XCTAssertTrue(german.stdoutLines.last?.hasPrefix("Protokolliert als Import ") == true, german.summary)

        let second = try write("more.csv", "name,country_code,population\nNeustadt,DE,1300\nAltstadt,DE,\nMittelstadt,FR,1\n")
        let french = try CLI.ok(["import", "cities", second, "--lang", "fr", "--db", db])
        XCTAssertTrue(matches(french.stdoutLines.first, "1 ville importée et 1 mise à jour \\(1 sans changement\\) depuis "
                              + NSRegularExpression.escapedPattern(for: second)
                              + " en \(seconds) s ; les autres écritures ont attendu au plus \(seconds) s\\."), french.summary)

        let third = try write("third.csv", "name,country_code,population\nNeustadt,DE,1400\nAltstadt,DE,\nKleinstadt,FR,2\nDorf,FR,3\n")
        let english = try CLI.ok(["import", "cities", third, "--db", db])
        XCTAssertTrue(matches(english.stdoutLines.first, "Imported 2 cities and updated 1 \\(1 unchanged\\) from "
                              + NSRegularExpression.escapedPattern(for: third)
                              + #" in [0-9]+\.[0-9]{2} s; other writers waited at most [0-9]+\.[0-9]{2} s\."#), english.summary)
    }

    /// `cities show` writes coordinates with the decimal comma in German and
    /// French; the label "Habitants" stays a label; JSON keeps its numbers.
    func testCitiesShowWritesCoordinatesTheLanguagesWay() throws {
        let db = try demoDB()
        let french = try CLI.ok(["cities", "show", "Dortmund", "--lang", "fr", "--db", db])
        XCTAssertTrue(french.stdoutLines.contains("  Coordonnées : 51,5149°, 7,4660°"), french.summary)
        XCTAssertTrue(french.stdoutLines.contains("  Habitants : 588\u{202F}462"), french.summary)
        let german = try CLI.ok(["cities", "show", "Dortmund", "--lang", "de", "--db", db])
        XCTAssertTrue(german.stdoutLines.contains("  Koordinaten: 51,5149°, 7,4660°"), german.summary)
        let english = try CLI.ok(["cities", "show", "Dortmund", "--db", db])
        XCTAssertTrue(english.stdoutLines.contains("  Coordinates: 51.5149, 7.4660"), english.summary)
        let json = try CLI.ok(["cities", "show", "Dortmund", "--format", "json", "--lang", "fr", "--db", db])
        XCTAssertTrue(json.stdout.contains("\"latitude\" : 51.51494,") && json.stdout.contains("\"longitude\" : 7.466,"), json.summary)
    }

    /// A refusal of the register itself (not a rule of the command line) in French.
    func testAProjectThatIsNotThereIsSaidInFrench() throws {
        let db = try demoDB()
        XCTAssertEqual(try CLI.fails(["projects", "show", "Nulle part", "--lang", "fr", "--db", db]).stderr,
                       "twinning: Il n’y a pas de projet « Nulle part ».\n")
        XCTAssertEqual(try CLI.fails(["projects", "show", "Nulle part", "--db", db]).stderr,
                       "twinning: There is no project “Nulle part”.\n")
    }

    /// The command line's own refusals: a file --output would replace, a kiosk account.
    func testAFileThatWouldBeReplacedAndAKioskAccountAreSaidInGermanAndFrench() throws {
        let db = try demoDB()
        let existing = try write("out.csv", "keep me\n")
        XCTAssertEqual(try CLI.fails(["export", "cities", "--output", existing, "--lang", "de", "--db", db]).stderr,
                       "twinning: \(existing) gibt es schon. Mit --force wird die Datei ersetzt.\n")
        XCTAssertEqual(try CLI.fails(["export", "cities", "--output", existing, "--db", db]).stderr,
                       "twinning: \(existing) already exists. Use --force to replace it.\n")
        XCTAssertEqual(try CLI.fails(["export", "cities", "--output", workDir.path, "--lang", "fr", "--db", db]).stderr,
                       "twinning: --output : \(workDir.path) est un dossier ; indiquez un nom de fichier à l’intérieur.\n")
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "keep me\n")
        XCTAssertEqual(try CLI.fails(["--kiosk", "cities", "list", "--lang", "fr", "--db", db]).stderr,
                       "twinning: ce compte ne peut utiliser que le programme plein écran (mode kiosque).\n")
    }

    func testADatabaseThatIsAFolderIsSaidInGerman() throws {
        let folder = workDir.appendingPathComponent("kein-db").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try CLI.fails(["events", "list", "--lang", "de", "--db", folder]).stderr,
                       "twinning: \(folder) ist ein Ordner, keine Datenbankdatei. Bitte den Pfad einer Datei angeben, z. B. \(folder)/twinning.sqlite.\n")
    }

    func testACommandLineThatCannotBeReadIsRefusedInFrenchAndGermanWithExitCode64() throws {
        let db = try demoDB()
        let limit = try CLI.run(["cities", "search", "dortmund", "--limit", "abc", "--lang", "fr", "--db", db])
        XCTAssertEqual(limit.status, 64, limit.summary)
        XCTAssertEqual(limit.stderrLines.first, "Erreur : La valeur « abc » ne convient pas pour --limit <limit>", limit.summary)
        XCTAssertTrue(limit.stderrLines.contains { $0.hasPrefix("Usage: twinning cities search ") }, "the usage line stays: \(limit.summary)")
        XCTAssertEqual(limit.stderrLines.last, "  Pour en savoir plus : twinning cities search --help", limit.summary)

        let option = try CLI.run(["cities", "search", "dortmund", "--limt", "3", "--lang", "de", "--db", db])
        XCTAssertEqual(option.status, 64, option.summary)
        XCTAssertEqual(option.stderrLines.first, "Fehler: Unbekannte Option --limt. Meinten Sie --limit?", option.summary)

        let missing = try CLI.run(["events", "add", "--partnership", "1", "--kind", "visit", "--lang", "fr", "--db", db])
        XCTAssertEqual(missing.status, 64, missing.summary)
        XCTAssertEqual(missing.stderrLines.first, "Erreur : Il manque l’argument --date <date>", missing.summary)

        let choice = try CLI.run(["cities", "search", "dortmund", "--format", "xml", "--lang", "de", "--db", db])
        XCTAssertEqual(choice.stderrLines.first, "Fehler: Der Wert „xml“ passt nicht zu --format <format>. Bitte einen davon angeben: text, json, tsv.",
                       choice.summary)

        // English is ArgumentParser's own, unchanged.
        let english = try CLI.run(["cities", "search", "dortmund", "--limit", "abc", "--db", db])
        XCTAssertEqual(english.status, 64, english.summary)
        XCTAssertEqual(english.stderrLines.first, "Error: The value 'abc' is invalid for '--limit <limit>'", english.summary)
        XCTAssertEqual(english.stderrLines.last, "  See 'twinning cities search --help' for more information.", english.summary)
    }
}

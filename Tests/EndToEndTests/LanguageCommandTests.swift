import Foundation
import TwinningTestSupport
import XCTest

/// The command line speaks the user's language: `--lang de` and `--lang fr`
/// change messages, table headings, numbers, dates, the vocabulary and the
/// command descriptions of `--help`. (The tests run under LC_ALL=C.UTF-8,
/// so without --lang everything is English, as the other tests expect.)
final class LanguageCommandTests: EndToEndTestCase {
    func testCitySearchInGermanAndFrench() throws {
        let db = try demoDB()
        let de = try CLI.ok(["cities", "search", "dortmund", "--limit", "1", "--lang", "de", "--db", db])
        XCTAssertEqual(de.stdoutLines.first?.split(separator: " ").map(String.init), ["Name", "Region", "Land", "Einwohner", "Nr."], de.summary)
        XCTAssertTrue(de.stdoutLines[1].contains("588.462"), de.summary)
        let fr = try CLI.ok(["cities", "search", "dortmund", "--limit", "1", "--lang", "fr", "--db", db])
        XCTAssertEqual(fr.stdoutLines.first?.split(separator: " ").map(String.init), ["nom", "région", "pays", "habitants", "n°"], fr.summary)
        XCTAssertTrue(fr.stdoutLines[1].contains("588\u{202F}462"), "French groups thousands with a narrow no-break space: \(fr.summary)")
        let en = try CLI.ok(["cities", "search", "dortmund", "--limit", "1", "--db", db])
        XCTAssertTrue(en.stdoutLines[1].contains("588,462"), en.summary)
    }

    func testListsUseTheWordsAndDatesOfTheLanguage() throws {
        let db = try demoDB()
        let fr = try CLI.ok(["partnerships", "list", "--city", "Dortmund", "--lang", "fr", "--db", db])
        XCTAssertTrue(fr.stdout.contains("jumelage  actif"), fr.summary)
        XCTAssertTrue(fr.stdoutLines.last?.hasSuffix(" jumelages") == true, fr.summary)
        let de = try CLI.ok(["events", "list", "--lang", "de", "--db", db])
        XCTAssertTrue(de.stdoutLines.first?.hasPrefix("Nr.  Datum") == true, de.summary)
        XCTAssertNotNil(de.stdout.range(of: #"\d\d\.\d\d\.20\d\d"#, options: .regularExpression), "German dates: \(de.summary)")
        XCTAssertTrue(de.stdoutLines.last?.hasSuffix(" Begegnungen") == true, de.summary)
    }

    func testErrorsAreInTheLanguage() throws {
        let db = try demoDB()
        XCTAssertEqual(try CLI.fails(["cities", "search", "xyzzy", "--lang", "fr", "--db", db]).stderr,
                       "twinning: Aucune ville ne correspond à « xyzzy ».\n")
        XCTAssertEqual(try CLI.fails(["cities", "search", "xyzzy", "--lang", "de", "--db", db]).stderr,
                       "twinning: Keine Stadt passt zu „xyzzy“.\n")
        let date = try CLI.fails(["log", "--since", "32/13/2026", "--lang", "fr", "--db", db])
        XCTAssertTrue(date.stderr.contains("n’est pas une date ; écrivez 14/05/2026"), date.summary)
        let unknown = try CLI.fails(["cities", "search", "x", "--lang", "xx", "--db", db])
        XCTAssertTrue(unknown.stderr.contains(#"--lang: "xx" is not one of: en, de, fr."#), unknown.summary)
    }

    func testHelpDescribesTheCommandsInTheLanguage() throws {
        let fr = try CLI.ok(["cities", "search", "--help", "--lang", "fr"])
        XCTAssertTrue(fr.stdout.contains("Trouver des villes par leur nom"), fr.summary)
        XCTAssertTrue(fr.stdout.contains("Le fichier de la base de données."), fr.summary)
        let de = try CLI.ok(["report", "--help", "--lang", "de"])
        XCTAssertTrue(de.stdout.contains("Der Jahresbericht"), de.summary)
        // The longer paragraph under the options too, not only the one-line descriptions.
        XCTAssertTrue(de.stdout.contains("beginnen mit einem Apostroph. Ohne --city umfasst"), de.summary)
        XCTAssertFalse(de.stdout.contains("Without --city"), de.summary)
        let backup = try CLI.ok(["backup", "--help", "--lang", "fr"])
        XCTAssertTrue(backup.stdout.contains("Le dossier doit"), backup.summary)
        let undo = try CLI.ok(["undo", "--help", "--lang", "de"])
        XCTAssertTrue(undo.stdout.contains("Die Nummer gibt `twinning import` aus"), undo.summary)
        let match = try CLI.ok(["match", "suggest", "--help", "--lang", "fr"])
        XCTAssertTrue(match.stdout.contains("Proposer aussi des villes du pays"), match.summary)
    }

    func testReportInFrench() throws {
        let fr = try CLI.ok(["report", "--city", "Dortmund", "--year", "2025", "--format", "md", "--lang", "fr", "--db", try demoDB()])
        XCTAssertTrue(fr.stdout.hasPrefix("# Rapport annuel 2025 – Dortmund"), fr.summary)
        XCTAssertTrue(fr.stdout.contains("| Statut : actif |"), fr.summary)
        XCTAssertTrue(fr.stdout.contains("## Participants par pays"), fr.summary)
    }
}

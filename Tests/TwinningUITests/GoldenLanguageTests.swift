import Foundation
import XCTest

/// No known English word on a German golden screen, no known German word on
/// an English one. The words are UI words (not names from the data); a
/// German screen that says "Partnership", "Cancel" or "active" has a text
/// that was never translated, or an English text stored in the database
/// shown as it is.
final class GoldenLanguageTests: XCTestCase {
    static let englishWords: Set<String> = [
        "the", "and", "with", "of", "for", "from", "to", "is", "none", "yet",
        "partnership", "partnerships", "event", "events", "city", "cities", "report", "reports",
        "cancel", "save", "delete", "edit", "new", "quit", "yes", "help", "back", "open",
        "active", "lively", "dormant", "quiet", "ended", "proposed", "health", "population", "since", "until",
        "loading", "more", "created", "changed", "deleted", "undone", "suggested", "similar", "challenges",
        "germany", "france", "kind", "title", "date", "participants", "notes", "country", "contacts",
    ]
    static let germanWords: Set<String> = [
        "und", "mit", "der", "die", "das", "nicht", "noch", "keine", "für", "oder", "von",
        "partnerschaft", "partnerschaften", "begegnung", "begegnungen", "stadt", "städte", "bericht",
        "abbrechen", "speichern", "löschen", "bearbeiten", "neu", "beenden", "hilfe", "zurück",
        "aktiv", "lebendig", "ruhend", "schläft", "zustand", "einwohner", "seit", "bis",
        "angelegt", "geändert", "gelöscht", "rückgängig", "deutschland", "frankreich", "datum", "teilnehmende",
    ]

    static var folder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden") }

    /// The language of a golden file by its name: de-…/…-de-… German, fr-… French, the rest English.
    static func language(_ name: String) -> String {
        if name.hasPrefix("de-") || name.contains("-de-") { return "de" }
        if name.hasPrefix("fr-") || name.contains("-fr-") { return "fr" }
        return "en"
    }

    /// The words on a screen, lowercased; the golden's frame (`|`) and cursor line left out.
    /// Hyphens and dots inside a token keep it whole, so names such as
    /// "Hauts-de-France" and "twinning-events.ics" are not read as words.
    static func words(_ text: String) -> [String] {
        text.components(separatedBy: "\n").filter { !$0.hasPrefix("cursor:") }
            .flatMap { $0.lowercased().split { !($0.isLetter || $0 == "-" || $0 == ".") }.map(String.init) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-.")) }
    }

    /// Words that are data on a screen, not its texts: what the test typed.
    static let typedOnPurpose: [String: Set<String>] = [
        // The city form test types "Deutschland" as a country to show the error.
        "form-city-errors-80x24.txt": ["deutschland"], "form-city-errors-60x16.txt": ["deutschland"],
        "form-city-errors-100x30.txt": ["deutschland"],
        // The project fixture (ProjectFixtures.swift) is written in English: its goals, actions,
        // funding lines and results are data the German screens show as they were typed.
        "projects-de-80x24.txt": ["and", "for", "from", "the", "to"],
        "form-action-de-80x24.txt": ["and", "for", "from", "the", "to"],
        "projects-detail-de-80x24.txt": ["and", "city", "for", "from", "of", "the", "to", "with"],
    ]

    func testNoEnglishWordOnAGermanScreenAndNoGermanWordOnAnEnglishOne() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".actual.txt") }.sorted()
        var german = 0, english = 0
        for file in files {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            let found: [String]
            switch Self.language(file) {
            case "de":
                german += 1
                found = Self.words(text).filter(Self.englishWords.contains)
            case "en":
                english += 1
                found = Self.words(text).filter(Self.germanWords.contains)
            default:
                continue
            }
            XCTAssertEqual(Set(found).subtracting(Self.typedOnPurpose[file] ?? []).sorted(), [], "\(file): words of the other language")
        }
        XCTAssertGreaterThanOrEqual(german, 10, "German screens checked")
        XCTAssertGreaterThanOrEqual(english, 30, "English screens checked")
    }

    func testTheCheckFindsAWordLeftInEnglish() {
        let screen = "|> Dortmund ↔ Leeds   Partnership · aktiv |\ncursor: 2,0\n"
        XCTAssertEqual(Self.words(screen).filter(Self.englishWords.contains), ["partnership"])
        XCTAssertEqual(Self.language("partnerships-de-80x24.txt"), "de")
        XCTAssertEqual(Self.language("de-help-80x24.txt"), "de")
        XCTAssertEqual(Self.language("help-80x24.txt"), "en")
    }
}

import GRDB
import XCTest
@testable import TwinningCore

final class ThemeVocabularyTests: XCTestCase {
    func testClimateInThreeLanguagesAndByNumber() {
        for typed in ["Klima", "climate", "climat", "SDG 13", "sdg13", "13", "ODD 13", "Ziel 13", "Climate action",
                      "Maßnahmen zum Klimaschutz", "Mesures relatives à la lutte contre les changements climatiques"] {
            XCTAssertEqual(ThemeVocabulary.parse(typed), .term(.sdg13, words: nil), typed)
        }
    }

    func testMoreWordsKeepTheWords() {
        XCTAssertEqual(ThemeVocabulary.parse("climate adaptation"), .term(.sdg13, words: "climate adaptation"))
        XCTAssertEqual(ThemeVocabulary.parse("Klimaanpassung"), .term(.sdg13, words: "Klimaanpassung"))
        XCTAssertEqual(ThemeVocabulary.parse("adaptation au climat"), .term(.sdg13, words: "adaptation au climat"))
        // The longest beginning wins: unemployment says more than youth.
        XCTAssertEqual(ThemeVocabulary.parse("youth unemployment").term, .sdg8)
        XCTAssertEqual(ThemeVocabulary.parse("Jugendaustausch").term, .youth)
        XCTAssertEqual(ThemeVocabulary.parse("échanges scolaires").term, .youth)
        XCTAssertEqual(ThemeVocabulary.parse("SDG 11 Nachhaltige Städte").term, .sdg11)
    }

    func testUnknownWordsStayFreeTags() {
        XCTAssertEqual(ThemeVocabulary.parse("Hortillonnages"), .free("Hortillonnages"))
        XCTAssertEqual(ThemeVocabulary.freeTags(["Klima", "Hortillonnages"]), ["Hortillonnages"])
        XCTAssertEqual(ThemeVocabulary.parse("SDG 18"), .free("SDG 18"), "there are 17 goals")
    }

    func testStoredFormReadsBackTheSame() {
        for typed in ["Klima", "climate adaptation", "Hortillonnages", "Kultur", "youth unemployment"] {
            let tag = ThemeVocabulary.parse(typed)
            XCTAssertEqual(ThemeVocabulary.parse(tag.stored), tag, typed)
            XCTAssertEqual(ThemeVocabulary.parse(tag.editable("de")), tag, "what the form shows is read back the same: \(typed)")
        }
        XCTAssertEqual(ThemeVocabulary.parse("Klima").stored, "sdg13")
        XCTAssertEqual(ThemeVocabulary.parse("climate adaptation").stored, "sdg13: climate adaptation")
        XCTAssertEqual(ThemeVocabulary.parse("climate adaptation").display("de"), "Maßnahmen zum Klimaschutz (climate adaptation)")
    }

    func testOfficialLabelsWithoutTheKnownTypos() {
        XCTAssertEqual(ThemeTerm.sdg15.label("de"), "Leben an Land")
        XCTAssertEqual(ThemeTerm.sdg8.label("fr"), "Travail décent et croissance économique")
        XCTAssertEqual(ThemeTerm.sdg7.label("fr"), "Énergie propre et d'un coût abordable")
        XCTAssertEqual(ThemeTerm.allCases.filter { $0.goal != nil }.count, 17)
        for term in ThemeTerm.allCases {
            XCTAssertFalse(term.label("en").isEmpty); XCTAssertFalse(term.label("de").isEmpty); XCTAssertFalse(term.label("fr").isEmpty)
        }
    }

    /// v7 turns old free text into stored forms and loses nothing typed.
    func testMigrationKeepsEveryWord() throws {
        let queue = try DatabaseQueue()
        var migrator = Schema.migrator
        try migrator.migrate(queue, upTo: "v6-import-log")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO city (name, searchKey, countryCode, themes, strengths, challenges)
                VALUES ('Dortmund', 'dortmund', 'DE', '["youth","climate","culture"]', '["structural change","football"]',
                        '["climate adaptation","Hortillonnages"]')
                """)
        }
        migrator = Schema.migrator
        try migrator.migrate(queue)
        let row = try queue.read { db in try Row.fetchOne(db, sql: "SELECT themes, strengths, challenges FROM city")! }
        XCTAssertEqual(row["themes"] as String, #"["youth","sdg13","culture"]"#)
        XCTAssertEqual(row["strengths"] as String, #"["sdg9: structural change","sport: football"]"#)
        XCTAssertEqual(row["challenges"] as String, #"["sdg13: climate adaptation","Hortillonnages"]"#)
        XCTAssertTrue(try queue.read { try Schema.migrator.completedMigrations($0) }.contains("v8-theme-vocabulary"))
    }
}

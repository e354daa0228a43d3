import Foundation
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// The text catalogue (`Sources/TwinningCore/Resources/Texts/*.txt`): every key
/// the Swift side names exists in every language, with the same placeholders,
/// and nothing is left in English by oversight.
final class CatalogueTests: XCTestCase {
    /// Every typed key of the program: the screens, key names, reports, the command line, the error messages.
    static let typedKeys: [String] = S.allCases.map(\.catalogueKey) + KeyText.allCases.map(\.catalogueKey)
        + ReportText.allCases.map(\.catalogueKey) + CLIText.allCases.map(\.catalogueKey)
        + MatchFeature.allCases.map(\.catalogueKey) + ReasonText.allCases.map(\.catalogueKey)
        + ErrorText.allCases.map(\.catalogueKey)

    /// Texts that are the same as the English one on purpose: words both languages
    /// share, symbols, units, and the key names German screens have always shown.
    static let sameAsEnglish: [String: Set<String>] = [
        "de": ["ui.barFilter", "ui.colName", "ui.fieldName", "ui.colRegion", "ui.detailRegion", "ui.fieldRegion",
               "ui.colStatus", "ui.fieldStatus", "ui.filterPrompt", "ui.understoodDate", "ui.colYouth", "ui.colRank",
               "ui.formatOnline", "ui.formatHybrid", "ui.barExport", "report.formatOnline", "report.formatHybrid", "report.status", "report.format",
               "report.partner", "report.icalFormat", "report.verdict", "report.labelled", "report.listSeparator",
               "key.enter", "key.escape", "report.yearColumn",
               // The frames of an error message: "youth: …", "events.csv:3: …", "a; b" are written the same in German.
               "error.field", "error.inFile", "error.inFileLine", "error.list"],
        "fr": ["ui.yesKey", "ui.fieldLatitude", "ui.fieldLongitude", "ui.detailNotes", "ui.fieldNotes", "ui.colType", "ui.fieldType",
               "ui.colDate", "ui.fieldStart", "ui.detailSource", "ui.understoodDate", "ui.colYouth", "ui.colRank",
               "ui.colScore", "ui.barExport", "ui.barMode", "ui.detailContacts", "ui.acceptContact", "ui.typeContact", "ui.changeContact", "ui.changeProjectAction",
               "ui.fieldParticipants", "ui.detailParticipants", "ui.reportParticipants",
               "report.date", "report.participants", "key.ctrl", "cli.colDate", "cli.colType",
                "cli.colCandidate", "cli.colDistance", "cli.colScore", "report.yearColumn",
                "ui.barAddAction", "ui.detailDescription", "ui.fieldSummary"],
    ]

    let catalogue = Catalogue.shared

    func testTheFilesShippedReadWithoutProblems() {
        XCTAssertEqual(catalogue.problems, [])
        XCTAssertEqual(Set(catalogue.texts.keys), Set(Catalogue.languages))
    }

    func testEveryTypedKeyHasATextAndEveryTextAKey() {
        let english = Set((catalogue.texts["en"] ?? [:]).keys)
        let typed = Set(Self.typedKeys)
        XCTAssertEqual(typed.count, Self.typedKeys.count, "two enums map to the same key")
        XCTAssertEqual(typed.subtracting(english).sorted(), [], "keys without an English text")
        XCTAssertEqual(english.subtracting(typed).sorted(), [], "texts no code asks for")
    }

    func testEveryLanguageHasEveryKeyWithTheSamePlaceholders() {
        let english = catalogue.texts["en"] ?? [:]
        for language in Catalogue.languages where language != "en" {
            let texts = catalogue.texts[language] ?? [:]
            XCTAssertEqual(Set(english.keys).subtracting(texts.keys).sorted(), [], "missing in \(language)")
            XCTAssertEqual(Set(texts.keys).subtracting(english.keys).sorted(), [], "only in \(language)")
            for (key, text) in texts {
                XCTAssertFalse(text.isEmpty, "\(language) \(key) is empty")
                XCTAssertEqual(Catalogue.placeholders(text), Catalogue.placeholders(english[key] ?? ""),
                               "\(language) \(key): other placeholders than English")
            }
        }
    }

    func testNothingIsLeftInEnglishExceptWhatIsTheSameOnPurpose() {
        let english = catalogue.texts["en"] ?? [:]
        for language in Catalogue.languages where language != "en" {
            let texts = catalogue.texts[language] ?? [:]
            let same = Set(texts.filter { english[$0.key] == $0.value }.keys)
            let allowed = Self.sameAsEnglish[language] ?? []
            XCTAssertEqual(same.subtracting(allowed).sorted(), [], "\(language): still English")
            XCTAssertEqual(allowed.subtracting(same).sorted(), [], "\(language): whitelisted but translated now")
        }
    }

    func testABrokenLineIsReportedWithFileAndLine() {
        let content = "# comment\nui.a = \"fine\"\nui.b = no quotes\nui.c \"x\"\nui.a = \"again\"\nbad key = \"x\"\nui.d = \"lone \" quote\""
        let (entries, problems) = Catalogue.parse(content, file: "fr.txt")
        XCTAssertEqual(entries["ui.a"], "again")
        XCTAssertEqual(problems.map(\.line), [3, 4, 5, 6, 7])
        XCTAssertEqual(problems[0].description, "fr.txt:3: the text of ui.b must stand in double quotes")
        XCTAssertEqual(problems[2].description, "fr.txt:5: ui.a appears twice")
        XCTAssertEqual(Catalogue.parse(#"k = "a \"b\" \\ c\nd""#, file: "x").entries["k"], "a \"b\" \\ c\nd")
    }

    /// The byte-wise parser reads exactly what the scalar-wise one reads: the
    /// three catalogues, and lines with unusual spaces, keys and escapes.
    func testTheFastParserEqualsTheScalarParser() throws {
        var contents: [String] = []
        for language in Catalogue.languages {
            let url = try DataFiles.url(for: "Texts/\(language).txt")
            contents.append(try String(contentsOf: url, encoding: .utf8))
        }
        contents.append([
            "\u{00A0}ui.a = \"nbsp before\"", "ui.b =\u{00A0}\"nbsp after the equals\"", "ui.c = \"nbsp after\"\u{2003}",
            "ui.d = \"crlf\"\r", "  ui.e\t=\t\"tabs\"  ", "ui.f = \"\"", "ui.g = \"", "ui.h = \"a \\q b\"", "ui.ü = \"umlaut key\"",
            "= \"no key\"", "ui.i \"no equals\"", "ui.j = \"x\" y", "ui.k = \"lone \" in\"", "ui.l = \"esc \\n \\\\ \\\"\"",
            "# comment", "", "ui.a = \"twice\"", "ui.m = \"no end", "ui.n=\"tight\"", "ui.o = \"ends with backslash\\\"",
        ].joined(separator: "\n") + "\n")
        for content in contents {
            let fast = Catalogue.parse(content, file: "x.txt"), slow = Catalogue.parseScalars(content, file: "x.txt")
            XCTAssertEqual(fast.entries, slow.entries)
            XCTAssertEqual(fast.problems, slow.problems)
        }
        XCTAssertGreaterThan(Catalogue.parse(contents[0], file: "en.txt").entries.count, 1000)
        XCTAssertEqual(Catalogue.parse(contents.last!, file: "x").entries["ui.b"], "nbsp after the equals")
    }

    func testAMissingTextFallsBackToEnglishThenToTheKey() {
        var catalogue = Catalogue()
        catalogue.add(language: "en", file: "en", content: #"ui.x = "Hello {1}""#)
        catalogue.add(language: "fr", file: "fr", content: "")
        XCTAssertEqual(catalogue.text("ui.x", "fr", ["Amiens"]), "Hello Amiens")
        XCTAssertEqual(catalogue.text("ui.y", "fr"), "ui.y")
    }

    func testFrenchNumbersDatesAndKeysFollowFrenchConventions() throws {
        XCTAssertEqual(Formatting.number(1234567, .fr), "1\u{202F}234\u{202F}567")
        XCTAssertEqual(Formatting.number(-5, .fr), "-5")
        XCTAssertEqual(Formatting.number(Int.min, .en), "-9,223,372,036,854,775,808")
        XCTAssertEqual(Formatting.decimal(1234.5, digits: 1, .fr), "1\u{202F}234,5")
        XCTAssertEqual(ReportWords.percent(0.42, .fr), "42\u{202F}%")
        let date = try XCTUnwrap(PartialDate.parse("14/05/2026"))
        XCTAssertEqual(date, PartialDate.parse("2026-05-14"))
        XCTAssertEqual(date.display(.fr), "14/05/2026")
        XCTAssertEqual(PartialDate.parse("05/2026")?.display(.fr), "05/2026")
        XCTAssertNil(PartialDate.parse("14/05.2026"))
        // The weekday and month table gives what ICU writes for fr_FR.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE d MMMM y"
        for day in 10...16 {
            let d = try XCTUnwrap(PartialDate(year: 2026, month: 5, day: day))
            let components = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                            year: 2026, month: 5, day: day)
            XCTAssertEqual(Formatting.longDate(d, .fr), formatter.string(from: try XCTUnwrap(components.date)))
        }
        XCTAssertEqual(Key.escape.name(.fr), "Échap")
        XCTAssertEqual(Key.ctrl("s").name(.fr), "Ctrl-S")
        XCTAssertEqual(Key.escape.name(.de), "Esc")
        XCTAssertEqual(Language.detect(option: nil, environment: ["LANG": "fr_FR.UTF-8"]), .fr)
        XCTAssertEqual(Language.detect(option: "fr", environment: ["LANG": "de_DE.UTF-8"]), .fr)
        XCTAssertEqual(Language.detect(option: nil, environment: ["LANG": "it_IT.UTF-8"]), .en)
    }

    func testTheReportsSpeakFrench() throws {
        let check = FundingCheck.check(Event(partnershipId: 1, title: "x", kind: .visit, startDate: try XCTUnwrap(PartialDate(year: 2025)),
                                             participants: 49), hostCountry: "FR")
        XCTAssertEqual(check.summary(.fr), "Non éligible : seulement 49 participants, au moins 50 requis ; "
                       + "la répartition par pays n’est pas renseignée, les participants invités de l’étranger ne peuvent pas être comptés (au moins 25 requis)")
        XCTAssertEqual(ReportWords.kind(.youth_exchange).fr, "échange de jeunes")
        XCTAssertEqual(Health.dormant.text.fr, "endormi")
    }
}

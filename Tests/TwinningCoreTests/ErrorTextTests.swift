import Foundation
import GRDB
import XCTest
@testable import TwinningCore

/// The error messages a volunteer sees (`ErrorText`, `error.*` in the
/// catalogue): translated, with the same placeholders, and said in German and
/// French by the errors themselves while their English stays as it was.
final class ErrorTextTests: XCTestCase {
    /// The frames of a message ("youth: …", "cities.csv:3: …", "a; b") are written alike in German.
    static let sameInGerman: Set<ErrorText> = [.field, .inFile, .inFileLine, .list]

    func testEveryErrorTextIsTranslatedWithTheSamePlaceholders() throws {
        let texts = Catalogue.shared.texts
        for key in ErrorText.allCases {
            let english = try XCTUnwrap(texts["en"]?[key.catalogueKey], "\(key.catalogueKey) has no English text")
            for language in ["de", "fr"] {
                let text = try XCTUnwrap(texts[language]?[key.catalogueKey], "\(key.catalogueKey) has no \(language) text")
                if !(language == "de" && Self.sameInGerman.contains(key)) {
                    XCTAssertNotEqual(text, english, "\(language) \(key.catalogueKey) is still English")
                }
                XCTAssertEqual(Catalogue.placeholders(text), Catalogue.placeholders(english),
                               "\(language) \(key.catalogueKey): other placeholders than English")
            }
        }
        for key in Self.sameInGerman { XCTAssertEqual(texts["de"]?[key.catalogueKey], texts["en"]?[key.catalogueKey]) }
        // The import's date forms are said in words by the catalogue; English must stay the constant's.
        XCTAssertEqual(ErrorText.dateForms.text("en"), PartialDate.acceptedForms)
    }

    func testAValidationErrorSaysItselfInEveryLanguage() {
        let tooMany = error { try Validation.count(2_000_000, field: "participants") }
        XCTAssertEqual(tooMany?.description, "participants: must be at most 1,000,000, not 2000000", "English as before")
        XCTAssertEqual(tooMany?.text("en"), tooMany?.description)
        XCTAssertEqual(tooMany?.text("de"), "participants: darf höchstens 1.000.000 sein, nicht 2000000")
        XCTAssertEqual(tooMany?.text("fr"), "participants : doit valoir au plus 1\u{202F}000\u{202F}000, et non 2000000")

        let youth = error { try Event(partnershipId: 1, title: "x", kind: .visit, startDate: PartialDate(year: 2026)!,
                                      participants: 10, youth: 20).validate() }
        XCTAssertEqual(youth?.description, "youth: under-30s (20) cannot exceed participants (10)")
        XCTAssertEqual(youth?.text("fr"), "youth : les moins de 30 ans (20) ne peuvent pas être plus nombreux que les participants (10)")

        // Dates in the language's own way; the field keeps the name the user typed.
        let end = error { try Event(partnershipId: 1, title: "x", kind: .visit, startDate: PartialDate(year: 2026, month: 5, day: 14)!,
                                    endDate: PartialDate(year: 2026, month: 5, day: 1)).validate() }
        XCTAssertEqual(end?.description, "end: (2026-05-01) is before the start (2026-05-14)")
        XCTAssertEqual(end?.text("de"), "end: (01.05.2026) liegt vor dem Beginn (14.05.2026)")
        XCTAssertEqual(end?.text("fr"), "end : (01/05/2026) est avant le début (14/05/2026)")

        // A message not yet in the catalogue is English in every language.
        let english = ValidationError(field: "x", message: "plain English")
        XCTAssertEqual(english.text("fr"), "x : plain English")
        XCTAssertNil(english.phrase.key)
    }

    func testAnImportErrorNamesFileAndLineAndSaysTheValidationInside() throws {
        let database = try Fixtures.database()
        let importer = Importer(database: database, logged: false)
        _ = try importer.importPartnerships(Table.parse(data: Data("geonameid_a,geonameid_b\n2935517,3037854\n".utf8), file: "pairs.csv"))
        let events = try Table.parse(data: Data("geonameid_a,geonameid_b,start,participants,youth\n2935517,3037854,2026-05-14,10,20\n".utf8),
                                     file: "events.csv")
        XCTAssertThrowsError(try importer.importEvents(events)) { error in
            guard let error = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.description, "events.csv:2: youth: under-30s (20) cannot exceed participants (10)")
            XCTAssertEqual(error.text("de"), "events.csv:2: youth: Unter-30-Jährige (20) können nicht mehr sein als Teilnehmende (10)")
            XCTAssertEqual(error.text("fr"),
                           "events.csv:2 : youth : les moins de 30 ans (20) ne peuvent pas être plus nombreux que les participants (10)")
        }
        // A cell that is not a number; a file without a line.
        let cities = try Table.parse(data: Data("name,country_code,population\nNeustadt,DE,12x\n".utf8), file: "cities.csv")
        XCTAssertThrowsError(try importer.importCities(cities)) { error in
            XCTAssertEqual("\(error)", "cities.csv:2: population: \"12x\" is not a whole number")
            XCTAssertEqual((error as? ImportError)?.text("de"), "cities.csv:2: population: „12x“ ist keine ganze Zahl")
        }
        XCTAssertThrowsError(try Table.read(path: "/nonexistent/cities.csv")) { error in
            XCTAssertEqual((error as? ImportError)?.text("fr"), "/nonexistent/cities.csv : fichier introuvable")
        }
        // Count forms: "eine Spalte", "1 colonne"; English as it always was.
        XCTAssertThrowsError(try Table.parse(data: Data("a,b\n1,2\n3\n".utf8), file: "p.csv")) { error in
            guard let error = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.description, "p.csv:3: has 1 columns, but the header has 2")
            XCTAssertEqual(error.text("de"), "p.csv:3: hat eine Spalte, die Kopfzeile aber 2")
            XCTAssertEqual(error.text("fr"), "p.csv:3 : a 1 colonne, mais l’en-tête en a 2")
        }
    }

    func testAnAppErrorSaysItselfInEveryLanguage() {
        let full = AppError.from(DatabaseError(resultCode: .SQLITE_FULL), path: "/srv/twinning.sqlite")
        XCTAssertEqual("\(full)", "The disk is full: nothing was saved (/srv/twinning.sqlite).")
        XCTAssertEqual(Phrase(full).text("de"), "Der Datenträger ist voll: Nichts wurde gespeichert (/srv/twinning.sqlite).")
        XCTAssertEqual(Phrase(full).text("fr"), "Le disque est plein : rien n’a été enregistré (/srv/twinning.sqlite).")

        // A refused value inside an AppError is said with its field.
        let pair = AppError.from(DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "CHECK constraint failed: partnership_not_self"))
        XCTAssertEqual((pair as? AppError)?.description, "cities: a city cannot be partnered with itself")
        XCTAssertEqual((pair as? AppError)?.text("fr"), "cities : une ville ne peut pas être jumelée avec elle-même")

        // Numbers grouped the language's way, inside a phrase inside a phrase.
        let undo = AppError.conflict(Phrase(.cannotUndo, "events.csv: 1234 added", .phrase(Phrase(.undoNewEvents, .number(1234)))))
        XCTAssertEqual(undo.description, "Cannot undo “events.csv: 1234 added”: 1,234 events were added to its rows since.")
        XCTAssertEqual(undo.text("de"), "„events.csv: 1234 added“ lässt sich nicht rückgängig machen: seitdem wurden 1.234 Begegnungen zu seinen Zeilen hinzugefügt.")
        XCTAssertEqual(undo.text("fr"), "Impossible d’annuler « events.csv: 1234 added » : 1\u{202F}234 rencontres ont été ajoutées à ses lignes depuis.")
        XCTAssertEqual(AppError.notFound(Phrase(.undoNewEvents, .number(1))).text("de"), "seitdem wurde eine Begegnung zu seinen Zeilen hinzugefügt")

        // Several problems: "a; b" and "a ; b".
        let list = Phrase.joined([Phrase(.backupOrphans, "2"), Phrase(.backupRowCount, "city", "3", "4")])
        XCTAssertEqual(list.english, "2 record(s) refer to something missing; city has 3 rows instead of 4")
        XCTAssertEqual(list.text("fr"), "2 fiches renvoient à quelque chose qui manque ; city a 3 lignes au lieu de 4")

        // A string literal still makes an (English-only) AppError, for sites not yet in the catalogue.
        XCTAssertEqual(AppError.notFound("Plain English.").text("de"), "Plain English.")
    }

    /// What the register refuses when a record is saved, found or removed:
    /// real operations on a database in memory, said in French and German,
    /// English as before.
    func testTheRegisterSaysWhatItRefusesInEveryLanguage() throws {
        let database = try Fixtures.database()
        let dortmund = try Fixtures.id(database, 2935517), amiens = try Fixtures.id(database, 3037854)
        let pair = try database.addPartnership(Partnership(between: dortmund, and: amiens))

        // Someone else deleted it while it was being edited.
        var gone = pair
        gone.id = 999
        XCTAssertThrowsError(try database.updatePartnership(gone)) { error in
            XCTAssertEqual("\(error)", "The partnership 999 was deleted by someone else while you were editing it.")
            XCTAssertEqual(Phrase(error).text("fr"), "Le jumelage 999 a été supprimé par quelqu’un d’autre pendant que vous le modifiiez.")
            XCTAssertEqual(Phrase(error).text("de"), "Die Partnerschaft 999 wurde von jemand anderem gelöscht, während Sie sie bearbeitet haben.")
        }
        // Someone else saved it first.
        var stale = pair
        stale.notes = "theirs"
        _ = try database.updatePartnership(stale)
        XCTAssertThrowsError(try database.updatePartnership(pair)) { error in
            XCTAssertEqual(Phrase(error).text("fr"), "Le jumelage \(pair.id!) a été changé par quelqu’un d’autre pendant que vous le modifiiez.")
        }
        XCTAssertThrowsError(try database.removePartnership(id: 999)) { error in
            XCTAssertEqual("\(error)", "There is no partnership 999.")
            XCTAssertEqual(Phrase(error).text("fr"), "Il n’y a pas de jumelage 999.")
            XCTAssertEqual(Phrase(error).text("de"), "Es gibt keine Partnerschaft 999.")
        }
        // The same pair again: the names and the number of the partnership they have.
        XCTAssertThrowsError(try database.write { db in
            try AppDatabase.checkPairIsNew(db, Partnership(between: amiens, and: dortmund))
        }) { error in
            XCTAssertEqual("\(error)", "cities: Dortmund and Amiens are already partners (partnership \(pair.id!))")
            XCTAssertEqual(Phrase(error).text("fr"), "cities : Dortmund et Amiens sont déjà jumelées (jumelage \(pair.id!))")
        }
        // A project that names a city the register does not have; a title that fits several projects.
        let camp = Project(title: "Camp", cities: [ProjectCity(cityId: dortmund), ProjectCity(cityId: 4242)])
        XCTAssertThrowsError(try database.addProject(camp)) { error in
            XCTAssertEqual("\(error)", "cities: there is no city 4242")
            XCTAssertEqual(Phrase(error).text("de"), "cities: es gibt keine Stadt 4242")
        }
        let first = try database.addProject(Project(title: "Youth camp", cities: [ProjectCity(cityId: dortmund), ProjectCity(cityId: amiens)]))
        let second = try database.addProject(Project(title: "Youth choir", cities: [ProjectCity(cityId: dortmund), ProjectCity(cityId: amiens)]))
        XCTAssertThrowsError(try database.lookupProject("youth")) { error in
            XCTAssertEqual("\(error)", "“youth” fits 2 projects: Youth camp (\(first.id!)), Youth choir (\(second.id!)). Give the id.")
            XCTAssertEqual(Phrase(error).text("fr"),
                           "« youth » correspond à 2 projets : Youth camp (\(first.id!)), Youth choir (\(second.id!)). Indiquez le numéro.")
        }
        XCTAssertThrowsError(try database.removeAction(id: 77)) { error in
            XCTAssertEqual(Phrase(error).text("de"), "Es gibt keine Aufgabe 77.")
        }
    }

    /// A file that is not written, and a weight profile that cannot be read, in every language.
    func testFilesNotWrittenAndWeightProfilesNotReadAreSaidInEveryLanguage() throws {
        XCTAssertEqual(SafeWriteError.exists("out.csv").description, "out.csv already exists; it was not replaced.")
        XCTAssertEqual(SafeWriteError.exists("out.csv").text("de"), "out.csv gibt es schon; die Datei wurde nicht ersetzt.")
        XCTAssertEqual(Phrase(SafeWriteError.noFolder(path: "x/out.csv", folder: "x")).text("fr"),
                       "Impossible d’écrire x/out.csv : le dossier x n’existe pas.")
        XCTAssertEqual(SafeWriteError.failed(path: "out.csv", reason: "disk full").description, "Cannot write out.csv: disk full")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("youth.weights")
        try Data("mode = learn\nthemes = lots\n".utf8).write(to: file)
        XCTAssertThrowsError(try WeightProfile.load(named: "youth", directory: folder)) { error in
            XCTAssertEqual("\(error)", "\(file.path): line 2: the weight of themes must be a number from 0 to 1000000, not \"lots\"")
            XCTAssertEqual(Phrase(error).text("de"), "\(file.path): Zeile 2: das Gewicht von themes muss eine Zahl von 0 bis 1000000 sein, nicht „lots“")
            XCTAssertEqual(Phrase(error).text("fr"),
                           "\(file.path) : ligne 2 : le poids de themes doit être un nombre de 0 à 1000000, et non « lots »")
        }
    }

    /// `twinning check` says what it found in the volunteer's language; `notes` stay English.
    func testTheChecksNotesAreSaidInEveryLanguage() throws {
        let report = try Fixtures.database().check()
        XCTAssertTrue(report.isHealthy, "\(report.problems)")
        XCTAssertEqual(report.notes.first, "10 cities (0 in the register), 0 partnerships, 0 events, 0 contacts.")
        XCTAssertEqual(report.notePhrases.first?.text("de"), "10 Städte (0 im Register), 0 Partnerschaften, 0 Begegnungen, 0 Kontakte.")
        XCTAssertEqual(report.notePhrases.first?.text("fr"), "10 villes (0 dans le registre), 0 jumelages, 0 rencontres, 0 contacts.")
        XCTAssertEqual(Phrase(.checkOrphans, "1", "event").text("de"), "In event: Ein Eintrag verweist auf etwas, das es nicht mehr gibt.")
        XCTAssertEqual(Phrase(.checkOrphans, "3", "event").text("fr"), "Dans event, 3 fiches renvoient à quelque chose qui n’existe plus.")
        XCTAssertEqual(Phrase(.checkOrphans, "3", "event").english, "3 record(s) in event refer to something that no longer exists.")
    }

    private func error(_ body: () throws -> Void) -> ValidationError? {
        do { try body() } catch let error as ValidationError { return error } catch { XCTFail("\(error)") }
        return nil
    }
}

import XCTest
import GRDB
@testable import TwinningCore

/// `export projects` → `import projects`: exact, all or nothing, undoable.
final class ProjectTransferTests: XCTestCase {
    // The shared sample (ProjectSample.swift): three cities, a contact, funding, figures, a formula, two actions.
    func seeded() throws -> AppDatabase { try ProjectSample.seeded() }
    func sample(_ db: AppDatabase) throws -> Int64 { try ProjectSample.sample(db) }

    func testRoundTripIntoAnEmptyRegisterMakesTheContacts() throws {
        let source = try seeded()
        _ = try sample(source)
        let exported = try ProjectTransfer.exportJSON(source)
        let target = try Fixtures.database()
        let dortmund = try Fixtures.id(target, 2935517), amiens = try Fixtures.id(target, 3037854)
        _ = try target.addPartnership(Partnership(between: dortmund, and: amiens))
        XCTAssertEqual(try Importer(database: target).importProjects(json: exported, file: "p.json").added, 1)
        XCTAssertEqual(try ProjectTransfer.exportJSON(target), exported)
    }

    func testRoundTripIntoAnotherDatabaseIsExact() throws {
        let source = try seeded()
        _ = try sample(source)
        let exported = try ProjectTransfer.exportJSON(source)
        let target = try seeded()
        let report = try Importer(database: target).importProjects(json: exported, file: "p.json")
        XCTAssertEqual(report.added, 1)
        XCTAssertEqual(try ProjectTransfer.exportJSON(target), exported)
        let again = try Importer(database: target).importProjects(json: exported, file: "p.json")
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(again.unchanged, 1)
        let record = try XCTUnwrap(target.projectRecords().first)
        XCTAssertEqual(record.project.funding[0].amountMinor, 2_200_050)
        XCTAssertEqual(record.project.themes, ["sdg13", "pétanque"])
        XCTAssertEqual(record.actions.map(\.what), ["Apply", "Report"])
        XCTAssertNotNil(record.actions[0].ownerContactId)
    }

    func testImportIsAllOrNothingAndSaysWhere() throws {
        let source = try seeded()
        _ = try sample(source)
        var text = try ProjectTransfer.exportJSON(source)
        // A second project, broken: one city only.
        let second = """
            ,{"title": "Alone", "cities": [{"geonameid": 2935517, "name": "Dortmund", "country": "DE", "role": "lead"}]}]
            """
        text = String(text.trimmingCharacters(in: .whitespacesAndNewlines).dropLast()) + second
        let target = try seeded()
        XCTAssertThrowsError(try Importer(database: target).importProjects(json: text, file: "p.json")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("p.json:") && message.contains("Alone") && message.contains("cities"), message)
        }
        XCTAssertEqual(try target.projectCount(), 0, "nothing imported")
    }

    func testUnknownCityAndContactAreNamed() throws {
        let target = try seeded()
        let text = """
            [{"title": "X", "cities": [{"name": "Nowhere", "country": "DE", "role": "lead"},
                                       {"geonameid": 2935517, "name": "Dortmund", "country": "DE", "role": "partner"}]}]
            """
        XCTAssertThrowsError(try Importer(database: target).importProjects(json: text, file: "p.json")) { error in
            XCTAssertTrue("\(error)".contains("cities[0]") && "\(error)".contains("Nowhere"), "\(error)")
        }
        // A contact the database lacks is made, with its city; without a city or partnership it cannot be.
        let contact = """
            [{"title": "X", "contacts": [{"name": "Nobody"}], "cities": [{"geonameid": 3037854, "name": "Amiens", "country": "FR", "role": "lead"},
                                       {"geonameid": 2935517, "name": "Dortmund", "country": "DE", "role": "partner"}]}]
            """
        XCTAssertThrowsError(try Importer(database: target).importProjects(json: contact, file: "p.json")) { error in
            XCTAssertTrue("\(error)".contains("contacts[0].city") && "\(error)".contains("Nobody"), "\(error)")
        }
        let made = contact.replacingOccurrences(of: #"{"name": "Nobody"}"#,
                                                with: #"{"name": "Nobody", "city": {"geonameid": 3037854, "name": "Amiens", "country": "FR", "role": "partner"}}"#)
        XCTAssertEqual(try Importer(database: target).importProjects(json: made, file: "p.json").added, 1)
        XCTAssertEqual(try target.contacts().map(\.name).sorted(), ["Claire Dubois", "Nobody"])
    }

    func testImportCanBeUndoneAsOneStep() throws {
        let source = try seeded()
        _ = try sample(source)
        let target = try seeded()
        let report = try Importer(database: target).importProjects(json: try ProjectTransfer.exportJSON(source), file: "p.json")
        XCTAssertEqual(try target.projectCount(), 1)
        _ = try target.undoImport(id: try XCTUnwrap(report.changeId))
        XCTAssertEqual(try target.projectCount(), 0)
        XCTAssertEqual(try target.actionsDue(includeDone: true).count, 0, "its actions went with it")
    }
}

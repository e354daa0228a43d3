import XCTest
import GRDB
@testable import TwinningCore

/// `export projects --format csv` (a folder, one file per table) → `import projects FOLDER`: exact, all or nothing.
final class ProjectCSVTests: XCTestCase {
    let transfer = ProjectSample.self

    func folder(_ files: [(name: String, text: String)]) throws -> String {
        let dir = NSTemporaryDirectory() + "projects-csv-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        for f in files { try f.text.write(toFile: dir + "/" + f.name, atomically: true, encoding: .utf8) }
        return dir
    }

    func text(_ files: [(name: String, text: String)], _ name: String) -> String { files.first { $0.name == name }!.text }

    func testEveryTableIsAFileKeyedByProject() throws {
        let source = try transfer.seeded()
        _ = try transfer.sample(source)
        let files = try ProjectCSV.export(source)
        XCTAssertEqual(files.map(\.name), ProjectCSV.files.map(\.name))
        XCTAssertTrue(text(files, "projects.csv").hasPrefix("project,title,summary,status,start,end,goals,results,notes\n1,Jeunes pour le climat,"))
        XCTAssertEqual(text(files, "project_cities.csv").split(separator: "\n").count, 4, "header + three cities")
        XCTAssertTrue(text(files, "project_funding.csv").contains("1,CERV,22000.50,EUR,paid,"), text(files, "project_funding.csv"))
        XCTAssertTrue(text(files, "project_indicators.csv").contains("1,1.5,t CO2"))
        XCTAssertTrue(text(files, "project_themes.csv").contains("1,sdg13\n1,pétanque"))
        // A formula in the results is neutralised as in every CSV export, and restored on import.
        XCTAssertTrue(text(files, "projects.csv").contains("\"'=HYPERLINK(\"\"x\"\")\""), text(files, "projects.csv"))
        XCTAssertTrue(text(files, "contacts.csv").contains("Claire Dubois"))
        XCTAssertEqual(text(files, "project_actions.csv").split(separator: "\n").count, 3)
    }

    func testExportImportExportIsExactAndAgainUnchanged() throws {
        let source = try transfer.seeded()
        _ = try transfer.sample(source)
        let files = try ProjectCSV.export(source)
        let dir = try folder(files)
        // Into an empty register: the contact is made from contacts.csv.
        let target = try Fixtures.database()
        _ = try target.addPartnership(Partnership(between: try Fixtures.id(target, 2935517), and: try Fixtures.id(target, 3037854)))
        XCTAssertEqual(try Importer(database: target).importProjects(csvFolder: dir + "/projects.csv").added, 1)
        let again = try ProjectCSV.export(target)
        for (a, b) in zip(files, again) { XCTAssertEqual(a.text, b.text, a.name) }
        XCTAssertEqual(try ProjectTransfer.exportJSON(target), try ProjectTransfer.exportJSON(source), "the same as the JSON form says")
        let second = try Importer(database: target).importProjects(csvFolder: dir)
        XCTAssertEqual(second.added, 0)
        XCTAssertEqual(second.unchanged, 1)
    }

    func testBadRowNamesFileLineAndFieldAndWritesNothing() throws {
        let source = try transfer.seeded()
        _ = try transfer.sample(source)
        var files = try ProjectCSV.export(source)
        let i = files.firstIndex { $0.name == "project_funding.csv" }!
        files[i].text = files[i].text.replacingOccurrences(of: "22000.50", with: "lots")
        let target = try transfer.seeded()
        XCTAssertThrowsError(try Importer(database: target).importProjects(csvFolder: try folder(files))) { error in
            XCTAssertEqual("\(error)".components(separatedBy: ": project").first, "project_funding.csv:2", "\(error)")
            XCTAssertTrue("\(error)".contains("funding[0].amount") && "\(error)".contains("lots"), "\(error)")
        }
        XCTAssertEqual(try target.projectCount(), 0)

        files = try ProjectCSV.export(source)
        let a = files.firstIndex { $0.name == "project_actions.csv" }!
        files[a].text += "7,Orphan,,,,,\n"
        XCTAssertThrowsError(try Importer(database: target).importProjects(csvFolder: try folder(files))) { error in
            XCTAssertTrue("\(error)".hasPrefix("project_actions.csv:4: project: there is no project with the key \"7\""), "\(error)")
        }
        files = try ProjectCSV.export(source)
        let c = files.firstIndex { $0.name == "project_cities.csv" }!
        files[c].text = files[c].text.replacingOccurrences(of: ",lead", with: ",boss")
        XCTAssertThrowsError(try Importer(database: target).importProjects(csvFolder: try folder(files))) { error in
            XCTAssertTrue("\(error)".hasPrefix("project_cities.csv:2: ") && "\(error)".contains("cities[0].role"), "\(error)")
        }
        XCTAssertEqual(try target.projectCount(), 0, "nothing imported")
    }

    func testMissingColumnAndMissingMainFileAreNamed() throws {
        let source = try transfer.seeded()
        _ = try transfer.sample(source)
        var files = try ProjectCSV.export(source)
        let i = files.firstIndex { $0.name == "project_indicators.csv" }!
        files[i].text = "project,value\n1,3\n"
        let target = try transfer.seeded()
        XCTAssertThrowsError(try Importer(database: target).importProjects(csvFolder: try folder(files))) { error in
            XCTAssertTrue("\(error)".hasPrefix("project_indicators.csv:1: the column \"unit\" is missing"), "\(error)")
        }
        let empty = try folder([])
        XCTAssertThrowsError(try Importer(database: target).importProjects(csvFolder: empty)) { error in
            XCTAssertTrue("\(error)".contains("projects.csv") && "\(error)".contains("no such file"), "\(error)")
        }
    }

    /// Only the needed files: the others may be left out (no rows).
    func testAHandWrittenMinimalFolderImports() throws {
        let target = try transfer.seeded()
        let dir = try folder([
            ("projects.csv", "project,title,summary,status,start,end,goals,results,notes\nA,Hand made,,planned,2027,,,,\n"),
            ("project_cities.csv", "project,geonameid,name,country,role\nA,,Dortmund,DE,lead\nA,3037854,Amiens,FR,partner\n"),
        ])
        XCTAssertEqual(try Importer(database: target).importProjects(csvFolder: dir).added, 1)
        let p = try XCTUnwrap(target.projectRecords().first?.project)
        XCTAssertEqual(p.title, "Hand made")
        XCTAssertEqual(p.status, .planned)
        XCTAssertEqual(p.cities.map(\.role), [.lead, .partner])
    }

    /// Text that CSV and spreadsheets find awkward comes back as it was.
    func testAwkwardTextSurvives() throws {
        let db = try transfer.seeded()
        let id = try transfer.sample(db)
        var p = try XCTUnwrap(db.project(id: id))
        p.notes = "-5 Grad, \"kalt\"; 'quoted'\nzweite Zeile\n  trailing  "
        p.goals = "@Rathaus\t+ '=x"
        p.summary = "''"
        _ = try db.updateProject(p)
        let files = try ProjectCSV.export(db)
        let target = try transfer.seeded()
        _ = try Importer(database: target).importProjects(csvFolder: try folder(files))
        let back = try XCTUnwrap(target.projectRecords().first?.project)
        let saved = try XCTUnwrap(db.project(id: id))
        XCTAssertEqual(back.notes, saved.notes)
        XCTAssertEqual(back.goals, saved.goals)
        XCTAssertEqual(back.summary, saved.summary)
        for (a, b) in zip(files, try ProjectCSV.export(target)) { XCTAssertEqual(a.text, b.text, a.name) }
    }
}

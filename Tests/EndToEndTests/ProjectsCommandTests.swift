import Foundation
import TwinningTestSupport
import XCTest

/// `twinning projects …`, `events add --project`, `import/export projects`, and the demo's projects.
final class ProjectsCommandTests: EndToEndTestCase {

    func testDemoShowsEveryStatusAndAnswersTheSearchQuestion() throws {
        let db = try demoDB()
        let all = try jsonArray(try CLI.ok(["projects", "list", "--format", "json", "--db", db]))
        XCTAssertEqual(Set(all.compactMap { $0["status"] as? String }),
                       ["idea", "planned", "running", "completed", "paused", "abandoned"], "the demo shows every status")
        XCTAssertTrue(all.contains { ($0["cities"] as? [Any])?.count == 3 }, "a triangle project")
        XCTAssertTrue(all.contains { (($0["cities"] as? [[String: Any]]) ?? []).contains { $0["country"] as? String == "UA" } },
                      "a solidarity project with a Ukrainian town")
        // "Who works on climate with a partner in Ghana?"
        let climate = try jsonArray(try CLI.ok(["projects", "list", "--theme", "Klima", "--country", "GH", "--format", "json", "--db", db]))
        XCTAssertEqual(climate.compactMap { $0["title"] as? String }, ["Klimapartnerschaft Dortmund–Kumasi"])
        let overdue = try CLI.ok(["projects", "list", "--overdue", "--db", db])
        XCTAssertTrue(overdue.stdout.contains("!"), overdue.summary)
        let completed = try CLI.ok(["projects", "show", "Jeunes pour le climat", "--db", db])
        XCTAssertTrue(completed.stdout.contains("1,200 trees planted"), completed.summary)
        XCTAssertTrue(completed.stdout.contains("22,000.00 EUR"), completed.summary)
    }

    func testAddListShowActionDoneAndRemove() throws {
        let db = try demoCopy()
        let add = try CLI.ok(["projects", "add", "--title", "Städtepartnerschaft digital", "--cities", "Dortmund; Amiens",
                              "--theme", "digital, Jugend", "--status", "running", "--start", "2026-01", "--end", "2026-12",
                              "--funding", "CERV town twinning: 12.500 EUR granted", "--indicator", "30 young people", "--db", db])
        let id = try XCTUnwrap(add.stdout.firstMatch(of: /project (\d+)/).flatMap { Int($0.1) }, add.summary)

        let action = try CLI.ok(["projects", "action", "add", String(id), "--what", "Book the video room", "--who", "Jens Hoffmann",
                                 "--due", "2026-02-01", "--db", db])
        let actionId = try XCTUnwrap(action.stdout.firstMatch(of: /action (\d+)/).flatMap { Int($0.1) }, action.summary)

        let list = try jsonArray(try CLI.ok(["projects", "list", "--text", "partnerschaft digital", "--format", "json", "--db", db]))
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list.first?["themes"] as? [String], ["digital", "youth"])
        XCTAssertEqual(list.first?["next_action"] as? String, "Book the video room")
        XCTAssertEqual(list.first?["overdue_actions"] as? Int, 1, "due 2026-02-01, not done")

        let show = try json(try CLI.ok(["projects", "show", String(id), "--format", "json", "--db", db])) as? [String: Any]
        let funding = try XCTUnwrap(show?["funding"] as? [[String: Any]])
        XCTAssertEqual(funding.first?["amount"] as? String, "12500.00")
        let actions = try XCTUnwrap(show?["actions"] as? [[String: Any]])
        XCTAssertEqual((actions.first?["who_contact"] as? [String: Any])?["name"] as? String, "Jens Hoffmann",
                       "Jens Hoffmann is a contact of the demo")

        _ = try CLI.ok(["projects", "action", "done", String(id), String(actionId), "--on", "2026-01-30", "--db", db])
        let after = try jsonArray(try CLI.ok(["projects", "list", "--overdue", "--text", "partnerschaft digital", "--format", "json", "--db", db]))
        XCTAssertEqual(after.count, 0, "done actions are not overdue")

        let edit = try CLI.ok(["projects", "edit", String(id), "--status", "completed", "--results", "It worked.", "--db", db])
        XCTAssertTrue(edit.stdout.contains("Saved project"), edit.summary)

        let refused = try CLI.fails(["projects", "remove", String(id), "--db", db])
        XCTAssertTrue(refused.stderr.contains("--yes"), refused.summary)
        _ = try CLI.ok(["projects", "remove", String(id), "--yes", "--db", db])
        XCTAssertEqual(try jsonArray(try CLI.ok(["projects", "list", "--text", "partnerschaft digital", "--format", "json", "--db", db])).count, 0)
    }

    func testWrongInputNamesTheFieldAndTheValue() throws {
        let db = try demoCopy()
        let one = try CLI.fails(["projects", "add", "--title", "Solo", "--cities", "Dortmund", "--db", db])
        XCTAssertTrue(one.stderr.contains("--cities") && one.stderr.contains("Dortmund"), one.summary)
        let status = try CLI.fails(["projects", "list", "--status", "done", "--db", db])
        XCTAssertTrue(status.stderr.contains("--status") && status.stderr.contains("done"), status.summary)
        let dates = try CLI.fails(["projects", "add", "--title", "Backwards", "--cities", "Dortmund; Amiens", "--start", "2026",
                                   "--end", "2025", "--db", db])
        XCTAssertTrue(dates.stderr.contains("end") && dates.stderr.contains("2025"), dates.summary)
        let money = try CLI.fails(["projects", "add", "--title", "Money", "--cities", "Dortmund; Amiens", "--funding", "CERV: lots EUR",
                                   "--db", db])
        XCTAssertTrue(money.stderr.contains("--funding") && money.stderr.contains("lots"), money.summary)
        let country = try CLI.fails(["projects", "list", "--country", "XX", "--db", db])
        XCTAssertTrue(country.stderr.contains("XX"), country.summary)
        let noProject = try CLI.fails(["projects", "show", "Nichts dergleichen", "--db", db])
        XCTAssertTrue(noProject.stderr.contains("Nichts dergleichen"), noProject.summary)
    }

    func testEventsAddProject() throws {
        let db = try demoCopy()
        let events = try jsonArray(try CLI.ok(["events", "list", "--city", "Dortmund", "--format", "json", "--db", db]))
        let pid = try XCTUnwrap(events.first { ($0["title"] as? String)?.hasPrefix("Jugendbegegnung") == true }?["partnership_id"] as? Int)
        let add = try CLI.ok(["events", "add", "--partnership", String(pid), "--date", "2026-08-01", "--kind", "youth_exchange",
                              "--project", "Klimaanpassung in der Stadt", "--db", db])
        let eventId = try XCTUnwrap(add.stdout.firstMatch(of: /event (\d+)/).flatMap { Int($0.1) }, add.summary)
        let show = try CLI.ok(["projects", "show", "Klimaanpassung", "--db", db])
        XCTAssertTrue(show.stdout.contains("(\(eventId))"), show.summary)
        let bad = try CLI.fails(["events", "add", "--partnership", String(pid), "--date", "2026-08-01", "--kind", "visit",
                                 "--project", "Gibt es nicht", "--db", db])
        XCTAssertTrue(bad.stderr.contains("Gibt es nicht"), bad.summary)
    }

    func testExportImportRoundTripIsExact() throws {
        let db = try demoCopy()
        let first = try CLI.ok(["export", "projects", "--format", "json", "--db", db]).stdout
        let file = try write("projects.json", first)
        // Into a copy without the projects: remove them all, then import.
        for project in try jsonArray(try CLI.ok(["projects", "list", "--format", "json", "--db", db])) {
            _ = try CLI.ok(["projects", "remove", String(project["id"] as! Int), "--yes", "--db", db])
        }
        XCTAssertEqual(try jsonArray(try CLI.ok(["projects", "list", "--format", "json", "--db", db])).count, 0)
        let imported = try CLI.ok(["import", "projects", file, "--db", db])
        XCTAssertTrue(imported.stdout.contains("Imported 10 projects"), imported.summary)
        let second = try CLI.ok(["export", "projects", "--format", "json", "--db", db]).stdout
        XCTAssertEqual(second, first, "export → import → export is exact")
        let again = try CLI.ok(["import", "projects", file, "--db", db])
        XCTAssertTrue(again.stdout.contains("Imported 0 projects") && again.stdout.contains("10 unchanged"), again.summary)
    }

    func testBadImportNamesLineAndFieldAndWritesNothing() throws {
        let db = try demoCopy()
        let text = """
            [
              {"title": "Good one", "status": "planned",
               "cities": [{"geonameid": 2935517, "name": "Dortmund", "country": "DE", "role": "lead"},
                          {"geonameid": 3037854, "name": "Amiens", "country": "FR", "role": "partner"}]},
              {"title": "Bad money", "status": "running",
               "cities": [{"geonameid": 2935517, "name": "Dortmund", "country": "DE", "role": "lead"},
                          {"geonameid": 3037854, "name": "Amiens", "country": "FR", "role": "partner"}],
               "funding": [{"programme": "CERV", "amount": "12,5", "currency": "EUR", "state": "granted"}]}
            ]
            """
        let file = try write("bad.json", text)
        let before = try jsonArray(try CLI.ok(["projects", "list", "--format", "json", "--db", db])).count
        let result = try CLI.fails(["import", "projects", file, "--db", db])
        XCTAssertTrue(result.stderr.contains("bad.json:5:"), result.summary)
        XCTAssertTrue(result.stderr.contains("funding[0].amount") && result.stderr.contains("12,5"), result.summary)
        XCTAssertEqual(try jsonArray(try CLI.ok(["projects", "list", "--format", "json", "--db", db])).count, before, "all or nothing")
    }
}

import Foundation
import TwinningTestSupport
import XCTest

/// `twinning partnerships list|add|edit|remove`.
final class PartnershipsCommandTests: EndToEndTestCase {

    func testListForDortmund() throws {
        let result = try CLI.ok(["partnerships", "list", "--city", "Dortmund", "--db", try demoDB()])
        let lines = result.stdoutLines
        XCTAssertEqual(lines.last, "8 partnerships", result.summary)
        let rows = lines.dropFirst().dropLast()
        XCTAssertEqual(rows.count, 8, result.summary)
        for partner in ["Amiens (FR)", "Novi Sad (RS)", "Zwickau (DE)", "Rostov-on-Don (RU)", "Kumasi (GH)", "Trabzon (TR)", "Zhytomyr (UA)"] {
            XCTAssertEqual(rows.filter { $0.contains(partner) }.count, 1, "\(partner): \(result.summary)")
        }
        XCTAssertTrue(rows.allSatisfy { $0.contains("Dortmund (DE)") }, result.summary)
    }

    func testListFiltersByStatusAndType() throws {
        let db = try demoDB()
        let suspended = try CLI.ok(["partnerships", "list", "--city", "Dortmund", "--status", "suspended", "--format", "tsv", "--db", db])
        let rows = CSV.parse(suspended.stdout, separator: "\t")
        XCTAssertEqual(rows.count, 2, suspended.summary)
        XCTAssertTrue(rows[1].contains("Rostov-on-Don"), suspended.summary)
        XCTAssertTrue(rows[1].contains("suspended"), suspended.summary)

        let friendships = try CLI.ok(["partnerships", "list", "--city", "Dortmund", "--type", "friendship", "--db", db])
        XCTAssertFalse(friendships.stdout.contains("Amiens"), friendships.summary)

        let bad = try CLI.fails(["partnerships", "list", "--status", "bogus", "--db", db])
        XCTAssertTrue(bad.stderr.contains("active, dormant, proposed, suspended, ended"), bad.summary)
    }

    func testListJSONAndTSV() throws {
        let db = try demoDB()
        let json = try CLI.ok(["partnerships", "list", "--city", "Dortmund", "--format", "json", "--db", db])
        let array = try jsonArray(json)
        XCTAssertEqual(array.count, 8)
        for key in ["id", "city_a", "city_b", "type", "status", "since", "themes", "notes", "events"] {
            XCTAssertNotNil(array[0][key], "key \(key) missing in \(array[0])")
        }
        let amiens = array.first { p in
            ["city_a", "city_b"].contains { ((p[$0] as? [String: Any])?["name"] as? String) == "Amiens" }
        }
        XCTAssertEqual(amiens?["since"] as? String, "1960")
        XCTAssertEqual(amiens?["status"] as? String, "active")

        let tsv = try CLI.ok(["partnerships", "list", "--city", "Dortmund", "--format", "tsv", "--db", db])
        let lines = tsv.stdoutLines
        XCTAssertEqual(lines.first, "id\tgeonameid_a\tname_a\tcountry_a\tgeonameid_b\tname_b\tcountry_b\ttype\tstatus\tsince\tlast_event", tsv.summary)
        XCTAssertEqual(lines.count, 9)
        for line in lines { XCTAssertEqual(line.split(separator: "\t", omittingEmptySubsequences: false).count, 11, line) }
    }

    func testAddThenListFindsIt() throws {
        let db = try demoCopy()
        let before = try counts(db)
        let id = try addPartnership("Dortmund", "Kraków", db: db,
                                    extra: ["--type", "friendship", "--status", "proposed", "--since", "2026-05", "--themes", "youth", "--notes", "first contact"])
        XCTAssertEqual(try counts(db).partnerships, before.partnerships + 1)
        let list = try CLI.ok(["partnerships", "list", "--city", "Dortmund", "--format", "json", "--db", db])
        let array = try jsonArray(list)
        XCTAssertEqual(array.count, 9)
        let added = try XCTUnwrap(array.first { ($0["id"] as? NSNumber)?.intValue == id }, list.summary)
        XCTAssertEqual(added["type"] as? String, "friendship")
        XCTAssertEqual(added["status"] as? String, "proposed")
        XCTAssertEqual(added["since"] as? String, "2026-05")
        XCTAssertEqual(added["themes"] as? [String], ["youth"])
        XCTAssertEqual(added["notes"] as? String, "first contact")
        let names = ["city_a", "city_b"].compactMap { (added[$0] as? [String: Any])?["name"] as? String }
        XCTAssertEqual(Set(names), ["Dortmund", "Kraków"])

        let text = try CLI.ok(["partnerships", "list", "--city", "Kraków", "--db", db])
        XCTAssertTrue(text.stdout.contains("Dortmund (DE)"), text.summary)
    }

    func testAddingSamePairAgainFails() throws {
        let db = try demoCopy()
        let before = try counts(db)
        // Dortmund–Amiens is in the demo network; the order of the two cities does not matter.
        for pair in [["Dortmund", "Amiens"], ["Amiens", "Dortmund"]] {
            let result = try CLI.fails(["partnerships", "add"] + pair + ["--db", db])
            XCTAssertTrue(result.stderr.contains("already partners"), result.summary)
        }
        XCTAssertEqual(try counts(db), before)
    }

    func testPairOfCityWithItselfFails() throws {
        let db = try demoCopy()
        let before = try counts(db)
        let result = try CLI.fails(["partnerships", "add", "Dortmund", "2935517", "--db", db])
        XCTAssertTrue(result.stderr.contains("itself"), result.summary)
        XCTAssertEqual(try counts(db), before)
    }

    func testUntilBeforeSinceRejected() throws {
        let db = try demoCopy()
        let before = try counts(db)
        let result = try CLI.fails(["partnerships", "add", "Dortmund", "Kraków", "--since", "2020", "--until", "2019", "--db", db])
        XCTAssertTrue(result.stderr.contains("until"), result.summary)
        XCTAssertTrue(result.stderr.contains("before since"), result.summary)
        XCTAssertEqual(try counts(db), before)
    }

    func testEdit() throws {
        let db = try demoCopy()
        let id = try addPartnership("Dortmund", "Kraków", db: db, extra: ["--since", "2020"])
        try CLI.ok(["partnerships", "edit", String(id), "--status", "dormant", "--type", "project",
                    "--until", "2025-12-31", "--notes", "paused", "--db", db])
        let list = try CLI.ok(["partnerships", "list", "--city", "Kraków", "--format", "json", "--db", db])
        let edited = try XCTUnwrap(try jsonArray(list).first { ($0["id"] as? NSNumber)?.intValue == id }, list.summary)
        XCTAssertEqual(edited["status"] as? String, "dormant")
        XCTAssertEqual(edited["type"] as? String, "project")
        XCTAssertEqual(edited["since"] as? String, "2020")
        XCTAssertEqual(edited["until"] as? String, "2025-12-31")
        XCTAssertEqual(edited["notes"] as? String, "paused")

        // "none" clears a date; a bad date is refused and changes nothing.
        try CLI.ok(["partnerships", "edit", String(id), "--until", "none", "--db", db])
        let bad = try CLI.fails(["partnerships", "edit", String(id), "--since", "2026-13-45", "--db", db])
        XCTAssertTrue(bad.stderr.contains("2026-05-14, 14.05.2026, 2026-05 or 2026"), bad.summary)
        let again = try CLI.ok(["partnerships", "list", "--city", "Kraków", "--format", "json", "--db", db])
        let cleared = try XCTUnwrap(try jsonArray(again).first { ($0["id"] as? NSNumber)?.intValue == id })
        XCTAssertNil(cleared["until"] as? String, "until cleared: \(cleared)")
        XCTAssertEqual(cleared["since"] as? String, "2020")

        let missing = try CLI.fails(["partnerships", "edit", "99999999", "--status", "active", "--db", db])
        XCTAssertTrue(missing.stderr.contains("99999999"), missing.summary)
    }

    func testRemoveNeedsYesWhenNotOnATerminal() throws {
        let db = try demoCopy()
        let id = try addPartnership("Dortmund", "Kraków", db: db)
        try CLI.ok(["events", "add", "--partnership", String(id), "--date", "2025-06-01", "--kind", "visit", "--db", db])
        try CLI.ok(["events", "add", "--partnership", String(id), "--date", "2024", "--kind", "culture", "--db", db])
        let before = try counts(db)

        let refused = try CLI.fails(["partnerships", "remove", String(id), "--db", db])
        XCTAssertTrue(refused.stderr.contains("--yes"), refused.summary)
        XCTAssertEqual(try counts(db), before, "nothing deleted without --yes")

        let removed = try CLI.ok(["partnerships", "remove", String(id), "--yes", "--db", db])
        XCTAssertTrue(removed.stdout.contains("Deleted partnership \(id)"), removed.summary)
        let after = try counts(db)
        XCTAssertEqual(after.partnerships, before.partnerships - 1)
        XCTAssertEqual(after.events, before.events - 2, "its events are deleted with it")
        let list = try CLI.ok(["partnerships", "list", "--city", "Kraków", "--format", "json", "--db", db])
        XCTAssertFalse(try jsonArray(list).contains { ($0["id"] as? NSNumber)?.intValue == id })
        let events = try CLI.ok(["events", "list", "--partnership", String(id), "--format", "json", "--db", db])
        XCTAssertEqual(try jsonArray(events).count, 0, events.summary)

        let again = try CLI.fails(["partnerships", "remove", String(id), "--yes", "--db", db])
        XCTAssertTrue(again.stderr.contains(String(id)), again.summary)
    }
}

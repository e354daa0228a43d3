import Foundation
import TwinningTestSupport
import XCTest

/// `twinning events list|add|edit|remove`.
final class EventsCommandTests: EndToEndTestCase {

    func testListFilters() throws {
        let db = try demoDB()
        let dortmund2025 = try CLI.ok(["events", "list", "--city", "Dortmund", "--year", "2025", "--format", "json", "--db", db])
        let events = try jsonArray(dortmund2025)
        XCTAssertEqual(events.count, 2, dortmund2025.summary)
        XCTAssertEqual(events.compactMap { $0["start"] as? String }, ["2025-07-14", "2025-03-17"], "newest first")
        XCTAssertEqual(events.compactMap { $0["kind"] as? String }, ["youth_exchange", "school_exchange"])

        let text = try CLI.ok(["events", "list", "--city", "Dortmund", "--db", db])
        XCTAssertEqual(text.stdoutLines.last, "8 events", text.summary)

        let tsv = try CLI.ok(["events", "list", "--city", "Dortmund", "--format", "tsv", "--db", db])
        let rows = CSV.parse(tsv.stdout, separator: "\t")
        XCTAssertEqual(rows.first, ["id", "partnership_id", "start", "end", "name_a", "name_b", "title", "kind", "format",
                                    "direction", "participants", "youth"], tsv.summary)
        XCTAssertEqual(rows.count, 9)
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.count == 12 }, tsv.summary)
        // Dates are sorted newest first.
        let dates = rows.dropFirst().map { $0[2] }
        XCTAssertEqual(dates, dates.sorted(by: >), tsv.summary)

        // --partnership: all events of Dortmund–Amiens.
        let pid = try XCTUnwrap(events.first { ($0["start"] as? String) == "2025-07-14" }?["partnership_id"] as? NSNumber).intValue
        let byPartnership = try CLI.ok(["events", "list", "--partnership", String(pid), "--format", "json", "--db", db])
        let amiens = try jsonArray(byPartnership)
        XCTAssertEqual(amiens.count, 3, byPartnership.summary)
        XCTAssertTrue(amiens.allSatisfy { ($0["partnership_id"] as? NSNumber)?.intValue == pid })
    }

    func testAddListEditRemove() throws {
        let db = try demoCopy()
        let pid = try addPartnership("Dortmund", "Kraków", db: db)
        let before = try counts(db)
        let add = try CLI.ok(["events", "add", "--partnership", String(pid), "--date", "14.05.2026", "--end", "2026-05-18",
                              "--kind", "youth_exchange", "--title", "Jugendbegegnung", "--direction", "to_b",
                              "--format", "hybrid", "--participants", "40", "--youth", "30",
                              "--by-country", "DE:20; PL:20", "--notes", "first", "--db", db])
        let eventId = try XCTUnwrap(add.stdout.firstMatch(of: /event (\d+)/).flatMap { Int($0.1) }, add.summary)
        XCTAssertEqual(try counts(db).events, before.events + 1)

        let list = try CLI.ok(["events", "list", "--partnership", String(pid), "--format", "json", "--db", db])
        let events = try jsonArray(list)
        XCTAssertEqual(events.count, 1)
        let event = events[0]
        XCTAssertEqual((event["id"] as? NSNumber)?.intValue, eventId)
        XCTAssertEqual(event["start"] as? String, "2026-05-14", "14.05.2026 is stored as ISO")
        XCTAssertEqual(event["end"] as? String, "2026-05-18")
        XCTAssertEqual(event["kind"] as? String, "youth_exchange")
        XCTAssertEqual(event["title"] as? String, "Jugendbegegnung")
        XCTAssertEqual(event["direction"] as? String, "to_b")
        XCTAssertEqual(event["format"] as? String, "hybrid")
        XCTAssertEqual((event["participants"] as? NSNumber)?.intValue, 40)
        XCTAssertEqual((event["youth"] as? NSNumber)?.intValue, 30)
        let byCountry = event["participants_by_country"] as? [String: Any]
        XCTAssertEqual((byCountry?["DE"] as? NSNumber)?.intValue, 20)
        XCTAssertEqual((byCountry?["PL"] as? NSNumber)?.intValue, 20)

        let text = try CLI.ok(["events", "list", "--city", "Kraków", "--db", db])
        XCTAssertTrue(text.stdout.contains("2026-05-14"), text.summary)
        XCTAssertTrue(text.stdout.contains("youth exchange"), text.summary)
        XCTAssertEqual(text.stdoutLines.last, "1 event", text.summary)

        try CLI.ok(["events", "edit", String(eventId), "--title", "Renamed", "--participants", "50", "--end", "none", "--db", db])
        let edited = try jsonArray(try CLI.ok(["events", "list", "--partnership", String(pid), "--format", "json", "--db", db]))[0]
        XCTAssertEqual(edited["title"] as? String, "Renamed")
        XCTAssertEqual((edited["participants"] as? NSNumber)?.intValue, 50)
        XCTAssertEqual((edited["youth"] as? NSNumber)?.intValue, 30)
        XCTAssertNil(edited["end"] as? String, "end cleared: \(edited)")

        let refused = try CLI.fails(["events", "remove", String(eventId), "--db", db])
        XCTAssertTrue(refused.stderr.contains("--yes"), refused.summary)
        XCTAssertEqual(try counts(db).events, before.events + 1)

        let removed = try CLI.ok(["events", "remove", String(eventId), "--yes", "--db", db])
        XCTAssertTrue(removed.stdout.contains("Deleted event \(eventId)"), removed.summary)
        XCTAssertEqual(try counts(db), before)
        let empty = try CLI.ok(["events", "list", "--partnership", String(pid), "--format", "json", "--db", db])
        XCTAssertEqual(try jsonArray(empty).count, 0)
    }

    func testBadDatesAreRejectedWithTheAcceptedForms() throws {
        let db = try demoCopy()
        let pid = try addPartnership("Dortmund", "Kraków", db: db)
        let before = try counts(db)
        for date in ["2026-13-45", "yesterday-ish", "2026-02-30", "31.02.2026"] {
            let result = try CLI.fails(["events", "add", "--partnership", String(pid), "--date", date, "--kind", "visit", "--db", db])
            XCTAssertTrue(result.stderr.contains("\"\(date)\" is not a date"), result.summary)
            XCTAssertTrue(result.stderr.contains("2026-05-14, 14.05.2026, 2026-05 or 2026"), "accepted forms listed: \(result.summary)")
            XCTAssertEqual(result.stderrLines.count, 1, result.summary)
        }
        XCTAssertEqual(try counts(db), before)
        // The accepted forms are accepted.
        for date in ["2026-05-14", "14.05.2026", "2026-05", "2026"] {
            try CLI.ok(["events", "add", "--partnership", String(pid), "--date", date, "--kind", "visit", "--db", db])
        }
        XCTAssertEqual(try counts(db).events, before.events + 4)
    }

    func testYouthAboveParticipantsRejected() throws {
        let db = try demoCopy()
        let pid = try addPartnership("Dortmund", "Kraków", db: db)
        let before = try counts(db)
        let add = try CLI.fails(["events", "add", "--partnership", String(pid), "--date", "2025", "--kind", "visit",
                                 "--participants", "5", "--youth", "6", "--db", db])
        XCTAssertTrue(add.stderr.contains("youth"), add.summary)
        XCTAssertTrue(add.stderr.contains("cannot exceed participants"), add.summary)
        XCTAssertEqual(try counts(db), before)

        try CLI.ok(["events", "add", "--partnership", String(pid), "--date", "2025", "--kind", "visit",
                    "--participants", "5", "--youth", "5", "--db", db])
        let id = try XCTUnwrap(try jsonArray(try CLI.ok(["events", "list", "--partnership", String(pid), "--format", "json", "--db", db]))
            .first?["id"] as? NSNumber).intValue
        let edit = try CLI.fails(["events", "edit", String(id), "--participants", "4", "--db", db])
        XCTAssertTrue(edit.stderr.contains("cannot exceed participants"), edit.summary)
        let event = try jsonArray(try CLI.ok(["events", "list", "--partnership", String(pid), "--format", "json", "--db", db]))[0]
        XCTAssertEqual((event["participants"] as? NSNumber)?.intValue, 5, "unchanged after the refused edit")
    }

    func testUnknownPartnershipAndKind() throws {
        let db = try demoCopy()
        let before = try counts(db)
        let unknown = try CLI.fails(["events", "add", "--partnership", "99999999", "--date", "2025", "--kind", "visit", "--db", db])
        XCTAssertTrue(unknown.stderr.contains("99999999"), unknown.summary)
        let pid = try addPartnership("Dortmund", "Kraków", db: db)
        let kind = try CLI.fails(["events", "add", "--partnership", String(pid), "--date", "2025", "--kind", "picnic", "--db", db])
        XCTAssertTrue(kind.stderr.contains("youth_exchange"), "lists the kinds: \(kind.summary)")
        XCTAssertEqual(try counts(db).events, before.events)
    }
}

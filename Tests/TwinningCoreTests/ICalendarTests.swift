import XCTest
@testable import TwinningCore

final class ICalendarTests: XCTestCase {
    /// Physical lines without their CRLF; fails on a bare LF or CR.
    func physicalLines(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                lines.append(current)
                current = []
                i += 2
                continue
            }
            XCTAssertFalse(bytes[i] == 10 || bytes[i] == 13, "bare line break at byte \(i)", file: file, line: line)
            current.append(bytes[i])
            i += 1
        }
        XCTAssertTrue(current.isEmpty, "the text ends with CRLF", file: file, line: line)
        return lines
    }

    /// RFC 5545 unfolding: CRLF followed by one space or tab is removed.
    func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
    }

    func testEscapingText() {
        XCTAssertEqual(ICalendar.escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne")
        XCTAssertEqual(ICalendar.escape("one\r\ntwo\rthree"), "one\\ntwo\\nthree", "CRLF is one line break")
        XCTAssertEqual(ICalendar.escape("Düsseldorf: 東京"), "Düsseldorf: 東京", "colons and non-ASCII stay")
        XCTAssertEqual(ICalendar.escape("bell\u{07}esc\u{1B}"), "bellesc", "control characters are dropped")
    }

    func testFoldingAt75OctetsNeverSplitsACharacter() {
        let ascii = "DESCRIPTION:" + String(repeating: "abcdefghij", count: 20)
        let folded = ICalendar.fold(ascii)
        let lines = physicalLines(folded)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0].count, 75)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.first == 32 && $0.count <= 75 })
        XCTAssertEqual(unfold(folded), ascii + "\r\n")

        // 3-byte (東京), 2-byte (ü, ó) and 4-byte (emoji) characters at every offset.
        for prefix in 0..<4 {
            let text = "SUMMARY:" + String(repeating: "x", count: prefix) + String(repeating: "東京 Düsseldorf Kraków 🎉 ", count: 12)
            let folded = ICalendar.fold(text)
            for line in physicalLines(folded) {
                XCTAssertLessThanOrEqual(line.count, 75)
                XCTAssertNotNil(String(validating: line, as: UTF8.self),
                                "a physical line is valid UTF-8 on its own (offset \(prefix))")
            }
            XCTAssertEqual(unfold(folded), text + "\r\n")
        }
        XCTAssertEqual(ICalendar.fold("VERSION:2.0"), "VERSION:2.0\r\n")
        XCTAssertEqual(physicalLines(ICalendar.fold(String(repeating: "a", count: 75))).count, 1, "75 octets fit")
        XCTAssertEqual(physicalLines(ICalendar.fold(String(repeating: "a", count: 76))).count, 2)
    }

    func testAllDayRanges() {
        func range(_ start: String, _ end: String?) -> String {
            let e = Event(partnershipId: 1, startDate: PartialDate.parse(start)!, endDate: end.flatMap(PartialDate.parse))
            let (s, x) = ICalendar.dayRange(e)
            return ICalendar.basic(s) + "/" + ICalendar.basic(x)
        }
        XCTAssertEqual(range("2026-05-14", "2026-05-18"), "20260514/20260519", "DTEND is the day after the end")
        XCTAssertEqual(range("2026-05-14", nil), "20260514/20260515")
        XCTAssertEqual(range("2026-05", nil), "20260501/20260502", "month only: the first of the month")
        XCTAssertEqual(range("2026", nil), "20260101/20260102", "year only: 1 January")
        XCTAssertEqual(range("2025-12-31", nil), "20251231/20260101")
        XCTAssertEqual(range("2024-02-28", "2024-02-29"), "20240228/20240301", "leap year")
        XCTAssertEqual(range("2026-05-30", "2026-06"), "20260530/20260602", "a partial end counts as its first day")
    }

    func testDocumentFromTheFixture() throws {
        let f = try ReportFixture()
        let events = try f.database.events(EventFilter(cityId: f.home))
        let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z
        let text = ICalendar.document(events: events, databaseId: "abc123", now: now, home: f.home)
        let lines = physicalLines(text)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 75 })
        let logical = unfold(text).components(separatedBy: "\r\n").dropLast()
        XCTAssertEqual(logical.first, "BEGIN:VCALENDAR")
        XCTAssertEqual(logical.last, "END:VCALENDAR")
        XCTAssertTrue(logical.contains("VERSION:2.0"))
        XCTAssertTrue(logical.contains("PRODID:" + ICalendar.productId))
        XCTAssertEqual(logical.filter { $0 == "BEGIN:VEVENT" }.count, 5)
        XCTAssertEqual(logical.filter { $0 == "DTSTAMP:20260528T202640Z" }.count, 5)
        let e1 = f.event["E1"]!
        XCTAssertTrue(logical.contains("UID:event-\(e1)-abc123@twinning"))
        XCTAssertTrue(logical.contains("DTSTART;VALUE=DATE:20250514"))
        XCTAssertTrue(logical.contains("DTEND;VALUE=DATE:20250519"))
        XCTAssertTrue(logical.contains("SUMMARY:Begegnung\\, Mai\\; \"Sommer\" (youth exchange) – Düsseldorf ↔ Amiens"), logical.joined(separator: "\n"))
        XCTAssertTrue(logical.contains("LOCATION:Amiens\\, FR"))
        XCTAssertTrue(logical.contains { $0.hasPrefix("DESCRIPTION:") && $0.contains("Participants: 60\\, of whom under 30: 30")
            && $0.contains("=HYPERLINK(\"http://evil\")\\nzweite Zeile") })
        // The month-only event says so.
        XCTAssertTrue(logical.contains { $0.hasPrefix("DESCRIPTION:Date known only approximately (2025-09)") })
        XCTAssertTrue(logical.contains("DTSTART;VALUE=DATE:20250901"))
        // German descriptions.
        let german = unfold(ICalendar.document(events: events, databaseId: "abc123", now: now, language: .de))
        XCTAssertTrue(german.contains("Teilnehmende: 60\\, davon unter 30: 30"))
        XCTAssertTrue(german.contains("(Jugendbegegnung)"))
        // Stable: the same input gives the same file.
        XCTAssertEqual(text, ICalendar.document(events: events, databaseId: "abc123", now: now, home: f.home))
    }

    func testStableIdentifierIsKept() throws {
        let db = try Fixtures.database()
        let first = try db.stableIdentifier()
        XCTAssertEqual(first.count, 12)
        XCTAssertEqual(try db.stableIdentifier(), first)
    }

    /// The file parsed by Python's icalendar (pip install icalendar), with the
    /// text of each event compared after unescaping. Skipped without python3/icalendar.
    func testPythonIcalendarParsesTheExport() throws {
        try PythonScript.require(module: "icalendar")
        let db = try Fixtures.database()
        let dus = try Fixtures.id(db, 2934246), krakow = try Fixtures.id(db, 3094802), tokyo = try Fixtures.id(db, 1850147)
        let p1 = try db.addPartnership(Partnership(between: dus, and: krakow)).id!
        let p2 = try db.addPartnership(Partnership(between: dus, and: tokyo)).id!
        let long = String(repeating: "Lange Beschreibung mit Umlauten äöü und 東京; Komma, Backslash \\ ", count: 6)
        let a = try db.addEvent(Event(partnershipId: p1, title: "Kraków, Düsseldorf; \"Treffen\" \\ 東京",
                                      kind: .youth_exchange, startDate: PartialDate.parse("2026-05-14")!,
                                      endDate: PartialDate.parse("2026-05-18")!, direction: .to_b, participants: 52, youth: 30,
                                      participantsByCountry: ["DE": 25, "PL": 27], notes: long + "\nzweite Zeile"))
        let b = try db.addEvent(Event(partnershipId: p2, title: "", kind: .online_meeting, startDate: PartialDate.parse("2025-11")!,
                                      direction: .online, format: .online, participants: 8))
        let c = try db.addEvent(Event(partnershipId: p2, title: "東京" + String(repeating: "東", count: 40), kind: .culture,
                                      startDate: PartialDate.parse("2024")!, direction: .to_a))
        let events = try db.events()
        let text = ICalendar.document(events: events, databaseId: try db.stableIdentifier(), home: dus)
        let id = try db.stableIdentifier()
        let ics = try Fixtures.write(text, name: "events.ics")

        func find(_ eventId: Int64) -> EventDetail { events.first { $0.id == eventId }! }
        let expected: [[String: Any]] = [
            ["uid": "event-\(a.id!)-\(id)@twinning", "summary": ICalendar.summary(find(a.id!), .en, home: dus),
             "description": ICalendar.description(find(a.id!), .en, home: dus), "location": "Kraków, PL",
             "dtstart": "2026-05-14", "dtend": "2026-05-19"],
            ["uid": "event-\(b.id!)-\(id)@twinning", "summary": "online meeting – Düsseldorf ↔ 東京",
             "location": NSNull(), "dtstart": "2025-11-01", "dtend": "2025-11-02"],
            ["uid": "event-\(c.id!)-\(id)@twinning", "location": "Düsseldorf, DE", "dtstart": "2024-01-01", "dtend": "2024-01-02",
             "summary": ICalendar.summary(find(c.id!), .en, home: dus)],
        ]
        XCTAssertTrue(ICalendar.description(find(a.id!), .en).contains(long), "the notes reach the description unchanged")
        let json = try JSONSerialization.data(withJSONObject: expected, options: [.sortedKeys])
        let expectedPath = try Fixtures.write(String(decoding: json, as: UTF8.self), name: "expected.json")
        let (status, output) = try PythonScript.script("validate_ics.py", [ics, expectedPath])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("ok: 3 events"), output)

        // The validator does catch a broken file: an unfolded long line and a bare LF.
        let broken = try Fixtures.write(text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "VERSION:2.0\r\n", with: "VERSION:2.0\n"),
                                        name: "broken.ics")
        let (badStatus, badOutput) = try PythonScript.script("validate_ics.py", [broken])
        XCTAssertNotEqual(badStatus, 0, badOutput)
        XCTAssertTrue(badOutput.contains("octets"), badOutput)
    }
}

import Foundation
import TwinningTestSupport
import XCTest

/// `twinning report` and `twinning export events --format ics` on the demo database.
final class ReportCommandTests: EndToEndTestCase {
    func testMarkdownReportForDortmund() throws {
        let db = try demoDB()
        let en = try CLI.ok(["report", "--city", "Dortmund", "--year", "2025", "--format", "md", "--lang", "en", "--db", db])
        XCTAssertEqual(en.stdoutLines.first, "# Annual report 2025 – Dortmund", en.summary)
        for heading in ["## Overview", "## Partnerships", "## Events", "## Participants by country", "## Dormant longest"] {
            XCTAssertTrue(en.stdoutLines.contains(heading), "\(heading)\n" + en.summary)
        }
        XCTAssertTrue(en.stdout.contains("| Amiens | FR |"), en.summary)
        let de = try CLI.ok(["report", "--city", "Dortmund", "--year", "2020-2025", "--format", "md", "--lang", "de", "--db", db])
        XCTAssertEqual(de.stdoutLines.first, "# Bericht 2020–2025 – Dortmund", de.summary)
        XCTAssertTrue(de.stdout.contains("## Teilnehmende nach Land"), de.summary)
    }

    func testHTMLAndCSVFiles() throws {
        let db = try demoDB()
        let html = workDir.appendingPathComponent("report.html").path // not created first: an existing file needs --force
        let run = try CLI.ok(["report", "--city", "Dortmund", "--year", "2025", "--format", "html", "--output", html, "--db", db])
        XCTAssertTrue(run.stderr.contains("Wrote"), run.summary)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.hasSuffix("</html>\n"))
        XCTAssertTrue(page.contains("Dortmund"))

        let csv = try CLI.ok(["report", "--city", "Dortmund", "--year", "2025", "--format", "csv", "--lang", "en", "--db", db])
        let rows = CSV.parse(csv.stdout)
        XCTAssertEqual(rows.first, ["Overview"], csv.summary)
        XCTAssertTrue(rows.contains(["Participants by country"]), csv.summary)
    }

    func testReportRefusesBadOptions() throws {
        let db = try demoDB()
        XCTAssertTrue(try CLI.fails(["report", "--format", "pdf", "--db", db]).stderr.contains("md, html, csv"))
        XCTAssertTrue(try CLI.fails(["report", "--year", "soon", "--db", db]).stderr.contains("--year"))
        XCTAssertTrue(try CLI.fails(["report", "--year", "2025-2020", "--db", db]).stderr.contains("ends before"))
        XCTAssertTrue(try CLI.fails(["report", "--lang", "xx", "--db", db]).stderr.contains("--lang"))
        let dir = (try write("probe.txt", "") as NSString).deletingLastPathComponent
        XCTAssertTrue(try CLI.fails(["report", "--output", dir, "--db", db]).stderr.contains("is a folder"))
    }

    func testCalendarExport() throws {
        let db = try demoCopy()
        let first = try CLI.ok(["export", "events", "--format", "ics", "--city", "Dortmund", "--db", db])
        XCTAssertTrue(first.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), first.summary)
        XCTAssertTrue(first.stdout.hasSuffix("END:VCALENDAR\r\n"))
        let lines = first.stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("UID:event-") }.count, 8, "Dortmund has 8 events")
        // Open actions of the demo projects are all-day entries too (ICalendar+Actions.swift).
        let actions = lines.filter { $0.hasPrefix("UID:action-") }.count
        XCTAssertGreaterThan(actions, 0, "the demo's open project actions")
        XCTAssertFalse(first.stdout.contains("VTODO"))
        XCTAssertEqual(first.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1, 8 + actions)
        XCTAssertFalse(first.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        for line in first.stdout.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
        }
        // UIDs are the same in the next export.
        let second = try CLI.ok(["export", "events", "--format", "ics", "--city", "Dortmund", "--db", db])
        func uids(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        XCTAssertEqual(uids(first.stdout), uids(second.stdout))
        XCTAssertEqual(Set(uids(first.stdout)).count, 8 + actions)

        let file = workDir.appendingPathComponent("events.ics").path
        let written = try CLI.ok(["export", "events", "--format", "ics", "--output", file, "--db", db])
        XCTAssertTrue(written.stderr.contains("Wrote"), written.summary)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("BEGIN:VCALENDAR\r\n"))

        XCTAssertTrue(try CLI.fails(["export", "cities", "--format", "ics", "--db", db]).stderr.contains("events only"))
    }
}

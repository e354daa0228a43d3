import XCTest
@testable import TwinningCore

final class ReportDocumentTests: XCTestCase {
    /// A report whose texts try to break every format: markup, a formula, quotes.
    func hostileReport() throws -> Report {
        let f = try ReportFixture()
        let amiens = try Fixtures.id(f.database, 3037854)
        var city = try f.database.city(id: amiens)!
        city.rename("<b>Amiens</b> & \"Co\" 'x' =1+2")
        try f.database.updateCity(city)
        return try f.report()
    }

    /// Start and end tags balance, void tags aside (a small check that needs no Python).
    func assertBalancedTags(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        let void: Set<String> = ["meta", "br", "hr", "img", "link", "input"]
        var stack: [String] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            guard let close = html[open...].firstIndex(of: ">") else { XCTFail("unclosed <", file: file, line: line); return }
            let tag = html[html.index(after: open)..<close]
            index = html.index(after: close)
            if tag.hasPrefix("!") { continue }
            if tag.hasSuffix("/") { continue }
            let name = tag.split(whereSeparator: { $0 == " " || $0 == "\n" }).first.map(String.init) ?? ""
            if name.hasPrefix("/") {
                let wanted = String(name.dropFirst())
                XCTAssertEqual(stack.last, wanted, "</\(wanted)> closes \(stack.last ?? "nothing")", file: file, line: line)
                if stack.last == wanted { stack.removeLast() }
            } else if !void.contains(name) {
                stack.append(name)
            } else {
                XCTFail("void tag <\(name)> without />", file: file, line: line)
            }
        }
        XCTAssertEqual(stack, [], "unclosed tags", file: file, line: line)
    }

    func testHTMLIsSelfContainedEscapedAndBalanced() throws {
        let report = try hostileReport()
        for language in ReportLanguage.allCases {
            let html = ReportDocument.html(report, language: language, generated: Date(timeIntervalSince1970: 0))
            assertBalancedTags(html)
            XCTAssertFalse(html.contains("<b>Amiens"), "names are escaped")
            XCTAssertTrue(html.contains("&lt;b&gt;Amiens&lt;/b&gt; &amp; &quot;Co&quot; &#39;x&#39;"))
            XCTAssertTrue(html.contains("@media print"))
            XCTAssertFalse(html.contains("<script"))
            XCTAssertFalse(html.contains("http://") && !html.contains("http://www.w3.org/1999/xhtml"))
            XCTAssertTrue(html.contains("lang=\"\(language.rawValue)\""))
        }
        let german = ReportDocument.html(report, language: .de)
        XCTAssertTrue(german.contains("<h1>Jahresbericht 2025 – Düsseldorf</h1>"))
        XCTAssertTrue(german.contains("Teilnehmende nach Land"))
        XCTAssertTrue(german.contains("<td class=\"num\">50 %</td>"), "youth share in the German form")
    }

    /// xml.etree and html.parser both accept the page. Skipped without python3.
    func testHTMLIsWellFormedForPython() throws {
        let html = ReportDocument.html(try hostileReport(), language: .en)
        let path = try Fixtures.write(html, name: "report.html")
        let (status, output) = try PythonScript.script("check_html.py", [path])
        XCTAssertEqual(status, 0, output)
        // The checker does fail on a broken page.
        let broken = try Fixtures.write(html.replacingOccurrences(of: "</table>", with: ""), name: "broken.html")
        XCTAssertNotEqual(try PythonScript.script("check_html.py", [broken]).status, 0)
    }

    func testMarkdownTables() throws {
        let md = ReportDocument.markdown(try ReportFixture().report(), language: .en)
        XCTAssertTrue(md.hasPrefix("# Annual report 2025 – Düsseldorf\n"))
        XCTAssertTrue(md.contains("| Partner | Country | Status | Since | Last event | Health | Events in the period |"))
        XCTAssertTrue(md.contains("| Amiens | FR | active | – | 2025-05-14 | lively | 1 |"), md)
        XCTAssertTrue(md.contains("| 2025 | 2 | 70 | 50% |"))
        XCTAssertTrue(md.contains("| unknown | 20 |"))
        XCTAssertTrue(md.contains("| Health: dormant | 2 |"))
        let hostile = ReportDocument.markdown(try hostileReport(), language: .de)
        XCTAssertTrue(hostile.contains("\\<b\\>Amiens\\</b\\>"), "markup is escaped")
        XCTAssertTrue(hostile.contains("# Jahresbericht 2025 – Düsseldorf"))
        XCTAssertTrue(hostile.contains("| 2025 | 2 | 70 | 50 % |"))
    }

    func testCSVTablesAndFormulaNeutralisation() throws {
        let csv = try ReportDocument.csv(try hostileReport(), language: .en)
        let rows = SimpleCSV.parse(csv)
        // Each table: a title row, a header row, its rows, then an empty row before the next title.
        let titles = ["Overview", "Partnerships", "Events", "Events and participants per year", "Participants by country",
                      "Dormant longest", "Never visited"]
        var found: [String] = []
        for (i, row) in rows.enumerated() where row.count == 1 && titles.contains(row[0]) {
            found.append(row[0])
            if i > 0 { XCTAssertEqual(rows[i - 1], [""], "an empty row before \(row[0])") }
        }
        XCTAssertEqual(found, titles)
        XCTAssertTrue(rows.contains(["2025", "2", "70", "50"]), "numbers stay numbers")
        XCTAssertTrue(rows.contains { $0.first == "'<b>Amiens</b> & \"Co\" 'x' =1+2" } == false, "does not start with =, so unchanged")
        XCTAssertTrue(rows.contains { $0.first == "<b>Amiens</b> & \"Co\" 'x' =1+2" })

        // A name that is a formula gets an apostrophe, in every table it appears in.
        let f = try ReportFixture()
        var krakow = try f.database.city(id: try Fixtures.id(f.database, 3094802))!
        krakow.rename("=HYPERLINK(\"http://evil\",\"x\")")
        try f.database.updateCity(krakow)
        var tokyo = try f.database.city(id: try Fixtures.id(f.database, 1850147))!
        tokyo.rename("@SUM(A1)")
        try f.database.updateCity(tokyo)
        let unsafe = SimpleCSV.parse(try ReportDocument.csv(try f.report(), language: .de))
        let cells = unsafe.flatMap { $0 }
        XCTAssertFalse(cells.contains { ["=", "+", "@"].contains($0.first) }, "no cell starts a formula")
        XCTAssertFalse(cells.contains { $0.first == "-" && Double($0) == nil }, "a minus only for numbers")
        XCTAssertTrue(cells.contains("'=HYPERLINK(\"http://evil\",\"x\")"))
        XCTAssertTrue(cells.contains("'@SUM(A1)"))
        XCTAssertTrue(cells.contains("Teilnehmende nach Land"))
    }

    func testRenderDispatch() throws {
        let report = try ReportFixture().report()
        XCTAssertTrue(try ReportDocument.render(report, format: .md, language: .en).hasPrefix("# "))
        XCTAssertTrue(try ReportDocument.render(report, format: .html, language: .en).hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(try ReportDocument.render(report, format: .csv, language: .en).hasPrefix("Overview"))
    }
}

/// A small RFC 4180 reader for checking CSV output.
enum SimpleCSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, chars = Array(text), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
            else if c != "\r" { field.append(c) }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

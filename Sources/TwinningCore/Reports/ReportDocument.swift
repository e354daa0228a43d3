import Foundation
import CSV

public enum ReportFormat: String, CaseIterable, Sendable {
    case md, html, csv
}

/// A value in a report table; how it is written depends on the language and format.
public enum ReportCell: Hashable, Sendable {
    case text(String)
    case number(Int?)
    /// A share in 0…1, written as a whole percentage.
    case percent(Double?)
    case date(PartialDate?)
    /// An amount in minor units (cents) of a currency: "22.000,50 EUR" / "22,000.50 EUR".
    case money(Int64, currency: String)

    public func text(_ language: ReportLanguage) -> String {
        switch self {
        case .text(let s): return s
        case .number(let n): return n.map { ReportWords.number($0, language) } ?? "–"
        case .percent(let p): return ReportWords.percent(p, language)
        case .date(let d): return d.map { ReportWords.date($0, language) } ?? "–"
        case .money(let minor, let currency):
            let value = NSDecimalNumber(decimal: Currency.decimal(minor, currency: currency)).doubleValue
            return ReportWords.decimal(value, digits: Currency.digits(currency), language) + " " + currency
        }
    }

    /// CSV keeps numbers plain (no thousands separators) so spreadsheets read them as numbers.
    public func csvText(_ language: ReportLanguage) -> String {
        switch self {
        case .text(let s): return SpreadsheetSafety.neutralise(TextSafety.sanitized(s))
        case .number(let n): return n.map(String.init) ?? ""
        case .percent(let p): return p.map { String(SafeMath.int($0 * 100)) } ?? ""
        case .date(let d): return d?.reportISO ?? ""
        case .money(let minor, let currency): return Currency.plain(minor, currency: currency)
        }
    }

    var isNumeric: Bool {
        switch self {
        case .number, .percent, .money: return true
        default: return false
        }
    }
}

/// One table of a report: the unit the Markdown, HTML and CSV writers share.
public struct ReportTable: Equatable, Sendable {
    public var key: String
    public var title: LocalizedText
    public var columns: [LocalizedText]
    public var rows: [[ReportCell]]
    /// Shown under the title (what the figures mean).
    public var note: LocalizedText?
    /// Column whose numbers the HTML draws as bars.
    public var barColumn: Int?
}

/// Writes a `Report` as Markdown, one self-contained HTML page, or CSV.
///
/// CSV: one file holding every table; each table starts with a title row
/// (one cell), then its header row and its rows, and ends with an empty row.
/// Text cells that a spreadsheet would run as a formula (=, +, -, @ …) get a
/// leading apostrophe.
public enum ReportDocument {
    public static func render(_ report: Report, format: ReportFormat, language: ReportLanguage,
                              generated: Date = Date()) throws -> String {
        switch format {
        case .md: return markdown(report, language: language)
        case .html: return html(report, language: language, generated: generated)
        case .csv: return try csv(report, language: language)
        }
    }

    // MARK: - Words

    static func t(_ key: ReportText, cells: [ReportCell] = []) -> LocalizedText { LocalizedText(key, cells: cells) }

    public static func title(_ report: Report, _ language: ReportLanguage) -> String {
        let years = report.scope.years
        let span = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
        let head = years.count == 1 ? t(.annualReport).text(language) : t(.report).text(language)
        let whose = report.city.map { $0.name } ?? t(.allPartnerships).text(language)
        return "\(head) \(span) – \(whose)"
    }

    static func partnershipName(_ row: ReportPartnership, report: Report) -> String {
        report.city == nil ? "\(row.home.name) ↔ \(row.partner.name)" : row.partner.name
    }

    static func eventPair(_ detail: EventDetail, report: Report) -> String {
        let (a, b) = PartnershipDetail.orient(detail.cityA, detail.cityB, home: report.city?.id)
        return report.city == nil ? "\(a.name) ↔ \(b.name)" : b.name
    }

    // MARK: - Tables

    /// The report's tables in print order.
    public static func tables(_ report: Report, language: ReportLanguage) -> [ReportTable] {
        let period = report.periodFigures
        let rule = report.healthRule
        var summaryRows: [[ReportCell]] = []
        summaryRows.append([.text(t(.partnerships).text(language)), .number(report.partnerships.count)])
        for (status, count) in report.byStatus where count > 0 {
            summaryRows.append([.text(t(.labelled, cells: [.text(t(.status).text(language)), .text(ReportWords.status(status).text(language))]).text(language)), .number(count)])
        }
        for (health, count) in report.byHealth {
            summaryRows.append([.text(t(.labelled, cells: [.text(t(.health).text(language)), .text(health.text.text(language))]).text(language)), .number(count)])
        }
        summaryRows.append([.text(t(.eventsInPeriod).text(language)), .number(period.events)])
        summaryRows.append([.text(t(.participants).text(language)), .number(period.participants)])
        summaryRows.append([.text(t(.shareUnder30).text(language)), .percent(period.youthShare)])
        summaryRows.append([.text(t(.neverVisitedCount).text(language)), .number(report.neverVisited.count)])

        let partnerColumn = report.city == nil ? t(.partnership) : t(.partner)
        let youthNote = t(.youthNote)
        return [
            ReportTable(key: "summary", title: t(.overview),
                        columns: [t(.figure), t(.value)], rows: summaryRows,
                        note: t(.healthNote, cells: [.date(report.today), .number(rule.activeYears), .number(rule.quietYears)])),
            ReportTable(key: "partnerships", title: t(.partnerships),
                        columns: [partnerColumn, t(.country), t(.status), t(.since),
                                  t(.lastEvent), t(.health), t(.eventsInPeriod)],
                        rows: report.partnerships.map { p in
                            [.text(partnershipName(p, report: report)),
                             .text(report.city == nil ? "\(p.home.countryCode)–\(p.partner.countryCode)" : p.partner.countryCode),
                             .text(ReportWords.status(p.status).text(language)), .date(p.detail.partnership.since),
                             .date(p.lastEvent), .text(p.status == .ended ? "–" : p.health.text.text(language)), .number(p.eventsInPeriod)]
                        }),
            ReportTable(key: "events", title: t(.events),
                        columns: [t(.date), partnerColumn, t(.title), t(.kind), t(.format),
                                  t(.participants), t(.under30), t(.shareUnder30),
                                  t(.fundingCheck)],
                        rows: report.events.map { e in
                            let check = FundingCheck.check(e.detail, home: report.city?.id)
                            return [.date(e.event.startDate), .text(eventPair(e.detail, report: report)), .text(e.event.title),
                                    .text(ReportWords.kind(e.event.kind).text(language)),
                                    .text(ReportWords.format(e.event.format).text(language)),
                                    .number(e.event.participants), .number(e.event.youth), .percent(e.youthShare),
                                    .text(check.eligible ? t(.fundingEligible).text(language)
                                          : t(.fundingNo, cells: [.text(LocalizedText.list(check.reasons, language))]).text(language))]
                        },
                        note: t(.fundingNote)),
            ReportTable(key: "years", title: t(.eventsPerYear),
                        columns: [t(.year), t(.events), t(.participants),
                                  t(.shareUnder30)],
                        rows: report.years.map { y in
                            [.text(String(y.year)), .number(y.events), .number(y.participants), .percent(y.youthShare)]
                        },
                        note: youthNote, barColumn: 2),
            ReportTable(key: "countries", title: t(.participantsByCountry),
                        columns: [t(.country), t(.participants)],
                        rows: report.participantsByCountry.map { c in
                            [.text(c.isUnknown ? t(.unknownCountry).text(language) : c.country), .number(c.participants)]
                        },
                        note: t(.countriesNote), barColumn: 1),
            ReportTable(key: "dormant", title: t(.dormantLongest),
                        columns: [partnerColumn, t(.country), t(.lastEvent), t(.status)],
                        rows: report.dormantLongest.map { p in
                            [.text(partnershipName(p, report: report)), .text(p.partner.countryCode), .date(p.lastEvent),
                             .text(ReportWords.status(p.status).text(language))]
                        },
                        note: t(.dormantNote)),
            ReportTable(key: "never_visited", title: t(.neverVisited),
                        columns: [partnerColumn, t(.country), t(.since), t(.status)],
                        rows: report.neverVisited.map { p in
                            [.text(partnershipName(p, report: report)), .text(p.partner.countryCode),
                             .date(p.detail.partnership.since), .text(ReportWords.status(p.status).text(language))]
                        },
                        note: t(.neverVisitedNote)),
        ] + projectTables(report, language: language) + registerTables(report, language: language)
    }

    // MARK: - Markdown

    public static func markdownEscape(_ text: String) -> String {
        // Most cells (names, numbers, dates) are printable ASCII with nothing to
        // escape: return them as they are, without a walk by Character.
        if text.utf8.allSatisfy(ReportDocument.isPlainMarkdownByte) { return text }
        var out = ""
        for ch in TextSafety.sanitized(text) {
            if "\\`*_[]<>|#~".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Printable ASCII that neither `TextSafety.sanitized` nor Markdown changes.
    static func isPlainMarkdownByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23, 0x7E: return false  // \ ` * _ [ ] < > | # ~
        default: return byte >= 0x20 && byte < 0x7F
        }
    }

    /// Written into one string as it goes (not an array of lines joined at the
    /// end, nor a string per row and cell): the whole register's report of the
    /// 10× database is 217,000 lines.
    public static func markdown(_ report: Report, language: ReportLanguage) -> String {
        let tables = tables(report, language: language)
        var out = ""
        out.reserveCapacity(4_096 + tables.reduce(0) { $0 + $1.rows.count * 96 })
        func line(_ text: String) { out += text; out += "\n" }
        line("# " + markdownEscape(title(report, language)))
        line("")
        for table in tables {
            line("## " + markdownEscape(table.title.text(language)))
            line("")
            if let note = table.note { line("_" + markdownEscape(note.text(language)) + "_"); line("") }
            if table.rows.isEmpty {
                line(t(.none).text(language))
                line("")
                continue
            }
            line("| " + table.columns.map { markdownEscape($0.text(language)) }.joined(separator: " | ") + " |")
            let numeric = table.columns.indices.map { i in table.rows.contains { $0[i].isNumeric } }
            line("|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined())
            for row in table.rows {
                out += "| "
                for (i, cell) in row.enumerated() {
                    if i > 0 { out += " | " }
                    out += markdownEscape(cell.text(language))
                }
                out += " |\n"
            }
            line("")
        }
        // Lines joined by newlines: none after the last (a scalar, so a "\r" before it stays).
        out.unicodeScalars.removeLast()
        return out
    }

    // MARK: - HTML

    /// Escapes text for HTML and XML: & < > " ' and drops control characters.
    public static func htmlEscape(_ text: String) -> String {
        var out = ""
        for ch in TextSafety.sanitized(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static let css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto; max-width: 60em; color: #111; line-height: 1.4; padding: 0 1em; }
        h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .2em; }
        h2 { font-size: 1.2em; margin-top: 1.6em; }
        p.note { color: #444; font-size: .9em; margin: .2em 0 .6em; }
        p.generated { color: #555; font-size: .85em; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1em; font-size: .92em; }
        th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.bar { width: 35%; }
        span.bar { display: inline-block; height: .8em; background: #4a6fa5; border: 1px solid #2b4a75; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          h2 { page-break-after: avoid; }
          table { page-break-inside: auto; }
          tr { page-break-inside: avoid; }
          th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          span.bar { background: #555; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """

    public static func html(_ report: Report, language: ReportLanguage, generated: Date = Date()) -> String {
        let heading = htmlEscape(title(report, language))
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)" xml:lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(heading)</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <h1>\(heading)</h1>

            """
        // Local date and time in the reader's order, as on the screens (not an ISO instant in UTC).
        let stamp = LocalTime.dateTime(generated, language)
        out += "<p class=\"generated\">" + htmlEscape(t(.madeWith, cells: [.text(stamp)]).text(language)) + "</p>\n"
        for table in tables(report, language: language) {
            out += "<h2>" + htmlEscape(table.title.text(language)) + "</h2>\n"
            if let note = table.note { out += "<p class=\"note\">" + htmlEscape(note.text(language)) + "</p>\n" }
            if table.rows.isEmpty {
                out += "<p>" + htmlEscape(t(.none).text(language)) + "</p>\n"
                continue
            }
            out += "<table>\n<thead>\n<tr>"
            for column in table.columns { out += "<th scope=\"col\">" + htmlEscape(column.text(language)) + "</th>" }
            if table.barColumn != nil { out += "<th scope=\"col\"></th>" }
            out += "</tr>\n</thead>\n<tbody>\n"
            let largest = table.barColumn.map { c in table.rows.compactMap { if case .number(let n) = $0[c] { return n } else { return nil } }.max() ?? 0 } ?? 0
            for row in table.rows {
                out += "<tr>"
                for cell in row {
                    out += (cell.isNumeric ? "<td class=\"num\">" : "<td>") + htmlEscape(cell.text(language)) + "</td>"
                }
                if let c = table.barColumn {
                    var width = 0.0
                    if case .number(let n?) = row[c], largest > 0 { width = Double(n) / Double(largest) * 100 }
                    out += "<td class=\"bar\"><span class=\"bar\" style=\"width: \(String(format: "%.1f", width))%\"></span></td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: - CSV

    public static func csv(_ report: Report, language: ReportLanguage) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        var first = true
        for table in tables(report, language: language) {
            if !first { try writer.write(row: [""]) }
            first = false
            try writer.write(row: [SpreadsheetSafety.neutralise(table.title.text(language))])
            // Percentages are written as plain whole numbers; the header says so.
            let header = table.columns.enumerated().map { i, column in
                let isPercent = table.rows.contains { if case .percent = $0[i] { return true } else { return false } }
                return SpreadsheetSafety.neutralise(column.text(language) + (isPercent ? " (%)" : ""))
            }
            try writer.write(row: header)
            for row in table.rows { try writer.write(row: row.map { $0.csvText(language) }) }
        }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

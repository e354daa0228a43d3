import Foundation
import TwinningCore
import TwinningUI

/// Aligned columns for human-readable command output. Every cell is sanitised
/// (names come from data) and measured in display columns.
struct TextTable {
    let headers: [String]
    var rightAligned: Set<Int> = []
    /// Display width of a string; replaced by the terminal width function.
    var width: (String) -> Int = TextWidth.of

    init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    func render(_ rows: [[String]]) -> [String] {
        let clean = rows.map { $0.map { TextSafety.sanitized($0) } }
        var widths = headers.map(width)
        for row in clean {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], width(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[i] - width(cell)))
                let isLast = i == cells.count - 1
                if rightAligned.contains(i) { parts.append(padding + cell) }
                else { parts.append(isLast ? cell : cell + padding) }
            }
            return parts.joined(separator: "  ")
        }
        return [line(headers)] + clean.map(line)
    }
}

/// Plain-text cells for TSV: no tabs or line breaks inside a cell.
enum TSV {
    static func line(_ cells: [String]) -> String {
        cells.map { TextSafety.sanitized($0).replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t")
    }
}

enum Format {
    /// 588,462 — the same grouping the full-screen program uses in English.
    static func number(_ value: Int?) -> String {
        guard let value else { return "" }
        return Formatting.number(value, CommandLineLanguage.current)
    }

    /// A score or figure in the text output, with the language's decimal
    /// mark ("0,463" in German); machine formats (JSON, TSV) keep the point.
    static func decimal(_ value: Double, digits: Int) -> String {
        Formatting.fixed(value, digits: digits, CommandLineLanguage.current)
    }

    /// "51.5149, 7.4660" in English; in German and French with the decimal
    /// comma, as the full-screen program writes them, and the degree sign
    /// keeping the two numbers apart: "51,5149°, 7,4660°". JSON keeps numbers.
    static func coordinate(_ lat: Double?, _ lon: Double?) -> String {
        guard let lat, let lon else { return "" }
        let language = CommandLineLanguage.current
        if language == .en { return String(format: "%.4f, %.4f", lat, lon) }
        return Formatting.fixed(lat, digits: 4, language) + "°, " + Formatting.fixed(lon, digits: 4, language) + "°"
    }
}

import Foundation

/// Dates as the report writes them, the same text as `PartialDate.iso`,
/// `.german` and `.french`, without `String(format:)`: a report of the whole
/// register writes several hundred thousand dates, and Foundation's
/// formatter was a noticeable part of its CPU.
extension PartialDate {
    /// Zero-padded decimal; the years of a `PartialDate` are 1000…9999, months and days two digits.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    var reportISO: String {
        var s = PartialDate.padded(year, 4)
        if let month { s += "-" + PartialDate.padded(month, 2) }
        if let day { s += "-" + PartialDate.padded(day, 2) }
        return s
    }

    /// "14.05.2026", "05.2026", "2026"; with `/` for French.
    func reportDotted(_ separator: String) -> String {
        switch (month, day) {
        case let (m?, d?): return PartialDate.padded(d, 2) + separator + PartialDate.padded(m, 2) + separator + PartialDate.padded(year, 4)
        case let (m?, nil): return PartialDate.padded(m, 2) + separator + PartialDate.padded(year, 4)
        default: return PartialDate.padded(year, 4)
        }
    }
}

import Foundation

/// A calendar date that may be known only to the year or month: "2026",
/// "2026-05" or "2026-05-14". Twinning charters are often remembered only by
/// year, so the register must not invent a day. Stored as ISO text, which
/// sorts correctly as a string.
public struct PartialDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public static let acceptedForms = "2026-05-14, 14.05.2026, 2026-05 or 2026"

    /// Parses the forms the command line and import accept. `now` supplies the
    /// century for two-digit years ("14.5.26").
    public static func parse(_ raw: String) -> PartialDate? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        // French style 14/05/2026 is the German one with another separator (never both in one date).
        if text.contains("/") && !text.contains(".") { text = text.replacingOccurrences(of: "/", with: ".") }
        if text.contains(".") {
            // German style: 14.05.2026, 14.5.2026, 14.5.26, 05.2026
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
            func year(_ s: String) -> Int? {
                guard let y = Int(s) else { return nil }
                if s.count == 4 { return y }
                if s.count == 2 { return 2000 + y }
                return nil
            }
            switch parts.count {
            case 3:
                guard parts[0].count <= 2, parts[1].count <= 2, let d = Int(parts[0]), let m = Int(parts[1]),
                      let y = year(parts[2]) else { return nil }
                return PartialDate(year: y, month: m, day: d)
            case 2:
                guard parts[0].count <= 2, let m = Int(parts[0]), parts[1].count == 4, let y = Int(parts[1]) else { return nil }
                return PartialDate(year: y, month: m)
            default:
                return nil
            }
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        guard parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        switch parts.count {
        case 1:
            return PartialDate(year: y)
        case 2:
            guard parts[1].count == 2, let m = Int(parts[1]) else { return nil }
            return PartialDate(year: y, month: m)
        case 3:
            guard parts[1].count == 2, parts[2].count == 2, let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            return PartialDate(year: y, month: m, day: d)
        default:
            return nil
        }
    }

    /// ISO form, as stored: "2026", "2026-05", "2026-05-14".
    public var iso: String {
        var s = String(format: "%04d", year)
        if let month { s += String(format: "-%02d", month) }
        if let day { s += String(format: "-%02d", day) }
        return s
    }

    /// German form: "2026", "05.2026", "14.05.2026".
    public var german: String {
        switch (month, day) {
        case let (m?, d?): return String(format: "%02d.%02d.%04d", d, m, year)
        case let (m?, nil): return String(format: "%02d.%04d", m, year)
        default: return String(format: "%04d", year)
        }
    }

    /// French form: "2026", "05/2026", "14/05/2026".
    public var french: String { german.replacingOccurrences(of: ".", with: "/") }

    public var isFullDate: Bool { day != nil }
    public var description: String { iso }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool { lhs.iso < rhs.iso }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Today's date in the local calendar.
    public static func today(_ now: Date = Date()) -> PartialDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: now)
        return PartialDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}

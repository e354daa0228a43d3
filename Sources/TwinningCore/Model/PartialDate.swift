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
        let bytes = Array(raw.trimmingSpaces.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        // French style 14/05/2026 is the German one with another separator (never both in one date).
        let german: UInt8? = bytes.contains(dot) ? dot : bytes.contains(slash) ? slash : nil
        // Every part non-empty and digits only; nil otherwise.
        func numbers(_ separator: UInt8) -> [(value: Int, digits: Int)]? {
            var parts: [(value: Int, digits: Int)] = []
            var value = 0, digits = 0
            for b in bytes + [separator] {
                if b == separator {
                    guard digits > 0 else { return nil }
                    parts.append((value, digits)); value = 0; digits = 0
                } else {
                    guard b >= 48 && b <= 57, digits < 9 else { return nil }
                    value = value * 10 + Int(b - 48); digits += 1
                }
            }
            return parts
        }
        if let separator = german {
            // German style: 14.05.2026, 14.5.2026, 14.5.26, 05.2026
            guard let parts = numbers(separator) else { return nil }
            switch parts.count {
            case 3:
                guard parts[0].digits <= 2, parts[1].digits <= 2 else { return nil }
                let y: Int
                switch parts[2].digits {
                case 4: y = parts[2].value
                case 2: y = 2000 + parts[2].value
                default: return nil
                }
                return PartialDate(year: y, month: parts[1].value, day: parts[0].value)
            case 2:
                guard parts[0].digits <= 2, parts[1].digits == 4 else { return nil }
                return PartialDate(year: parts[1].value, month: parts[0].value)
            default:
                return nil
            }
        }
        guard let parts = numbers(UInt8(ascii: "-")), parts[0].digits == 4 else { return nil }
        let y = parts[0].value
        switch parts.count {
        case 1:
            return PartialDate(year: y)
        case 2:
            guard parts[1].digits == 2 else { return nil }
            return PartialDate(year: y, month: parts[1].value)
        case 3:
            guard parts[1].digits == 2, parts[2].digits == 2 else { return nil }
            return PartialDate(year: y, month: parts[1].value, day: parts[2].value)
        default:
            return nil
        }
    }

    /// A whole number that orders as `iso` does ("2019" < "2019-05" <
    /// "2019-05-01" < "2019-06"): for sorting long lists without making a
    /// string per row.
    public var sortKey: Int { year * 10_000 + (month ?? 0) * 100 + (day ?? 0) }

    /// ISO form, as stored: "2026", "2026-05", "2026-05-14".
    public var iso: String {
        var s = PartialDate.padded(year, 4)
        if let month { s += "-" + PartialDate.padded(month, 2) }
        if let day { s += "-" + PartialDate.padded(day, 2) }
        return s
    }

    /// `String(format: "%0*d")` without Foundation's formatter (the year is
    /// always 1000…9999, month and day 1…31: never negative).
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
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

    /// The order of the ISO text ("2026" before "2026-01" before "2026-01-01"), without building it.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

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

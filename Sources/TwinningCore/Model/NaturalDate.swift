import Foundation

/// Dates as people write them, in German, English and French, on top of what
/// `PartialDate.parse` reads (2026-05-14, 14.05.2026, 2026-05, 2026):
/// "heute"/"today"/"aujourd'hui", "gestern"/"yesterday"/"hier",
/// "morgen"/"tomorrow"/"demain"; "14.5." and "14. Mai" (this year);
/// "14 Mai 2026", "14 May 2026", "May 14, 2026", "1er mai 2026";
/// "Mai 2026", "May 2026" (a month); "05/2026", "14/05/2026", "14/5".
/// Month names come from the system's ICU data (full and short forms), so
/// "März", "Maerz", "Mär", "mars", "déc." all work. Files that are imported
/// keep the strict forms: only people typing get this leniency.
public enum NaturalDate {
    public static func parse(_ raw: String, today: PartialDate) -> PartialDate? {
        let text = SearchKey.fold(raw.trimmingCharacters(in: .whitespaces)).replacingOccurrences(of: "’", with: "'")
        guard !text.isEmpty else { return nil }
        switch text {
        case "today", "heute", "aujourd'hui", "auj": return today
        case "yesterday", "gestern", "hier": return shift(today, days: -1)
        case "tomorrow", "morgen", "demain": return shift(today, days: 1)
        default: break
        }
        if let date = dayMonthOfThisYear(text, today: today) { return date }
        if let date = slashed(text, today: today) { return date }
        if let date = withMonthName(text, today: today) { return date }
        return PartialDate.parse(text)
    }

    /// "14.5." or "14.5": day and month of the current year.
    private static func dayMonthOfThisYear(_ text: String, today: PartialDate) -> PartialDate? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: true)
        guard parts.count == 2, !text.contains("-"), parts.allSatisfy({ $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return PartialDate(year: today.year, month: month, day: day)
    }

    /// "05/2026" (a month), "14/05/2026", "14/5/26", "14/5" (day first, as in
    /// Europe; "05/14/2026" can only be month first and is read so).
    private static func slashed(_ text: String, today: PartialDate) -> PartialDate? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        if parts.count == 2 {
            if parts[1].count == 4 { return PartialDate(year: numbers[1], month: numbers[0]) }
            guard parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            return PartialDate(year: today.year, month: numbers[1], day: numbers[0])
        }
        guard parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4 else { return nil }
        let year = parts[2].count == 2 ? 2000 + numbers[2] : numbers[2]
        if numbers[1] > 12, numbers[0] <= 12 { return PartialDate(year: year, month: numbers[0], day: numbers[1]) }
        return PartialDate(year: year, month: numbers[1], day: numbers[0])
    }

    /// Forms with a month name: "14. mai", "14 mai 2026", "may 14, 2026",
    /// "1er mai", "mai 2026", "mai".
    private static func withMonthName(_ text: String, today: PartialDate) -> PartialDate? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !tokens.isEmpty, tokens.count <= 3 else { return nil }
        var month: Int?
        var numbers: [String] = []
        for token in tokens {
            if let m = monthNumber(token) {
                guard month == nil else { return nil }
                month = m
            } else if let number = dayOrYear(token) {
                numbers.append(number)
            } else {
                return nil
            }
        }
        guard let month else { return nil }
        switch numbers.count {
        case 0:
            return PartialDate(year: today.year, month: month)
        case 1:
            // "Mai 2026" is a month; "14. Mai" a day of this year.
            if numbers[0].count == 4 { return PartialDate(year: Int(numbers[0])!, month: month) }
            guard numbers[0].count <= 2 else { return nil }
            return PartialDate(year: today.year, month: month, day: Int(numbers[0])!)
        case 2:
            guard numbers[0].count <= 2, numbers[1].count == 4 else { return nil }
            return PartialDate(year: Int(numbers[1])!, month: month, day: Int(numbers[0])!)
        default:
            return nil
        }
    }

    /// "14", "14.", "14th", "1st", "1er", "2026" → the digits.
    private static func dayOrYear(_ token: String) -> String? {
        var t = Substring(token)
        if t.hasSuffix(".") { t = t.dropLast() }
        for suffix in ["st", "nd", "rd", "th", "er", "e"] where t.hasSuffix(suffix) && t.count > suffix.count {
            t = t.dropLast(suffix.count)
            break
        }
        guard !t.isEmpty, t.count <= 4, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(t)
    }

    static func monthNumber(_ token: String) -> Int? {
        var key = token
        if key.hasSuffix(".") { key.removeLast() }
        guard key.count >= 3 else { return nil }
        if let month = monthNames[key] { return month }
        // A longer abbreviation such as "sept" or "okto": a prefix of one month only.
        let months = Set(fullMonthNames.filter { $0.key.hasPrefix(key) }.map(\.value))
        return months.count == 1 ? months.first : nil
    }

    private static let fullMonthNames: [String: Int] = {
        var names: [String: Int] = [:]
        for formatter in formatters {
            for (index, name) in (formatter.monthSymbols + formatter.standaloneMonthSymbols).enumerated() {
                names[fold(name)] = index % 12 + 1
            }
        }
        names["maerz"] = 3 // "März" typed without umlaut
        return names
    }()

    private static let monthNames: [String: Int] = {
        var names = fullMonthNames
        for formatter in formatters {
            for (index, name) in (formatter.shortMonthSymbols + formatter.shortStandaloneMonthSymbols).enumerated() {
                names[fold(name)] = index % 12 + 1
            }
        }
        return names
    }()

    private static let formatters: [DateFormatter] = ["de_DE", "en_GB", "fr_FR"].map {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: $0)
        return formatter
    }

    private static func fold(_ name: String) -> String {
        var key = SearchKey.fold(name)
        if key.hasSuffix(".") { key.removeLast() }
        return key
    }

    /// The day `days` away from a full date (a month or year stays as it is).
    public static func shift(_ date: PartialDate, days: Int) -> PartialDate {
        guard let month = date.month, let day = date.day else { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: date.year, month: month, day: day)),
              let moved = calendar.date(byAdding: .day, value: days, to: start) else { return date }
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        return PartialDate(year: c.year!, month: c.month, day: c.day) ?? date
    }
}

import TwinningCore

/// Dates as volunteers type them: everything `PartialDate` reads, plus
/// "today"/"heute", "yesterday"/"gestern" and "14.5." (this year).
public enum DateInput {
    public static func parse(_ raw: String, today: PartialDate) -> PartialDate? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "today", "heute": return today
        case "yesterday", "gestern": return dayBefore(today)
        default: break
        }
        // "14.5." or "14.5" — day and month of the current year.
        let parts = text.split(separator: ".", omittingEmptySubsequences: true)
        if parts.count == 2, !text.contains("-"), parts.allSatisfy({ $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
           let day = Int(parts[0]), let month = Int(parts[1]) {
            return PartialDate(year: today.year, month: month, day: day)
        }
        return PartialDate.parse(text)
    }

    static func dayBefore(_ date: PartialDate) -> PartialDate {
        guard let month = date.month, let day = date.day else { return date }
        if day > 1 { return PartialDate(year: date.year, month: month, day: day - 1)! }
        if month > 1 {
            let previous = month - 1
            return PartialDate(year: date.year, month: previous, day: PartialDate.daysIn(month: previous, year: date.year))!
        }
        return PartialDate(year: date.year - 1, month: 12, day: 31)!
    }
}

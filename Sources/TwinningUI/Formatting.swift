import TwinningCore

/// Numbers and dates the way the user's language writes them.
public enum Formatting {
    /// 588,462 in English, 588.462 in German.
    public static func number(_ value: Int?, _ language: Language) -> String {
        guard let value else { return "" }
        let digits = String(value.magnitude) // abs(Int.min) would trap
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: language == .de ? "." : ",")
    }

    static let months: [Language: [String]] = [
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        .de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    ]
    static let weekdays: [Language: [String]] = [
        .en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        .de: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
    ]

    /// What a typed date was understood as: "Thu 14 May 2026", "Do 14. Mai 2026", "May 2026", "2026".
    public static func longDate(_ date: PartialDate, _ language: Language) -> String {
        guard let month = date.month else { return String(date.year) }
        let monthName = months[language]![month - 1]
        guard let day = date.day else { return "\(monthName) \(date.year)" }
        let weekday = weekdays[language]![dayOfWeek(year: date.year, month: month, day: day)]
        return language == .de ? "\(weekday) \(day). \(monthName) \(date.year)" : "\(weekday) \(day) \(monthName.prefix(3)) \(date.year)"
    }

    /// 0 = Sunday (Sakamoto's method): no calendar or locale needed.
    static func dayOfWeek(year: Int, month: Int, day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }
}

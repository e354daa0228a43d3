import TwinningCore

/// Numbers and dates the way the user's language writes them.
public enum Formatting {
    /// 588,462 in English, 588.462 in German, 588 462 in French (ICU's
    /// narrow no-break space, one column wide): Foundation's formatter with the
    /// language's locale, the same one the reports use.
    public static func number(_ value: Int?, _ language: Language) -> String {
        guard let value else { return "" }
        return ReportWords.number(value, language.report)
    }

    /// 1,234.5 / 1.234,5 / 1 234,5 with `digits` decimals.
    public static func decimal(_ value: Double, digits: Int, _ language: Language) -> String {
        ReportWords.decimal(value, digits: digits, language.report)
    }

    /// Scores and weights: "0.46" in English, "0,46" in German and French
    /// (a German volunteer reads "0.46" as a slip of the pen).
    public static func fixed(_ value: Double, digits: Int, _ language: Language) -> String {
        language == .en ? String(format: "%.\(digits)f", value) : decimal(value, digits: digits, language)
    }

    static let months: [Language: [String]] = [
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        .de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        .fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    ]
    static let weekdays: [Language: [String]] = [
        .en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        .de: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
        .fr: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
    ]

    /// What a typed date was understood as: "Thu 14 May 2026", "Do 14. Mai 2026",
    /// "jeu. 14 mai 2026" (as ICU writes it for fr_FR; a test compares), "May 2026", "2026".
    /// A table rather than a DateFormatter: a partial date has no day or month to format.
    public static func longDate(_ date: PartialDate, _ language: Language) -> String {
        guard let month = date.month else { return String(date.year) }
        let monthName = months[language]![month - 1]
        guard let day = date.day else { return "\(monthName) \(date.year)" }
        let weekday = weekdays[language]![dayOfWeek(year: date.year, month: month, day: day)]
        switch language {
        case .en: return "\(weekday) \(day) \(monthName.prefix(3)) \(date.year)"
        case .de: return "\(weekday) \(day). \(monthName) \(date.year)"
        case .fr: return "\(weekday) \(day) \(monthName) \(date.year)"
        }
    }

    /// 0 = Sunday (Sakamoto's method): no calendar or locale needed.
    static func dayOfWeek(year: Int, month: Int, day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }
}

/// The colon after a label: French sets a space before it ("Thèmes : …"),
/// German and English do not. `wrap` keeps the two together.
func colon(_ language: Language) -> String {
    language == .fr ? " : " : ": "
}

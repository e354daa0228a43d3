import Foundation

/// The languages reports and calendars are written in.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case en, de, fr

    /// The locale numbers are grouped and separated by ("1 234,5" in French).
    public var locale: Locale { Locale(identifier: self == .en ? "en_US" : self == .de ? "de_DE" : "fr_FR") }
}

/// A text of the catalogue with its arguments, written out in a language on
/// demand. Core keeps report words as these so the command line and the
/// screens print the same sentences.
public struct LocalizedText: Hashable, Sendable, CustomStringConvertible {
    public var key: ReportText
    /// Numbers and dates stay values until the language is known: "14.05.2026" / "14/05/2026".
    public var arguments: [ReportCell]

    public init(_ key: ReportText, _ arguments: String...) {
        self.key = key
        self.arguments = arguments.map(ReportCell.text)
    }

    public init(_ key: ReportText, cells: [ReportCell]) {
        self.key = key
        self.arguments = cells
    }

    public func text(_ language: ReportLanguage) -> String { key.text(language.rawValue, arguments.map { $0.text(language) }) }
    /// Texts one after another: "a; b" in English and German, "a ; b" in French.
    public static func list(_ texts: [LocalizedText], _ language: ReportLanguage) -> String {
        texts.map { $0.text(language) }.joined(separator: ReportText.listSeparator.text(language.rawValue))
    }

    public var en: String { text(.en) }
    public var de: String { text(.de) }
    public var fr: String { text(.fr) }
    public var description: String { en }
}

/// Words for the closed vocabularies, in every language.
public enum ReportWords {
    public static func status(_ status: PartnershipStatus) -> LocalizedText {
        switch status {
        case .active: return LocalizedText(.statusActive)
        case .dormant: return LocalizedText(.statusDormant)
        case .proposed: return LocalizedText(.statusProposed)
        case .suspended: return LocalizedText(.statusSuspended)
        case .ended: return LocalizedText(.statusEnded)
        }
    }

    public static func kind(_ kind: EventKind) -> LocalizedText {
        switch kind {
        case .visit: return LocalizedText(.kindVisit)
        case .youth_exchange: return LocalizedText(.kindYouthExchange)
        case .school_exchange: return LocalizedText(.kindSchoolExchange)
        case .culture: return LocalizedText(.kindCulture)
        case .sport: return LocalizedText(.kindSport)
        case .official_delegation: return LocalizedText(.kindOfficialDelegation)
        case .online_meeting: return LocalizedText(.kindOnlineMeeting)
        case .conference: return LocalizedText(.kindConference)
        case .project_work: return LocalizedText(.kindProjectWork)
        case .other: return LocalizedText(.kindOther)
        }
    }

    public static func format(_ format: EventFormat) -> LocalizedText {
        switch format {
        case .in_person: return LocalizedText(.formatInPerson)
        case .online: return LocalizedText(.formatOnline)
        case .hybrid: return LocalizedText(.formatHybrid)
        }
    }

    /// "14.05.2026" in German, "14/05/2026" in French, "2026-05-14" in English.
    public static func date(_ date: PartialDate, _ language: ReportLanguage) -> String {
        switch language {
        case .en: return date.reportISO
        case .de: return date.reportDotted(".")
        case .fr: return date.reportDotted("/")
        }
    }

    /// A whole-number percentage: "42 %" (German and French spacing, the French
    /// one with the narrow no-break space ICU uses) or "42%".
    public static func percent(_ share: Double?, _ language: ReportLanguage) -> String {
        guard let share else { return "–" }
        let value = Int((share * 100).rounded())
        switch language {
        case .en: return "\(value)%"
        case .de: return "\(value) %"
        case .fr: return number(value, .fr) + "\u{202F}%"
        }
    }

    /// 12345 → "12.345" (de), "12,345" (en) or "12 345" (fr, narrow no-break space).
    public static func number(_ value: Int, _ language: ReportLanguage) -> String {
        NumberWriting.integer(value, language)
    }

    /// 1234.5 → "1,234.5", "1.234,5", "1 234,5" with `digits` after the separator.
    public static func decimal(_ value: Double, digits: Int, _ language: ReportLanguage) -> String {
        NumberWriting.decimal(value, digits: digits, language)
    }
}

/// Numbers through Foundation's formatter with the language's locale, so
/// French gets what French readers expect (ICU: narrow no-break space between
/// thousands, comma before decimals) without a table of our own.
enum NumberWriting {
    static func integer(_ value: Int, _ language: ReportLanguage) -> String {
        value.formatted(IntegerFormatStyle<Int>(locale: language.locale).grouping(.automatic))
    }

    static func decimal(_ value: Double, digits: Int, _ language: ReportLanguage) -> String {
        guard value.isFinite else { return "–" }
        return value.formatted(FloatingPointFormatStyle<Double>(locale: language.locale)
            .precision(.fractionLength(digits)).grouping(.automatic))
    }
}

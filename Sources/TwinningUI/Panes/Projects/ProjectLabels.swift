import Foundation
import TwinningCore

/// The words for the project vocabulary in the user's language (catalogue keys `ui.projectStatus…`).
extension ProjectStatus {
    public func label(_ language: Language) -> String {
        switch self {
        case .idea: return tr(.projectStatusIdea, language)
        case .planned: return tr(.projectStatusPlanned, language)
        case .running: return tr(.projectStatusRunning, language)
        case .completed: return tr(.projectStatusCompleted, language)
        case .paused: return tr(.projectStatusPaused, language)
        case .abandoned: return tr(.projectStatusAbandoned, language)
        }
    }
}

extension ProjectRole {
    public func label(_ language: Language) -> String {
        self == .lead ? tr(.projectRoleLead, language) : tr(.projectRolePartner, language)
    }
}

extension FundingState {
    public func label(_ language: Language) -> String {
        switch self {
        case .applied: return tr(.fundingApplied, language)
        case .granted: return tr(.fundingGranted, language)
        case .refused: return tr(.fundingRefused, language)
        case .paid: return tr(.fundingPaid, language)
        }
    }
}

enum ProjectWords {
    /// "Climate action, Youth and schools": stored theme forms as the user reads them.
    static func themes(_ stored: [String], _ language: Language) -> String {
        stored.map { ThemeVocabulary.parse($0).display(language.rawValue) }.joined(separator: ", ")
    }

    /// "03/2025 – 10/2026", "from 2025", "" — a project's time as far as it is known.
    static func period(_ start: PartialDate?, _ end: PartialDate?, _ language: Language) -> String {
        switch (start, end) {
        case let (s?, e?): return s == e ? s.display(language) : "\(s.display(language)) – \(e.display(language))"
        case let (s?, nil): return tr(.projectFrom, language, s.display(language))
        case let (nil, e?): return tr(.projectUntil, language, e.display(language))
        default: return ""
        }
    }

    /// "22.000,00 EUR": an amount in the user's number format with its currency's digits.
    static func amount(_ line: FundingLine, _ language: Language) -> String {
        guard let minor = line.amountMinor else { return line.currency }
        let digits = Currency.digits(line.currency)
        let value = NSDecimalNumber(decimal: Currency.decimal(minor, currency: line.currency)).doubleValue
        return Formatting.decimal(value, digits: digits, language) + " " + line.currency
    }

    /// "42 young people"
    static func indicator(_ indicator: ResultIndicator, _ language: Language) -> String {
        let value = indicator.value
        let text = value == value.rounded() && abs(value) < 1e15
            ? Formatting.number(Int(value), language) : Formatting.decimal(value, digits: 2, language)
        return "\(text) \(TextSafety.sanitized(indicator.unit))"
    }

    /// The line an action gets in lists: "! 15.04.2026  Book the hostel — Claire".
    static func action(_ action: ProjectAction, today: PartialDate, _ language: Language) -> String {
        var when: String
        if let done = action.done {
            when = "✓ " + done.display(language)
        } else if let due = action.due {
            when = (action.isOverdue(today: today) ? "! " : "  ") + due.display(language)
        } else {
            when = "  " + tr(.actionNoDue, language)
        }
        var text = when + "  " + TextSafety.sanitized(action.what)
        if !action.ownerName.isEmpty { text += " — " + TextSafety.sanitized(action.ownerName) }
        return text
    }
}

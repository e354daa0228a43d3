import Foundation

/// The languages reports and calendars are written in.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case en, de
}

/// A short text in English and German. Core keeps report words here so the
/// command line and the screens print the same sentences.
public struct LocalizedText: Hashable, Sendable, CustomStringConvertible {
    public var en: String
    public var de: String
    public init(en: String, de: String) {
        self.en = en
        self.de = de
    }

    public func text(_ language: ReportLanguage) -> String { language == .de ? de : en }
    public var description: String { en }
}

/// Words for the closed vocabularies, in both languages.
public enum ReportWords {
    public static func status(_ status: PartnershipStatus) -> LocalizedText {
        switch status {
        case .active: return LocalizedText(en: "active", de: "aktiv")
        case .dormant: return LocalizedText(en: "dormant", de: "ruhend")
        case .proposed: return LocalizedText(en: "proposed", de: "angebahnt")
        case .suspended: return LocalizedText(en: "suspended", de: "ausgesetzt")
        case .ended: return LocalizedText(en: "ended", de: "beendet")
        }
    }

    public static func kind(_ kind: EventKind) -> LocalizedText {
        switch kind {
        case .visit: return LocalizedText(en: "visit", de: "Besuch")
        case .youth_exchange: return LocalizedText(en: "youth exchange", de: "Jugendbegegnung")
        case .school_exchange: return LocalizedText(en: "school exchange", de: "Schüleraustausch")
        case .culture: return LocalizedText(en: "culture", de: "Kultur")
        case .sport: return LocalizedText(en: "sport", de: "Sport")
        case .official_delegation: return LocalizedText(en: "official delegation", de: "offizielle Delegation")
        case .online_meeting: return LocalizedText(en: "online meeting", de: "Online-Treffen")
        case .conference: return LocalizedText(en: "conference", de: "Konferenz")
        case .project_work: return LocalizedText(en: "project work", de: "Projektarbeit")
        case .other: return LocalizedText(en: "other", de: "Sonstiges")
        }
    }

    public static func format(_ format: EventFormat) -> LocalizedText {
        switch format {
        case .in_person: return LocalizedText(en: "in person", de: "vor Ort")
        case .online: return LocalizedText(en: "online", de: "online")
        case .hybrid: return LocalizedText(en: "hybrid", de: "hybrid")
        }
    }

    /// "14.05.2026" in German, "2026-05-14" in English.
    public static func date(_ date: PartialDate, _ language: ReportLanguage) -> String {
        language == .de ? date.german : date.iso
    }

    /// A whole-number percentage: "42 %" (German spacing) or "42%".
    public static func percent(_ share: Double?, _ language: ReportLanguage) -> String {
        guard let share else { return "–" }
        let value = Int((share * 100).rounded())
        return language == .de ? "\(value) %" : "\(value)%"
    }

    /// 12345 → "12.345" (de) or "12,345" (en).
    public static func number(_ value: Int, _ language: ReportLanguage) -> String {
        let digits = String(value.magnitude) // abs(Int.min) would trap
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(language == .de ? "." : ",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }
}

import Foundation

/// How alive a partnership is, from the date of its last event (or, while a
/// project of it runs, its last done project action). Shared by the
/// reports and the screens so both call the same partnership "dormant".
public enum Health: Int, CaseIterable, Comparable, Sendable {
    case active, quiet, dormant

    public static func < (lhs: Health, rhs: Health) -> Bool { lhs.rawValue < rhs.rawValue }

    /// "active", "quiet", "dormant": stable keys for CSV and scripts.
    public var key: String {
        switch self {
        case .active: return "active"
        case .quiet: return "quiet"
        case .dormant: return "dormant"
        }
    }

    /// The word a report prints (the screens use the same words).
    public var text: LocalizedText {
        switch self {
        case .active: return LocalizedText(.healthActive)
        case .quiet: return LocalizedText(.healthQuiet)
        case .dormant: return LocalizedText(.healthDormant)
        }
    }
}

/// The thresholds of the health marks, in years (settings `health_active_years`, `health_quiet_years`).
public struct HealthRule: Equatable, Sendable {
    public private(set) var activeYears = 2
    public private(set) var quietYears = 5
    /// The years come from a settings file a person typed: they are kept
    /// within 0…100 (and quiet ≥ active), so no value can break the arithmetic.
    public init(activeYears: Int = 2, quietYears: Int = 5) {
        self.activeYears = min(max(activeYears, 0), 100)
        self.quietYears = min(max(quietYears, self.activeYears), 100)
    }

    /// Active: an event within `activeYears`; quiet: within `quietYears`; dormant: older or never.
    /// Counted in months; a date known only to the year counts as its December.
    public func health(lastEvent: PartialDate?, today: PartialDate) -> Health {
        guard let last = lastEvent else { return .dormant }
        let months = (today.year - last.year) * 12 + ((today.month ?? 12) - (last.month ?? 12))
        if months <= activeYears * 12 { return .active }
        if months <= quietYears * 12 { return .quiet }
        return .dormant
    }

    public func health(_ partnership: PartnershipDetail, today: PartialDate) -> Health {
        health(lastEvent: partnership.lastEvent, today: today)
    }

    /// Project work counts as activity: while a partnership has a running
    /// project, the latest done action of its projects counts like an event on
    /// that date (same thresholds). A finished project keeps nobody awake —
    /// without a running one only events count.
    public static func lastActivity(lastEvent: PartialDate?, projects: PartnershipProjectActivity?) -> PartialDate? {
        guard let projects, projects.runningProjects > 0, let done = projects.lastActionDone else { return lastEvent }
        guard let lastEvent else { return done }
        return max(lastEvent, done)
    }

    public func health(_ partnership: PartnershipDetail, projects: PartnershipProjectActivity?, today: PartialDate) -> Health {
        health(lastEvent: HealthRule.lastActivity(lastEvent: partnership.lastEvent, projects: projects), today: today)
    }
}

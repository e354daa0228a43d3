import Foundation
import GRDB

public enum ReviewDecision: String, Vocabulary {
    case accept, reject, snooze
}

/// A volunteer's decision about one suggested partner for one home city.
/// Reviews are kept as a history; the newest per pair is the one that counts.
public struct MatchReview: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var homeCityId: Int64
    public var candidateCityId: Int64
    public var decision: ReviewDecision
    public var reason: String
    /// For a snooze: the day ("YYYY-MM-DD") from which the candidate is suggested again.
    public var snoozeUntil: String?
    public var user: String
    /// ISO 8601 time of the review.
    public var at: String

    public init(id: Int64? = nil, homeCityId: Int64, candidateCityId: Int64, decision: ReviewDecision, reason: String = "",
                snoozeUntil: String? = nil, user: String = "", at: String = "") {
        self.id = id; self.homeCityId = homeCityId; self.candidateCityId = candidateCityId; self.decision = decision
        self.reason = reason; self.snoozeUntil = snoozeUntil; self.user = user; self.at = at
    }

    public func validate() throws {
        if homeCityId == candidateCityId {
            throw ValidationError(field: "candidate", .reviewOwnCity)
        }
        try Validation.notes(reason, field: "reason")
        switch decision {
        case .snooze:
            guard let snoozeUntil, let date = PartialDate.parse(snoozeUntil), date.iso == snoozeUntil, snoozeUntil.count == 10 else {
                throw ValidationError(field: "snooze_until", .snoozeNeedsDate)
            }
        case .accept, .reject:
            if snoozeUntil != nil {
                throw ValidationError(field: "snooze_until", .onlySnoozeHasDate)
            }
        }
    }

    /// True when this review keeps the candidate out of the suggestions on `today` ("YYYY-MM-DD").
    public func excludes(today: String) -> Bool {
        switch decision {
        case .reject: return true
        case .snooze: return (snoozeUntil ?? "") > today
        case .accept: return false
        }
    }
}

extension MatchReview: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "match_review"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

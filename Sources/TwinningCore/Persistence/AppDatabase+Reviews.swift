import Foundation
import GRDB

extension AppDatabase {
    /// Stores a review, stamped with this session's user and the current time,
    /// and logs it in the same transaction (so it shows in the history and
    /// `undoLast()` can take it back). An accept may bring the partnership it
    /// creates: both are written, and logged, together or not at all.
    @discardableResult
    public func addReview(_ review: MatchReview, creating partnership: Partnership? = nil) throws -> MatchReview {
        var review = review
        review.user = actor.user
        review.at = AppDatabase.timestamp()
        try review.validate()
        try partnership?.validate()
        return try write { db in
            try review.insert(db)
            // The same instant as the review itself (it was a second apart under load).
            try log(db, .create, .review, id: review.id!, summary: try AppDatabase.describe(db, review),
                    before: nil, after: ChangeJSON.encode(review), at: review.at)
            if let partnership { _ = try insertPartnership(db, partnership) }
            return review
        }
    }

    /// "review of Lyon for Dortmund: rejected (too far)", for the change log.
    static func describe(_ db: Database, _ review: MatchReview) throws -> String {
        func name(_ id: Int64) throws -> String {
            try String.fetchOne(db, sql: "SELECT name FROM city WHERE id = ?", arguments: [id]) ?? "?"
        }
        var text = "review of \(try name(review.candidateCityId)) for \(try name(review.homeCityId)): "
        switch review.decision {
        case .accept: text += "accepted"
        case .reject: text += "rejected"
        case .snooze: text += "suggest again from \(review.snoozeUntil ?? "?")"
        }
        let reason = TextSafety.excerpt(review.reason, max: 80)
        if !reason.isEmpty { text += " (\(reason))" }
        return text
    }

    /// Reviews, newest first; only those of one home city when given.
    public func reviews(home: Int64? = nil) throws -> [MatchReview] {
        try read { db in
            var request = MatchReview.all()
            if let home { request = request.filter(Column("homeCityId") == home) }
            return try request.order(Column("at").desc, Column("id").desc).fetchAll(db)
        }
    }

    /// Candidates the engine must leave out for a home city on `today`: the
    /// newest review of each pair is a rejection, or a snooze not yet over.
    public func reviewExclusions(home: Int64, today: String = AppDatabase.today()) throws -> Set<Int64> {
        try allReviewExclusions(today: today)[home] ?? []
    }

    /// The same for every home city at once (for `match --batch`, one read).
    public func allReviewExclusions(today: String = AppDatabase.today()) throws -> [Int64: Set<Int64>] {
        var newest: [Int64: [Int64: MatchReview]] = [:]
        // Oldest first, so a later review of the same pair replaces an earlier one.
        for review in try reviews().reversed() { newest[review.homeCityId, default: [:]][review.candidateCityId] = review }
        return newest.mapValues { Set($0.values.filter { $0.excludes(today: today) }.map(\.candidateCityId)) }
    }

    /// Today as "YYYY-MM-DD" in the local time zone.
    public static func today(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}

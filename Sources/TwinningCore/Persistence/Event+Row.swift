import Foundation
import GRDB

extension Event {
    /// Read by hand instead of through Codable, so that a count stored as
    /// 1e300 or "abc", or a split such as {"DE": 1e300}, by an old version or
    /// with sqlite3 does not make every list and report of the database fail
    /// (see `LenientRow.swift`). Counts are kept as near as an Int can hold
    /// them; every sum over them saturates (`SafeMath`).
    public init(row: Row) throws {
        func date(_ column: String) throws -> PartialDate? {
            guard let text = row.lenientText(column) else { return nil }
            guard let date = PartialDate.parse(text) else {
                throw AppError.database(Phrase(.eventBadDate, "\(row["id"] as Int64? ?? 0)", "\(column)", "\(TextSafety.excerpt(text))"))
            }
            return date
        }
        guard let start = try date("startDate") else {
            throw AppError.database(Phrase(.eventNoStart, "\(row["id"] as Int64? ?? 0)"))
        }
        self.init(id: row["id"], partnershipId: row["partnershipId"], title: row.lenientText("title") ?? "",
                  kind: row.lenientText("kind").flatMap(EventKind.init(rawValue:)) ?? .other,
                  startDate: start, endDate: try date("endDate"),
                  direction: row.lenientText("direction").flatMap(EventDirection.init(rawValue:)) ?? .both,
                  format: row.lenientText("format").flatMap(EventFormat.init(rawValue:)) ?? .in_person,
                  participants: row.lenientInt("participants"), youth: row.lenientInt("youth"),
                  participantsByCountry: LenientJSON.counts(row.lenientText("participantsByCountry")),
                  notes: row.lenientText("notes") ?? "", version: row.lenientInt("version") ?? 1,
                  // Absent in a file without v9-projects (read-only): no project.
                  projectId: row.hasColumn("projectId") ? row.lenientInt("projectId").map(Int64.init) : nil)
    }
}

import Foundation
import GRDB

// Event list rows decoded by column position, as leniently as
// `Event(row:)` (Event+Row.swift) reads them by name: looking every column of
// 200,000 rows up by name was most of the time to read the events.

extension Event {
    /// The columns `init(row:at:)` reads, in its order, of the alias `table`;
    /// `projectId` (v9) is NULL for a file without it.
    static func columnsSQL(_ table: String, hasProject: Bool) -> String {
        (["id", "partnershipId", "title", "kind", "startDate", "endDate", "direction", "format", "participants", "youth",
          "participantsByCountry", "notes", "version"].map { "\(table).\($0)" } + [hasProject ? "\(table).projectId" : "NULL"])
            .joined(separator: ", ")
    }
    static let columnCount = 14

    init(row: Row, at start: Int) throws {
        let id = row.lenientInt64(at: start)
        func date(_ index: Int, _ column: String) throws -> PartialDate? {
            guard let text = row.lenientText(at: start + index) else { return nil }
            guard let date = PartialDate.stored(text) else {
                throw AppError.database(Phrase(.eventBadDate, "\(id ?? 0)", "\(column)", "\(TextSafety.excerpt(text))"))
            }
            return date
        }
        guard let startDate = try date(4, "startDate") else { throw AppError.database(Phrase(.eventNoStart, "\(id ?? 0)")) }
        let split = row.lenientText(at: start + 10)
        self.init(id: id, partnershipId: row.lenientInt64(at: start + 1) ?? 0, title: row.lenientText(at: start + 2) ?? "",
                  kind: row.lenientText(at: start + 3).flatMap(EventKind.init(rawValue:)) ?? .other,
                  startDate: startDate, endDate: try date(5, "endDate"),
                  direction: row.lenientText(at: start + 6).flatMap(EventDirection.init(rawValue:)) ?? .both,
                  format: row.lenientText(at: start + 7).flatMap(EventFormat.init(rawValue:)) ?? .in_person,
                  participants: row.lenientInt(at: start + 8), youth: row.lenientInt(at: start + 9),
                  // Most events have no split by country: skip the JSON parser for "{}".
                  participantsByCountry: split == nil || split == "{}" ? [:] : LenientJSON.counts(split),
                  notes: row.lenientText(at: start + 11) ?? "", version: row.lenientInt(at: start + 12) ?? 1,
                  projectId: row.lenientInt(at: start + 13).map(Int64.init))
    }
}

extension EventDetail {
    init(row: Row, at start: Int, cities: inout CityRowCache) throws {
        self.init(event: try Event(row: row, at: start), cityA: cities.city(row, at: start + Event.columnCount),
                  cityB: cities.city(row, at: start + Event.columnCount + 10))
    }
}

import Foundation
import GRDB

/// A twinning between two cities. The pair has no direction: it is stored with
/// the smaller city id first, so "A–B" and "B–A" are the same row and a UNIQUE
/// index refuses a duplicate.
public struct Partnership: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public private(set) var cityA: Int64
    public private(set) var cityB: Int64
    public var type: PartnershipType
    public var status: PartnershipStatus
    public var since: PartialDate?
    public var until: PartialDate?
    public var themes: [String]
    public var notes: String
    public var source: String
    public var version: Int

    public init(id: Int64? = nil, between first: Int64, and second: Int64,
                type: PartnershipType = .partnership, status: PartnershipStatus = .active,
                since: PartialDate? = nil, until: PartialDate? = nil, themes: [String] = [],
                notes: String = "", source: String = "", version: Int = 1) {
        self.id = id
        self.cityA = min(first, second)
        self.cityB = max(first, second)
        self.type = type
        self.status = status
        self.since = since
        self.until = until
        self.themes = themes
        self.notes = notes
        self.source = source
        self.version = version
    }

    /// The other side of the pair, seen from `city`.
    public func partner(of city: Int64) -> Int64 { city == cityA ? cityB : cityA }
    public func involves(_ city: Int64) -> Bool { cityA == city || cityB == city }

    public func validate() throws {
        if cityA == cityB {
            throw ValidationError(field: "cities", .partnerOfItself)
        }
        if let since, let until, until < since {
            throw ValidationError(field: "until", .untilBeforeSince, .date(until), .date(since))
        }
        try Validation.tags(themes, field: "themes")
        try Validation.notes(notes, field: "notes")
        try Validation.shortText(source, field: "source")
    }
}

extension Partnership: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "partnership"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let cityA = Column(CodingKeys.cityA)
        public static let cityB = Column(CodingKeys.cityB)
        public static let status = Column(CodingKeys.status)
        public static let type = Column(CodingKeys.type)
    }
}

extension PartialDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> PartialDate? {
        String.fromDatabaseValue(dbValue).flatMap(PartialDate.parse)
    }
}

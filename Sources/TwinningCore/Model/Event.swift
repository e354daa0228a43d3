import Foundation
import GRDB

/// Something that happened within a partnership: an exchange visit, a youth
/// exchange, an online meeting …
public struct Event: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var partnershipId: Int64
    public var title: String
    public var kind: EventKind
    public var startDate: PartialDate
    public var endDate: PartialDate?
    public var direction: EventDirection
    public var format: EventFormat
    public var participants: Int?
    /// Participants under 30, a figure funders ask for.
    public var youth: Int?
    /// Optional split of participants by ISO country code.
    public var participantsByCountry: [String: Int]
    public var notes: String
    public var version: Int
    /// The joint project this event belongs to (the youth exchange of a climate camp), if any.
    public var projectId: Int64?

    public init(id: Int64? = nil, partnershipId: Int64, title: String = "", kind: EventKind = .visit,
                startDate: PartialDate, endDate: PartialDate? = nil, direction: EventDirection = .both,
                format: EventFormat = .in_person, participants: Int? = nil, youth: Int? = nil,
                participantsByCountry: [String: Int] = [:], notes: String = "", version: Int = 1, projectId: Int64? = nil) {
        self.id = id
        self.partnershipId = partnershipId
        self.title = title
        self.kind = kind
        self.startDate = startDate
        self.endDate = endDate
        self.direction = direction
        self.format = format
        self.participants = participants
        self.youth = youth
        self.participantsByCountry = participantsByCountry
        self.notes = notes
        self.version = version
        self.projectId = projectId
    }

    public func validate() throws {
        try Validation.shortText(title, field: "title")
        if let endDate, endDate < startDate {
            throw ValidationError(field: "end", .endBeforeStart, .date(endDate), .date(startDate))
        }
        try Validation.count(participants, field: "participants")
        try Validation.count(youth, field: "youth")
        if let youth {
            guard let participants else {
                throw ValidationError(field: "youth", .youthNeedsParticipants)
            }
            if youth > participants {
                throw ValidationError(field: "youth", .youthOverParticipants, "\(youth)", "\(participants)")
            }
        }
        for country in participantsByCountry.keys.sorted() {
            let count = participantsByCountry[country]!
            try Validation.knownCountryCode(country, field: "participants_by_country")
            if count < 0 {
                throw ValidationError(field: "participants_by_country", .countryNegative, "\(country)", "\(count)")
            }
            if count > Validation.maxParticipants {
                throw ValidationError(field: "participants_by_country", .countryAtMost, "\(country)",
                                      .number(Validation.maxParticipants), "\(count)")
            }
        }
        // Each count is at most a million, so this sum of a few hundred countries cannot overflow.
        let byCountry = SafeMath.sum(participantsByCountry.values)
        if let participants, byCountry > participants {
            throw ValidationError(field: "participants_by_country", .splitOverParticipants, "\(byCountry)", "\(participants)")
        }
        if participants == nil, byCountry > Validation.maxParticipants {
            throw ValidationError(field: "participants_by_country", .splitOverMaximum, "\(byCountry)",
                                  .number(Validation.maxParticipants))
        }
        try Validation.notes(notes, field: "notes")
    }
}

extension Event: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "event"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let partnershipId = Column(CodingKeys.partnershipId)
        public static let startDate = Column(CodingKeys.startDate)
        public static let projectId = Column(CodingKeys.projectId)
    }
}

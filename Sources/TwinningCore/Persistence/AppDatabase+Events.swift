import Foundation
import GRDB

/// An event with the two city names of its partnership.
public struct EventDetail: Hashable, Sendable, Identifiable {
    public var event: Event
    public var cityA: CitySummary
    public var cityB: CitySummary
    public var id: Int64 { event.id ?? 0 }
}

public struct EventFilter: Sendable, Equatable {
    public var cityId: Int64?
    public var partnershipId: Int64?
    public var year: Int?
    /// Events of this joint project.
    public var projectId: Int64?
    public init(cityId: Int64? = nil, partnershipId: Int64? = nil, year: Int? = nil, projectId: Int64? = nil) {
        self.cityId = cityId
        self.partnershipId = partnershipId
        self.year = year
        self.projectId = projectId
    }
}

extension AppDatabase {
    /// Events, newest first.
    public func events(_ filter: EventFilter = EventFilter(), limit: Int? = nil) throws -> [EventDetail] {
        try read { db in
            let (clauses, args) = AppDatabase.eventClauses(filter)
            return try AppDatabase.eventRows(db, clauses: clauses, arguments: args, limit: limit)
        }
    }

    public func event(id: Int64) throws -> Event? {
        try read { db in try Event.fetchOne(db, key: id) }
    }

    @discardableResult
    public func addEvent(_ event: Event) throws -> Event {
        var event = event
        try event.validate()
        return try write { db in
            guard try Partnership.exists(db, key: event.partnershipId) else {
                throw AppError.notFound(Phrase(.noPartnership, "\(event.partnershipId)"))
            }
            try AppDatabase.checkProjectExists(db, event.projectId)
            try event.insert(db)
            try log(db, .create, .event, id: event.id!, summary: try AppDatabase.describe(db, event), before: nil,
                    after: ChangeJSON.encode(event))
            return event
        }
    }

    @discardableResult
    public func updateEvent(_ event: Event) throws -> Event {
        var event = event
        try event.validate()
        guard let id = event.id else { throw AppError.notFound(Phrase(.eventNotSaved)) }
        return try write { db in
            guard try Partnership.exists(db, key: event.partnershipId) else {
                throw AppError.notFound(Phrase(.noPartnership, "\(event.partnershipId)"))
            }
            try AppDatabase.checkProjectExists(db, event.projectId)
            let before = try Event.fetchOne(db, key: id)
            let expected = event.version
            event.version = expected + 1
            _ = try AppDatabase.updateChecked(db, record: event, id: id, expectedVersion: expected,
                                              table: Event.databaseTableName,
                                              deleted: Phrase(.eventDeletedWhileEditing, "\(id)"),
                                              changed: Phrase(.eventChangedWhileEditing, "\(id)"))
            try log(db, .update, .event, id: id, summary: try AppDatabase.describe(db, event),
                    before: before.map(ChangeJSON.encode), after: ChangeJSON.encode(event))
            return event
        }
    }

    public func removeEvent(id: Int64) throws {
        try write { db in
            guard let event = try Event.fetchOne(db, key: id) else {
                throw AppError.notFound(Phrase(.noEvent, "\(id)"))
            }
            let summary = try AppDatabase.describe(db, event)
            _ = try Event.deleteOne(db, key: id)
            try log(db, .delete, .event, id: id, summary: summary, before: ChangeJSON.encode(event), after: nil)
        }
    }

    /// "event 2025-07-14 youth exchange, Dortmund ↔ Amiens", for the change log.
    static func describe(_ db: Database, _ event: Event) throws -> String {
        let pair = try Partnership.fetchOne(db, key: event.partnershipId).map { try describe(db, $0) } ?? "partnership ?"
        let what = event.title.isEmpty ? event.kind.words : event.title
        return "event \(event.startDate.iso) \(what), \(pair.replacingOccurrences(of: "partnership ", with: ""))"
    }

    // MARK: - Contacts

    public func contacts(cityId: Int64? = nil, partnershipId: Int64? = nil) throws -> [Contact] {
        try read { db in
            var request = Contact.all()
            if let cityId { request = request.filter(Column("cityId") == cityId) }
            if let partnershipId { request = request.filter(Column("partnershipId") == partnershipId) }
            return try request.order(Column("name")).fetchAll(db)
        }
    }

    @discardableResult
    public func addContact(_ contact: Contact) throws -> Contact {
        var contact = contact
        try contact.validate()
        return try write { db in
            try contact.insert(db)
            try log(db, .create, .contact, id: contact.id!, summary: "contact \(contact.name)", before: nil,
                    after: ChangeJSON.encode(contact))
            return contact
        }
    }
}

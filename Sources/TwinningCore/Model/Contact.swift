import Foundation
import GRDB

/// A person to talk to, for a city (the town hall's twinning office) or a
/// partnership (the association's chair on the other side).
public struct Contact: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var name: String
    public var role: String
    public var email: String
    public var phone: String
    public var languages: [String]
    public var cityId: Int64?
    public var partnershipId: Int64?
    public var notes: String
    public var version: Int

    public init(id: Int64? = nil, name: String, role: String = "", email: String = "", phone: String = "",
                languages: [String] = [], cityId: Int64? = nil, partnershipId: Int64? = nil,
                notes: String = "", version: Int = 1) {
        self.id = id
        self.name = name.precomposedStringWithCanonicalMapping
        self.role = role
        self.email = email
        self.phone = phone
        self.languages = languages
        self.cityId = cityId
        self.partnershipId = partnershipId
        self.notes = notes
        self.version = version
    }

    public func validate() throws {
        try Validation.name(name, field: "name")
        try Validation.shortText(role, field: "role")
        try Validation.shortText(email, field: "email")
        try Validation.shortText(phone, field: "phone")
        if !email.isEmpty && (!email.contains("@") || email.contains(" ")) {
            throw ValidationError(field: "email", .notEmail, "\(TextSafety.excerpt(email))")
        }
        try Validation.tags(languages, field: "languages")
        if cityId == nil && partnershipId == nil {
            throw ValidationError(field: "city", .contactNeedsCity)
        }
        try Validation.notes(notes, field: "notes")
    }
}

extension Contact: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contact"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

import Foundation
import GRDB

/// A place: from the GeoNames gazetteer (with its id) or added by a user.
public struct City: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var geonameId: Int64?
    /// As entered, NFC-normalised.
    public var name: String
    /// `SearchKey.fold(name)`; kept in the table so searches need no folding per row.
    public var searchKey: String
    /// Folded ASCII transliteration ("Beijing" for "北京" where known); empty if none.
    public var asciiKey: String
    public var countryCode: String
    public var admin1Code: String?
    public var admin1Name: String?
    public var latitude: Double?
    public var longitude: Double?
    public var population: Int?
    public var timezone: String?
    public var themes: [String]
    public var strengths: [String]
    public var challenges: [String]
    public var notes: String
    public var seekingPartners: Bool
    /// True for cities a user added (not from the gazetteer); they belong to the register.
    public var addedByUser: Bool
    /// Bumped on every update; an update that expects another version is refused.
    public var version: Int

    public init(id: Int64? = nil, geonameId: Int64? = nil, name: String, asciiName: String? = nil,
                countryCode: String, admin1Code: String? = nil, admin1Name: String? = nil,
                latitude: Double? = nil, longitude: Double? = nil, population: Int? = nil,
                timezone: String? = nil, themes: [String] = [], strengths: [String] = [],
                challenges: [String] = [], notes: String = "", seekingPartners: Bool = false,
                addedByUser: Bool = false, version: Int = 1) {
        let nfc = name.precomposed
        self.id = id
        self.geonameId = geonameId
        self.name = nfc
        self.searchKey = SearchKey.fold(nfc)
        self.asciiKey = asciiName.map(SearchKey.fold) ?? ""
        self.countryCode = countryCode.uppercased()
        self.admin1Code = admin1Code
        self.admin1Name = admin1Name
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.timezone = timezone
        self.themes = themes
        self.strengths = strengths
        self.challenges = challenges
        self.notes = notes
        self.seekingPartners = seekingPartners
        self.addedByUser = addedByUser
        self.version = version
    }

    /// Renames the city and keeps the search key in step.
    public mutating func rename(_ newName: String) {
        name = newName.precomposedStringWithCanonicalMapping
        searchKey = SearchKey.fold(name)
    }

    /// "Düsseldorf, North Rhine-Westphalia, DE"
    public var label: String {
        [name, admin1Name, countryCode].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: ", ")
    }

    /// Checks what the database would refuse, in words that name the field.
    public func validate() throws {
        try Validation.name(name, field: "name")
        try Validation.countryCode(countryCode)
        if let latitude, !(-90...90).contains(latitude) {
            throw ValidationError(field: "latitude", .between, "-90", "90", "\(latitude)")
        }
        if let longitude, !(-180...180).contains(longitude) {
            throw ValidationError(field: "longitude", .between, "-180", "180", "\(longitude)")
        }
        try Validation.count(population, field: "population", max: Validation.maxPopulation)
        for (field, tags) in [("themes", themes), ("strengths", strengths), ("challenges", challenges)] {
            try Validation.tags(tags, field: field)
        }
        try Validation.notes(notes, field: "notes")
        for (field, value) in [("admin1_code", admin1Code), ("admin1_name", admin1Name), ("timezone", timezone)] {
            if let value { try Validation.shortText(value, field: field) }
        }
    }
}

extension City: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "city"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let geonameId = Column(CodingKeys.geonameId)
        public static let name = Column(CodingKeys.name)
        public static let searchKey = Column(CodingKeys.searchKey)
        public static let countryCode = Column(CodingKeys.countryCode)
        public static let population = Column(CodingKeys.population)
        public static let version = Column(CodingKeys.version)
    }
}

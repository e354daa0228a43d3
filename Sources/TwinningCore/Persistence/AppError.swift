import Foundation
import GRDB

/// Errors a volunteer may see, each with a plain message: English in
/// `description` (logs, tests), in the volunteer's language from `text(_:)`.
public enum AppError: SayableError, Equatable, Sendable, LocalizedError {
    /// A value the register may not hold (field rules, CHECK constraints).
    case invalid(ValidationError)
    /// The record was changed or deleted by someone else since it was read.
    case conflict(Phrase)
    case notFound(Phrase)
    /// The database file cannot be used (not SQLite, a directory, no permission…).
    case database(Phrase)
    case readOnly(Phrase)
    /// The database's files were deleted or replaced under the running program.
    case filesChanged(Phrase)

    /// What the error says, in any language.
    public var phrase: Phrase {
        switch self {
        case .invalid(let error): return error.fullPhrase
        case .conflict(let phrase), .notFound(let phrase), .database(let phrase), .readOnly(let phrase),
             .filesChanged(let phrase):
            return phrase
        }
    }

    public var description: String { phrase.english }
    public func text(_ language: String) -> String { phrase.text(language) }
    public var errorDescription: String? { description }

    /// Turns SQLite's words into a volunteer's words. Constraint names in
    /// `Schema` are chosen so they can be recognised here.
    static func from(_ error: Error, path: String? = nil) -> Error {
        // GRDB's decoding error lists the whole row (and its SQL): not for a
        // volunteer's screen, and possibly full of someone's notes.
        if error is RowDecodingError {
            let name = path.map { " " + ($0 as NSString).lastPathComponent } ?? ""
            return AppError.database(Phrase(.recordUnreadable, "\(name)"))
        }
        guard let dbError = error as? DatabaseError else { return error }
        let message = dbError.message ?? ""
        let place = path.map { " (\($0))" } ?? ""
        switch dbError.resultCode {
        case .SQLITE_CONSTRAINT:
            let rules: [(String, ValidationError)] = [
                ("partnership_unique_pair", ValidationError(field: "cities", .alreadyPartners)),
                ("partnership.cityA, partnership.cityB", ValidationError(field: "cities", .alreadyPartners)),
                ("partnership_not_self", ValidationError(field: "cities", .partnerOfItself)),
                ("partnership_until_after_since", ValidationError(field: "until", .beforeSince)),
                ("event_youth_within_participants", ValidationError(field: "youth", .youthOverParticipantsStored)),
                ("event_end_not_before_start", ValidationError(field: "end", .beforeStart)),
                ("event_participants_not_negative", ValidationError(field: "participants", .negative)),
                ("event_youth_not_negative", ValidationError(field: "youth", .negative)),
                ("city.geonameId", ValidationError(field: "geonameid", .geonameIdTaken)),
                ("city_population_not_negative", ValidationError(field: "population", .negative)),
                ("city_name_valid", ValidationError(field: "name", .nameStored)),
                ("city_country_valid", ValidationError(field: "country", .countryCodeStored)),
                ("FOREIGN KEY", ValidationError(field: "reference", .foreignKey)),
            ]
            for (needle, validation) in rules where message.contains(needle) {
                return AppError.invalid(validation)
            }
            return AppError.invalid(ValidationError(field: "record", .refusedByDatabase, "\(message)"))
        case .SQLITE_NOTADB:
            return AppError.database(Phrase(.notDatabase, "\(place)"))
        case .SQLITE_CANTOPEN:
            return AppError.database(Phrase(.cannotOpen, "\(place)", "\(message)"))
        case .SQLITE_READONLY:
            return AppError.readOnly(Phrase(.readOnly, "\(place)"))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return AppError.database(Phrase(.busy))
        case .SQLITE_PERM, .SQLITE_AUTH:
            return AppError.database(Phrase(.noPermission, "\(place)"))
        case .SQLITE_CORRUPT:
            return AppError.database(Phrase(.damaged, "\(place)"))
        case .SQLITE_FULL:
            return AppError.database(Phrase(.diskFull, "\(place)"))
        default:
            return AppError.database(Phrase(.databaseError, "\(place)", "\(message)"))
        }
    }
}

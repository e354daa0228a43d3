import Foundation
import GRDB

/// Errors a volunteer may see, each with a plain message.
public enum AppError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A value the register may not hold (field rules, CHECK constraints).
    case invalid(ValidationError)
    /// The record was changed or deleted by someone else since it was read.
    case conflict(String)
    case notFound(String)
    /// The database file cannot be used (not SQLite, a directory, no permission…).
    case database(String)
    case readOnly(String)
    /// The database's files were deleted or replaced under the running program.
    case filesChanged(String)

    public var description: String {
        switch self {
        case .invalid(let error): return error.description
        case .conflict(let message), .notFound(let message), .database(let message), .readOnly(let message),
             .filesChanged(let message):
            return message
        }
    }
    public var errorDescription: String? { description }

    /// Turns SQLite's words into a volunteer's words. Constraint names in
    /// `Schema` are chosen so they can be recognised here.
    static func from(_ error: Error, path: String? = nil) -> Error {
        // GRDB's decoding error lists the whole row (and its SQL): not for a
        // volunteer's screen, and possibly full of someone's notes.
        if error is RowDecodingError {
            let name = path.map { " " + ($0 as NSString).lastPathComponent } ?? ""
            return AppError.database("A record in the database\(name) could not be read: it was written by another version "
                                     + "of twinning or changed by hand. Please update twinning, or restore a backup.")
        }
        guard let dbError = error as? DatabaseError else { return error }
        let message = dbError.message ?? ""
        let place = path.map { " (\($0))" } ?? ""
        switch dbError.resultCode {
        case .SQLITE_CONSTRAINT:
            let rules: [(String, ValidationError)] = [
                ("partnership_unique_pair", ValidationError(field: "cities", message: "these two cities are already partners")),
                ("partnership.cityA, partnership.cityB", ValidationError(field: "cities", message: "these two cities are already partners")),
                ("partnership_not_self", ValidationError(field: "cities", message: "a city cannot be partnered with itself")),
                ("partnership_until_after_since", ValidationError(field: "until", message: "is before since")),
                ("event_youth_within_participants", ValidationError(field: "youth", message: "under-30s cannot exceed participants")),
                ("event_end_not_before_start", ValidationError(field: "end", message: "is before the start")),
                ("event_participants_not_negative", ValidationError(field: "participants", message: "cannot be negative")),
                ("event_youth_not_negative", ValidationError(field: "youth", message: "cannot be negative")),
                ("city.geonameId", ValidationError(field: "geonameid", message: "a city with this GeoNames id is already in the database")),
                ("city_population_not_negative", ValidationError(field: "population", message: "cannot be negative")),
                ("city_name_valid", ValidationError(field: "name", message: "must be 1 to 200 characters without control characters")),
                ("city_country_valid", ValidationError(field: "country", message: "must be a two-letter ISO code")),
                ("FOREIGN KEY", ValidationError(field: "reference", message: "refers to a record that does not exist, or is still used by another record")),
            ]
            for (needle, validation) in rules where message.contains(needle) {
                return AppError.invalid(validation)
            }
            return AppError.invalid(ValidationError(field: "record", message: "refused by the database: \(message)"))
        case .SQLITE_NOTADB:
            return AppError.database("This file is not a twinning database (not SQLite)\(place).")
        case .SQLITE_CANTOPEN:
            return AppError.database("Cannot open the database file\(place): \(message). Is it a folder, or is the folder missing?")
        case .SQLITE_READONLY:
            return AppError.readOnly("The database is read-only\(place): changes cannot be saved.")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return AppError.database("The database stayed busy: another volunteer is writing a lot. Please try again.")
        case .SQLITE_PERM, .SQLITE_AUTH:
            return AppError.database("No permission to use the database\(place).")
        case .SQLITE_CORRUPT:
            return AppError.database("The database file is damaged\(place). Restore it from a backup.")
        case .SQLITE_FULL:
            return AppError.database("The disk is full: nothing was saved\(place).")
        default:
            return AppError.database("Database error\(place): \(message)")
        }
    }
}

import Foundation

/// A message that can be said in any of the program's languages: a text of
/// the catalogue (`error.*`) with its arguments, written out when the
/// language is known. `ValidationError`, `ImportError` and `AppError` carry
/// one, so the command line and the screens show the volunteer's language
/// while logs and tests keep reading the English `description`.
///
/// A phrase written as a string literal (`AppError.notFound("…")`) is English
/// only: the form for a message not yet in the catalogue.
public struct Phrase: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// What goes into a `{1}`, `{2}` … of the text.
    public enum Argument: Hashable, Sendable, ExpressibleByStringInterpolation {
        /// Said as it is in every language: a file or field name, an excerpt of
        /// a bad value, SQLite's own words.
        case text(String)
        /// Grouped the language's way: 1,000,000 · 1.000.000 · 1 000 000.
        case number(Int)
        /// 2026-05-14 in English (as typed in files), 14.05.2026 in German, 14/05/2026 in French.
        case date(PartialDate)
        /// A message inside this one (a validation error inside an import error).
        case phrase(Phrase)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

        public func text(_ language: String) -> String {
            switch self {
            case .text(let text): return text
            case .number(let value): return NumberText.grouped(value, language)
            case .date(let date):
                guard let report = ReportLanguage(rawValue: language), report != .en else { return date.iso }
                return ReportWords.date(date, report)
            case .phrase(let phrase): return phrase.text(language)
            }
        }
    }

    enum Form: Hashable, Sendable {
        case said(ErrorText, [Argument])
        case english(String)
    }

    let form: Form

    public init(_ key: ErrorText, _ arguments: Argument...) { form = .said(key, arguments) }
    public init(_ key: ErrorText, arguments: [Argument]) { form = .said(key, arguments) }
    /// English only (a message not yet in the catalogue).
    public init(english: String) { form = .english(english) }
    public init(stringLiteral value: String) { form = .english(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { form = .english(String(stringInterpolation: stringInterpolation)) }

    /// The catalogue key, nil for an English-only phrase.
    public var key: ErrorText? {
        if case .said(let key, _) = form { return key }
        return nil
    }

    public func text(_ language: String) -> String {
        switch form {
        case .said(let key, let arguments): return key.text(language, arguments.map { $0.text(language) })
        case .english(let text): return text
        }
    }

    public var english: String { text("en") }
    public var description: String { english }

    /// "youth: …" / "youth : …": a field (or column) name and what is wrong with it.
    public static func field(_ name: String, _ message: Phrase) -> Phrase { Phrase(.field, .text(name), .phrase(message)) }

    /// "a; b; c" (French "a ; b ; c"): several problems in one message.
    public static func joined(_ phrases: [Phrase]) -> Phrase {
        guard let first = phrases.first else { return Phrase(english: "") }
        if phrases.count == 1 { return first }
        return Phrase(.list, .phrase(first), .phrase(joined(Array(phrases.dropFirst()))))
    }

    /// What any error says: the three kinds the volunteer sees in the
    /// catalogue's words, anything else as its own (English) description.
    public init(_ error: Error) {
        switch error {
        case let error as AppError: self = error.phrase
        case let error as ValidationError: self = error.fullPhrase
        case let error as ImportError: self = error.fullPhrase
        case let error as SafeWriteError: self = error.phrase
        default: self = Phrase(english: "\(error)")
        }
    }
}

/// An error that can be said in the volunteer's language (`en`, `de`, `fr`).
public protocol SayableError: Error, CustomStringConvertible {
    func text(_ language: String) -> String
}

/// The catalogue keys of the error messages (`error.*` in `Resources/Texts`).
public enum ErrorText: String, CatalogueKey {
    public static let prefix = "error"

    // The frames: a field's message, a file's message, a list
    case field, inFile, inFileLine, list
    // The rules every field follows
    case negativeValue, negative, atMost, empty, tooLong, controlCharacter, countryCodeShape, unknownCountry
    case tagLength, tagComma, between
    // Cities, partnerships, contacts, events, suggestions
    case reviewOwnCity, snoozeNeedsDate, onlySnoozeHasDate, partnerOfItself, untilBeforeSince, endBeforeStart
    case notEmail, contactNeedsCity, youthNeedsParticipants, youthOverParticipants, countryNegative, countryAtMost
    case splitOverParticipants, splitOverMaximum
    // Projects, funding, results
    case indicatorTooLarge, indicatorNeedsUnit, projectTwoCities, projectMostCities, cityTwice, partnershipTwice
    case contactTwice, mostLines, fundingNeedsProgramme, amountRange, currencyCode, fundingShape, notAmountTyped
    case indicatorShape
    // Partner suggestions' weight profiles
    case notProfileName, noWeightProfile, weightsLine, weightsShape, weightsMode, weightsDistance, weightsUnknownFeature
    case weightsRange
    // What the database refuses or cannot do
    case recordUnreadable, alreadyPartners, beforeSince, youthOverParticipantsStored, beforeStart, geonameIdTaken
    case nameStored, countryCodeStored, foreignKey, refusedByDatabase, notDatabase, cannotOpen, readOnly, busy
    case noPermission, damaged, diskFull, databaseError
    // Saving, finding and removing records (AppDatabase): not saved yet, changed or deleted meanwhile, not there
    case cityNotSaved, partnershipNotSaved, eventNotSaved, projectNotSaved, actionNotSaved
    case cityDeletedWhileEditing, cityChangedWhileEditing, partnershipDeletedWhileEditing, partnershipChangedWhileEditing
    case eventDeletedWhileEditing, eventChangedWhileEditing, projectDeletedWhileEditing, projectChangedWhileEditing
    case actionDeletedWhileEditing, actionChangedWhileEditing
    case noPartnership, noEvent, noProject, noAction, noProjectCalled, projectsFit
    case alreadyPartnersNamed, noCityRef, noContactRef, noProjectRef
    // What twinning check finds, and a shared database others cannot write
    case checkDamaged, checkOrphans, checkCounts, checkUpgradePending, groupNotWritable
    // Writing a file (an export, a report, a backup)
    case fileExists, fileIsDatabase, fileIsFolder, fileNotPlain, fileNoFolder, cannotWrite
    // Reading an import file
    case noSuchFile, isFolder, cannotRead, fileEmpty, nulByte, notUTF8, headerColumnNoName, headerColumnTwice
    case unclosedQuote, columnCount, noDataRows, jsonNotArray, notJSON, jsonNotObject, jsonEmpty
    // A cell of an import file
    case requiredEmpty, notWholeNumber, notGeonameId, notNumber, dateForms, notDate, notYesNo, notOneOf
    // Participants per country ("DE:20; FR:22")
    case splitShape, splitNotCode, splitUnknownCountry, splitNotCount, splitTwice
    // Importing cities, partnerships and events
    case unknownColumn, columnMissing, cityChangedDuringImport, geonameIdTwice, unknownGeonameId, emptyAndNoName
    case noCityCalled, noCityCalledIn, severalCities, sideColumnsMissing, cityDeletedDuringCheck
    case partnershipDeletedDuringCheck, partnerOfItselfNamed, pairTwiceInFile, pairInDatabase, noPartnershipBetween
    case noPartnershipId, sayWhichPartnership, noProjectImportFirst, projectsCalled, eventChangedDuringImport
    // Importing projects
    case notUTF8Read, requiredMissing, wrongKind, notProjectArray, projectRefused, projectField, notDateForms
    case severalCitiesCalled, noCityInDatabase, notPartners, contactsCalled, namedContact, notAmountFile
    case projectTitleTwice, projectTitleTaken, noSuchCSVFile, columnMissingOf, projectKeyEmpty, notGeonameIdWhole
    case cityEmpty, keyTwice, emptyField, listedTwice, contactPartnershipBoth, noProjectKey, partnershipBoth
    case notNumberSuchAs
    // Opening the database file
    case readOnlyNeedsUpgrade, databaseIsFolder, databaseNotFile, noDatabase, cannotCreateFolder, readOnlyPath
    case newerVersion, newerVersionFile, newerTables, newerTablesFile, missingColumn, missingColumnFile, fileDeleted
    case fileReplaced, folderNotDatabase, emptyDatabaseFile, notSQLite, foreignNoTables, foreignTables
    case unreadableDatabase
    // Undo and the change log
    case noImport, importUndoneAlready, cannotUndoThis, cannotUndo, changedSince, undoAddedDeleted, undoAddedChanged
    case undoUpdatedChanged, undoNewPartnerships, undoNewContacts, undoNewReviews, undoNewEvents, undoEditedActions
    case undoNewActions, noCopyInLog
    // Backups
    case backupNotFolder, noBackupFolder, noFolderForBackup, cannotRemoveBackup, backupFailed, backupDamaged
    case backupOrphans, backupRowCount, backupNoTable, backupUnreadable
    // A record in the database that twinning cannot read
    case eventBadDate, eventNoStart, partnershipBadValue, projectBadDate
    // Reports and partner suggestions
    case noCity, notInMatchIndexReload, notInMatchIndex
    // The program's own data files
    case dataFileBadId, cannotReadFile, dataFileFields
    // A command line that cannot be read (ArgumentParser's messages, Sources/twinning/ArgumentErrors.swift)
    case argError, argSeeHelp, argInvalidValue, argInvalidValueBecause, argInvalidValueChoices, argUnknownOptionDidYouMean
    case argUnknownOption, argMissingValue, argMissingArgument, argMissingOneOf, argUnexpected, argUnexpectedMany
    case argNoValueTaken, argInvalidOption, argMissingSubcommand
}

import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

enum TableKind: String, ExpressibleByArgument, CaseIterable {
    case cities, partnerships, events, projects
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: t(.aboutImport),
        discussion: t(.discussImport))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(t(.hCitiesPartnershipsOrEvents))) var kind: TableKind
    @Argument(help: ArgumentHelp(t(.hTheFileToRead))) var file: String

    func run() throws {
        try runReporting {
            let database = try openDatabase(global)
            let interactive = Console.stderrIsTerminal
            let importer = Importer(database: database) { done, total in
                guard interactive, total > 0 else { return }
                FileHandle.standardError.write(Data("\r\(t(.importing)): \(done * 100 / total)%   ".utf8))
            }
            let report: ImportReport
            switch kind {
            case .cities: report = try importer.importCities(path: file)
            case .partnerships: report = try importer.importPartnerships(path: file)
            case .events: report = try importer.importEvents(path: file)
            case .projects:
                report = ProjectCSV.isCSV(file) ? try importer.importProjects(csvFolder: file) : try importer.importProjects(path: file)
            }
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            print(Self.summary(report, kind: kind, file: file))
            if let id = report.changeId { print(t(.loggedImport, String(id))) }
        }
    }

    /// "Imported 12 cities and updated 3 (5 unchanged) from cities.csv in 1.23 s;
    /// other writers waited at most 0.00 s." in the user's language, numbers and
    /// seconds written its way (1.234 and 1,23 s in German).
    static func summary(_ report: ImportReport, kind: TableKind, file: String) -> String {
        let added: CLIText = switch kind {
        case .cities: .importedCities
        case .partnerships: .importedPartnerships
        case .events: .importedEvents
        case .projects: .importedProjects
        }
        var line = t(added, Format.number(report.added))
        if report.updated > 0 { line = t(.importedAndUpdated, line, Format.number(report.updated)) }
        if report.unchanged > 0 { line = t(.importedUnchanged, line, Format.number(report.unchanged)) }
        return t(.importedFrom, line, Format.decimal(report.seconds, digits: 2), Format.decimal(report.lockSeconds, digits: 2),
                 TextSafety.sanitized(file))
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: t(.aboutExport),
        discussion: t(.discussExport))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(t(.hCitiesPartnershipsOrEvents))) var kind: TableKind
    @Option(help: ArgumentHelp(t(.hCsvJsonOrIcsEvents))) var format: String = "csv"
    @Option(help: ArgumentHelp(t(.hWriteToThisFileInstead))) var output: String?
    @Flag(help: ArgumentHelp(t(.hReplaceAnExistingOutputFile))) var force = false
    @Flag(help: ArgumentHelp(t(.hCitiesTheWholeGazetteerNot))) var all = false
    @Option(help: ArgumentHelp(t(.hOnlyWhatConcernsThisCity))) var city: String?

    func run() throws {
        try runReporting {
            let wanted = format.lowercased()
            if wanted == "ics" || wanted == "ical" || wanted == "icalendar" {
                guard kind == .events else {
                    throw UserError(t(.errIcsEventsOnly))
                }
                try exportCalendar()
                return
            }
            guard let exportFormat = ExportFormat(rawValue: wanted) else {
                throw UserError(t(.errExportFormat, TextSafety.excerpt(format), kind == .events ? "csv, json, ics" : "csv, json"))
            }
            if kind == .projects && exportFormat == .csv {
                try exportProjectFolder()
                return
            }
            try checkOutput(output, force: force, database: global.databasePath)
            let database = try openDatabase(global)
            let exporter = Exporter(database: database)
            let cityId = try city.map { try resolveCity($0, in: database).id }
            let text: String
            switch kind {
            case .cities: text = try exporter.exportCities(format: exportFormat, all: all)
            case .partnerships: text = try exporter.exportPartnerships(format: exportFormat, filter: PartnershipFilter(cityId: cityId ?? nil))
            case .events: text = try exporter.exportEvents(format: exportFormat, filter: EventFilter(cityId: cityId ?? nil))
            case .projects:
                // JSON here; the CSV form is a folder (exportProjectFolder).
                text = try ProjectTransfer.exportJSON(database, filter: ProjectFilter(cityId: cityId ?? nil))
            }
            try emit(text, to: output, force: force, database: global.databasePath)
            if let output { Console.error(t(.wrote, output)) }
        }
    }

    /// Projects as CSV: one file per table (`ProjectCSV.files`) in the --output folder, made when missing
    /// (its parent must exist). Every file is checked before any is written, so a refused
    /// file (exists, no --force) leaves the folder as it was.
    private func exportProjectFolder() throws {
        guard let folder = output else { throw UserError(t(.errProjectsCsvFolder)) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw UserError(t(.errProjectsCsvNotFolder, TextSafety.sanitized(folder))) }
        let writer = SafeFileWriter(protecting: [global.databasePath])
        let paths = ProjectCSV.files.map { (folder as NSString).appendingPathComponent($0.name) }
        do {
            if !exists { try writer.checkTarget(folder, existing: .refuse) }
            else { for path in paths { try writer.checkTarget(path, existing: force ? .replace : .refuse) } }
        } catch let error as SafeWriteError {
            throw UserError(outputMessage(error))
        }
        let database = try openDatabase(global)
        let cityId = try city.map { try resolveCity($0, in: database).id }
        let files = try ProjectCSV.export(database, filter: ProjectFilter(cityId: cityId ?? nil))
        if !exists {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false) } catch {
                throw UserError(outputMessage(.failed(path: folder, reason: error.localizedDescription)))
            }
        }
        for (path, file) in zip(paths, files) {
            try emit(file.text, to: path, force: force, database: global.databasePath)
        }
        Console.error(t(.wroteProjectFiles, String(files.count), TextSafety.sanitized(folder)))
    }

    private func exportCalendar() throws {
        let environment = ProcessInfo.processInfo.environment
        let config = UserConfig.load(path: UserConfig.defaultPath(environment: environment))
        let language = Language.detect(option: global.lang ?? config["language"], environment: environment).report
        try checkOutput(output, force: force, database: global.databasePath)
        let database = try openDatabase(global)
        let home = try city.map { try resolveCity($0, in: database) }
        let events = try database.events(EventFilter(cityId: home?.id))
        let name = home.map { "twinning – \($0.name)" } ?? "twinning"
        // Open project actions go in as all-day entries on their due day (see ICalendar+Actions.swift).
        let actions = try database.calendarActions(cityId: home?.id)
        let text = ICalendar.document(events: events, databaseId: try database.stableIdentifier(), language: language,
                                      calendarName: name, home: home?.id, actions: actions)
        try emit(text, to: output, force: force, database: global.databasePath)
        if let output { Console.error(t(events.count == 1 ? .wroteEventOne : .wroteEvents, String(events.count), output)) }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: t(.aboutInit))
    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(t(.hOnlyTheGazetteerNoDemo))) var empty = false
    @Flag(help: ArgumentHelp(t(.hNotEvenTheGazetteerAn))) var bare = false
    @Flag(help: ArgumentHelp(t(.hReplaceAnExistingDatabaseIts))) var force = false

    func run() throws {
        try runReporting {
            let path = global.databasePath
            let fm = FileManager.default
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw UserError(t(.errIsFolder, path)) }
                guard force else { throw UserError(t(.errExists, path)) }
                for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
                    do { try fm.removeItem(atPath: path + suffix) } catch {
                        throw UserError(t(.errCannotRemove, path + suffix, error.localizedDescription))
                    }
                }
            }
            let database = try AppDatabase.open(path: path)
            if bare {
                try database.setMeta("contents", "bare")
                Console.error(t(.createdBare, path))
            } else {
                try populate(database, path: path, demo: !empty)
            }
        }
    }
}

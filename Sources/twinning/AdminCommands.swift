import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

/// `twinning log`: who changed what, and when.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: t(.aboutLog))
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(t(.hOnlyChangesSinceThisDate))) var since: String?
    @Option(help: ArgumentHelp(t(.hOnlyChangesByThisLogin))) var user: String?
    @Option(help: ArgumentHelp(t(.hAtMostThisManyLines))) var limit: Int = 100
    @Option(help: ArgumentHelp(t(.hTextJsonOrTsv))) var format: OutputFormat = .text

    func run() throws {
        try runReporting {
            let database = try openDatabase(global)
            let from = try since.map { try parseDate($0, option: "--since").iso }
            let changes = try database.changes(since: from, user: user, limit: limit)
            switch format {
            case .json:
                struct Line: Encodable { let at, user, action, entity, summary: String; let id: Int64; let before, after: String? }
                try emit(encodeJSON(changes.map {
                    Line(at: $0.at, user: $0.user, action: $0.action.rawValue, entity: $0.entity.rawValue, summary: $0.summary,
                         id: $0.entityId, before: $0.before, after: $0.after)
                }), to: nil)
            case .tsv:
                let lines = [TSV.line(["at", "user", "action", "entity", "id", "summary"])]
                    + changes.map { TSV.line([$0.at, $0.user, $0.action.rawValue, $0.entity.rawValue, String($0.entityId), $0.summary]) }
                try emit(lines.joined(separator: "\n") + "\n", to: nil)
            case .text:
                if changes.isEmpty { print(t(.noChanges)); return }
                // What people read is told in their language from the structured record (as the
                // full-screen history does); JSON and TSV keep the stored English summary and UTC.
                let language = CommandLineLanguage.current
                var names: [Int64: String] = [:]
                func cityName(_ id: Int64) -> String? {
                    if let known = names[id] { return known }
                    let name = (try? database.city(id: id))??.name
                    names[id] = name
                    return name
                }
                let table = TextTable(headers: [t(.colWhen), t(.colWho), t(.colWhat), t(.colRecord)])
                try emit(table.render(changes.map {
                    [LocalTime.dateTime($0.at, language.report), $0.user,
                     // An import is undone by its number: `twinning undo --import ID`.
                     ChangeWords.verb($0.action, language) + ($0.action == .import ? " \($0.entityId)" : "")
                        + ($0.undone ? " " + tr(.historyUndone, language) : ""),
                     ChangeWords.subject($0, language, cityName: cityName)]
                }).joined(separator: "\n") + "\n", to: nil)
            }
        }
    }
}

/// `twinning backup DEST`: an online copy, safe while others work, verified
/// before it gets its name; exit 1 on any failure, so cron reports it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: t(.aboutBackup),
        discussion: t(.discussBackup))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(t(.hTheFileOrTheFolder))) var destination: String
    @Flag(help: ArgumentHelp(t(.hReplaceAnExistingFileNever))) var force = false
    @Option(help: ArgumentHelp(t(.hBackingUpIntoAFolder))) var keep: Int?

    func run() throws {
        try runReporting {
            if let keep, keep < 1 { throw UserError(t(.errKeep, String(keep))) }
            let source = global.databasePath
            // Never create a database here: a mistyped --db would be "backed up" empty every night.
            if let problem = DatabaseFile.problemPhrase(source) { throw UserError(problem.text(CommandLineLanguage.current.rawValue)) }
            let plan = try BackupPlan.resolve(destination)
            if keep != nil && plan.folder == nil {
                throw UserError(t(.errKeepFolder, destination))
            }
            let files = SafeFileWriter(protecting: [source])
            do {
                try files.checkTarget(plan.target, existing: force ? .replace : .refuse)
            } catch let error as SafeWriteError {
                throw UserError(outputMessage(error))
            }
            let database = try AppDatabase.open(path: source, create: false)
            let result: BackupResult
            do {
                result = try database.backup(to: plan.target, replace: force)
            } catch let error as SafeWriteError {
                throw UserError(outputMessage(error))
            }
            let c = result.counts
            print(t(.backedUp, result.path, String(c.cities), String(c.registerCities), String(c.partnerships), String(c.events),
                    String(c.contacts)))
            if let keep, let folder = plan.folder {
                let removed = try AppDatabase.rotateBackups(in: folder, keep: keep, protecting: source)
                if !removed.isEmpty {
                    print(t(removed.count == 1 ? .removedBackupOne : .removedBackups, String(removed.count), String(keep),
                            removed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")))
                }
            }
        }
    }
}

/// `twinning check`: integrity, references and permissions, in plain words.
/// Opens read-only and never writes; an empty or foreign file is named as such.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: t(.aboutCheck))
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try runReporting {
            let path = global.databasePath
            if let problem = DatabaseFile.problemPhrase(path) { throw UserError(problem.text(CommandLineLanguage.current.rawValue)) }
            let database = try AppDatabase.open(path: path, readOnly: true, create: false)
            let report = try database.check()
            let language = CommandLineLanguage.current.rawValue
            for note in report.notePhrases { print(note.text(language)) }
            if report.isHealthy {
                print(t(.allChecksPassed))
            } else {
                for problem in report.problemPhrases { Console.error(t(.problem, problem.text(language))) }
                throw ExitCode(1)
            }
        }
    }
}

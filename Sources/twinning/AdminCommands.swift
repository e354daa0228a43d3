import ArgumentParser
import Foundation
import TwinningCore

/// `twinning log`: who changed what, and when.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the change log: who changed what, and when.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only changes since this date (2026-05-14 or 14.05.2026).") var since: String?
    @Option(help: "Only changes by this login name.") var user: String?
    @Option(help: "At most this many lines.") var limit: Int = 100
    @Option(help: "text, json or tsv.") var format: OutputFormat = .text

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
                if changes.isEmpty { print("No changes recorded."); return }
                let table = TextTable(headers: ["when", "who", "what", "record"])
                try emit(table.render(changes.map {
                    [$0.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""), $0.user,
                     // An import is undone by its number: `twinning undo --import ID`.
                     $0.action.rawValue + ($0.action == .import ? " \($0.entityId)" : "") + ($0.undone ? " (undone)" : ""),
                     $0.summary]
                }).joined(separator: "\n") + "\n", to: nil)
            }
        }
    }
}

/// `twinning backup DEST`: an online copy, safe while others work, then checked.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the database safely while others work, and check the copy.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The file to write the copy to.") var destination: String
    @Flag(help: "Replace an existing file.") var force = false

    func run() throws {
        try runReporting {
            let fm = FileManager.default
            var isDirectory: ObjCBool = false
            var target = destination
            if fm.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue {
                let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
                target = (destination as NSString).appendingPathComponent("twinning-\(stamp).sqlite")
            }
            if fm.fileExists(atPath: target) {
                guard force else { throw UserError("\(target) already exists. Use --force to replace it.") }
                for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: target + suffix) }
            }
            let database = try AppDatabase.open(path: global.databasePath, readOnly: false)
            let report = try database.backup(to: target)
            guard report.isHealthy else {
                throw UserError("The copy \(target) failed its check: " + report.problems.joined(separator: " "))
            }
            print("Backed up to \(target) and checked it: \(report.notes.joined(separator: " "))")
        }
    }
}

/// `twinning check`: integrity, references and permissions, in plain words.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the database file: integrity, references, permissions.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try runReporting {
            let path = global.databasePath
            guard FileManager.default.fileExists(atPath: path) else { throw UserError("There is no database at \(path).") }
            let database = try AppDatabase.open(path: path, readOnly: !FileManager.default.isWritableFile(atPath: path))
            let report = try database.check()
            for note in report.notes { print(note) }
            if report.isHealthy {
                print("All checks passed.")
            } else {
                for problem in report.problems { Console.error("problem: " + problem) }
                throw ExitCode(1)
            }
        }
    }
}

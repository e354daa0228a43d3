import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

@main
struct Twinning: ParsableCommand {
    /// Kiosk accounts get the full-screen program and nothing else.
    static func main() {
        let environment = ProcessInfo.processInfo.environment
        let arguments = Kiosk.guardArguments(Array(CommandLine.arguments.dropFirst()), environment: environment)
        Backtraces.ensure(arguments: arguments, environment: environment,
                          kiosk: Kiosk.isOn(environment) || arguments.contains("--kiosk"))
        main(arguments)
    }

    static let configuration = CommandConfiguration(
        commandName: "twinning",
        abstract: t(.aboutTwinning),
        discussion: t(.aboutTwinningMore),
        subcommands: [OpenCommand.self, InitCommand.self, CitiesCommand.self, PartnershipsCommand.self,
                      EventsCommand.self, MatchCommand.self, ReportCommand.self, ImportCommand.self, ExportCommand.self,
                      LogCommand.self, UndoCommand.self, BackupCommand.self, CheckCommand.self, StressCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(t(.optionDb), valueName: "path"))
    var db: String?
    /// Read before parsing by `CommandLineLanguage`; declared here so every command accepts it.
    @Option(name: .long, help: ArgumentHelp(t(.optionLang), valueName: "en|de|fr"))
    var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased().prefix(2).description) == nil {
            throw ValidationError(t(.errLang, TextSafety.excerpt(lang)))
        }
    }

    var databasePath: String { DatabaseLocation.resolve(option: db) }
}

/// Output for people (aligned text), or for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, tsv
}

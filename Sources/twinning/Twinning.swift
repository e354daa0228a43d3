import ArgumentParser
import Foundation
import TwinningCore

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
        abstract: "A keyboard-driven workbench for town-twinning associations.",
        discussion: """
            Without a subcommand, twinning opens the full-screen program. The database is \
            --db PATH, else $TWINNING_DB, else $XDG_DATA_HOME/twinning/twinning.sqlite; the first \
            run creates it with the world gazetteer and a demo network of real twinnings.
            """,
        subcommands: [OpenCommand.self, InitCommand.self, CitiesCommand.self, PartnershipsCommand.self,
                      EventsCommand.self, MatchCommand.self, ReportCommand.self, ImportCommand.self, ExportCommand.self,
                      LogCommand.self, UndoCommand.self, BackupCommand.self, CheckCommand.self, StressCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    var databasePath: String { DatabaseLocation.resolve(option: db) }
}

/// Output for people (aligned text), or for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, tsv
}

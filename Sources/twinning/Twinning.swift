import ArgumentParser
import Foundation
import TwinningCore

@main
struct Twinning: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twinning",
        abstract: "A keyboard-driven workbench for town-twinning associations.",
        discussion: """
            Without a subcommand, twinning opens the full-screen program. The database is \
            --db PATH, else $TWINNING_DB, else $XDG_DATA_HOME/twinning/twinning.sqlite; the first \
            run creates it with the world gazetteer and a demo network of real twinnings.
            """,
        subcommands: [OpenCommand.self, InitCommand.self, CitiesCommand.self, PartnershipsCommand.self,
                      EventsCommand.self, ImportCommand.self, ExportCommand.self, MatchCommand.self],
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

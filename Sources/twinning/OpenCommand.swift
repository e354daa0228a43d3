import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI
import TwinningTerminal

/// `twinning` with no subcommand: the full-screen program.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the full-screen program (the default).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try runReporting {
            let database = try openDatabase(global)
            _ = database
            throw UserError("The full-screen program is not built yet.")
        }
    }
}

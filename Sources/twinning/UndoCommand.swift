import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

/// `twinning undo --import ID`: takes a whole import back in one step. The
/// full-screen program's `u` undoes that session's last change; an import
/// made on the command line is undone here, by its number.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: t(.aboutUndo),
        discussion: t(.discussUndo))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("import"), help: ArgumentHelp(t(.hTheImportNumberInThe), valueName: "id"))
    var importId: Int64

    func run() throws {
        try runReporting {
            let database = try openDatabase(global)
            let change = try database.undoImport(id: importId)
            print(t(.undidImport, String(importId), TextSafety.sanitized(change.summary)))
        }
    }
}

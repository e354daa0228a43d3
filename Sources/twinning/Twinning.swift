import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI
import TwinningTerminal

@main
struct Twinning: ParsableCommand {
    /// The release build carries its own Swift runtime (Package.swift), which
    /// finds its crash-report helper only where it is told (Backtraces).
    #if TWINNING_STATIC_STDLIB
    static let staticRuntime = true
    #else
    static let staticRuntime = false
    #endif

    /// Kiosk accounts get the full-screen program and nothing else.
    static func main() {
        let environment = ProcessInfo.processInfo.environment
        let arguments = Kiosk.guardArguments(Array(CommandLine.arguments.dropFirst()), environment: environment)
        Backtraces.ensure(arguments: arguments, environment: environment,
                          kiosk: Kiosk.isOn(environment) || arguments.contains("--kiosk"), staticRuntime: staticRuntime)
        // Checked before parsing, because the help texts are already in the chosen language;
        // said like every other error: one line, exit 1.
        if let lang = CommandLineLanguage.option(in: arguments), Language(rawValue: lang.lowercased().prefix(2).description) == nil {
            Console.error("twinning: " + TextSafety.sanitized(t(.errLang, TextSafety.excerpt(lang))))
            Foundation.exit(1)
        }
        // As ParsableCommand.main(_:) does, but a command line it cannot read
        // is refused in the user's language (ArgumentErrors), exit code 64 as before.
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure,
               let text = ArgumentErrors.translated(fullMessage: fullMessage(for: error), message: message(for: error),
                                                    CommandLineLanguage.current) {
                FileHandle.standardError.write(Data((text + "\n").utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            exit(withError: error)
        }
    }

    // Every command names itself (`commandName:`): a name derived from the
    // type costs a String(describing:) per command on every run, a sixth of
    // the instructions of a short command such as `cities search`.
    static let configuration = CommandConfiguration(
        commandName: "twinning",
        abstract: t(.aboutTwinning),
        discussion: t(.aboutTwinningMore),
        subcommands: [OpenCommand.self, InitCommand.self, CitiesCommand.self, PartnershipsCommand.self,
                      EventsCommand.self, ProjectsCommand.self, MatchCommand.self, ReportCommand.self, ImportCommand.self, ExportCommand.self,
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

    var databasePath: String { DatabaseLocation.resolve(option: db) }
}

/// Output for people (aligned text), or for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, tsv
}

import Foundation
import TwinningCore
import TwinningUI

/// The language the command line speaks, found once before the arguments are
/// parsed, because the help texts are made before `run()`: `--lang X` (or
/// `--lang=X`) anywhere on the line, else the `language` setting, else
/// LC_ALL / LC_MESSAGES / LANG, as in the full-screen program.
enum CommandLineLanguage {
    static let current: Language = detect(arguments: Array(CommandLine.arguments.dropFirst()),
                                          environment: ProcessInfo.processInfo.environment)

    static func detect(arguments: [String], environment: [String: String]) -> Language {
        let config = UserConfig.load(path: UserConfig.defaultPath(environment: environment))
        return Language.detect(option: option(in: arguments) ?? config["language"], environment: environment)
    }

    /// The value of `--lang`; nothing after `--` counts (that is a CITY or a file name).
    static func option(in arguments: [String]) -> String? {
        var found: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.endIndex {
                found = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--lang=") {
                found = String(argument.dropFirst("--lang=".count))
            }
            index += 1
        }
        return found
    }

    static var report: ReportLanguage { current.report }
}

/// A text of the command line in the user's language.
func t(_ key: CLIText, _ arguments: String...) -> String {
    key.text(CommandLineLanguage.current.rawValue, arguments)
}

import ArgumentParser
import Foundation

/// Kiosk mode for an SSH `ForceCommand` account: the full-screen program and
/// nothing else. sshd passes the command a user asked for in
/// SSH_ORIGINAL_COMMAND; it is never run. The terminal is in raw mode, so
/// Ctrl-Z cannot suspend to a shell, and the program starts no editor, pager
/// or shell. Files are written only into the configured export folder.
enum Kiosk {
    static func isOn(_ environment: [String: String]) -> Bool {
        ["1", "yes", "true"].contains(environment["TWINNING_KIOSK"]?.lowercased() ?? "")
    }

    /// In kiosk mode, only the full-screen program may run: any subcommand is refused.
    static func guardArguments(_ arguments: [String], environment: [String: String]) -> [String] {
        let kiosk = isOn(environment) || arguments.contains("--kiosk")
        guard kiosk else { return arguments }
        let allowed: Set<String> = ["--kiosk", "--read-only", "--no-color", "open"]
        var result: [String] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if ["--db", "--theme", "--lang"].contains(argument), let value = iterator.next() {
                result += [argument, value]
            } else if allowed.contains(argument) || argument.hasPrefix("--db=") || argument.hasPrefix("--theme=") || argument.hasPrefix("--lang=") {
                result.append(argument)
            } else {
                FileHandle.standardError.write(Data("twinning: \(t(.kioskOnly))\n".utf8))
                exit(1)
            }
        }
        if !result.contains("--kiosk") { result.append("--kiosk") }
        return result
    }
}

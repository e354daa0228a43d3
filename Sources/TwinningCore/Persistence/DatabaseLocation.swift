import Foundation

/// Where the database file is: `--db PATH`, else `TWINNING_DB`, else
/// `$XDG_DATA_HOME/twinning/twinning.sqlite` (default `~/.local/share/...`).
public enum DatabaseLocation {
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return expand(option, environment) }
        if let fromEnvironment = environment["TWINNING_DB"], !fromEnvironment.isEmpty {
            return expand(fromEnvironment, environment)
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = home(environment) + "/.local/share"
        }
        return dataHome + "/twinning/twinning.sqlite"
    }

    static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    static func expand(_ path: String, _ environment: [String: String]) -> String {
        if path == "~" { return home(environment) }
        if path.hasPrefix("~/") { return home(environment) + path.dropFirst() }
        return path
    }
}

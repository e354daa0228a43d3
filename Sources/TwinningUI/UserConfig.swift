import Foundation

/// The user's settings: `$XDG_CONFIG_HOME/twinning/config` (default
/// `~/.config/twinning/config`), lines of `key = value`. It remembers the
/// association's home city, and may choose a theme and a language.
public struct UserConfig: Equatable, Sendable {
    public var values: [String: String] = [:]
    public var path: String?
    /// A line that could not be read, for a message; the rest still counts.
    public var warning: String?

    public init(values: [String: String] = [:], path: String? = nil) {
        self.values = values
        self.path = path
    }

    public static func defaultPath(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { base = xdg }
        else { base = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config" }
        return base + "/twinning/config"
    }

    public static func load(path: String) -> UserConfig {
        var config = UserConfig(path: path)
        guard let data = FileManager.default.contents(atPath: path) else { return config }
        guard let text = String(data: data, encoding: .utf8) else {
            config.warning = "\(path): not UTF-8 text; settings ignored"
            return config
        }
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                config.warning = config.warning ?? "\(path):\(number + 1): expected key = value"
                continue
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            config.values[key] = value
        }
        return config
    }

    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Writes the settings back, keeping them readable and sorted.
    public func save() throws {
        guard let path else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var text = "# twinning settings (key = value)\n"
        for key in values.keys.sorted() { text += "\(key) = \(values[key]!)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

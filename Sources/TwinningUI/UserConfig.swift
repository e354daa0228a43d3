import Foundation

/// The user's settings: `$XDG_CONFIG_HOME/twinning/config` (default
/// `~/.config/twinning/config`), lines of `key = value`. It remembers the
/// association's home city, and may choose a theme and a language.
///
/// People write these files by hand, with comments: `#` starts a comment at
/// the start of a line or after a space (`home_city = 2935517   # Dortmund`),
/// and saving keeps every comment and the order of the lines, changing only
/// the values that changed.
public struct UserConfig: Equatable, Sendable {
    public var values: [String: String] = [:]
    public var path: String?
    /// A line that could not be read, for a message; the rest still counts.
    public var warning: String?
    /// The file as it was read, line by line, so saving can keep comments.
    var lines: [String] = []

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

    /// One line taken apart: the key and value, and the comment after them.
    struct Line {
        var key: String
        var value: String
        /// " # Dortmund", kept as typed (with the spaces before it).
        var comment: String
    }

    static func parse(_ raw: Substring) -> Line? {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") { return nil }
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
        var rest = String(line[line.index(after: eq)...])
        var comment = ""
        // A comment starts at a '#' that follows a space or tab.
        if let hash = rest.indices.first(where: { i in
            rest[i] == "#" && i > rest.startIndex && [" ", "\t"].contains(rest[rest.index(before: i)])
        }) {
            var start = hash
            while start > rest.startIndex, [" ", "\t"].contains(rest[rest.index(before: start)]) { start = rest.index(before: start) }
            comment = String(rest[start...])
            rest = String(rest[..<start])
        }
        return Line(key: key, value: rest.trimmingCharacters(in: .whitespaces), comment: comment)
    }

    public static func load(path: String) -> UserConfig {
        var config = UserConfig(path: path)
        guard let data = FileManager.default.contents(atPath: path) else { return config }
        guard let text = String(data: data, encoding: .utf8) else {
            config.warning = "\(path): not UTF-8 text; settings ignored"
            return config
        }
        var rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if rawLines.last == "" { rawLines.removeLast() }
        config.lines = rawLines.map(String.init)
        for (number, raw) in rawLines.enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let line = parse(raw) else {
                config.warning = config.warning ?? "\(path):\(number + 1): expected key = value"
                continue
            }
            config.values[line.key] = line.value
        }
        return config
    }

    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The file's text with the current values: every comment and unknown
    /// line kept, changed values replaced in place, new keys added at the end.
    func serialized() -> String {
        var text: [String] = []
        var written = Set<String>()
        if lines.isEmpty { text.append("# twinning settings (key = value)") }
        for raw in lines {
            guard let line = UserConfig.parse(Substring(raw)) else { text.append(raw); continue }
            guard let value = values[line.key] else { continue } // removed
            if written.contains(line.key) { continue } // a key given twice: the value is written once
            written.insert(line.key)
            text.append(value == line.value ? raw : "\(line.key) = \(value)\(line.comment)")
        }
        for key in values.keys.sorted() where !written.contains(key) { text.append("\(key) = \(values[key]!)") }
        return text.joined(separator: "\n") + "\n"
    }

    /// Writes the settings back (through a temporary file and a rename).
    public func save() throws {
        guard let path else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try serialized().write(toFile: path, atomically: true, encoding: .utf8)
    }
}

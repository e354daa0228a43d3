import TwinningCore

/// A problem in a theme file, pointing at the file and line so a volunteer
/// can fix it: `mytheme.theme:7: unknown colour "purpel"`.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file name (or path) as the user knows it.
    public var file: String
    /// 1-based line number, nil when the problem concerns the whole file.
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        if let line { return "\(file):\(line): \(problem)" }
        return "\(file): \(problem)"
    }
}

/// Reads the theme file format:
///
/// ```
/// # comment (also after a value)
/// role = FG [on BG] [, attribute]...
/// role = on BG [, attribute]...
/// role = attribute [, attribute]...
/// ```
///
/// Roles are the `StyleRole` names (`selected`, `statusError`, …). Colours:
/// `default` (the terminal's own), `black red green yellow blue magenta cyan
/// white` and `bright-` variants of each. Attributes: `bold reverse underline
/// dim`. Names are case-insensitive; each role may appear once; roles left out
/// look like `Theme.fallbackStyle(for:)`. `selected` always gets `reverse`.
public enum ThemeParser {
    public static func parse(_ text: String, name: String, fileName: String) throws(ThemeError) -> Theme {
        var styles: [StyleRole: ThemeStyle] = [:]
        let rolesByName = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0.rawValue.lowercased(), $0) })

        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            func fail(_ problem: String) -> ThemeError {
                ThemeError(file: fileName, line: lineNumber, problem: problem)
            }
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let content = line.trimmingSpaces()
            if content.isEmpty { continue }

            guard let equals = content.firstIndex(of: "=") else {
                throw fail("expected \"role = style\", found \"\(quoted(content))\"")
            }
            let roleName = content[..<equals].trimmingSpaces()
            let value = content[content.index(after: equals)...].trimmingSpaces()
            guard !roleName.isEmpty else { throw fail("missing role name before \"=\"") }
            guard let role = rolesByName[roleName.lowercased()] else {
                throw fail("unknown role \"\(quoted(roleName))\"")
            }
            guard styles[role] == nil else { throw fail("role \"\(role.rawValue)\" is set twice") }
            guard !value.isEmpty else { throw fail("missing style for role \"\(role.rawValue)\"") }
            styles[role] = try parseStyle(value, fail: fail)
        }
        return Theme(name: name, styles: styles)
    }

    /// "black on cyan, bold" → ThemeStyle. The colour part is optional and
    /// comes first; everything after a comma is an attribute.
    static func parseStyle(_ value: String, fail: (String) -> ThemeError) throws(ThemeError) -> ThemeStyle {
        var style = ThemeStyle()
        let items = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        for (position, item) in items.enumerated() {
            guard !item.isEmpty else { throw fail("empty item in \"\(quoted(value))\" (two commas, or a comma at the end?)") }
            if let attribute = ThemeAttribute(rawValue: item.lowercased()) {
                style.attributes.insert(attribute)
                continue
            }
            guard position == 0 else {
                throw fail("unknown attribute \"\(quoted(item))\" (use bold, reverse, underline, dim)")
            }
            let words = item.split(separator: " ").map { String($0).lowercased() }
            let fgWord: String?
            let bgWord: String?
            switch words.count {
            case 1: (fgWord, bgWord) = (words[0], nil)
            case 2 where words[0] == "on": (fgWord, bgWord) = (nil, words[1])
            case 3 where words[1] == "on": (fgWord, bgWord) = (words[0], words[2])
            default:
                throw fail("cannot read colours \"\(quoted(item))\" (expected e.g. \"black on cyan\")")
            }
            if let fgWord { style.fg = try colour(fgWord, fail: fail) }
            if let bgWord { style.bg = try colour(bgWord, fail: fail) }
        }
        return style
    }

    static func colour(_ word: String, fail: (String) -> ThemeError) throws(ThemeError) -> ThemeColor {
        if let colour = ThemeColor(rawValue: word) { return colour }
        // Accept "brightred" / "bright_red" too; the canonical spelling has a hyphen.
        let normalised = word.replacingUnderscores()
        if let colour = ThemeColor.allCases.first(where: { $0.rawValue.replacingHyphens() == normalised }) {
            return colour
        }
        throw fail("unknown colour \"\(quoted(word))\"")
    }

    /// Text from a file, shown safely and briefly inside an error message.
    static func quoted<S: StringProtocol>(_ s: S) -> String {
        TextSafety.excerpt(String(s), max: 40)
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and a stray "\r" (files saved on Windows).
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }

    fileprivate func replacingUnderscores() -> String {
        String(filter { $0 != "_" && $0 != "-" })
    }

    fileprivate func replacingHyphens() -> String {
        String(filter { $0 != "-" })
    }
}

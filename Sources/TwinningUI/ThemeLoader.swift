import Foundation
import TwinningCore

/// Finds and loads a theme by name, and decides which theme to use at all.
///
/// A bad theme must never stop the program: a missing or broken file gives
/// the built-in default theme plus a warning (file, line, problem) that the
/// caller shows in the status line.
public enum ThemeLoader {
    public static let defaultThemeName = "default"
    public static let monochromeThemeName = "monochrome"

    /// Folders searched for `NAME.theme`, first match wins:
    /// 1. `$XDG_CONFIG_HOME/twinning/themes` (default `~/.config/twinning/themes`),
    ///    so a user can override or add themes without touching the install;
    /// 2. `Themes` next to the executable, then `../share/twinning/themes`
    ///    (an installed binary);
    /// 3. `Themes/` of the source tree this file was compiled from (running
    ///    from a checkout with `swift run`).
    /// After these come the copies embedded in `BuiltInThemes`.
    public static func searchDirectories(environment: [String: String]) -> [String] {
        var dirs: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            dirs.append(xdg + "/twinning/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            dirs.append(home + "/.config/twinning/themes")
        }
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            dirs.append(exe.appendingPathComponent("Themes").path)
            dirs.append(exe.deletingLastPathComponent().appendingPathComponent("share/twinning/themes").path)
        }
        dirs.append(sourceTreeThemesDirectory)
        return dirs
    }

    /// `Themes/` in the source tree: this file is Sources/TwinningUI/ThemeLoader.swift.
    public static var sourceTreeThemesDirectory: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Themes").path
    }

    /// The built-in default theme; it is parsed from the embedded text, which
    /// a test keeps valid.
    public static var defaultTheme: Theme {
        builtIn(defaultThemeName) ?? Theme(name: defaultThemeName, styles: [:])
    }

    /// A theme from the copies embedded in the binary, or nil.
    public static func builtIn(_ name: String) -> Theme? {
        guard let text = BuiltInThemes.files[name] else { return nil }
        return try? ThemeParser.parse(text, name: name, fileName: "built-in \(name).theme")
    }

    /// Loads theme `name` (a name like "light", or a path to a `.theme` file).
    /// Never fails: problems give the default theme and a warning in
    /// `language` (a theme file's own mistakes are named in English, the
    /// words of the file format).
    public static func load(name: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                            language: Language = .en) -> (theme: Theme, warning: String?)
    {
        let fallback = defaultTheme
        func fallBack(_ problem: String) -> (theme: Theme, warning: String?) {
            (fallback, tr(.themeFallback, language, problem))
        }

        // An explicit path: --theme ./mine.theme
        if name.contains("/") || name.hasSuffix(".theme") {
            let themeName = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
            switch loadFile(path: name, themeName: themeName) {
            case .success(let theme): return (theme, nil)
            case .failure(let error): return fallBack("\(error)")
            }
        }

        guard isValidName(name) else {
            return fallBack(tr(.themeBadName, language, TextSafety.excerpt(name)))
        }
        for dir in searchDirectories(environment: environment) {
            let path = dir + "/" + name + ".theme"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            switch loadFile(path: path, themeName: name) {
            case .success(let theme): return (theme, nil)
            case .failure(let error): return fallBack("\(error)")
            }
        }
        if let theme = builtIn(name) { return (theme, nil) }
        let known = Set(BuiltInThemes.names).sorted().joined(separator: ", ")
        return fallBack(tr(.themeNotFound, language, name, known))
    }

    /// Which theme to use. Colour is off – and the monochrome theme used –
    /// when `NO_COLOR` is set to anything non-empty (https://no-color.org),
    /// when the user passed --no-color, or when the terminal has no colours.
    /// Otherwise the requested theme, or "default".
    public static func effectiveThemeName(requested: String?, noColorFlag: Bool,
                                          environment: [String: String], terminalHasColors: Bool) -> String {
        if noColorFlag || !terminalHasColors { return monochromeThemeName }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return monochromeThemeName }
        if let requested, !requested.isEmpty { return requested }
        return defaultThemeName
    }

    // MARK: - Internals

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    static func loadFile(path: String, themeName: String) -> Result<Theme, ThemeError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ThemeError(file: path, line: nil, problem: "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeError(file: path, line: nil, problem: "not UTF-8 text"))
        }
        do {
            return .success(try ThemeParser.parse(text, name: themeName, fileName: path))
        } catch {
            return .failure(error)
        }
    }
}

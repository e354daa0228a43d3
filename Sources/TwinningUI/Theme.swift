/// One of the terminal's 16 standard colours, or the terminal's own default
/// foreground/background ("default"), which keeps the user's chosen
/// background visible and works on dark and light terminals alike.
public enum ThemeColor: String, CaseIterable, Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack = "bright-black", brightRed = "bright-red", brightGreen = "bright-green"
    case brightYellow = "bright-yellow", brightBlue = "bright-blue", brightMagenta = "bright-magenta"
    case brightCyan = "bright-cyan", brightWhite = "bright-white"

    /// The ANSI colour number 0–15, or nil for the terminal default.
    public var ansiNumber: Int? {
        switch self {
        case .default: return nil
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        }
    }
}

/// Text attributes that work without colour. `reverse` swaps foreground and
/// background, so "blue on white, reverse" shows white text on blue.
public enum ThemeAttribute: String, CaseIterable, Hashable, Sendable, Comparable {
    case bold, reverse, underline, dim

    public static func < (a: ThemeAttribute, b: ThemeAttribute) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How one `StyleRole` looks.
public struct ThemeStyle: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var attributes: Set<ThemeAttribute>

    public init(fg: ThemeColor = .default, bg: ThemeColor = .default, attributes: Set<ThemeAttribute> = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public static let plain = ThemeStyle()

    /// True when the style uses any colour other than the terminal defaults.
    public var usesColour: Bool { fg != .default || bg != .default }

    /// The style in theme-file syntax: "black on cyan, bold, reverse".
    public var description: String {
        ([fg.rawValue + " on " + bg.rawValue] + attributes.sorted().map(\.rawValue)).joined(separator: ", ")
    }
}

/// A named mapping from every `StyleRole` to a `ThemeStyle`.
public struct Theme: Equatable, Sendable {
    public var name: String
    /// Styles given by the theme; roles it leaves out use `fallbackStyle(for:)`.
    public private(set) var styles: [StyleRole: ThemeStyle]

    /// Accessibility rule: the selection must be visible without colour, so
    /// `selected` always includes reverse video, whatever the theme says.
    public init(name: String, styles: [StyleRole: ThemeStyle]) {
        self.name = name
        var styles = styles
        var selected = styles[.selected] ?? Theme.fallbackStyle(for: .selected)
        selected.attributes.insert(.reverse)
        styles[.selected] = selected
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> ThemeStyle {
        styles[role] ?? Theme.fallbackStyle(for: role)
    }

    /// True when any role uses a colour (false for monochrome).
    public var usesColour: Bool { StyleRole.allCases.contains { style($0).usesColour } }

    /// Attributes-only styles used for roles a theme file does not mention.
    /// They equal `monochrome.theme`, so an incomplete theme still shows
    /// titles, selection, focus and errors distinctly.
    public static func fallbackStyle(for role: StyleRole) -> ThemeStyle {
        switch role {
        case .normal, .tabInactive, .dialog, .keyBar, .statusInfo: return ThemeStyle()
        case .title, .tabActive, .dialogTitle, .keyBarKey: return ThemeStyle(attributes: [.bold, .reverse])
        case .header: return ThemeStyle(attributes: [.bold, .underline])
        case .selected: return ThemeStyle(attributes: [.bold, .reverse])
        case .marker, .homeCity, .statusWarning: return ThemeStyle(attributes: [.bold])
        case .statusError: return ThemeStyle(attributes: [.bold, .reverse])
        case .dim, .border: return ThemeStyle(attributes: [.dim])
        case .field: return ThemeStyle(attributes: [.underline])
        case .fieldFocused: return ThemeStyle(attributes: [.underline, .reverse])
        case .fieldError: return ThemeStyle(attributes: [.underline, .bold])
        case .scoreBar: return ThemeStyle(attributes: [.reverse])
        case .mapLink: return ThemeStyle(attributes: [.bold])
        }
    }
}

import TwinningUI

/// Why the full-screen interface cannot start. The messages are written for
/// the person at the keyboard and say what to do.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (output piped, run from cron).
    case notATerminal
    /// TERM is unset, "dumb" or unknown to the terminfo database.
    case unsuitableTerminal(term: String?)
    /// The terminal type cannot place the cursor or show a highlighted row.
    case lacksCapabilities(term: String, cursorAddressing: Bool, reverseVideo: Bool)

    /// The message in the volunteer's language; `description` is the English one.
    public func text(_ language: Language) -> String {
        switch self {
        case .notATerminal:
            return tr(.terminalNotInteractive, language)
        case .lacksCapabilities(let term, let cursorAddressing, let reverseVideo):
            let key: S = !cursorAddressing && !reverseVideo ? .terminalNoCursorNoHighlight : !cursorAddressing ? .terminalNoCursor : .terminalNoHighlight
            return tr(key, language, DisplayWidth.truncate(term, to: 40))
        case .unsuitableTerminal(let term):
            guard let term, !term.isEmpty else { return tr(.terminalNoTerm, language) }
            // TERM comes from the environment: never echo control characters.
            return tr(.terminalUnknown, language, DisplayWidth.truncate(term, to: 40))
        }
    }

    public var description: String {
        switch self {
        case .notATerminal:
            return "Cannot open the terminal: standard input and output must be an interactive terminal "
                + "(not a pipe or a file). Run twinning directly in a terminal window or SSH session."
        case .lacksCapabilities(let term, let cursorAddressing, let reverseVideo):
            let missing = [cursorAddressing ? nil : "place the cursor", reverseVideo ? nil : "highlight the selected row"]
                .compactMap { $0 }.joined(separator: " or ")
            return "Cannot use this terminal: TERM=\"\(DisplayWidth.truncate(term, to: 40))\" cannot \(missing), which the "
                + "full-screen program needs. Set TERM=xterm-256color (or your terminal program's name) and try again."
        case .unsuitableTerminal(let term):
            guard let term, !term.isEmpty else {
                return "Cannot open the terminal (TERM is not set). Set TERM=xterm-256color and try again."
            }
            // TERM comes from the environment: never echo control characters.
            let shown = DisplayWidth.truncate(term, to: 40)
            return "Cannot open the terminal (TERM=\"\(shown)\" is unknown or unsuitable). "
                + "Set TERM=xterm-256color and try again."
        }
    }
}

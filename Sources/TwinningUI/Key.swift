/// A key press, independent of ncurses, so the reducer and the key map are
/// tested without a terminal.
public enum Key: Hashable, Sendable {
    /// A printable character (never a control character).
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab
    case backspace, delete, insert
    /// F1 … F12 (F13+ when the terminal sends them).
    case function(Int)
    /// Ctrl plus a letter, always lowercase: `.ctrl("l")` is Ctrl-L. Ctrl-I,
    /// Ctrl-J/M and Ctrl-H arrive as `.tab`, `.enter` and `.backspace`,
    /// because terminals send the same byte for them. The terminal runs in raw
    /// mode, so Ctrl-C arrives as `.ctrl("c")` (no signal) and Ctrl-S as
    /// `.ctrl("s")` (no flow control).
    case ctrl(Character)
    /// The terminal changed size; read the new size from the terminal.
    case resize
}

extension Key: CustomStringConvertible {
    /// The name shown in the key bar and in help text: "F2", "Ctrl-S",
    /// "Enter", "Esc", "↑", "q", "Space".
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .resize: return "Resize"
        }
    }
}

import TwinningCore

/// The names of keys as the keyboards of each language print them: a French
/// keyboard says "Échap", "Entrée", "Suppr", "Maj-Tab". The texts are in the
/// catalogue as `key.<case>`; German keeps the English names the German
/// screens have always shown (their golden screens are fixed).
public enum KeyText: String, CatalogueKey {
    public static let prefix = "key"
    case space, pageUp, pageDown, home, end, enter, escape, backTab, backspace, delete, insert, ctrl, resize
}

extension Key {
    /// The name shown in the key bar and in help text in `language`:
    /// "F2", "Ctrl-S", "Entrée", "Échap", "↑", "q".
    public func name(_ language: Language) -> String {
        func t(_ key: KeyText, _ arguments: String...) -> String { key.text(language.rawValue, arguments) }
        switch self {
        case .char(" "): return t(.space)
        case .pageUp: return t(.pageUp)
        case .pageDown: return t(.pageDown)
        case .home: return t(.home)
        case .end: return t(.end)
        case .enter: return t(.enter)
        case .escape: return t(.escape)
        case .backTab: return t(.backTab)
        case .backspace: return t(.backspace)
        case .delete: return t(.delete)
        case .insert: return t(.insert)
        case .ctrl(let c): return t(.ctrl, String(c).uppercased())
        case .resize: return t(.resize)
        case .char, .up, .down, .left, .right, .tab, .function: return description
        }
    }
}

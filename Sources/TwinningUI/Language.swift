import Foundation

/// The languages of the user interface.
public enum Language: String, CaseIterable, Sendable {
    case en, de

    /// `--lang` wins; else LC_ALL, LC_MESSAGES, LANG (first one set); else English.
    public static func detect(option: String?, environment: [String: String]) -> Language {
        if let option, let language = Language(rawValue: option.lowercased().prefix(2).description) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("de") ? .de : .en
        }
        return .en
    }
}

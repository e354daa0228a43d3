import Foundation
import TwinningCore

/// The languages of the user interface: one file each in the text catalogue.
public enum Language: String, CaseIterable, Sendable {
    case en, de, fr

    /// `--lang` wins; else LC_ALL, LC_MESSAGES, LANG (first one set); else English.
    /// A locale of a language without texts (it_IT …) gives English.
    public static func detect(option: String?, environment: [String: String]) -> Language {
        if let option, let language = Language(rawValue: option.lowercased().prefix(2).description) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return Language(rawValue: value.lowercased().prefix(2).description) ?? .en
        }
        return .en
    }

    /// The same language for the reports Core writes.
    public var report: ReportLanguage { ReportLanguage(rawValue: rawValue) ?? .en }
}

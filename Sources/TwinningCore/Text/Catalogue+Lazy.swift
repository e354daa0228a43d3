import Foundation

/// The catalogue the program itself reads texts from: each language's file is
/// parsed the first time a text in that language is asked for, not all three
/// at start. A command in English parses en.txt alone; German parses de.txt,
/// and en.txt only if a key were missing (a test makes sure none is). The three
/// files were a sixth of the CPU of a short command such as `cities search`.
/// `Catalogue.shared` still reads every file, for the tests that compare them.
final class LazyCatalogue: @unchecked Sendable {
    static let shared = LazyCatalogue()

    private let lock = NSLock()
    /// language → key → text, for the languages read so far.
    private var texts: [String: [String: String]] = [:]

    func text(_ key: String, _ language: String, _ arguments: [String]) -> String {
        Catalogue.filled(entries(language)[key] ?? entries("en")[key] ?? key, language: language, arguments)
    }

    private func entries(_ language: String) -> [String: String] {
        lock.lock()
        defer { lock.unlock() }
        if let known = texts[language] { return known }
        var loaded: [String: String] = [:]
        // A language without a file (only en, de, fr have one) falls back to English.
        if Catalogue.languages.contains(language) {
            let name = "Texts/\(language).txt"
            if let url = try? DataFiles.url(for: name), let content = try? String(contentsOf: url, encoding: .utf8) {
                loaded = Catalogue.parse(content, file: name).entries
            }
        }
        texts[language] = loaded
        return loaded
    }
}

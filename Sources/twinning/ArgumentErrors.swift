import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

/// ArgumentParser's own words for a command line it cannot read ("Error: The
/// value 'abc' is invalid for '--limit <limit>'", "Error: Unknown option
/// '--x'"), said in German and French too. Its error types are internal to
/// the package, so the common messages are recognised by their English shape
/// (ArgumentParser 1.8, Usage/UsageGenerator.swift); a message not recognised
/// (a command's own validation text, rare internal ones) stays as it is. The
/// "Help:" and "Usage:" lines stay, as in `--help`; only the first line and
/// the "See … --help" line are translated.
enum ArgumentErrors {
    /// The message ArgumentParser prints for `error`, in `language`; nil when
    /// there is nothing to translate (English, or a message not recognised).
    static func translated(fullMessage: String, message: String, _ language: Language) -> String? {
        guard language != .en else { return nil }
        let head = "Error: " + message + "\n"
        guard fullMessage.hasPrefix(head), let phrase = phrase(for: message) else { return nil }
        var lines = fullMessage.dropFirst(head.count).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if let command = match(line, #"^  See '(.+)' for more information\.$"#)?.first {
                lines[index] = "  " + ErrorText.argSeeHelp.text(language.rawValue, [command])
            }
        }
        return ([ErrorText.argError.text(language.rawValue, [phrase.text(language.rawValue)])] + lines).joined(separator: "\n")
    }

    /// The common messages, as phrases of the catalogue (`error.arg…`).
    static func phrase(for message: String) -> Phrase? {
        func said(_ key: ErrorText, _ values: [String]) -> Phrase { Phrase(key, arguments: values.map(Phrase.Argument.text)) }
        if let m = match(message, #"^The value '(.*)' is invalid for '([^']*)'(.*)$"#) {
            let (value, option, rest) = (m[0], m[1], m[2])
            if rest.isEmpty { return said(.argInvalidValue, [value, option]) }
            if rest.hasPrefix(": ") { return said(.argInvalidValueBecause, [value, option, String(rest.dropFirst(2))]) }
            // ". Please provide one of 'a', 'b' or 'c'." and the bulleted form for six and more.
            if rest.hasPrefix(". Please provide one of") {
                let choices = matches(rest, #"'([^']*)'"#) + matches(rest, #"\n  - ([^\n]*)"#)
                if !choices.isEmpty { return said(.argInvalidValueChoices, [value, option, choices.joined(separator: ", ")]) }
            }
            return nil
        }
        if let m = match(message, #"^Unknown option '(.*)'\. Did you mean '(.*)'\?$"#) { return said(.argUnknownOptionDidYouMean, m) }
        if let m = match(message, #"^Unknown option '(.*)'$"#) { return said(.argUnknownOption, m) }
        if let m = match(message, #"^Missing value for '(.*)'$"#) { return said(.argMissingValue, m) }
        if let m = match(message, #"^Missing expected argument '(.*)'$"#) { return said(.argMissingArgument, m) }
        if let m = match(message, #"^Missing one of: '(.*)'$"#) {
            return said(.argMissingOneOf, [m[0].replacingOccurrences(of: "', '", with: ", ")])
        }
        if let m = match(message, #"^Unexpected argument '(.*)'$"#) { return said(.argUnexpected, m) }
        if let m = match(message, #"^(\d+) unexpected arguments: '(.*)'$"#) {
            return said(.argUnexpectedMany, [m[0], m[1].replacingOccurrences(of: "', '", with: ", ")])
        }
        if let m = match(message, #"^The option '(.*)' does not take any value, but '(.*)' was specified\.$"#) {
            return said(.argNoValueTaken, m)
        }
        if let m = match(message, #"^Invalid option: (.*)$"#) { return said(.argInvalidOption, m) }
        if message == "Missing required subcommand." { return Phrase(.argMissingSubcommand) }
        return nil
    }

    /// The groups of `pattern` matched against the whole of `text` (dot matches line breaks).
    private static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<found.numberOfRanges).map { index in
            Range(found.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    /// The first group of every match of `pattern` in `text`.
    private static func matches(_ text: String, _ pattern: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { found in
            Range(found.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

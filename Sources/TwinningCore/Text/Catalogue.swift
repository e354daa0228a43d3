import Foundation

/// A key of the text catalogue, typed on the Swift side so a text that does
/// not exist is a compile-time error, and a key that a language lacks fails a
/// test (`CatalogueTests`). `prefix` names the part of the program the text
/// belongs to: `ui`, `report`, `cli` …, which is what a translator reads first.
public protocol CatalogueKey: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    static var prefix: String { get }
}

extension CatalogueKey {
    /// "ui.homeLabel": the key as it is written in the files.
    public var catalogueKey: String { Self.prefix + "." + rawValue }

    /// The text in `language`, with `{1}`, `{2}` … replaced by `arguments`.
    public func text(_ language: String, _ arguments: [String] = []) -> String {
        LazyCatalogue.shared.text(catalogueKey, language, arguments)
    }
}

/// One line a catalogue file could not be read from, said the way the
/// developers' guide asks: file, line, and what is wrong.
public struct CatalogueProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Every text the program shows, in every language, read once from
/// `Resources/Texts/<language>.txt`.
///
/// The file format is one `key = "text"` per line; `#` starts a comment line
/// that tells the translator where the text appears. Inside the quotes, `\"`,
/// `\\` and `\n` are the only escapes. Placeholders `{1}`, `{2}` … are filled
/// in by the caller. Why this and not gettext `.po`: see the README (Texts).
public struct Catalogue: Sendable {
    /// The languages that have a file, English first: it is the source the others are translated from.
    public static let languages = ["en", "de", "fr"]

    /// language → key → text
    public private(set) var texts: [String: [String: String]] = [:]
    /// Lines that could not be read; empty for the files shipped (a test checks).
    public private(set) var problems: [CatalogueProblem] = []

    /// Loaded on first use; the files are small (a few hundred lines each).
    public static let shared: Catalogue = {
        var catalogue = Catalogue()
        for language in languages {
            let name = "Texts/\(language).txt"
            do {
                let url = try DataFiles.url(for: name)
                let content = try String(contentsOf: url, encoding: .utf8)
                catalogue.add(language: language, file: name, content: content)
            } catch {
                catalogue.problems.append(CatalogueProblem(file: name, line: 0, message: "\(error)"))
            }
        }
        return catalogue
    }()

    public init() {}

    /// Reads one file's content; lines that are not understood go to `problems`.
    public mutating func add(language: String, file: String, content: String) {
        let (entries, found) = Catalogue.parse(content, file: file)
        problems += found
        texts[language, default: [:]].merge(entries) { _, new in new }
    }

    /// The text of `key`; English when the language lacks it (a test makes
    /// sure none does), the key itself when English lacks it too.
    public func text(_ key: String, _ language: String, _ arguments: [String] = []) -> String {
        Catalogue.filled(texts[language]?[key] ?? texts["en"]?[key] ?? key, language: language, arguments)
    }

    /// A text with its count forms chosen and its `{1}`, `{2}` … filled in:
    /// the one way both catalogues (the program's lazy one and this) do it.
    static func filled(_ raw: String, language: String, _ arguments: [String]) -> String {
        var text = raw.contains("|") ? choosingForms(raw, language: language, arguments) : raw
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: argument)
        }
        return text
    }

    /// Parses `key = "text"` lines. Blank lines and `#` comments are skipped.
    /// Byte by byte: every command reads a catalogue at start (for its help
    /// texts too), and by Unicode scalars that was a fifth of the instructions
    /// of `twinning cities search`. A line whose ends or key are not plain
    /// ASCII (a no-break space, a typo'd key) goes the scalar way
    /// (`parseScalars`), so the entries and problems are the same.
    public static func parse(_ content: String, file: String) -> (entries: [String: String], problems: [CatalogueProblem]) {
        var content = content
        return content.withUTF8 { parseBytes($0, file: file) }
    }

    private static func parseBytes(_ b: UnsafeBufferPointer<UInt8>, file: String) -> (entries: [String: String], problems: [CatalogueProblem]) {
        var entries: [String: String] = [:]
        var problems: [CatalogueProblem] = []
        func asciiBlank(_ x: UInt8) -> Bool { x == 0x20 || x == 0x09 }
        func keyByte(_ x: UInt8) -> Bool {
            (x >= 0x61 && x <= 0x7A) || (x >= 0x41 && x <= 0x5A) || (x >= 0x30 && x <= 0x39) || x == 0x2E || x == 0x5F
        }
        var lineStart = 0, number = 0
        while lineStart <= b.count {
            var lineEnd = lineStart
            while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
            number += 1
            defer { lineStart = lineEnd + 1 }
            var from = lineStart, to = lineEnd
            while to > from && (asciiBlank(b[to - 1]) || b[to - 1] == 0x0D) { to -= 1 }
            while from < to && asciiBlank(b[from]) { from += 1 }
            // The slow, exact way for what the bytes cannot decide alone.
            func scalarWay() {
                let line = String(decoding: UnsafeBufferPointer(rebasing: b[lineStart..<lineEnd]), as: UTF8.self)
                parseLine(line.unicodeScalars[...], number: number, file: file, into: &entries, &problems)
            }
            if from < to && (b[from] >= 0x80 || b[to - 1] >= 0x80) { scalarWay(); continue }
            if from == to || b[from] == 0x23 { continue } // blank or # comment
            var equals = from
            while equals < to && b[equals] != 0x3D { equals += 1 }
            var keyEnd = equals
            while keyEnd > from && asciiBlank(b[keyEnd - 1]) { keyEnd -= 1 }
            guard equals < to, keyEnd > from, (from..<keyEnd).allSatisfy({ keyByte(b[$0]) }) else { scalarWay(); continue }
            var textStart = equals + 1
            while textStart < to && asciiBlank(b[textStart]) { textStart += 1 }
            if textStart < to && b[textStart] >= 0x80 { scalarWay(); continue } // perhaps a no-break space before the quote
            let key = String(decoding: UnsafeBufferPointer(rebasing: b[from..<keyEnd]), as: UTF8.self)
            guard to - textStart >= 2, b[textStart] == 0x22, b[to - 1] == 0x22 else {
                problems.append(CatalogueProblem(file: file, line: number, message: "the text of \(key) must stand in double quotes"))
                continue
            }
            let inner = UnsafeBufferPointer(rebasing: b[(textStart + 1)..<(to - 1)])
            let text: String?
            if !inner.contains(0x5C) && !inner.contains(0x22) {
                text = String(decoding: inner, as: UTF8.self)
            } else {
                text = unescape(String(decoding: inner, as: UTF8.self).unicodeScalars[...])
            }
            guard let text else {
                problems.append(CatalogueProblem(file: file, line: number,
                                                 message: "the text of \(key) has a lone \" or an unknown escape (only \\\" \\\\ \\n)"))
                continue
            }
            if entries[key] != nil { problems.append(CatalogueProblem(file: file, line: number, message: "\(key) appears twice")) }
            entries[key] = text
        }
        return (entries, problems)
    }

    /// The same, by Unicode scalars, line by line: what `parse` must equal (and its way for unusual lines).
    static func parseScalars(_ content: String, file: String) -> (entries: [String: String], problems: [CatalogueProblem]) {
        var entries: [String: String] = [:]
        var problems: [CatalogueProblem] = []
        for (offset, rawLine) in content.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            parseLine(rawLine, number: offset + 1, file: file, into: &entries, &problems)
        }
        return (entries, problems)
    }

    static func parseLine(_ rawLine: Substring.UnicodeScalarView, number: Int, file: String,
                          into entries: inout [String: String], _ problems: inout [CatalogueProblem]) {
        let line = trimmed(rawLine)
        if line.isEmpty || line.first == "#" { return }
        func problem(_ message: String) { problems.append(CatalogueProblem(file: file, line: number, message: message)) }
        guard let equals = line.firstIndex(of: "=") else {
            problem("expected key = \"text\"")
            return
        }
        let key = String(String.UnicodeScalarView(trimmed(line[..<equals])))
        guard !key.isEmpty, key.unicodeScalars.allSatisfy({ $0.isASCII && (isASCIILetterOrDigit($0) || $0 == "." || $0 == "_") }) else {
            problem("the key “\(key)” may only hold letters, digits, . and _")
            return
        }
        let rest = trimmed(line[line.index(after: equals)...])
        guard rest.count >= 2, rest.first == "\"", rest.last == "\"" else {
            problem("the text of \(key) must stand in double quotes")
            return
        }
        guard let text = unescape(rest.dropFirst().dropLast()) else {
            problem("the text of \(key) has a lone \" or an unknown escape (only \\\" \\\\ \\n)")
            return
        }
        if entries[key] != nil { problem("\(key) appears twice") }
        entries[key] = text
    }

    /// Spaces, tabs and other space separators cut from both ends (what
    /// `CharacterSet.whitespaces` cuts), and a carriage return at the end.
    static func trimmed(_ line: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        func blank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s.properties.generalCategory == .spaceSeparator }
        var line = line
        while let last = line.last, blank(last) || last == "\r" { line.removeLast() }
        while let first = line.first, blank(first) { line.removeFirst() }
        return line
    }

    static func isASCIILetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    static func unescape(_ quoted: Substring) -> String? {
        unescape(quoted.unicodeScalars)
    }

    static func unescape(_ quoted: Substring.UnicodeScalarView) -> String? {
        var out = String.UnicodeScalarView()
        var escaping = false
        for scalar in quoted {
            if escaping {
                switch scalar {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                default: return nil
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else if scalar == "\"" {
                return nil
            } else {
                out.append(scalar)
            }
        }
        return escaping ? nil : String(out)
    }

    /// Resolves `{1|one form|other form}`: the first form when argument 1 is
    /// one (in French also zero: « 0 rencontre »), the second otherwise; `#`
    /// in a form stands for the number. So "1 events" is never shown, and each
    /// language says it its own way without a second key per text.
    static func choosingForms(_ text: String, language: String, _ arguments: [String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { rest = rest[open...]; break }
            let parts = after[..<close].split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 3, let number = Int(parts[0]), number >= 1 {
                let argument = number <= arguments.count ? arguments[number - 1] : ""
                let trimmedArgument = argument.trimmingCharacters(in: .whitespaces)
                let one = trimmedArgument == "1" || (language == "fr" && trimmedArgument == "0")
                out += (one ? parts[1] : parts[2]).replacingOccurrences(of: "#", with: argument)
            } else {
                out += rest[open...close]
            }
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    /// `{1}`, `{2}` … used in a text (also as `{1|…|…}`); the test compares them across languages.
    public static func placeholders(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let inner = after[..<close]
            let number = inner.prefix { $0 != "|" }
            if !number.isEmpty, number.allSatisfy(\.isNumber) { found.insert("{\(number)}") }
            rest = after[after.index(after: close)...]
        }
        return found
    }
}

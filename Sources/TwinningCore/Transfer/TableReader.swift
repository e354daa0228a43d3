import Foundation
import CSV

/// A problem in an input file, with where it is: "cities.csv:12: population: not a number".
/// `message` and `description` are English; `text(_:)` says it in the volunteer's language.
public struct ImportError: SayableError, Equatable, Sendable, LocalizedError {
    public let file: String
    public let line: Int?
    public let phrase: Phrase
    /// English only (a message not yet in the catalogue).
    public init(file: String, line: Int?, message: String) {
        self.init(file: file, line: line, phrase: Phrase(english: message))
    }
    public init(file: String, line: Int?, _ key: ErrorText, _ arguments: Phrase.Argument...) {
        self.init(file: file, line: line, phrase: Phrase(key, arguments: arguments))
    }
    public init(file: String, line: Int?, phrase: Phrase) {
        self.file = file
        self.line = line
        self.phrase = phrase
    }
    public var message: String { phrase.english }
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
    /// The message with its file and line, in any language.
    public var fullPhrase: Phrase {
        if let line { return Phrase(.inFileLine, .text(file), "\(line)", .phrase(phrase)) }
        return Phrase(.inFile, .text(file), .phrase(phrase))
    }
    public func text(_ language: String) -> String { fullPhrase.text(language) }
    public var errorDescription: String? { description }
}

/// One data row of an input file, by column name, with the line it starts on.
public struct TableRecord: Sendable {
    public let line: Int
    public let values: [String: String]

    public subscript(_ column: String) -> String? {
        guard let value = values[column] else { return nil }
        let trimmed = Table.trimmed(value)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// A whole input table: CSV, TSV (GeoNames style) or a JSON array of objects,
/// as the exports write them.
public struct Table: Sendable {
    public let file: String
    public let header: [String]
    public let records: [TableRecord]

    public func error(_ record: TableRecord, _ phrase: Phrase) -> ImportError {
        ImportError(file: file, line: record.line, phrase: phrase)
    }

    public func error(_ record: TableRecord, _ key: ErrorText, _ arguments: Phrase.Argument...) -> ImportError {
        ImportError(file: file, line: record.line, phrase: Phrase(key, arguments: arguments))
    }

    /// Reads and checks a file. Everything that makes the file unreadable as a
    /// table (encoding, quoting, column counts) is found here, before any row is used.
    public static func read(path: String) throws -> Table {
        let name = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(file: name, line: nil, .noSuchFile)
        }
        if isDirectory.boolValue { throw ImportError(file: name, line: nil, .isFolder) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: name, line: nil, .cannotRead)
        }
        return try parse(data: data, file: name, isTSV: path.lowercased().hasSuffix(".tsv"))
    }

    /// `allowEmpty`: a header without rows is an empty table, not an error
    /// (the per-table files of `export projects --format csv` may have no rows).
    public static func parse(data: Data, file: String, isTSV: Bool = false, allowEmpty: Bool = false) throws -> Table {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ImportError(file: file, line: nil, .fileEmpty)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw ImportError(file: file, line: lineNumber(of: nul, in: bytes), .nulByte)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportError(file: file, line: firstInvalidUTF8Line(bytes), .notUTF8)
        }
        let trimmedStart = text.drop { $0.isWhitespace }
        if trimmedStart.first == "[" || trimmedStart.first == "{" {
            return try parseJSON(text: text, file: file)
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let tab = isTSV || firstLine.contains("\t")
        return try parseDelimited(bytes: bytes, text: text, file: file, delimiter: tab ? "\t" : ",", allowEmpty: allowEmpty)
    }

    private static func parseDelimited(bytes: [UInt8], text: String, file: String, delimiter: UnicodeScalar,
                                       allowEmpty: Bool = false) throws -> Table {
        let rows = DelimitedParser.rows(bytes, delimiter: UInt8(ascii: delimiter))
        var reader = rows.makeIterator()
        guard let rawHeader = reader.next() else {
            throw ImportError(file: file, line: nil, .fileEmpty)
        }
        let header = rawHeader.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var line = 1 + newlines(in: rawHeader) + 1
        if let empty = header.firstIndex(where: { $0.isEmpty }) {
            throw ImportError(file: file, line: 1, .headerColumnNoName, "\(empty + 1)")
        }
        var seen = Set<String>()
        for column in header where !seen.insert(column).inserted {
            throw ImportError(file: file, line: 1, .headerColumnTwice, "\(TextSafety.excerpt(column))")
        }
        var records: [TableRecord] = []
        records.reserveCapacity(rows.count)
        while let row = reader.next() {
            let start = line
            line += 1 + newlines(in: row)
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue } // blank line
            if row.count != header.count {
                if isUnclosedQuote(text: text, fromLine: start) {
                    throw ImportError(file: file, line: start, .unclosedQuote)
                }
                throw ImportError(file: file, line: start, .columnCount, "\(row.count)", "\(header.count)")
            }
            var values: [String: String] = [:]
            values.reserveCapacity(header.count)
            for (index, column) in header.enumerated() { values[column] = SpreadsheetSafety.restore(row[index]) }
            records.append(TableRecord(line: start, values: values))
        }
        if let last = records.last, isUnclosedQuote(text: text, fromLine: last.line) {
            throw ImportError(file: file, line: last.line, .unclosedQuote)
        }
        if records.isEmpty && !allowEmpty {
            throw ImportError(file: file, line: nil, .noDataRows)
        }
        return Table(file: file, header: header, records: records)
    }

    private static func parseJSON(text: String, file: String) throws -> Table {
        let array: [JSONCell]
        do {
            array = try JSONDecoder().decode([JSONCell].self, from: Data(text.utf8))
        } catch DecodingError.typeMismatch {
            throw ImportError(file: file, line: nil, .jsonNotArray)
        } catch {
            throw ImportError(file: file, line: nil, .notJSON, "\(error.localizedDescription)")
        }
        var header: [String] = []
        var records: [TableRecord] = []
        for (index, element) in array.enumerated() {
            guard case .object(let dict) = element else {
                throw ImportError(file: file, line: index + 1, .jsonNotObject, "\(index + 1)")
            }
            var values: [String: String] = [:]
            for (key, value) in dict {
                let column = key.lowercased()
                if !header.contains(column) { header.append(column) }
                values[column] = value.text
            }
            records.append(TableRecord(line: index + 1, values: values))
        }
        if records.isEmpty {
            throw ImportError(file: file, line: nil, .jsonEmpty)
        }
        return Table(file: file, header: header, records: records)
    }

    /// Spaces and tabs cut from both ends. Faster than Foundation's trimming,
    /// which matters when a 70,000-row gazetteer is read on first start.
    static func trimmed(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return value }
        if !isBlank(first) && !isBlank(last) { return value }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }),
              let end = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[start...end])
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar.properties.isWhitespace && scalar != "\n"
    }

    private static func newlines(in row: [String]) -> Int {
        var count = 0
        for field in row { for scalar in field.unicodeScalars where scalar == "\n" { count += 1 } }
        return count
    }

    /// True when the text from `line` to the end holds an odd number of quote
    /// characters: a quoted field opened there and swallowed the rest of the file.
    private static func isUnclosedQuote(text: String, fromLine line: Int) -> Bool {
        var current = 1
        var quotes = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" { current += 1; continue }
            if current >= line && scalar == "\"" { quotes += 1 }
        }
        return quotes % 2 == 1
    }

    private static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: slice, as: UTF8.self) == nil { return line }
            line += 1
        }
        return line
    }
}

/// Any JSON value, turned into the same text a CSV cell would hold.
indirect enum JSONCell: Decodable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([JSONCell]), object([String: JSONCell])
    /// A number too big for a Double (1e309): kept as its text, so the field
    /// check names the record and field ("participants: \"1e309\" is not a
    /// whole number") instead of the whole file failing as "not an array".
    case unreadableNumber(String)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONCell].self) { self = .array(value) }
        else if let value = try? container.decode([String: JSONCell].self) { self = .object(value) }
        else {
            // Valid JSON that is none of the above is a number Swift cannot hold.
            // Foundation's error names it ("numberIsNotRepresentableInSwift(parsed: \"1e309\")").
            do {
                _ = try container.decode(Double.self)
                self = .unreadableNumber("a number too big to read")
            } catch {
                self = .unreadableNumber(JSONCell.parsedNumber(in: "\(error)") ?? "a number too big to read")
            }
        }
    }

    static func parsedNumber(in description: String) -> String? {
        guard let start = description.range(of: "parsed: \""),
              let end = description[start.upperBound...].firstIndex(of: "\"") else { return nil }
        let text = String(description[start.upperBound..<end])
        return text.isEmpty || text.count > 60 ? nil : text
    }

    var text: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .unreadableNumber(let text): return text
        case .string(let value): return value
        case .array(let values): return values.map(\.text).joined(separator: ", ")
        case .object(let dict): return dict.keys.sorted().map { "\($0):\(dict[$0]!.text)" }.joined(separator: "; ")
        }
    }
}

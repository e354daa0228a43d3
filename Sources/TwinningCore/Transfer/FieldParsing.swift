import Foundation

/// Turns the text of one cell into a typed value, or says plainly what is wrong.
struct FieldParser {
    let table: Table
    let record: TableRecord

    func fail(_ column: String, _ message: Phrase) -> ImportError {
        table.error(record, .field(column, message))
    }

    func fail(_ column: String, _ key: ErrorText, _ arguments: Phrase.Argument...) -> ImportError {
        fail(column, Phrase(key, arguments: arguments))
    }

    func required(_ column: String) throws -> String {
        guard let value = record[column] else { throw fail(column, .requiredEmpty) }
        return value
    }

    func optional(_ column: String) -> String? { record[column] }

    func int(_ column: String) throws -> Int? {
        guard let text = record[column] else { return nil }
        guard let value = Int(text) else {
            throw fail(column, .notWholeNumber, "\(TextSafety.excerpt(text))")
        }
        return value
    }

    func int64(_ column: String) throws -> Int64? {
        guard let text = record[column] else { return nil }
        guard let value = Int64(text), value > 0 else {
            throw fail(column, .notGeonameId, "\(TextSafety.excerpt(text))")
        }
        return value
    }

    func double(_ column: String) throws -> Double? {
        guard let text = record[column] else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw fail(column, .notNumber, "\(TextSafety.excerpt(text))")
        }
        return value
    }

    func date(_ column: String) throws -> PartialDate? {
        guard let text = record[column] else { return nil }
        guard let value = PartialDate.parse(text) else {
            throw fail(column, .notDate, "\(TextSafety.excerpt(text))", .phrase(Phrase(.dateForms)))
        }
        return value
    }

    func bool(_ column: String) throws -> Bool? {
        guard let text = record[column]?.lowercased() else { return nil }
        switch text {
        case "1", "true", "yes", "ja", "y": return true
        case "0", "false", "no", "nein", "n": return false
        default: throw fail(column, .notYesNo, "\(TextSafety.excerpt(text))")
        }
    }

    func vocabulary<V: Vocabulary>(_ column: String, _ type: V.Type) throws -> V? {
        guard let text = record[column] else { return nil }
        guard let value = V.parse(text) else {
            throw fail(column, .notOneOf, "\(TextSafety.excerpt(text))", "\(V.choices)")
        }
        return value
    }

    func tags(_ column: String) -> [String] {
        record[column].map(Validation.parseTags) ?? []
    }

    /// "DE:20; FR:22" → ["DE": 20, "FR": 22]
    func countryCounts(_ column: String) throws -> [String: Int] {
        guard let text = record[column] else { return [:] }
        return try CountryCounts.parse(text).get { fail(column, $0) }
    }
}

/// Participants per country, written "DE:20; FR:22" in CSV and on the command line.
public enum CountryCounts {
    public static func parse(_ text: String) -> Result<[String: Int], CountryCountsError> {
        var result: [String: Int] = [:]
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                return .failure(CountryCountsError(.splitShape, "\(TextSafety.excerpt(String(part)))"))
            }
            let code = pieces[0].trimmingCharacters(in: .whitespaces).uppercased()
            let number = pieces[1].trimmingCharacters(in: .whitespaces)
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                return .failure(CountryCountsError(.splitNotCode, "\(TextSafety.excerpt(code))"))
            }
            guard CountryCodes.isKnown(code) else {
                return .failure(CountryCountsError(.splitUnknownCountry, "\(code)"))
            }
            guard let count = Int(number), count >= 0 else {
                return .failure(CountryCountsError(.splitNotCount, "\(TextSafety.excerpt(number))"))
            }
            // "DE:1; DE:2" is a slip (which number is right?), not a sum to make silently.
            guard result[code] == nil else {
                return .failure(CountryCountsError(.splitTwice, "\(code)"))
            }
            result[code] = count
        }
        return .success(result)
    }

    public static func format(_ counts: [String: Int]) -> String {
        counts.keys.sorted().map { "\($0):\(counts[$0]!)" }.joined(separator: "; ")
    }
}

public struct CountryCountsError: SayableError, Sendable {
    public let phrase: Phrase
    init(_ key: ErrorText, _ arguments: Phrase.Argument...) { phrase = Phrase(key, arguments: arguments) }
    /// English, as logs and tests read it.
    public var message: String { phrase.english }
    public var description: String { message }
    public func text(_ language: String) -> String { phrase.text(language) }
}

extension Result where Failure == CountryCountsError {
    func get(_ wrap: (Phrase) -> ImportError) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw wrap(error.phrase)
        }
    }
}

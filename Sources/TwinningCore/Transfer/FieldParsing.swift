import Foundation

/// Turns the text of one cell into a typed value, or says plainly what is wrong.
struct FieldParser {
    let table: Table
    let record: TableRecord

    func fail(_ column: String, _ message: String) -> ImportError {
        table.error(record, "\(column): \(message)")
    }

    func required(_ column: String) throws -> String {
        guard let value = record[column] else { throw fail(column, "is empty, but it is required") }
        return value
    }

    func optional(_ column: String) -> String? { record[column] }

    func int(_ column: String) throws -> Int? {
        guard let text = record[column] else { return nil }
        guard let value = Int(text) else {
            throw fail(column, "\"\(TextSafety.excerpt(text))\" is not a whole number")
        }
        return value
    }

    func int64(_ column: String) throws -> Int64? {
        guard let text = record[column] else { return nil }
        guard let value = Int64(text), value > 0 else {
            throw fail(column, "\"\(TextSafety.excerpt(text))\" is not a GeoNames id (a positive whole number)")
        }
        return value
    }

    func double(_ column: String) throws -> Double? {
        guard let text = record[column] else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw fail(column, "\"\(TextSafety.excerpt(text))\" is not a number")
        }
        return value
    }

    func date(_ column: String) throws -> PartialDate? {
        guard let text = record[column] else { return nil }
        guard let value = PartialDate.parse(text) else {
            throw fail(column, "\"\(TextSafety.excerpt(text))\" is not a date; use \(PartialDate.acceptedForms)")
        }
        return value
    }

    func bool(_ column: String) throws -> Bool? {
        guard let text = record[column]?.lowercased() else { return nil }
        switch text {
        case "1", "true", "yes", "ja", "y": return true
        case "0", "false", "no", "nein", "n": return false
        default: throw fail(column, "\"\(TextSafety.excerpt(text))\" is not yes/no (use true or false)")
        }
    }

    func vocabulary<V: Vocabulary>(_ column: String, _ type: V.Type) throws -> V? {
        guard let text = record[column] else { return nil }
        guard let value = V.parse(text) else {
            throw fail(column, "\"\(TextSafety.excerpt(text))\" is not one of: \(V.choices)")
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
                return .failure(CountryCountsError(message: "\"\(TextSafety.excerpt(String(part)))\" should look like DE:20"))
            }
            let code = pieces[0].trimmingCharacters(in: .whitespaces).uppercased()
            let number = pieces[1].trimmingCharacters(in: .whitespaces)
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                return .failure(CountryCountsError(message: "\"\(TextSafety.excerpt(code))\" is not a two-letter country code"))
            }
            guard CountryCodes.isKnown(code) else {
                return .failure(CountryCountsError(message: "\(code) is not a country code (ISO 3166, e.g. DE, FR, PL)"))
            }
            guard let count = Int(number), count >= 0 else {
                return .failure(CountryCountsError(message: "\"\(TextSafety.excerpt(number))\" is not a number of participants"))
            }
            // "DE:1; DE:2" is a slip (which number is right?), not a sum to make silently.
            guard result[code] == nil else {
                return .failure(CountryCountsError(message: "\(code) is given twice"))
            }
            result[code] = count
        }
        return .success(result)
    }

    public static func format(_ counts: [String: Int]) -> String {
        counts.keys.sorted().map { "\($0):\(counts[$0]!)" }.joined(separator: "; ")
    }
}

public struct CountryCountsError: Error, Sendable {
    public let message: String
}

extension Result where Failure == CountryCountsError {
    func get(_ wrap: (String) -> ImportError) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw wrap(error.message)
        }
    }
}

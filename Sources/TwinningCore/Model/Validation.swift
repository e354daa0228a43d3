import Foundation

/// A value that may not be stored, with the field it belongs to.
/// `message` and `description` are English (logs, tests); `text(_:)` says it
/// in the volunteer's language. `field` is the name the user typed or the
/// file uses (`youth`, `--country`), the same in every language.
public struct ValidationError: SayableError, Equatable, Sendable {
    public let field: String
    public let phrase: Phrase
    /// English only (a message not yet in the catalogue).
    public init(field: String, message: String) {
        self.field = field
        self.phrase = Phrase(english: message)
    }
    public init(field: String, _ key: ErrorText, _ arguments: Phrase.Argument...) {
        self.field = field
        self.phrase = Phrase(key, arguments: arguments)
    }
    public init(field: String, phrase: Phrase) {
        self.field = field
        self.phrase = phrase
    }
    public var message: String { phrase.english }
    public var description: String { "\(field): \(message)" }
    /// "youth: …" with the field's name and the message in `language`.
    public var fullPhrase: Phrase { .field(field, phrase) }
    public func text(_ language: String) -> String { fullPhrase.text(language) }
}

/// Shared field rules, so the command line, imports and the TUI refuse the
/// same things with the same words.
public enum Validation {
    public static let maxNameLength = 200
    public static let maxShortTextLength = 200
    public static let maxNotesLength = 20_000
    public static let maxTagLength = 60
    /// The most people one event can count (participants, under-30s, each
    /// country of the split). A million is far above any twinning meeting
    /// and far below where sums over many events could overflow; the
    /// database refuses more too (migration v5-safe-values).
    public static let maxParticipants = 1_000_000
    /// The most inhabitants a city can have: above the largest city on earth.
    public static let maxPopulation = 100_000_000

    /// A count of people: 0…`max`, or no value.
    public static func count(_ value: Int?, field: String, max: Int = maxParticipants) throws {
        guard let value else { return }
        if value < 0 {
            throw ValidationError(field: field, .negativeValue, "\(value)")
        }
        if value > max {
            throw ValidationError(field: field, .atMost, .number(max), "\(value)")
        }
    }

    public static func name(_ value: String, field: String) throws {
        if value.trimmingSpaces.isEmpty {
            throw ValidationError(field: field, .empty)
        }
        // A character is at least one byte: short in bytes is short enough.
        if value.utf8.count > maxNameLength && value.count > maxNameLength {
            throw ValidationError(field: field, .tooLong, "\(value.count)", "\(maxNameLength)")
        }
        if let bad = TextSafety.firstUnsafeScalar(in: value) {
            throw ValidationError(field: field, .controlCharacter, "\(TextSafety.describe(bad))")
        }
    }

    public static func shortText(_ value: String, field: String) throws {
        if value.count > maxShortTextLength {
            throw ValidationError(field: field, .tooLong, "\(value.count)", "\(maxShortTextLength)")
        }
        if let bad = TextSafety.firstUnsafeScalar(in: value) {
            throw ValidationError(field: field, .controlCharacter, "\(TextSafety.describe(bad))")
        }
    }

    public static func notes(_ value: String, field: String) throws {
        if value.count > maxNotesLength {
            throw ValidationError(field: field, .tooLong, "\(value.count)", "\(maxNotesLength)")
        }
        if let bad = TextSafety.firstUnsafeScalar(in: value, allowLineBreaks: true) {
            throw ValidationError(field: field, .controlCharacter, "\(TextSafety.describe(bad))")
        }
    }

    public static func countryCode(_ value: String, field: String = "country") throws {
        let ok = value.count == 2 && value.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        if !ok {
            throw ValidationError(field: field, .countryCodeShape, "\(TextSafety.excerpt(value))")
        }
    }

    /// A code of a real country (see `CountryCodes`), for new figures such as
    /// participants by country: "XX" would be stored and counted as a country.
    public static func knownCountryCode(_ value: String, field: String) throws {
        try countryCode(value, field: field)
        if !CountryCodes.isKnown(value) {
            throw ValidationError(field: field, .unknownCountry, "\(value)")
        }
    }

    public static func tags(_ tags: [String], field: String) throws {
        for tag in tags {
            if tag.isEmpty || tag.count > maxTagLength {
                throw ValidationError(field: field, .tagLength, "\(maxTagLength)")
            }
            if tag.contains(",") {
                throw ValidationError(field: field, .tagComma, "\(TextSafety.excerpt(tag))")
            }
            if let bad = TextSafety.firstUnsafeScalar(in: tag) {
                throw ValidationError(field: field, .controlCharacter, "\(TextSafety.describe(bad))")
            }
        }
    }

    /// Splits "climate, Smart City ,youth" into ["climate", "smart city", "youth"].
    public static func parseTags(_ text: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for part in text.split(separator: ",") {
            let tag = part.trimmingCharacters(in: .whitespaces).lowercased()
            if !tag.isEmpty && seen.insert(tag).inserted { result.append(tag) }
        }
        return result
    }
}

/// Numbers in messages: 1000000 → "1,000,000" in English, "1.000.000" in
/// German, "1 000 000" in French (narrow no-break space, as ICU writes it).
enum NumberText {
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func grouped(_ value: Int, _ language: String) -> String {
        guard let report = ReportLanguage(rawValue: language), report != .en else { return grouped(value) }
        return NumberWriting.integer(value, report)
    }
}

import Foundation

/// Where a funding application stands.
public enum FundingState: String, Vocabulary {
    case applied, granted, refused, paid
}

/// One source of money for a project: "CERV town twinning, 22,000 EUR, granted".
///
/// The amount is kept in minor units (cents) as an integer, with the ISO 4217
/// currency: sums are exact (no 0.1 + 0.2 drift in a funder's total),
/// SQLite has no decimal type but sums integers exactly, and a CHECK can hold
/// the amount within bounds. `amount` gives the Decimal value
/// ("22000.50") using the currency's number of minor digits (0 for JPY, 3 for
/// KWD, 2 for nearly all others). No amount (nil) means "not known yet".
public struct FundingLine: Codable, Hashable, Sendable {
    /// CERV town twinning, Erasmus+, SKEW, the city's own budget, a foundation … (free text).
    public var programme: String
    public var amountMinor: Int64?
    /// ISO 4217, upper case: "EUR", "PLN", "UAH".
    public var currency: String
    public var state: FundingState
    public var notes: String

    public init(programme: String, amountMinor: Int64? = nil, currency: String = "EUR",
                state: FundingState = .applied, notes: String = "") {
        self.programme = programme
        self.amountMinor = amountMinor
        self.currency = currency
        self.state = state
        self.notes = notes
    }

    /// A line from a decimal amount ("22000", "1234.5"); nil when the amount has more decimals than the currency.
    public init?(programme: String, amount: Decimal, currency: String, state: FundingState = .applied, notes: String = "") {
        guard let minor = Currency.minorUnits(amount, currency: currency) else { return nil }
        self.init(programme: programme, amountMinor: minor, currency: currency, state: state, notes: notes)
    }

    /// The amount in the currency's major unit (22000.50), exact.
    public var amount: Decimal? { amountMinor.map { Currency.decimal($0, currency: currency) } }

    /// At most 10^15 minor units: a trillion euros, far beyond any project, and
    /// sums of thousands of lines still fit an Int64.
    public static let maxMinor: Int64 = 1_000_000_000_000_000

    public func validate(field: String = "funding") throws {
        if programme.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(field: field, .fundingNeedsProgramme)
        }
        try Validation.shortText(programme, field: field)
        try Currency.validate(currency, field: field)
        if let amountMinor, amountMinor < 0 || amountMinor > FundingLine.maxMinor {
            throw ValidationError(field: field, .amountRange, .number(Int(FundingLine.maxMinor / 100)),
                                  "\(Currency.text(amountMinor, currency: currency))")
        }
        try Validation.notes(notes, field: field)
    }
}

/// ISO 4217 currency codes and their minor units.
public enum Currency {
    /// Currencies whose minor unit is not a hundredth (ISO 4217 list, the ones in use).
    static let minorDigits: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
        "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    ]

    public static func digits(_ code: String) -> Int { minorDigits[code] ?? 2 }

    public static func validate(_ code: String, field: String) throws {
        let ok = code.count == 3 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        if !ok {
            throw ValidationError(field: field, .currencyCode, "\(TextSafety.excerpt(code))")
        }
    }

    /// 2200050 EUR → 22000.5
    public static func decimal(_ minor: Int64, currency: String) -> Decimal {
        var value = Decimal(minor)
        for _ in 0..<digits(currency) { value /= 10 }
        return value
    }

    /// 22000.5 EUR → 2200050; nil when it has more decimals than the currency allows or is out of range.
    public static func minorUnits(_ amount: Decimal, currency: String) -> Int64? {
        var scaled = amount
        for _ in 0..<digits(currency) { scaled *= 10 }
        var rounded = Decimal()
        var copy = scaled
        NSDecimalRound(&rounded, &copy, 0, .plain)
        guard rounded == scaled, abs(rounded) <= Decimal(FundingLine.maxMinor) else { return nil }
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// Reads "22000", "22000.50", "22,000.50", "22.000,50", "22 000,5" (as typed in DE/EN/FR).
    public static func parseAmount(_ text: String, currency: String) -> Int64? {
        var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .replacingOccurrences(of: "'", with: "")
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let lastDot = t.lastIndex(of: "."), lastComma = t.lastIndex(of: ",")
        // The separator that comes last is the decimal one, when the digits after it are not a group of three
        // following another separator of the same kind.
        var decimalSep: Character? = nil
        if let d = lastDot, let c = lastComma { decimalSep = d > c ? "." : "," }
        else if let only = lastDot ?? lastComma {
            let sep = t[only]
            let after = t.distance(from: only, to: t.endIndex) - 1
            let occurrences = t.filter { $0 == sep }.count
            decimalSep = (occurrences == 1 && after != 3) ? sep : (occurrences == 1 && after == 3 && digits(currency) == 3 ? sep : nil)
        }
        if let decimalSep {
            let group: Character = decimalSep == "." ? "," : "."
            t.removeAll { $0 == group }
            t = t.replacingOccurrences(of: String(decimalSep), with: ".")
            guard t.filter({ $0 == "." }).count == 1 else { return nil }
        } else {
            t.removeAll { $0 == "." || $0 == "," }
        }
        guard let value = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return minorUnits(value, currency: currency)
    }

    /// "22000.50 EUR" (plain, for messages and exports).
    public static func text(_ minor: Int64, currency: String) -> String {
        "\(plain(minor, currency: currency)) \(currency)"
    }

    /// "22000.50": the amount with exactly the currency's decimals, as exported.
    public static func plain(_ minor: Int64, currency: String) -> String {
        let d = digits(currency)
        guard d > 0 else { return String(minor) }
        let sign = minor < 0 ? "-" : ""
        let m = minor.magnitude
        var unit: UInt64 = 1
        for _ in 0..<d { unit *= 10 }
        let frac = String(m % unit)
        return sign + String(m / unit) + "." + String(repeating: "0", count: d - frac.count) + frac
    }
}

import Foundation

/// Country names in the reader's language from the system's ICU data
/// (Foundation's `Locale`), never a table of our own: "DE" is "Germany",
/// "Deutschland", "Allemagne". The English name from the data is kept when
/// ICU does not know the code (or no code is known).
public enum CountryNames {
    public static func name(code: String?, fallback: String, _ language: ReportLanguage) -> String {
        guard let code, code.count == 2 else { return fallback }
        let locale = Locale(identifier: language.rawValue)
        guard let name = locale.localizedString(forRegionCode: code.uppercased()), !name.isEmpty,
              name.uppercased() != code.uppercased() else { return fallback }
        return name
    }
}

import Foundation
import TwinningCore

/// The filters of the match explorer as the user sees them: the dialog's
/// fields, what typed text means, and the one line in the pane that says
/// which filters are on.
public enum MatchFilterInput {
    /// The dialog, filled with the filters in force.
    public static func form(_ filters: MatchFilters, language: Language) -> FormState {
        FormState(kind: .matchFilters, fields: [
            FormField(.countries, .fieldCountries, .text, text: filters.countries.sorted().joined(separator: " ")),
            FormField(.minDistance, .fieldDistanceFrom, .text, text: filters.minDistanceKm.map { km($0, language) } ?? ""),
            FormField(.maxDistance, .fieldDistanceTo, .text, text: filters.maxDistanceKm.map { km($0, language) } ?? ""),
            FormField(.minPopulation, .fieldPopulationFrom, .text, text: filters.minPopulation.map { Formatting.number($0, language) } ?? ""),
            FormField(.maxPopulation, .fieldPopulationTo, .text, text: filters.maxPopulation.map { Formatting.number($0, language) } ?? ""),
        ])
    }

    /// The filters the fields describe, or the fields in error with a plain message.
    /// `knownCountries` empty: any two-letter code is taken.
    public static func parse(_ form: FormState, knownCountries: Set<String>, language: Language)
        -> (filters: MatchFilters?, errors: [(FieldID, String)]) {
        var errors: [(FieldID, String)] = []
        func text(_ id: FieldID) -> String { (form.field(id)?.text ?? "").trimmingCharacters(in: .whitespaces) }

        var countries: Set<String> = []
        let separators = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",;/+"))
        for token in text(.countries).components(separatedBy: separators) where !token.isEmpty {
            guard token.count == 2, token.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                errors.append((.countries, tr(.errFilterCountries, language, TextSafety.excerpt(token, max: 20))))
                break
            }
            let code = token.uppercased()
            if !knownCountries.isEmpty && !knownCountries.contains(code) {
                errors.append((.countries, tr(.errFilterUnknownCountry, language, code)))
                break
            }
            countries.insert(code)
        }

        func distance(_ id: FieldID) -> Double? {
            let value = text(id)
            guard !value.isEmpty else { return nil }
            guard let km = number(value, units: ["km"]), km >= 0 else {
                errors.append((id, tr(.errFilterDistance, language)))
                return nil
            }
            if km > 20_100 { errors.append((id, tr(.errFilterDistanceTooFar, language))) }
            return km
        }
        func population(_ id: FieldID) -> Int? {
            let value = text(id)
            guard !value.isEmpty else { return nil }
            guard let n = number(value, units: ["inhabitants", "einwohner", "ew."]), n >= 0, n == n.rounded(), n < 1e11 else {
                errors.append((id, tr(.errFilterPopulation, language)))
                return nil
            }
            return Int(n)
        }
        let minKm = distance(.minDistance), maxKm = distance(.maxDistance)
        let minPeople = population(.minPopulation), maxPeople = population(.maxPopulation)
        if let lo = minKm, let hi = maxKm, hi < lo {
            errors.append((.maxDistance, tr(.errFilterRange, language, km(hi, language) + " km", km(lo, language) + " km")))
        }
        if let lo = minPeople, let hi = maxPeople, hi < lo {
            errors.append((.maxPopulation, tr(.errFilterRange, language, Formatting.number(hi, language), Formatting.number(lo, language))))
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (MatchFilters(countries: countries, minDistanceKm: minKm, maxDistanceKm: maxKm,
                             minPopulation: minPeople, maxPopulation: maxPeople), [])
    }

    /// A number as people type it: "800", "800 km", "20000", "20.000" or
    /// "20,000" (thousands), "12,5" or "12.5" (a decimal). nil if it is none.
    public static func number(_ text: String, units: [String] = []) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces).lowercased()
        for unit in units where t.hasSuffix(unit) {
            t = String(t.dropLast(unit.count))
            break
        }
        t = String(t.filter { !$0.isWhitespace && $0 != "'" && $0 != "’" })
        if t.range(of: "^[0-9]{1,3}([.,][0-9]{3})+$", options: .regularExpression) != nil {
            t = t.filter { $0 != "." && $0 != "," }
        } else if t.range(of: "^[0-9]+([.,][0-9]+)?$", options: .regularExpression) != nil {
            t = t.replacingOccurrences(of: ",", with: ".")
        } else {
            return nil
        }
        return Double(t)
    }

    /// "FR IT · ≤ 800 km · 20,000–200,000 inhabitants"; nil when no filter is on.
    public static func summary(_ filters: MatchFilters, language: Language) -> String? {
        var parts: [String] = []
        if !filters.countries.isEmpty { parts.append(filters.countries.sorted().joined(separator: " ")) }
        if let range = range(filters.minDistanceKm.map { km($0, language) }, filters.maxDistanceKm.map { km($0, language) }) {
            parts.append(range + " km")
        }
        if let range = range(filters.minPopulation.map { Formatting.number($0, language) },
                             filters.maxPopulation.map { Formatting.number($0, language) }) {
            parts.append(range + " " + tr(.unitInhabitants, language))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// What a filter field's text was understood as, shown beside it ("= 20,000 inhabitants").
    static func understood(_ field: FormField, language: Language) -> String? {
        switch field.id {
        case .minPopulation, .maxPopulation:
            guard let n = number(field.text, units: ["inhabitants", "einwohner", "ew."]), n == n.rounded(), n < 1e11 else { return nil }
            return tr(.understoodInhabitants, language, Formatting.number(Int(n), language))
        case .minDistance, .maxDistance:
            guard let n = number(field.text, units: ["km"]), n <= 20_100 else { return nil }
            return "= " + km(n, language) + " km"
        default:
            return nil
        }
    }

    private static func range(_ low: String?, _ high: String?) -> String? {
        switch (low, high) {
        case let (low?, high?): return "\(low)–\(high)"
        case let (low?, nil): return "≥ \(low)"
        case let (nil, high?): return "≤ \(high)"
        default: return nil
        }
    }

    /// Kilometres without a needless ".0": "1,200", "12.5" ("1.200", "12,5" in German, "1 200", "12,5" in French).
    static func km(_ value: Double, _ language: Language) -> String {
        if value == value.rounded() && value < 1e9 { return Formatting.number(Int(value), language) }
        switch language {
        case .en: return String(format: "%.1f", value)
        case .de: return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
        case .fr: return Formatting.decimal(value, digits: 1, language)
        }
    }
}

extension MatchFilters {
    /// Identifies the filters inside `AppState.matchKey`.
    var key: String {
        func d(_ v: Double?) -> String { v.map { String($0) } ?? "" }
        func i(_ v: Int?) -> String { v.map(String.init) ?? "" }
        return [countries.sorted().joined(separator: ","), d(minDistanceKm), d(maxDistanceKm), i(minPopulation), i(maxPopulation),
                leaveOutHomeCountry ? "abroad" : "all"]
            .joined(separator: ";")
    }

    /// No filter set in the dialog (the abroad rule has its own key and is not one of them).
    var isEmpty: Bool {
        var plain = self
        plain.leaveOutHomeCountry = false
        return plain == MatchFilters()
    }
}

extension KeyMap {
    /// The keys of a command in a context as the bar shows them ("/", "F8/Ctrl-R"),
    /// for hints written inside the panes, so they never disagree with the table.
    public static func keys(for command: Command, in context: KeyContext, _ language: Language = .en) -> String {
        bindings.first { $0.command == command && $0.context == context }.map { barKeyLabel($0, language) } ?? ""
    }
}

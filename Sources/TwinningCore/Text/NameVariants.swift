/// The ways a typed name may be meant. German keyboards without umlauts write
/// "Muenchen", "Koeln", "Duesseldorf", "Zuerich": folded names have "u", "o",
/// "a", so a query with "ue", "oe" or "ae" is also tried with those replaced
/// ("ss" for "ß" needs nothing: the fold already gives "ss").
public enum NameVariants {
    /// The folded query first, then its variant when it differs.
    public static func keys(_ text: String) -> [String] {
        let key = SearchKey.fold(text.trimmingCharacters(in: .whitespaces))
        guard !key.isEmpty else { return [] }
        let plain = key.replacingOccurrences(of: "ue", with: "u").replacingOccurrences(of: "oe", with: "o")
            .replacingOccurrences(of: "ae", with: "a")
        return plain == key ? [key] : [key, plain]
    }
}

import Foundation

/// Folds text for searching: case-insensitive and diacritic-insensitive, so that
/// "dusseldorf", "DÜSSELDORF" and "Düsseldorf" all give "dusseldorf", and
/// "Kraków" gives "krakow". Letters that Unicode does not decompose into a base
/// letter plus a mark ("ł", "ø", "ß", …) are mapped by hand, because users type
/// "elk" for "Ełk". Scripts without case (CJK) pass through unchanged.
public enum SearchKey {
    public static func fold(_ text: String) -> String {
        // Fast path: most names are plain ASCII, which only needs lower-casing.
        var utf8 = Array(text.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for i in utf8.indices where utf8[i] >= 65 && utf8[i] <= 90 { utf8[i] += 32 }
            return String(decoding: utf8, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        let decomposed = text.decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if scalar.isASCII {
                let v = scalar.value
                if v >= 65 && v <= 90 {
                    out.append(Unicode.Scalar(v + 32)!)
                } else {
                    out.append(scalar)
                }
                continue
            }
            if let replacement = special[scalar] {
                out.append(contentsOf: replacement.unicodeScalars)
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if let replacement = special[lower] {
                    out.append(contentsOf: replacement.unicodeScalars)
                } else {
                    out.append(lower)
                }
            }
        }
        return String(out)
    }

    /// Letters without a canonical decomposition, folded to what a German,
    /// Polish, Scandinavian, French or Turkish user would type on a plain keyboard.
    private static let special: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th",
        "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l", "ŧ": "t", "Ŧ": "t",
        "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "‐": "-", "–": "-", "—": "-",
    ]
}

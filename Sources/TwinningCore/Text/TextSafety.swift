import Foundation

/// Rules for text that comes from users or files. Names must be one clean line;
/// notes may have line breaks and tabs but nothing that a terminal would treat
/// as a command (ESC, CSI, OSC, other C0/C1 controls, bidi overrides).
public enum TextSafety {
    /// Characters that are never stored in a single-line field.
    public static func firstUnsafeScalar(in text: String, allowLineBreaks: Bool = false) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars where isUnsafe(scalar, allowLineBreaks: allowLineBreaks) {
            return scalar
        }
        return nil
    }

    public static func isUnsafe(_ scalar: Unicode.Scalar, allowLineBreaks: Bool = false) -> Bool {
        let v = scalar.value
        if allowLineBreaks && (v == 0x0A || v == 0x09) { return false }
        if v < 0x20 || v == 0x7F { return true }          // C0 controls, DEL
        if v >= 0x80 && v <= 0x9F { return true }          // C1 controls (8-bit CSI, OSC …)
        if v >= 0x202A && v <= 0x202E { return true }      // bidi embeddings and overrides
        if v >= 0x2066 && v <= 0x2069 { return true }      // bidi isolates
        if v == 0x2028 || v == 0x2029 { return true }      // line/paragraph separators
        if v == 0xFEFF { return true }                     // BOM / zero-width no-break space
        return false
    }

    /// A printable description of a scalar for error messages: "U+001B (ESC)".
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(format: "U+%04X", scalar.value)
        let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0D: "CR",
                                       0x1B: "ESC", 0x7F: "DEL", 0x9B: "CSI", 0x9D: "OSC", 0x202E: "RIGHT-TO-LEFT OVERRIDE"]
        if let name = names[scalar.value] { return "\(hex) (\(name))" }
        return hex
    }

    /// Makes any text safe to show on a terminal or in a one-line message:
    /// unsafe characters become a visible "�"-free placeholder "?" and line
    /// breaks become spaces (unless allowed).
    public static func sanitized(_ text: String, allowLineBreaks: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, allowLineBreaks: allowLineBreaks) {
                out.append(scalar.value == 0x0A || scalar.value == 0x09 || scalar.value == 0x0D ? " " : "?")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whole command output for a terminal (stdout or stderr is a tty): line
    /// breaks and tabs stay, CR LF becomes LF, and every other unsafe
    /// character (C0 and C1 controls, bidi overrides and isolates, …) becomes
    /// "?" (a lone CR a space), so data cannot move the cursor, recolour or
    /// reorder the screen. Files and pipes get the exact text instead, so an
    /// export still round-trips.
    public static func forTerminal(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if scalar.value == 0x0D && i + 1 < scalars.count && scalars[i + 1].value == 0x0A { continue }
            if isUnsafe(scalar, allowLineBreaks: true) {
                out.append(scalar.value == 0x0D ? " " : "?")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Shortens text for an error message, so a 1 MB field does not flood the terminal.
    public static func excerpt(_ text: String, max: Int = 40) -> String {
        let clean = sanitized(text)
        if clean.count <= max { return clean }
        return String(clean.prefix(max)) + "…"
    }
}

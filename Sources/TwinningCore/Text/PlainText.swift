import Foundation

/// Fast paths for what an import does to every field of every row. Each
/// gives exactly the Foundation result; it only skips Foundation's string
/// bridge when the answer is the text itself, which it is for nearly every
/// field (`Scripts/bench-import.sh`: the bridge was a tenth of an import).
extension String {
    /// `trimmingCharacters(in: .whitespaces)`.
    public var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if Self.plainEdge(first) && Self.plainEdge(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// `precomposedStringWithCanonicalMapping` (NFC); ASCII is its own NFC.
    public var precomposed: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }

    /// An ASCII byte that is not blank: no whitespace character ends with it.
    /// (A non-ASCII last byte may belong to a Unicode space, so it is not plain.)
    private static func plainEdge(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && byte != 0x09
    }
}

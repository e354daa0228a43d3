import CWidth
import TwinningCore

/// How many terminal columns text takes, measured the way ncurses will draw it.
///
/// `String.count` counts grapheme clusters, not columns: "東京" is 2 characters
/// but 4 columns, and a decomposed "Du\u{308}sseldorf" has 11 scalars but 10
/// columns. ncurses asks the C library's `wcwidth` how far to advance, so we ask
/// the same function; any other table would disagree with the screen on some
/// character and shift the rest of the line.
///
/// Rules, per grapheme cluster of the *sanitised* text (see `TextSafety`):
/// - the width of its first scalar (ncurses draws the following combining
///   marks, variation selectors and joiners into the same cell);
/// - 0 when that scalar is zero-width (a lone combining mark, U+200B …);
/// - 1 when `wcwidth` does not know the scalar (-1), e.g. an emoji newer than
///   the C library; `Screen` draws such a cluster as "?" so the layout holds.
public enum DisplayWidth {
    /// Makes sure LC_CTYPE is UTF-8 before the first `wcwidth` call; in the "C"
    /// locale `wcwidth("ü")` is -1. Runs once per process.
    static let localeIsUTF8: Bool = tw_width_ensure_utf8_ctype() != 0

    /// The C library's width of one scalar: 0, 1, 2, or -1 for unknown/control.
    public static func wcwidth(_ scalar: Unicode.Scalar) -> Int {
        _ = localeIsUTF8
        return Int(tw_width_of_scalar(scalar.value))
    }

    /// Columns taken by one grapheme cluster, assumed already sanitised.
    public static func of(_ cluster: Character) -> Int {
        guard let first = cluster.unicodeScalars.first else { return 0 }
        let w = wcwidth(first)
        if w < 0 { return 1 }
        return min(w, 2)
    }

    /// True when the C library does not know the cluster's first scalar, so a
    /// terminal may draw it with any width; `Screen` replaces it by "?".
    public static func isUnknown(_ cluster: Character) -> Bool {
        guard let first = cluster.unicodeScalars.first else { return false }
        return wcwidth(first) < 0
    }

    /// Columns taken by `s` once sanitised (control characters count as the
    /// one-column "?" they are shown as).
    public static func of(_ s: String) -> Int {
        var total = 0
        for cluster in TextSafety.sanitized(s) { total += of(cluster) }
        return total
    }

    /// The sanitised text cut to at most `width` columns. When anything is cut
    /// the result ends in "…" and is exactly `width` columns wide; a wide
    /// character that would straddle the limit is replaced by a space, never
    /// split in half.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let clean = TextSafety.sanitized(s)
        if of(clean) <= width { return clean }

        let ellipsis = "…"
        let budget = width - of(ellipsis)
        guard budget >= 0 else { return String(repeating: " ", count: width) }
        var out = ""
        var used = 0
        for cluster in clean {
            let w = of(cluster)
            if used + w > budget { break }
            out.append(cluster)
            used += w
        }
        // A wide character that did not fit leaves a gap: fill it so the
        // result is exactly `width` columns.
        out += String(repeating: " ", count: budget - used)
        return out + ellipsis
    }

    /// `head` cut to leave room for `tail`, which is kept whole: a number at
    /// the end must never be cut to another number ("23.06" for 23.065).
    public static func keepingTail(_ head: String, _ tail: String, width: Int) -> String {
        let tailWidth = of(tail)
        guard tailWidth < width else { return truncate(tail, to: width) }
        let room = width - tailWidth
        let cleanHead = TextSafety.sanitized(head)
        return (of(cleanHead) <= room ? cleanHead : truncate(cleanHead, to: room)) + tail
    }

    /// The sanitised text truncated and then padded with spaces to exactly
    /// `width` columns, left-aligned or right-aligned (for numbers).
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? gap + cut : cut + gap
    }
}

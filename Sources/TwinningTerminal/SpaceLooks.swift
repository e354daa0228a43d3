import TwinningUI

/// Which role's look each space of a row is drawn with.
///
/// A space shows no glyph, so bold, dim and the foreground colour cannot be
/// seen on it; only what paints the cell can (the background, reverse video,
/// underline). The list marker column, for example, is a bold space on every
/// row that is not selected: drawn as such, it costs two attribute changes
/// ("bold on", "bold off", 17 bytes with xterm's sgr) per row and frame.
/// Drawing each space in a look that paints the cell the same, chosen so the
/// row has as few attribute changes as possible, sends fewer bytes and shows
/// exactly the same screen.
enum SpaceLooks {
    /// A gap of spaces inside a run of another look (a highlighted row's
    /// column padding) stays in that look up to this width; a wider gap is
    /// cheaper in the normal look, where ncurses can erase it (ECH, EL)
    /// instead of sending every space, than the ~25 bytes of switching the
    /// look off and on again around it.
    static let longestGapInARun = 24

    /// The role each cell of `cells` is drawn in. Non-spaces keep their own.
    /// A space takes the look of the run it sits in (same role on both sides),
    /// else the normal look, else its own; always one that `sameLook` says
    /// paints the cell the same as its own role.
    static func drawRoles(_ cells: [Cell], sameLook: (StyleRole, StyleRole) -> Bool) -> [StyleRole] {
        var result = cells.map(\.role)
        var col = 0
        while col < cells.count {
            guard cells[col].text == " " else { col += 1; continue }
            var end = col
            while end < cells.count, cells[end].text == " " { end += 1 }
            let left: StyleRole? = col > 0 ? result[col - 1] : nil
            let right: StyleRole? = end < cells.count ? cells[end].role : nil
            let inRun = left != nil && left == right && end - col <= longestGapInARun
            for c in col..<end {
                let own = cells[c].role
                if inRun, let left, sameLook(own, left) {
                    result[c] = left
                } else if sameLook(own, .normal) {
                    result[c] = .normal
                }
            }
            col = end
        }
        return result
    }

    /// What can be seen of a space in `style`. Reverse video paints the cell
    /// in the foreground colour (and bold may brighten it), underline draws a
    /// line: with either, the whole style counts.
    static func appearance(ofSpaceIn style: ThemeStyle) -> ThemeStyle {
        if style.attributes.contains(.reverse) || style.attributes.contains(.underline) { return style }
        return ThemeStyle(fg: .default, bg: style.bg, attributes: [])
    }

    /// `appearance` of every role under `theme`, for `drawRoles`' `sameLook`.
    static func appearances(_ theme: Theme) -> [StyleRole: ThemeStyle] {
        Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0, appearance(ofSpaceIn: theme.style($0))) })
    }
}

import TwinningUI

/// Which role's look a space is drawn with.
///
/// A space shows no glyph, so bold, dim and the foreground colour cannot be
/// seen on it; only what paints the cell can (the background, reverse video,
/// underline). The list marker column, for example, is a bold space on every
/// row that is not selected: drawn as such, it costs two attribute changes
/// ("bold on", "bold off", 17 bytes with xterm's sgr) per row and per frame.
/// Drawn with the `.normal` look, which paints the cell the same, the row is
/// one run of text. The screen the user sees does not change.
enum SpaceLooks {
    /// The role whose attributes a space of `role` is drawn with: `.normal`
    /// when a space looks the same in both, else `role` itself.
    static func role(forSpaceIn role: StyleRole, theme: Theme) -> StyleRole {
        let own = theme.style(role)
        return appearance(ofSpaceIn: own) == appearance(ofSpaceIn: theme.style(.normal)) ? .normal : role
    }

    /// All roles at once, for a theme being applied.
    static func table(for theme: Theme) -> [StyleRole: StyleRole] {
        Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0, role(forSpaceIn: $0, theme: theme)) })
    }

    /// What can be seen of a space in `style`. Reverse video paints the cell
    /// in the foreground colour (and bold may brighten it), underline draws a
    /// line: with either, the whole style counts.
    static func appearance(ofSpaceIn style: ThemeStyle) -> ThemeStyle {
        if style.attributes.contains(.reverse) || style.attributes.contains(.underline) { return style }
        return ThemeStyle(fg: .default, bg: style.bg, attributes: [])
    }
}

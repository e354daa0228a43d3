/// What a piece of the screen *means*; a `Theme` decides how it looks.
///
/// Render code only ever names roles, so switching to the monochrome or
/// high-contrast theme never needs a change in the render code. The raw
/// values are the names used in `.theme` files.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal
    case title
    case tabActive
    case tabInactive
    /// Column headers of a list.
    case header
    /// The focused row of a list. Every theme shows it in reverse video, so it
    /// is visible without colour.
    case selected
    /// Kept so theme files that set it still load; the ">" in front of the
    /// focused row is drawn in `selected`, and other rows leave the cell blank.
    case marker
    case dim
    /// The user's own city, wherever it appears.
    case homeCity
    case statusInfo
    case statusError
    case statusWarning
    case keyBar
    /// The key names ("F2", "q") inside the key bar.
    case keyBarKey
    case dialog
    case dialogTitle
    case field
    case fieldFocused
    case fieldError
    case scoreBar
    case border
    /// Partnership lines on the map: they must stand out from the land dots
    /// without reverse video, which would hide the braille pattern.
    case mapLink
}

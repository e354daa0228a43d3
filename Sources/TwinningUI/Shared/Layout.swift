/// Where things go on the screen. The reducer uses it for page sizes and
/// scrolling, the renderer to draw, so both agree.
public struct Layout: Equatable, Sendable {
    public struct Rect: Equatable, Sendable {
        public var row: Int, col: Int, rows: Int, columns: Int
    }

    public let titleRow = 0
    public let tabRow = 1
    public let statusRow: Int
    public let barRow: Int
    /// The list, including its header row.
    public let list: Rect
    public let detail: Rect
    public let sideBySide: Bool

    public init(_ size: Size) {
        statusRow = size.rows - 2
        barRow = size.rows - 1
        let top = 2
        let bodyRows = max(0, size.rows - 4)
        // Side by side only when the detail still gets the full width it has
        // at 80 columns (its lines are written for that) and the list keeps
        // room for its columns; narrower windows put the list above the
        // detail, so a wider window always shows more, never less.
        if size.columns >= Layout.detailMinColumns + 1 + Layout.listMinColumns {
            sideBySide = true
            let detailColumns = max(Layout.detailMinColumns, size.columns * 45 / 100)
            let listColumns = size.columns - detailColumns - 1
            list = Rect(row: top, col: 0, rows: bodyRows, columns: listColumns)
            detail = Rect(row: top, col: listColumns + 1, rows: bodyRows, columns: detailColumns)
        } else {
            sideBySide = false
            let listRows = max(3, bodyRows * 11 / 20)
            list = Rect(row: top, col: 0, rows: listRows, columns: size.columns)
            detail = Rect(row: top + listRows + 1, col: 0, rows: max(0, bodyRows - listRows - 1), columns: size.columns)
        }
    }

    /// The detail's width at 80 columns, the least it gets side by side.
    public static let detailMinColumns = 80
    /// The least the list gets side by side (its name and figure columns).
    public static let listMinColumns = 60

    /// Rows of data the list shows (its height less the header).
    public var listDataRows: Int { max(1, list.rows - 1) }

    /// Rows of suggestions in the match explorer: its filters take the line under the header.
    public var matchDataRows: Int { max(1, list.rows - 2) }
}

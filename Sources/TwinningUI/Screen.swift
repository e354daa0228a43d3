import TwinningCore

/// A grid of cells that `render` produces and a `Terminal` shows.
///
/// It is a plain value, so render code is tested by comparing `text()` with
/// golden files, and the terminal can diff two frames and send only what
/// changed. All writing goes through `put`/`fill`, which
/// - sanitise text (no ESC, CSI, OSC or bidi override ever reaches a cell),
/// - lay out grapheme clusters by display width (`DisplayWidth`),
/// - clip at the screen edges and at an optional width limit, never crashing
///   on negative or out-of-range coordinates,
/// - keep wide characters whole: a wide character is its left cell plus a
///   continuation cell (""), and overwriting either half turns the other half
///   into a space.
public struct Screen: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// `cells[row][col]`; every row has exactly `columns` cells.
    public private(set) var cells: [[Cell]]
    /// Where the terminal cursor should sit (the focused item, so screen
    /// readers and magnifiers follow it); nil hides the cursor.
    public var cursor: Position?

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.cells = Array(repeating: Array(repeating: Cell.blank, count: self.columns), count: self.rows)
        self.cursor = nil
    }

    public init(size: Size) {
        self.init(rows: size.rows, columns: size.columns)
    }

    public var size: Size { Size(rows: rows, columns: columns) }

    /// The cell at a position, or a blank cell outside the screen.
    public subscript(row: Int, col: Int) -> Cell {
        guard contains(row: row, col: col) else { return .blank }
        return cells[row][col]
    }

    public func contains(row: Int, col: Int) -> Bool {
        row >= 0 && row < rows && col >= 0 && col < columns
    }

    // MARK: - Writing

    /// Writes `text` from (`row`, `col`) in `role` and returns how many columns
    /// it advanced from `col` (so the next piece goes at `col + result`).
    ///
    /// Writing stops at the right screen edge and after `maxWidth` columns; a
    /// wide character that would straddle that limit becomes a space instead.
    /// Parts left of column 0 are skipped (but still advance). Zero-width
    /// clusters (a lone combining mark, U+200B) are dropped; clusters the C
    /// library does not know are drawn as "?" so the terminal cannot disagree
    /// about their width. A row outside the screen writes nothing and returns 0.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < rows, col < columns else { return 0 }
        var end = columns
        if let maxWidth { end = min(end, Self.saturatingAdd(col, max(0, maxWidth))) }
        var x = col
        var advanced = 0
        for cluster in TextSafety.sanitized(text) {
            if x >= end { break }
            let width = DisplayWidth.of(cluster)
            if width == 0 { continue }
            if x + width > end {
                // A wide character that does not fit: blank what is left.
                for c in max(x, 0)..<max(end, 0) { place(" ", width: 1, row: row, col: c, role: role) }
                advanced += end - x
                break
            }
            if x >= 0 {
                place(DisplayWidth.isUnknown(cluster) ? "?" : String(cluster), width: width, row: row, col: x, role: role)
            } else if x + width > 0 {
                // Left half cut off by the screen edge: show its right half as a space.
                for c in 0..<(x + width) { place(" ", width: 1, row: row, col: c, role: role) }
            }
            x += width
            advanced += width
        }
        return advanced
    }

    /// Fills `width` cells from (`row`, `col`) with spaces in `role`.
    public mutating func fill(row: Int, col: Int, width: Int, role: StyleRole) {
        guard row >= 0, row < rows, width > 0 else { return }
        let start = max(0, col)
        let stop = min(columns, Self.saturatingAdd(col, width))
        guard start < stop else { return }
        for c in start..<stop { place(" ", width: 1, row: row, col: c, role: role) }
    }

    /// Fills a whole row with spaces in `role` (a status line, a title bar).
    public mutating func fillRow(_ row: Int, role: StyleRole) {
        fill(row: row, col: 0, width: columns, role: role)
    }

    /// Changes the role of `width` cells without changing their text, e.g. to
    /// show an already written list row as selected. Both halves of a wide
    /// character at the edges of the range are restyled, so a character is
    /// never drawn in two styles.
    public mutating func restyle(row: Int, col: Int, width: Int, role: StyleRole) {
        guard row >= 0, row < rows, width > 0 else { return }
        var start = max(0, col)
        var stop = min(columns, Self.saturatingAdd(col, width))
        guard start < stop else { return }
        if cells[row][start].isContinuation && start > 0 { start -= 1 }
        if stop < columns && cells[row][stop].isContinuation { stop += 1 }
        for c in start..<stop { cells[row][c].role = role }
    }

    /// This screen with the cells of `rect` taken from `other` (a frame of
    /// the same size), e.g. to keep a detail as shown while the list moves.
    /// A wide character cut by the rect's edges becomes a space, so no half
    /// of one is left without the other.
    public func keeping(rows rowRange: Range<Int>, columns columnRange: Range<Int>, from other: Screen) -> Screen {
        guard other.size == size else { return self }
        let rowRange = rowRange.clamped(to: 0..<rows)
        let columnRange = columnRange.clamped(to: 0..<columns)
        guard !rowRange.isEmpty, !columnRange.isEmpty else { return self }
        var result = self
        for row in rowRange {
            for col in columnRange {
                result.cells[row][col] = other.cells[row][col]
            }
            let first = columnRange.lowerBound, last = columnRange.upperBound - 1
            // Halves cut at the left edge: `other`'s right half, or this screen's left half.
            if other.cells[row][first].isContinuation { result.cells[row][first].text = " " }
            if first > 0, cells[row][first].isContinuation { result.cells[row][first - 1].text = " " }
            // And at the right edge.
            if last + 1 < columns {
                if other.cells[row][last + 1].isContinuation { result.cells[row][last].text = " " }
                if cells[row][last + 1].isContinuation { result.cells[row][last + 1].text = " " }
            }
        }
        return result
    }

    // MARK: - Reading

    /// The plain text of each row. Trailing spaces are kept, so every line is
    /// exactly `columns` display columns wide and golden files show the layout
    /// (continuation cells add nothing; their wide character already counts 2).
    public func lines() -> [String] {
        cells.map { row in row.map(\.text).joined() }
    }

    /// `lines()` joined with "\n" (no trailing newline).
    public func text() -> String {
        lines().joined(separator: "\n")
    }

    // MARK: - Internals

    /// Writes one cluster of `width` 1 or 2 at an in-range position, first
    /// breaking up any wide character it partly overwrites.
    private mutating func place(_ text: String, width: Int, row: Int, col: Int, role: StyleRole) {
        let wide = width == 2 && col + 1 < columns
        detach(row: row, col: col)
        if wide { detach(row: row, col: col + 1) }
        cells[row][col] = Cell(text: wide || width == 1 ? text : " ", role: role)
        if wide { cells[row][col + 1] = Cell(text: "", role: role) }
    }

    /// Before (row, col) is overwritten: the other half of a wide character
    /// there would be orphaned, so it becomes a space.
    private mutating func detach(row: Int, col: Int) {
        if cells[row][col].isContinuation {
            if col > 0 { cells[row][col - 1].text = " " }
        } else if col + 1 < columns, cells[row][col + 1].isContinuation {
            cells[row][col + 1].text = " "
        }
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
    }
}

/// Which cells a terminal must redraw to go from one frame to the next.
///
/// Over a slow SSH link repainting all 1,920 cells of an 80×24 screen on each
/// key press is visible; moving the selection by one row should send two rows.
/// This is a pure function so that promise is tested without a terminal.
public enum ScreenDiff {
    public struct Change: Equatable, Sendable {
        public var row: Int
        public var col: Int
        /// The cell to draw; never a continuation cell (drawing the wide
        /// character at `col` covers `col + 1` as well).
        public var cell: Cell

        public init(row: Int, col: Int, cell: Cell) {
            self.row = row
            self.col = col
            self.cell = cell
        }
    }

    /// Every drawable cell of `new` that differs from `old`, row by row, left
    /// to right. With no previous frame, or a different size (after a
    /// resize), every cell is a change. The cursor is not part of the diff.
    public static func changes(from old: Screen?, to new: Screen) -> [Change] {
        let compareWithOld = old.map { $0.rows == new.rows && $0.columns == new.columns } ?? false
        var result: [Change] = []
        for row in 0..<new.rows {
            var lastEmitted = -1
            for col in 0..<new.columns {
                let cell = new.cells[row][col]
                if compareWithOld, let old, old.cells[row][col] == cell { continue }
                var drawCol = col
                if cell.isContinuation {
                    // Only the right half changed (e.g. its role): redraw the
                    // wide character it belongs to, once.
                    guard col > 0, !new.cells[row][col - 1].isContinuation else { continue }
                    drawCol = col - 1
                }
                if drawCol == lastEmitted { continue }
                result.append(Change(row: row, col: drawCol, cell: new.cells[row][drawCol]))
                lastEmitted = drawCol
            }
        }
        return result
    }
}

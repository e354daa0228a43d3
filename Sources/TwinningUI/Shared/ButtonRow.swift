/// Dialog buttons laid out to fit inside a dialog: as many on a line as fit,
/// the rest on the next lines, and a button wider than the whole line cut
/// (never drawn past the border). The dialog asks for the line count first
/// so its height includes every line of buttons.
struct ButtonRows {
    struct Placed: Equatable {
        var text: String
        var line: Int
        var col: Int
    }
    let placed: [Placed]
    let lineCount: Int

    /// The width all buttons take on one line, `gap` apart.
    static func oneLine(_ buttons: [String], gap: Int = 2) -> Int {
        buttons.map { DisplayWidth.of($0) }.reduce(0, +) + gap * max(0, buttons.count - 1)
    }

    /// A dialog's width: `preferred`, wider when that keeps the buttons on
    /// one line and the window has room, never wider than the window allows.
    static func dialogWidth(_ buttons: [String], preferred: Int, window: Int, gap: Int = 2) -> Int {
        min(window - 4, max(preferred, oneLine(buttons, gap: gap) + 4))
    }

    /// Buttons two columns apart on a line `width` wide.
    init(_ buttons: [String], width: Int, gap: Int = 2) {
        var placed: [Placed] = []
        var line = 0, col = 0
        for text in buttons {
            let shown = DisplayWidth.of(text) <= width ? text : DisplayWidth.truncate(text, to: max(1, width))
            let w = DisplayWidth.of(shown)
            if col > 0 && col + w > width {
                line += 1
                col = 0
            }
            placed.append(Placed(text: shown, line: line, col: col))
            col += w + gap
        }
        self.placed = placed
        lineCount = buttons.isEmpty ? 0 : line + 1
    }

    /// Draws the buttons from `row`, `col`; `role(i)` styles button i. Returns where button 0 is.
    @discardableResult
    func draw(_ screen: inout Screen, row: Int, col: Int, width: Int, role: (Int) -> StyleRole = { _ in .dialog }) -> [Position] {
        placed.enumerated().map { i, button in
            screen.put(button.text, row: row + button.line, col: col + button.col, role: role(i), maxWidth: width - button.col)
            return Position(row: row + button.line, col: col + button.col)
        }
    }
}

import TwinningCore

/// A text shown over the panes (why-not, review history); Esc closes it.
public struct TextOverlay: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }
}

/// Keys while the help, the change log or a text overlay is open: close or scroll.
func reduceOverlayKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if KeyMap.command(for: key, in: [.help]) == .closeHelp { state.showingHelp = false; state.history = nil; state.overlay = nil }
    else if key == .down || key == .char("j") { state.helpScroll += 1 }
    else if key == .up || key == .char("k") { state.helpScroll = max(0, state.helpScroll - 1) }
    return []
}

/// A text over the panes (why-not, reviews): Esc closes it, ↑↓ scroll.
func renderOverlay(_ screen: inout Screen, _ state: AppState, _ overlay: TextOverlay) {
    let inner = drawBox(&screen, row: 1, col: 0, rows: state.size.rows - 2, columns: state.size.columns, title: overlay.title)
    let lines = overlay.lines.flatMap { wrap($0, width: max(1, inner.columns)) }
    let visible = inner.rows - 1
    let scroll = min(state.helpScroll, max(0, lines.count - visible))
    for (i, text) in lines.dropFirst(scroll).prefix(visible).enumerated() {
        screen.put(text, row: inner.row + i, col: inner.col, role: .dialog, maxWidth: inner.columns)
    }
    screen.put(tr(.overlayClose, state.language) + "  ↑↓", row: inner.row + inner.rows - 1, col: inner.col, role: .dim, maxWidth: inner.columns)
    screen.cursor = Position(row: inner.row, col: inner.col)
}

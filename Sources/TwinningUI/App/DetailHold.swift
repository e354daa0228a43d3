/// While the cursor runs through a list (a key held down, or pressed in
/// quick succession), the detail below or beside the list is not redrawn for
/// every record passed: it keeps what it shows until the cursor has rested
/// for `settleMilliseconds`, then shows the record the cursor stopped on.
/// The list and the status line follow every key at once. Over SSH this
/// halves what a run of moves sends (the detail is most of a frame), and no
/// backlog of details builds up behind a held key, as file managers' previews
/// wait for the cursor to rest.
public enum DetailHold {
    /// Long enough to span a key's auto-repeat (about 30 a second), short
    /// enough not to be noticed when the cursor stops.
    public static let settleMilliseconds = 80

    /// Whether `key`, which turned `before` into `after`, only moved the
    /// cursor of the list on screen: then the detail may wait.
    public static func holds(before: AppState, after: AppState, key: Key) -> Bool {
        guard before.pane == after.pane, before.size == after.size,
              detailArea(before) != nil, detailArea(after) != nil,
              let command = KeyMap.command(for: key, in: before.keyContexts) else { return false }
        return movingCommands.contains(command)
    }

    /// The detail's cells on screen when `state` shows a pane's list and
    /// detail with nothing over them (no form, question, dialog, help or
    /// filter being typed); nil otherwise.
    public static func detailArea(_ state: AppState) -> Layout.Rect? {
        guard !state.isTooSmall, !state.pane.feature.usesWholeBody,
              !state.showingHelp, state.history == nil, state.overlay == nil,
              state.form == nil, state.confirmation == nil, !state.editingFilter,
              state.pane.feature.dialogContexts(state) == nil else { return nil }
        let rect = Layout(state.size).detail
        return rect.rows > 0 && rect.columns > 0 ? rect : nil
    }

    /// `screen` (the frame for the moved cursor of `state`) with the detail
    /// as `shown` (the frame on the terminal now) has it; nil when there is
    /// nothing to keep: no detail on screen, another size, or a list that did
    /// not change (the key moved something inside the detail itself, such as
    /// a city's partners or a project's actions, which must show at once).
    public static func frame(_ screen: Screen, keepingDetailOf shown: Screen, _ state: AppState) -> Screen? {
        guard let rect = detailArea(state), shown.size == screen.size, screen.size == state.size else { return nil }
        let list = Layout(state.size).list
        let listRows = list.row..<min(screen.rows, list.row + list.rows)
        let listColumns = list.col..<min(screen.columns, list.col + list.columns)
        guard listRows.contains(where: { screen.cells[$0][listColumns] != shown.cells[$0][listColumns] }) else { return nil }
        return screen.keeping(rows: rect.row..<(rect.row + rect.rows), columns: rect.col..<(rect.col + rect.columns), from: shown)
    }

    static let movingCommands: Set<Command> = [.up, .down, .pageUp, .pageDown, .top, .bottom]
}

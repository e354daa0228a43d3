import TwinningCore

/// A yes/no question. The default answer is No.
public struct Confirmation: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case deletePartnership(Int64)
        case deleteEvent(Int64)
        case deleteProject(Int64)
        case deleteAction(ProjectAction)
        /// Someone else saved the record being edited: reload theirs or overwrite.
        case conflict
        case discardForm
        case quit
        /// A save the user was warned about (the reasons are the message).
        case saveDespite(Effect)
    }
    public var title: String
    public var message: String
    public var purpose: Purpose
    public var yesSelected = false
    public init(title: String, message: String, purpose: Purpose) {
        self.title = title
        self.message = message
        self.purpose = purpose
    }
}

func reduceConfirmation(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var question = state.confirmation else { return [] }
    if question.purpose == .conflict {
        switch KeyMap.command(for: key, in: [.conflict]) {
        case .reload:
            guard let form = state.form else { return [] }
            state.confirmation = nil
            return [.reload(form.kind)]
        case .overwrite:
            state.confirmation = nil
            return state.pendingSave.map { [.overwrite($0)] } ?? []
        case .cancel:
            state.confirmation = nil
        default:
            break
        }
        return []
    }
    switch KeyMap.command(for: key, in: [.confirm]) {
    case .yes:
        return answerYes(&state, question)
    case .no:
        state.confirmation = nil
    case .switchAnswer:
        question.yesSelected.toggle()
        state.confirmation = question
    case .confirmDefault:
        if question.yesSelected { return answerYes(&state, question) }
        state.confirmation = nil
    default:
        break
    }
    return []
}

private func answerYes(_ state: inout AppState, _ question: Confirmation) -> [Effect] {
    state.confirmation = nil
    switch question.purpose {
    case .deletePartnership(let id):
        return [.deletePartnership(id)]
    case .deleteEvent(let id):
        return [.deleteEvent(id)]
    case .deleteProject(let id):
        return [.projects(.delete(id))]
    case .deleteAction(let action):
        return [.projects(.deleteAction(action))]
    case .conflict:
        return []
    case .discardForm:
        state.form = nil
        return []
    case .quit:
        return [.quit]
    case .saveDespite(let save):
        // The form stays open until the save is done, as for any save.
        state.pendingSave = save
        return [save]
    }
}

func renderConfirmation(_ screen: inout Screen, _ state: AppState, _ question: Confirmation) {
    let language = state.language
    let buttons: [String]
    if question.purpose == .conflict {
        // Three ways out, each with its key; nothing is chosen for the user.
        buttons = [("r", S.conflictReload), ("o", .conflictOverwrite), (Key.escape.name(language), .conflictBack)]
            .map { "[ \($0.0)  \(tr($0.1, language)) ]" }
    } else {
        // The letter the user's keyboard language says yes with (j for Ja); y works too.
        buttons = ["[ \(tr(.yesKey, language))  \(tr(.barYes, language)) ]", "[ n  \(tr(.barNo, language)) ]"]
    }
    let width = ButtonRows.dialogWidth(buttons, preferred: 64, window: state.size.columns, gap: 3)
    let rows = ButtonRows(buttons, width: width - 4, gap: 3)
    // The message gives way to the buttons on a very small window (it is cut, they are not).
    let lines = Array(wrap(question.message, width: width - 4).prefix(max(1, state.size.rows - 6 - rows.lineCount)))
    let height = lines.count + 4 + rows.lineCount
    let top = max(1, (state.size.rows - height) / 2)
    let left = (state.size.columns - width) / 2
    let inner = drawBox(&screen, row: top, col: left, rows: height, columns: width, title: question.title)
    for (i, text) in lines.enumerated() {
        screen.put(text, row: inner.row + i, col: inner.col, role: .dialog, maxWidth: inner.columns)
    }
    let buttonRow = inner.row + lines.count + 1
    if question.purpose == .conflict {
        rows.draw(&screen, row: buttonRow, col: inner.col, width: inner.columns)
        screen.cursor = Position(row: buttonRow, col: inner.col)
        return
    }
    let at = rows.draw(&screen, row: buttonRow, col: inner.col, width: inner.columns) { i in
        (i == 0) == question.yesSelected ? .selected : .dialog
    }
    screen.cursor = at[question.yesSelected ? 0 : 1]
}

import TwinningCore

/// Draws the whole state into a screen of cells. Pure: the same state gives the
/// same screen, so golden files can pin every pane. Colours are not chosen
/// here: cells carry roles, and the terminal maps roles to the user's theme.
public func render(_ state: AppState) -> Screen {
    var screen = Screen(size: state.size)
    if state.isTooSmall {
        renderTooSmall(&screen, state)
        return screen
    }
    let layout = Layout(state.size)
    renderFrame(&screen, state, layout)
    state.pane.feature.render(&screen, state, layout)
    renderStatus(&screen, state, layout)
    renderKeyBar(&screen, state, layout)
    if state.showingHelp { renderHelp(&screen, state, layout) }
    if let history = state.history { renderHistory(&screen, state, history) }
    if let overlay = state.overlay { renderOverlay(&screen, state, overlay) }
    if let form = state.form { renderForm(&screen, state, form) }
    if let question = state.confirmation { renderConfirmation(&screen, state, question) }
    return screen
}

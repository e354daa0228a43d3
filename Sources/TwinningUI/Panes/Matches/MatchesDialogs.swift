import TwinningCore

/// The match explorer's own dialogs, which take every key while open: the
/// weights (g) and "accept as partnership or contact?" (a).
extension MatchesPane {
    static func dialogContexts(_ state: AppState) -> [KeyContext]? {
        if state.matches.accepting != nil { return [.accept] }
        if state.pane == .matches && state.matches.weightsOpen && state.form == nil { return [.weights] }
        return nil
    }

    static func reduceDialogKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
        if state.matches.accepting != nil { return reduceAccept(&state, key) }
        if state.pane == .matches && state.matches.weightsOpen { return reduceWeights(&state, key) }
        return nil
    }
}

private func reduceAccept(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let candidate = state.matches.accepting, let home = state.matchHome else { return [] }
    switch KeyMap.command(for: key, in: [.accept]) {
    case .acceptAsPartnership, .acceptAsContact:
        state.matches.accepting = nil
        let type: PartnershipType = KeyMap.command(for: key, in: [.accept]) == .acceptAsPartnership ? .partnership : .contact
        let review = MatchReview(homeCityId: home, candidateCityId: candidate.cityId, decision: .accept,
                                 reason: type == .contact ? "contact" : "proposed partnership")
        return [.review(review, create: type, name: candidate.name)]
    case .cancel:
        state.matches.accepting = nil
    default:
        break
    }
    return []
}

private func reduceWeights(_ state: inout AppState, _ key: Key) -> [Effect] {
    var profile = state.matchProfile
    let features = MatchFeature.allCases
    switch KeyMap.command(for: key, in: [.weights]) {
    case .weightUp:
        state.matches.weightFocus = max(0, state.matches.weightFocus - 1)
    case .weightDown:
        state.matches.weightFocus = min(features.count - 1, state.matches.weightFocus + 1)
    case .weightMore, .weightLess:
        let feature = features[state.matches.weightFocus]
        let step: Float = KeyMap.command(for: key, in: [.weights]) == .weightMore ? 0.25 : -0.25
        profile.weights[feature] = min(10, max(0, ((profile.weight(feature) + step) * 4).rounded() / 4))
        state.matches.profile = profile
        // With every weight at 0 all candidates score 0: the list would look ranked but is not.
        let warning = StatusMessage(tr(.weightsAllZero, state.language), kind: .warning)
        if profile.allWeightsZero { state.status = warning } else if state.status == warning { state.status = nil }
        return detailEffects(state) // re-rank at once
    case .saveProfile:
        state.matches.savedProfiles[profile.mode] = profile
        return [.saveProfile(profile)]
    case .closeWeights:
        state.matches.weightsOpen = false
    default:
        break
    }
    return []
}

func renderWeights(_ screen: inout Screen, _ state: AppState) {
    let language = state.language
    let profile = state.matchProfile
    let features = MatchFeature.allCases
    let width = min(state.size.columns - 4, 64)
    let height = min(state.size.rows - 3, features.count + 4)
    let top = max(1, (state.size.rows - height) / 2)
    let inner = drawBox(&screen, row: top, col: (state.size.columns - width) / 2, rows: height, columns: width,
                        title: tr(.weightsTitle, language, tr(profile.mode.label, language)))
    let visible = inner.rows - 1
    let first = max(0, state.matches.weightFocus - visible + 1)
    for (i, feature) in features.enumerated().dropFirst(first).prefix(visible) {
        let r = inner.row + i - first
        let weight = profile.weight(feature)
        let slider = bars(SafeMath.int(weight * 100), of: 1000, width: 20, ascii: state.asciiOnly)
        let text = DisplayWidth.pad(feature.label(language.rawValue), to: 22) + DisplayWidth.pad(Formatting.fixed(Double(weight), digits: 2, language), to: 5, alignRight: true) + "  " + slider
        let focused = i == state.matches.weightFocus
        screen.fill(row: r, col: inner.col, width: inner.columns, role: focused ? .selected : .dialog)
        screen.put((focused ? "> " : "  ") + text, row: r, col: inner.col, role: focused ? .selected : .dialog, maxWidth: inner.columns)
        if focused { screen.cursor = Position(row: r, col: inner.col) }
    }
    screen.put(tr(.weightsHint, language), row: inner.row + inner.rows - 1, col: inner.col, role: .dim, maxWidth: inner.columns)
}

func renderAccept(_ screen: inout Screen, _ state: AppState, _ candidate: Suggestion) {
    let language = state.language
    let buttons = [("p", S.acceptPartnership), ("c", .acceptContact), (Key.escape.name(language), .barCancel)]
        .map { "[ \($0.0)  \(tr($0.1, language)) ]" }
    let width = ButtonRows.dialogWidth(buttons, preferred: 64, window: state.size.columns)
    // As many buttons on a line as fit inside the border, the rest below.
    let rows = ButtonRows(buttons, width: width - 4)
    let lines = Array(wrap(tr(.acceptQuestion, language, candidate.name), width: width - 4)
        .prefix(max(1, state.size.rows - 6 - rows.lineCount)))
    let height = lines.count + 3 + rows.lineCount
    let top = max(1, (state.size.rows - height) / 2)
    let inner = drawBox(&screen, row: top, col: (state.size.columns - width) / 2, rows: height, columns: width,
                        title: tr(.acceptTitle, language, candidate.name))
    for (i, text) in lines.enumerated() { screen.put(text, row: inner.row + i, col: inner.col, role: .dialog, maxWidth: inner.columns) }
    let row = inner.row + lines.count + 1
    rows.draw(&screen, row: row, col: inner.col, width: inner.columns)
    screen.cursor = Position(row: row, col: inner.col)
}

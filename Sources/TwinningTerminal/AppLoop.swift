import TwinningCore
import TwinningUI

/// The main loop: draw, read a key, reduce, perform the effects, repeat.
/// The terminal only ever sees finished screens; the state only changes in `reduce`.
public final class AppLoop {
    public private(set) var state: AppState
    /// A test hook: trap right after the first full screen (proves the crash guard).
    public var crashAfterFirstFrame = false
    /// Whether the detail waits for the list cursor to rest (`DetailHold`).
    public var holdsDetailWhileMoving = true
    let terminal: Terminal
    let runner: EffectRunner

    public init(state: AppState, terminal: Terminal, runner: EffectRunner) {
        self.state = state
        self.terminal = terminal
        self.runner = runner
        // While a save waits for another volunteer's write, say so on the
        // status line (the save itself blocks this thread meanwhile).
        let weakSelf = WeakLoop(self)
        runner.database.busyWait.onWait = { seconds in weakSelf.loop?.showWaiting(seconds) }
    }

    deinit { runner.database.busyWait.onWait = nil }

    private func showWaiting(_ seconds: Double) {
        var shown = state
        shown.status = StatusMessage(tr(.waitingForOthers, state.language, String(Int(seconds))), kind: .warning)
        terminal.present(render(shown))
    }

    static func progressNote(_ effect: Effect, _ language: Language) -> String? {
        switch effect {
        case .saveCity, .savePartnership, .saveEvent, .deletePartnership, .deleteEvent, .undo, .overwrite, .exportReport:
            return tr(.saving, language)
        case .loadData:
            return tr(.loading, language)
        case .projects(let request) where request.writes:
            return tr(.saving, language)
        default:
            return nil
        }
    }

    /// Runs until the user quits, or (for tests) until the terminal has no more keys.
    /// `prepareAhead`: once the first screen is shown, build on another thread
    /// what would otherwise be waited for later (`EffectRunner.prepareAhead`).
    public func run(initialEffects: [Effect], stopWhenIdle: Bool = false, prepareAhead: Bool = false) {
        var pending = initialEffects
        var prepared = !prepareAhead
        // The frame on the terminal now, and whether its detail is still the
        // one of a record the cursor has moved away from.
        var shown: Screen?
        var holding = false
        while true {
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                switch effect {
                case .quit:
                    return
                case .redraw:
                    terminal.forceFullRedraw()
                default:
                    // Writes and loads can take a moment over a slow disk: say so first.
                    // (Not before the first load: that frame would have no lists yet.)
                    if state.data.revision > 0, let note = AppLoop.progressNote(effect, state.language) {
                        var shown = state
                        // A message just given (what was undone, saved …) stays in view while the lists load.
                        shown.status = StatusMessage(state.status.map { $0.text + " · " + note } ?? note)
                        terminal.present(render(shown))
                    }
                    for action in runner.perform(effect, language: state.language) {
                        pending += reduce(&state, action)
                    }
                }
            }
            let screen = render(state)
            let held = holding ? shown.flatMap { DetailHold.frame(screen, keepingDetailOf: $0, state) } : nil
            holding = held != nil
            terminal.present(held ?? screen)
            shown = held ?? screen
            if !prepared && state.data.revision > 0 {
                prepared = true
                runner.prepareAhead()
            }
            if crashAfterFirstFrame && state.data.revision > 0 {
                let trap: Int? = nil
                _ = trap! // a real trap, as a bug would cause
            }
            guard let key = terminal.readKey(timeoutMilliseconds: holding ? DetailHold.settleMilliseconds : 1000) else {
                // The cursor has rested: the next frame shows its detail.
                if holding { holding = false; continue }
                if stopWhenIdle { return }
                // Idle for a second: has another volunteer saved something?
                if runner.othersHaveWritten() { pending.append(.loadData(select: nil)) }
                continue
            }
            if key == .resize {
                pending += reduce(&state, .resized(terminal.size))
                continue
            }
            let before = state
            pending += reduce(&state, .key(key))
            holding = holdsDetailWhileMoving && DetailHold.holds(before: before, after: state, key: key)
        }
    }
}

/// The loop as the busy handler sees it: weakly, so the database does not keep the loop alive.
private final class WeakLoop: @unchecked Sendable {
    weak var loop: AppLoop?
    init(_ loop: AppLoop) { self.loop = loop }
}

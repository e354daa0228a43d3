import TwinningCore
import TwinningUI

/// The main loop: draw, read a key, reduce, perform the effects, repeat.
/// The terminal only ever sees finished screens; the state only changes in `reduce`.
public final class AppLoop {
    public private(set) var state: AppState
    let terminal: Terminal
    let runner: EffectRunner

    public init(state: AppState, terminal: Terminal, runner: EffectRunner) {
        self.state = state
        self.terminal = terminal
        self.runner = runner
    }

    static func progressNote(_ effect: Effect, _ language: Language) -> String? {
        switch effect {
        case .saveCity, .savePartnership, .saveEvent, .deletePartnership, .deleteEvent, .undo, .overwrite, .exportReport:
            return tr(.saving, language)
        case .loadData:
            return tr(.loading, language)
        default:
            return nil
        }
    }

    /// Runs until the user quits, or (for tests) until the terminal has no more keys.
    public func run(initialEffects: [Effect], stopWhenIdle: Bool = false) {
        var pending = initialEffects
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
                        shown.status = StatusMessage(note)
                        terminal.present(render(shown))
                    }
                    for action in runner.perform(effect, language: state.language) {
                        pending += reduce(&state, action)
                    }
                }
            }
            terminal.present(render(state))
            guard let key = terminal.readKey(timeoutMilliseconds: 1000) else {
                if stopWhenIdle { return }
                // Idle for a second: has another volunteer saved something?
                if runner.othersHaveWritten() { pending.append(.loadData(select: nil)) }
                continue
            }
            if key == .resize {
                pending += reduce(&state, .resized(terminal.size))
                continue
            }
            pending += reduce(&state, .key(key))
        }
    }
}

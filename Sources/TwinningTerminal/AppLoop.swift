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

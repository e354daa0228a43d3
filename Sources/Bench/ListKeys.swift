import Foundation
import TwinningCore
import TwinningUI

// Keystrokes in the Partnerships and Events panes once their lists are read:
// moving, paging, sorting, the health and year filters, typing a filter. Each
// key is timed with its effects and the render, as the main loop does it,
// and printed (the goal is ≤ 16 ms per key; no test asserts a time).

struct KeyTiming {
    var label: String
    var times: [Double]
}

@MainActor
func timeListKeys(_ start: AppState, runner: EffectRunner, pane: Key, steps: [(String, [Key])]) -> [KeyTiming] {
    var state = start
    for effect in reduce(&state, .key(pane)) {
        for action in runner.perform(effect, language: .en) { _ = reduce(&state, action) }
    }
    var result: [KeyTiming] = []
    for (label, keys) in steps {
        var times: [Double] = []
        for key in keys {
            let a = now()
            for effect in reduce(&state, .key(key)) {
                for action in runner.perform(effect, language: .en) { _ = reduce(&state, action) }
            }
            _ = render(state)
            times.append(ms(now() - a))
        }
        result.append(KeyTiming(label: label, times: times))
    }
    return result
}

@MainActor
func printListKeys(_ title: String, _ timings: [KeyTiming]) {
    print("")
    print("\(title) (ms per key, with its effects and the render)")
    print("\(pad("keys", 28)) \(pad("n", 4, right: true)) \(pad("median", 9, right: true)) \(pad("max", 9, right: true))")
    for t in timings {
        print("\(pad(t.label, 28)) \(pad(String(t.times.count), 4, right: true)) \(pad(format(median(t.times), 3), 9, right: true)) \(pad(format(t.times.max() ?? .nan, 3), 9, right: true))")
    }
}

let listSteps: [(String, [Key])] = [
    ("↓ × 30", Array(repeating: .down, count: 30)),
    ("PgDn × 10", Array(repeating: .pageDown, count: 10)),
    ("End, Home", [.end, .home]),
    ("/ dor (filter), Esc", [.char("/"), .char("d"), .char("o"), .char("r"), .escape]),
]
let partnershipSteps = listSteps + [
    ("s × 4 (each sort)", Array(repeating: .char("s"), count: 4)),
    ("f × 4 (each health)", Array(repeating: .char("f"), count: 4)),
]
let eventSteps = listSteps + [("y × 3 (year filter)", Array(repeating: .char("y"), count: 3))]

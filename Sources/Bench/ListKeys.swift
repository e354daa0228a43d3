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
func timeListKeys(_ start: AppState, runner: EffectRunner, pane: Key, steps: [ListStep]) -> [KeyTiming] {
    var state = start
    for effect in reduce(&state, .key(pane)) {
        for action in runner.perform(effect, language: .en) { _ = reduce(&state, action) }
    }
    var result: [KeyTiming] = []
    for step in steps {
        let (label, keys) = (step.label, step.keys)
        // A person's pause before the step (the filter index is built behind it, as in the program).
        if step.pauseBefore > 0 { Thread.sleep(forTimeInterval: step.pauseBefore) }
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

/// Keys timed one by one, after a pause (seconds) when a person would make one.
struct ListStep {
    var label: String
    var keys: [Key]
    var pauseBefore: Double = 0
}

let listSteps: [ListStep] = [
    ListStep(label: "↓ × 30", keys: Array(repeating: .down, count: 30)),
    ListStep(label: "PgDn × 10", keys: Array(repeating: .pageDown, count: 10)),
    ListStep(label: "End, Home", keys: [.end, .home]),
    ListStep(label: "/ (opens the filter line)", keys: [.char("/")]),
    // The first letter 0.4 s later, as typed: the index is built behind the "/".
    ListStep(label: "d, o, r (filter letters)", keys: [.char("d"), .char("o"), .char("r")], pauseBefore: 0.4),
    ListStep(label: "Esc (filter off)", keys: [.escape]),
]
let partnershipSteps = listSteps + [
    ListStep(label: "s × 4 (each sort)", keys: Array(repeating: .char("s"), count: 4)),
    ListStep(label: "f × 4 (each health)", keys: Array(repeating: .char("f"), count: 4)),
]
let eventSteps = listSteps + [ListStep(label: "y × 3 (year filter)", keys: Array(repeating: .char("y"), count: 3))]

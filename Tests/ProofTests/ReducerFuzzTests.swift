import Foundation
import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI


/// Proof 1: 100,000 random keys into the reducer with effects performed on an
/// in-memory database; invariants checked after every key, the screen every 100.
final class ReducerFuzzTests: XCTestCase {
    static let keyCount = 100_000
    static let renderEvery = 100
    static let seed: UInt64 = 0x7717_2026

    enum Step: CustomStringConvertible {
        case key(Key)
        case resize(Size)
        var description: String {
            switch self {
            case .key(let k): return "key \(String(reflecting: k))"
            case .resize(let s): return "resize \(s)"
            }
        }
    }

    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let digits = Array("0123456789")
    static let punctuation = Array(" /?-.,:;'\"()+*#")
    /// Non-ASCII keys a user may type: umlauts, CJK, emoji, a combining mark,
    /// Arabic, and bidi/format characters that the terminal must never see raw.
    static let unusual: [Character] = ["ü", "ß", "ł", "東", "京", "😀", "\u{0301}", "ق", "\u{202E}", "\u{2067}", "\u{200B}", "\u{FEFF}"]

    static func nextStep(_ g: inout SeededRandom) -> Step {
        let roll = Int.random(in: 0..<1000, using: &g)
        switch roll {
        case 0..<300: return .key(.char(letters.randomElement(using: &g)!))
        case 300..<380: return .key(.char(digits.randomElement(using: &g)!))
        case 380..<530: return .key([Key.up, .down, .left, .right].randomElement(using: &g)!)
        case 530..<590: return .key(.enter)
        case 590..<640: return .key(.escape)
        case 640..<690: return .key(Bool.random(using: &g) ? .tab : .backTab)
        case 690..<730: return .key(.function(Int.random(in: 1...12, using: &g)))
        case 730..<770:
            let c = Character(Unicode.Scalar(UInt8(Int.random(in: 0..<26, using: &g)) + 0x61))
            return .key(.ctrl(c))
        case 770..<820: return .key([Key.backspace, .delete, .insert].randomElement(using: &g)!)
        case 820..<860: return .key([Key.pageUp, .pageDown, .home, .end].randomElement(using: &g)!)
        case 860..<920: return .key(.char(punctuation.randomElement(using: &g)!))
        case 920..<960: return .key(.char(unusual.randomElement(using: &g)!))
        case 960..<965: return .key(.resize)
        default:
            // Resizes: half to usable sizes, half tiny (down to 1×1).
            if Bool.random(using: &g) {
                return .resize(Size(rows: Int.random(in: 16...70, using: &g), columns: Int.random(in: 60...240, using: &g)))
            }
            return .resize(Size(rows: Int.random(in: 1...20, using: &g), columns: Int.random(in: 1...80, using: &g)))
        }
    }

    /// Violations by invariant: how often, and the first few examples.
    struct Violations {
        var counts: [String: Int] = [:]
        var examples: [String: [String]] = [:]
        var order: [String] = []
        mutating func add(_ name: String, _ detail: @autoclosure () -> String) {
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
            if examples[name, default: []].count < 3 { examples[name, default: []].append(detail()) }
        }
    }

    static func checkInvariants(_ s: AppState, _ v: inout Violations, _ at: () -> String) {
        let page = Layout(s.size).listDataRows
        func list(_ name: String, _ position: ListPosition, count: Int) {
            if count == 0 {
                if position.selection != 0 { v.add("\(name): selection is 0 when the list is empty", "selection \(position.selection) " + at()) }
            } else if !(0..<count).contains(position.selection) {
                v.add("\(name): selection within the visible list", "selection \(position.selection) of \(count) " + at())
            }
            let maxScroll = max(0, count - page)
            if position.scroll < 0 || position.scroll > maxScroll {
                v.add("\(name): scroll within [0, max(0, count - page)]",
                      "scroll \(position.scroll), count \(count), page \(page), size \(s.size) " + at())
            }
        }
        list("cities", s.cities.list, count: s.cities.visible.count)
        list("partnerships", s.partnerships.list, count: s.partnerships.visible.count)
        list("events", s.events.list, count: s.events.visible.count)

        let rows = s.cityRows
        if let bad = s.cities.visible.first(where: { !rows.indices.contains($0) }) {
            v.add("cities: visible indices point into the list", "index \(bad) of \(rows.count) " + at())
        }
        if let bad = s.partnerships.visible.first(where: { !s.data.partnerships.indices.contains($0) }) {
            v.add("partnerships: visible indices point into the list", "index \(bad) of \(s.data.partnerships.count) " + at())
        }
        if let bad = s.events.visible.first(where: { !s.data.events.indices.contains($0) }) {
            v.add("events: visible indices point into the list", "index \(bad) of \(s.data.events.count) " + at())
        }
        if Set(s.cities.visible).count != s.cities.visible.count { v.add("cities: no row listed twice", at()) }
        if Set(s.partnerships.visible).count != s.partnerships.visible.count { v.add("partnerships: no row listed twice", at()) }
        if Set(s.events.visible).count != s.events.visible.count { v.add("events: no row listed twice", at()) }

        if s.cities.inPartners {
            let count = s.cityDetail?.partners.count ?? 0
            if count == 0 { v.add("cities: partner focus only with partners shown", at()) }
            else if !(0..<count).contains(s.cities.partnerSelection) {
                v.add("cities: partner selection within the partners", "\(s.cities.partnerSelection) of \(count) " + at())
            }
        }
        if let detail = s.cityDetail, s.pane == .cities, detail.city.id != s.selectedCity?.id, s.selectedCity != nil {
            // Allowed transiently only: a load is requested right after the move; after effects it must match.
            v.add("cities: the detail shows the selected city (after effects)", "detail \(detail.city.name), selected \(s.selectedCity?.name ?? "-") " + at())
        }
        if s.helpScroll < 0 { v.add("help scroll ≥ 0", "\(s.helpScroll) " + at()) }

        if let form = s.form {
            if !form.fields.indices.contains(form.focus) {
                v.add("form: focused field index valid", "focus \(form.focus) of \(form.fields.count) " + at())
            }
            for field in form.fields {
                if case .choice(let values) = field.kind, !values.indices.contains(field.choice) {
                    v.add("form: choice index valid", "\(field.id) choice \(field.choice) of \(values.count) " + at())
                }
                if field.kind == .toggle && !(0...1).contains(field.choice) {
                    v.add("form: toggle is 0 or 1", "\(field.id) \(field.choice) " + at())
                }
                if !field.suggestions.isEmpty && !field.suggestions.indices.contains(field.suggestion) {
                    v.add("form: suggestion index within the suggestions", "\(field.id) \(field.suggestion) of \(field.suggestions.count) " + at())
                }
                if field.suggestions.isEmpty && field.suggestion != 0 {
                    v.add("form: suggestion index 0 without suggestions", "\(field.id) \(field.suggestion) " + at())
                }
                let limit = field.id == .notes ? 2000 : 200
                if field.text.count > limit + 200 { v.add("form: field text bounded", "\(field.id) \(field.text.count) " + at()) }
            }
        }
        if let question = s.confirmation {
            switch question.purpose {
            case .discardForm, .quit, .conflict, .saveDespite:
                if question.purpose != .quit && s.form == nil {
                    v.add("confirmation: discard/conflict only with a form", "\(question.purpose) " + at())
                }
            case .deletePartnership, .deleteEvent, .deleteProject, .deleteAction:
                if s.form != nil { v.add("confirmation: a form is open only for discard/quit/conflict questions", "\(question.purpose) " + at()) }
            }
        }
        if s.editingFilter && (s.form != nil) { v.add("filter typing never together with a form", at()) }
        if s.cities.filter.count > 100 || s.partnerships.filter.count > 100 || s.events.filter.count > 100
            || s.projects.filter.count > 100 {
            v.add("filters at most 100 characters", at())
        }
    }

    static func checkScreen(_ s: AppState, _ v: inout Violations, _ at: () -> String) {
        let screen = render(s)
        if screen.rows != s.size.rows || screen.columns != s.size.columns {
            v.add("render: the screen has the state's size", "screen \(screen.columns)×\(screen.rows), state \(s.size) " + at())
        }
        if screen.cells.count != s.size.rows || screen.cells.contains(where: { $0.count != s.size.columns }) {
            v.add("render: every row has exactly `columns` cells", "state \(s.size) " + at())
        }
        if let cursor = screen.cursor, !screen.contains(row: cursor.row, col: cursor.col) {
            v.add("render: the cursor is inside the screen", "cursor \(cursor.row),\(cursor.col) in \(s.size) " + at())
        }
        for (r, row) in screen.cells.enumerated() {
            for (c, cell) in row.enumerated() {
                if let bad = cell.text.unicodeScalars.first(where: { TextSafety.isUnsafe($0) }) {
                    v.add("render: no control or bidi character in any cell", "\(TextSafety.describe(bad)) at \(r),\(c) " + at())
                }
                if cell.isContinuation {
                    if c == 0 || DisplayWidth.of(row[c - 1].text) != 2 {
                        v.add("render: a continuation cell follows a wide character", "at \(r),\(c) " + at())
                    }
                } else if DisplayWidth.of(cell.text) == 2 && (c + 1 >= row.count || !row[c + 1].isContinuation) {
                    v.add("render: a wide character is followed by its continuation cell", "\(cell.text) at \(r),\(c) " + at())
                } else if DisplayWidth.of(cell.text) != 1 && DisplayWidth.of(cell.text) != 2 {
                    v.add("render: every cell is 1 or 2 columns wide", "\"\(cell.text.unicodeScalars.map { TextSafety.describe($0) })\" at \(r),\(c) " + at())
                }
            }
        }
        if s.isTooSmall, s.size.rows > 0, s.size.columns > 0 {
            let text = screen.lines().joined(separator: " ")
            if !text.contains("q") { v.add("render: the too-small screen still says how to quit", "\(s.size) " + at()) }
        }
    }

    func testHundredThousandRandomKeys() throws {
        let started = Date()
        let db = try UIFixtures.database(hostile: true)
        // Saved profiles go to a scratch folder: 100,000 random keys include "g" then "s".
        let runner = EffectRunner(database: db, config: UserConfig(),
                                  weightsDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("twinning-fuzz-\(UUID().uuidString)"))
        var state = AppState(size: Size(rows: 24, columns: 80), language: .en)
        state.today = PartialDate(year: 2026, month: 5, day: 20)!
        state.homeCityId = try db.city(geonameId: 2935517)?.id

        var saves = 0, errors = 0, conflicts = 0, quitsIgnored = 0, effectsRun = 0, renders = 0, resizes = 0, formsOpened = 0
        var violations = Violations()
        var history: [String] = []

        func run(_ effects: [Effect]) {
            var pending = effects
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                if effect == .quit { quitsIgnored += 1; continue }
                if effect == .redraw { continue }
                effectsRun += 1
                for action in runner.perform(effect, language: state.language) {
                    switch action {
                    case .saved: saves += 1
                    case .failed: errors += 1
                    case .conflict: conflicts += 1
                    default: break
                    }
                    pending += reduce(&state, action)
                }
            }
        }
        run([.loadData(select: nil)])
        XCTAssertFalse(state.data.register.isEmpty, "the fixture register loaded")

        var generator = SeededRandom(seed: Self.seed)
        for i in 1...Self.keyCount {
            let step = Self.nextStep(&generator)
            history.append(step.description)
            if history.count > 12 { history.removeFirst() }
            let hadForm = state.form != nil
            switch step {
            case .key(let key): run(reduce(&state, .key(key)))
            case .resize(let size):
                resizes += 1
                run(reduce(&state, .resized(size)))
            }
            if !hadForm && state.form != nil { formsOpened += 1 }
            let at = { "after step \(i) (\(step)); last steps: \(history.joined(separator: ", "))" }
            Self.checkInvariants(state, &violations, at)
            if i % Self.renderEvery == 0 || i == Self.keyCount {
                renders += 1
                Self.checkScreen(state, &violations, at)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("""
            [proof] reducer fuzz: \(Self.keyCount) keys (seed \(String(Self.seed, radix: 16))) incl. \(resizes) resizes, \
            \(renders) renders, \(effectsRun) effects, \(formsOpened) forms opened, \(saves) saves, \(errors) errors, \
            \(conflicts) conflicts, \(quitsIgnored) quits ignored, \(String(format: "%.1f", seconds)) s; \
            invariants violated: \(violations.order.isEmpty ? "none" : violations.order.map { "\($0) ×\(violations.counts[$0]!)" }.joined(separator: "; "))
            """)
        for name in violations.order {
            XCTFail("Invariant \"\(name)\" violated \(violations.counts[name]!) times; first: \(violations.examples[name]!.joined(separator: "\n  • "))")
        }
        XCTAssertGreaterThan(saves, 0, "the fuzz should reach at least one save")
    }
}

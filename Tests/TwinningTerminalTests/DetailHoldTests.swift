import TwinningTestSupport
import TwinningUI
import XCTest
@testable import TwinningTerminal

/// The app loop with the detail hold (`DetailHold`): in a run of cursor moves
/// the list follows every key and the detail waits until the cursor rests.
final class DetailHoldTests: XCTestCase {
    private let layout = Layout(Size(rows: 24, columns: 80))
    private var detailRows: Range<Int> { layout.detail.row..<(layout.detail.row + layout.detail.rows) }
    private var listRows: Range<Int> { (layout.list.row + 1)..<(layout.list.row + layout.list.rows) }

    private func lines(_ screen: Screen, _ rows: Range<Int>) -> [String] { Array(screen.lines()[rows]) }

    /// Runs the loop over `keys` until they are used up and the screen is still.
    private func run(_ keys: [Key], hold: Bool = true) throws -> (AppLoop, MemoryTerminal) {
        let (state, runner) = try UIFixtures.state()
        let terminal = MemoryTerminal(keys: keys)
        let loop = AppLoop(state: state, terminal: terminal, runner: runner)
        loop.holdsDetailWhileMoving = hold
        loop.run(initialEffects: [], stopWhenIdle: true)
        return (loop, terminal)
    }

    func testARunOfMovesKeepsTheDetailUntilTheCursorRests() throws {
        let (loop, terminal) = try run([.down, .down, .down])
        let frames = terminal.presented
        // The first screen, one frame per move, and the settled one.
        XCTAssertEqual(frames.count, 5)
        for (index, frame) in frames[1...3].enumerated() {
            XCTAssertEqual(lines(frame, detailRows), lines(frames[0], detailRows), "move \(index + 1): the detail was redrawn")
            XCTAssertNotEqual(lines(frame, listRows), lines(frames[index], listRows), "move \(index + 1): the list did not follow")
            XCTAssertEqual(frame.cursor?.row, (frames[index].cursor?.row ?? -1) + 1, "move \(index + 1): the cursor")
        }
        // Once no key came within the settle time, the detail shows where the cursor stopped.
        XCTAssertEqual(frames[4], render(loop.state))
        XCTAssertNotEqual(lines(frames[4], detailRows), lines(frames[0], detailRows))
        XCTAssertEqual(terminal.readTimeouts, [1000, DetailHold.settleMilliseconds, DetailHold.settleMilliseconds,
                                               DetailHold.settleMilliseconds, 1000])
    }

    func testWithoutTheHoldEveryMoveDrawsItsDetail() throws {
        let (loop, terminal) = try run([.down, .down], hold: false)
        let frames = terminal.presented
        XCTAssertEqual(frames.count, 3)
        XCTAssertNotEqual(lines(frames[1], detailRows), lines(frames[0], detailRows))
        XCTAssertEqual(frames[2], render(loop.state))
        XCTAssertEqual(terminal.readTimeouts, [1000, 1000, 1000])
    }

    func testAKeyThatOpensSomethingIsDrawnWholeAtOnce() throws {
        // Down, then help over the screen: the help must not wait for anything.
        let (loop, terminal) = try run([.down, .function(1)])
        let frames = terminal.presented
        XCTAssertEqual(frames.count, 3)
        XCTAssertTrue(loop.state.showingHelp)
        XCTAssertEqual(frames[2], render(loop.state))
        XCTAssertEqual(terminal.readTimeouts, [1000, DetailHold.settleMilliseconds, 1000])
    }

    func testMovesInsideTheDetailShowAtOnce() throws {
        // Enter goes into Dortmund's partners (in the detail); Down moves among them there.
        let (loop, terminal) = try run([.enter, .down])
        XCTAssertTrue(loop.state.cities.inPartners)
        XCTAssertEqual(loop.state.cities.partnerSelection, 1)
        let frames = terminal.presented
        XCTAssertEqual(frames.count, 3)
        XCTAssertNotEqual(lines(frames[2], detailRows), lines(frames[1], detailRows), "the partner selection did not move")
        XCTAssertEqual(frames[2], render(loop.state))
        XCTAssertEqual(terminal.readTimeouts, [1000, 1000, 1000])
    }

    func testKeepingARectNeverSplitsAWideCharacter() {
        var old = Screen(rows: 1, columns: 6)
        old.put("ab東京", row: 0, col: 0, role: .normal)   // a b 東 東 京 京
        var new = Screen(rows: 1, columns: 6)
        new.put("x東京y", row: 0, col: 0, role: .normal)   // x 東 東 京 京 y
        // Columns 2..<4 from `old`: its 東 whole; `new`'s 東 (1–2) and 京 (3–4) lose a half each.
        let kept = new.keeping(rows: 0..<1, columns: 2..<4, from: old)
        XCTAssertEqual(kept.lines(), ["x 東 y"])
        // Columns 1..<4: `old`'s b and 東 whole; `new`'s 京 loses its left half.
        let other = new.keeping(rows: 0..<1, columns: 1..<4, from: old)
        XCTAssertEqual(other.lines(), ["xb東 y"])
        // Another size: nothing is taken.
        XCTAssertEqual(new.keeping(rows: 0..<1, columns: 0..<6, from: Screen(rows: 2, columns: 6)), new)
    }
}

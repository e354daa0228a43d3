import XCTest
import TwinningUI
@testable import TwinningTerminal

final class MemoryTerminalTests: XCTestCase {
    func testRecordsPresentedScreensAndReturnsQueuedKeys() {
        let terminal = MemoryTerminal(rows: 5, columns: 20, keys: [.down, .char("q")])
        XCTAssertEqual(terminal.size, Size(rows: 5, columns: 20))
        XCTAssertNil(terminal.last)

        var first = Screen(size: terminal.size)
        first.put("Düsseldorf", row: 0, col: 0, role: .title)
        terminal.present(first)
        var second = first
        second.put("東京", row: 1, col: 0, role: .selected)
        terminal.present(second)

        XCTAssertEqual(terminal.presented, [first, second])
        XCTAssertEqual(terminal.last, second)
        XCTAssertEqual(terminal.last?.lines()[1], "東京" + String(repeating: " ", count: 16))

        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 100), .down)
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: -1), .char("q"))
        XCTAssertNil(terminal.readKey(timeoutMilliseconds: 50))
        XCTAssertEqual(terminal.readTimeouts, [100, -1, 50])
    }

    func testEnqueueResizeAndFullRedraw() {
        let terminal = MemoryTerminal()
        XCTAssertEqual(terminal.size, Size(rows: 24, columns: 80))
        terminal.enqueue(.ctrl("l"), .function(1))
        terminal.resize(to: Size(rows: 30, columns: 100))
        XCTAssertEqual(terminal.size, Size(rows: 30, columns: 100))
        XCTAssertEqual(terminal.pendingKeys, [.ctrl("l"), .function(1), .resize])
        XCTAssertEqual(terminal.fullRedrawCount, 0)
        terminal.forceFullRedraw()
        terminal.forceFullRedraw()
        XCTAssertEqual(terminal.fullRedrawCount, 2)
    }

    func testWorksThroughTheProtocol() {
        let terminal: any Terminal = MemoryTerminal(rows: 2, columns: 3, keys: [.enter])
        terminal.present(Screen(size: terminal.size))
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 0), .enter)
        XCTAssertEqual((terminal as? MemoryTerminal)?.presented.count, 1)
    }
}

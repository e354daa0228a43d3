import XCTest
@testable import TwinningUI

final class KeyTests: XCTestCase {
    func testDescriptionsForHelpText() {
        XCTAssertEqual(Key.function(2).description, "F2")
        XCTAssertEqual(Key.function(10).description, "F10")
        XCTAssertEqual(Key.ctrl("s").description, "Ctrl-S")
        XCTAssertEqual(Key.ctrl("l").description, "Ctrl-L")
        XCTAssertEqual(Key.enter.description, "Enter")
        XCTAssertEqual(Key.escape.description, "Esc")
        XCTAssertEqual(Key.up.description, "↑")
        XCTAssertEqual(Key.down.description, "↓")
        XCTAssertEqual(Key.backTab.description, "Shift-Tab")
        XCTAssertEqual(Key.char("q").description, "q")
        XCTAssertEqual(Key.char("/").description, "/")
        XCTAssertEqual(Key.char(" ").description, "Space")
        XCTAssertEqual(Key.pageDown.description, "PgDn")
    }

    func testKeysAreHashable() {
        let keys: Set<Key> = [.char("q"), .function(10), .char("q"), .ctrl("l")]
        XCTAssertEqual(keys.count, 3)
        XCTAssertNotEqual(Key.char("l"), Key.ctrl("l"))
    }
}

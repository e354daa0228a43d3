import XCTest
import CNcursesw
import TwinningUI
@testable import TwinningTerminal

/// The key translation is pure; the real terminal is checked under tmux.
final class NcursesKeysTests: XCTestCase {
    private func char(_ value: UInt32) -> Key? { NcursesKeys.translate(isKeyCode: false, value: value) }
    private func code(_ value: Int32) -> Key? { NcursesKeys.translate(isKeyCode: true, value: UInt32(bitPattern: value)) }

    func testControlCharacters() {
        XCTAssertEqual(char(9), .tab)
        XCTAssertEqual(char(10), .enter)
        XCTAssertEqual(char(13), .enter)
        XCTAssertEqual(char(27), .escape)
        XCTAssertEqual(char(127), .backspace)
        XCTAssertEqual(char(8), .backspace)
        XCTAssertEqual(char(12), .ctrl("l"))
        XCTAssertEqual(char(19), .ctrl("s"))
        XCTAssertEqual(char(1), .ctrl("a"))
        XCTAssertEqual(char(26), .ctrl("z"))
        XCTAssertEqual(char(3), .ctrl("c"))
        XCTAssertNil(char(0))
        XCTAssertNil(char(0x1C))
        XCTAssertNil(char(0x9B))       // a lone 8-bit CSI
    }

    func testPrintableCharacters() {
        XCTAssertEqual(char(0x71), .char("q"))
        XCTAssertEqual(char(0x20), .char(" "))
        XCTAssertEqual(char(0xFC), .char("ü"))
        XCTAssertEqual(char(0x6771), .char("東"))
        XCTAssertEqual(char(0x1F600), .char("😀"))
        XCTAssertNil(char(0xD800))     // not a scalar
    }

    func testFunctionKeys() {
        XCTAssertEqual(code(tw_key_resize()), .resize)
        XCTAssertEqual(code(tw_key_up()), .up)
        XCTAssertEqual(code(tw_key_down()), .down)
        XCTAssertEqual(code(tw_key_left()), .left)
        XCTAssertEqual(code(tw_key_right()), .right)
        XCTAssertEqual(code(tw_key_ppage()), .pageUp)
        XCTAssertEqual(code(tw_key_npage()), .pageDown)
        XCTAssertEqual(code(tw_key_home()), .home)
        XCTAssertEqual(code(tw_key_end()), .end)
        XCTAssertEqual(code(tw_key_enter()), .enter)
        XCTAssertEqual(code(tw_key_btab()), .backTab)
        XCTAssertEqual(code(tw_key_backspace()), .backspace)
        XCTAssertEqual(code(tw_key_dc()), .delete)
        XCTAssertEqual(code(tw_key_ic()), .insert)
        XCTAssertEqual(code(tw_key_f(1)), .function(1))
        XCTAssertEqual(code(tw_key_f(10)), .function(10))
        XCTAssertEqual(code(tw_key_f(12)), .function(12))
        XCTAssertNil(code(tw_key_f0()))
        XCTAssertNil(code(0x7FFF))
    }
}

import CNcursesw
import TwinningUI

/// Translates what `wget_wch` returned into a `Key`. Pure, so it is tested
/// without a terminal.
public enum NcursesKeys {
    /// - Parameters:
    ///   - isKeyCode: `wget_wch` returned KEY_CODE_YES (a function key code)
    ///     rather than OK (a character).
    ///   - value: the key code or the character's scalar value.
    /// - Returns: nil for input the program has no use for (NUL, a lone C1
    ///   control, an unknown function key).
    public static func translate(isKeyCode: Bool, value: UInt32) -> Key? {
        if isKeyCode { return functionKey(Int32(truncatingIfNeeded: value)) }
        switch value {
        case 9: return .tab
        case 10, 13: return .enter          // nonl() gives 13 for Enter
        case 27: return .escape
        case 8, 127: return .backspace      // terminals send either for Backspace
        case 1...26:
            // Ctrl-A … Ctrl-Z, except the ones taken above (H, I, J, M).
            return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0, 28...31, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case tw_key_resize(): return .resize
        case tw_key_up(): return .up
        case tw_key_down(): return .down
        case tw_key_left(): return .left
        case tw_key_right(): return .right
        case tw_key_ppage(): return .pageUp
        case tw_key_npage(): return .pageDown
        case tw_key_home(): return .home
        case tw_key_end(): return .end
        case tw_key_enter(): return .enter
        case tw_key_btab(): return .backTab
        case tw_key_backspace(): return .backspace
        case tw_key_dc(): return .delete
        case tw_key_ic(): return .insert
        case (tw_key_f0() + 1)...(tw_key_f0() + 63): return .function(Int(code - tw_key_f0()))
        default: return nil
        }
    }
}

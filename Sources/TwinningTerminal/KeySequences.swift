import CNcursesw

/// Escape sequences that common terminals send for special keys but that the
/// terminfo entry of the TERM in use may not list. ncurses decodes only what
/// terminfo says, so without these a PuTTY or tmux Home (`ESC [1~`) arrives
/// as Esc followed by "1" and jumps to pane 1. Each is taught to ncurses with
/// `define_key` at start; sequences the entry already knows are unaffected.
enum KeySequences {
    /// (sequence after ESC, key code). Sources: xterm (ctlseqs), rxvt, PuTTY's
    /// defaults, the Linux console, tmux/screen.
    static var table: [(String, Int32)] {
        let f = { (n: Int32) in tw_key_f0() + n }
        return [
            // Home / End: VT220 style (PuTTY, tmux, Linux console), rxvt, xterm normal and application mode.
            ("[1~", tw_key_home()), ("[7~", tw_key_home()), ("[H", tw_key_home()), ("OH", tw_key_home()),
            ("[4~", tw_key_end()), ("[8~", tw_key_end()), ("[F", tw_key_end()), ("OF", tw_key_end()),
            ("[2~", tw_key_ic()), ("[3~", tw_key_dc()), ("[5~", tw_key_ppage()), ("[6~", tw_key_npage()),
            ("[Z", tw_key_btab()),
            // Arrows in normal and application cursor mode.
            ("[A", tw_key_up()), ("[B", tw_key_down()), ("[C", tw_key_right()), ("[D", tw_key_left()),
            ("OA", tw_key_up()), ("OB", tw_key_down()), ("OC", tw_key_right()), ("OD", tw_key_left()),
            // F1–F4: xterm (SS3), VT220/PuTTY/rxvt (CSI n ~), Linux console (CSI [ A…E, F1–F5).
            ("OP", f(1)), ("OQ", f(2)), ("OR", f(3)), ("OS", f(4)),
            ("[11~", f(1)), ("[12~", f(2)), ("[13~", f(3)), ("[14~", f(4)),
            ("[[A", f(1)), ("[[B", f(2)), ("[[C", f(3)), ("[[D", f(4)), ("[[E", f(5)),
            // F5–F12, the same on xterm, PuTTY, rxvt, the console and tmux.
            ("[15~", f(5)), ("[17~", f(6)), ("[18~", f(7)), ("[19~", f(8)),
            ("[20~", f(9)), ("[21~", f(10)), ("[23~", f(11)), ("[24~", f(12)),
        ]
    }

    static func install() {
        for (tail, code) in table { _ = define_key("\u{1B}" + tail, code) }
    }
}

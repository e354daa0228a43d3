import CCrashGuard
import CNcursesw
import Foundation
import TwinningUI

/// The real terminal, through ncurses (wide-character build).
///
/// Frames are diffed (`ScreenDiff`) and only changed cells are written, then
/// one `doupdate`; `clear`/`erase` are used only for an explicit full redraw
/// or after a resize, because repainting everything per key press is slow and
/// flickers over SSH.
///
/// Only one instance may be active at a time (ncurses has one current
/// screen). Call `stop()` before printing to stdout; `deinit` and an
/// `atexit` handler stop ncurses on other exit paths, so the user's shell is
/// never left in raw mode.
public final class NcursesTerminal: Terminal {
    public private(set) var size: Size
    /// Whether the terminal can show colours (false → attributes only).
    public let hasColors: Bool
    public private(set) var theme: Theme

    private var screenPointer: OpaquePointer?
    private var previous: Screen?
    private var needsFullRedraw = true
    private var cursorVisible: Bool?
    /// Attributes and colour pair for each role under the current theme.
    private var looks: [StyleRole: (attributes: attr_t, pair: Int16)] = [:]

    /// Starts full-screen mode. Throws `TerminalError` with a message for the
    /// user when stdin/stdout is not a terminal or TERM is unusable.
    public static func start(theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment,
                             crashMessage: String = NcursesTerminal.defaultCrashMessage)
        throws -> NcursesTerminal
    {
        _ = tw_setup_locale()
        let term = environment["TERM"]
        // A screen-based program cannot run on a "dumb" terminal, and ncurses
        // would only print a terse message for an unset TERM.
        guard let term, !term.isEmpty, term != "dumb" else { throw TerminalError.unsuitableTerminal(term: term) }
        // vt52 and its like can be opened, but the screen would be garbled:
        // refuse them as plainly as "dumb", before anything is sent.
        let lacks = tw_terminal_lacks(term)
        if lacks < 0 { throw TerminalError.unsuitableTerminal(term: term) }
        if lacks != 0 {
            throw TerminalError.lacksCapabilities(term: term, cursorAddressing: lacks & 1 == 0, reverseVideo: lacks & 2 == 0)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        // Before ncurses changes the terminal: the settings to restore on a crash.
        tw_crash_guard_install(crashMessage)
        guard let screen = tw_newterm(nil) else {
            tw_crash_guard_remove()
            throw TerminalError.unsuitableTerminal(term: term)
        }
        // This terminal's own way back from full-screen mode, for the crash guard.
        let capabilities: [String] = ["rmcup", "sgr0", "cnorm"] // cnorm last: leaving the alternate screen may restore a hidden cursor
        let reset = capabilities.compactMap { name in tw_terminfo_string(name).map { String(cString: $0) } }.joined()
        if !reset.isEmpty { tw_crash_guard_set_reset(reset) }
        tw_install_endwin_at_exit()
        return NcursesTerminal(screen: screen, theme: theme, environment: environment)
    }

    private init(screen: OpaquePointer, theme: Theme, environment: [String: String]) {
        screenPointer = screen
        // raw (not cbreak): Ctrl-S/Ctrl-Q reach the program instead of
        // freezing output as flow control, and Ctrl-C arrives as a key the
        // app maps to quit, so it can ask about unsaved input.
        raw()
        noecho()
        nonl()
        keypad(tw_stdscr(), true)
        KeySequences.install()
        intrflush(tw_stdscr(), false)
        // Esc must feel immediate; ncurses waits a full second by default.
        if environment["ESCDELAY"] == nil { set_escdelay(25) }

        if has_colors() {
            start_color()
            hasColors = true
        } else {
            hasColors = false
        }
        let defaultColours = hasColors && use_default_colors() == OK
        size = Size(rows: Int(tw_lines()), columns: Int(tw_cols()))
        self.theme = theme
        self.defaultColoursAvailable = defaultColours
        apply(theme: theme)
    }

    private let defaultColoursAvailable: Bool

    public static let defaultCrashMessage = "twinning stopped because of an internal error. What was saved is safe; "
        + "what was being typed in an open form is lost. Please tell whoever looks after twinning."

    deinit { stop() }

    /// Ends full-screen mode and restores the terminal. Safe to call twice.
    public func stop() {
        guard let screen = screenPointer else { return }
        tw_crash_guard_remove()
        endwin()
        delscreen(screen)
        screenPointer = nil
        fflush(nil)
    }

    public var isActive: Bool { screenPointer != nil }

    // MARK: - Theme

    /// Switches the theme; the next frame is drawn completely.
    public func apply(theme: Theme) {
        self.theme = theme
        looks = [:]
        var pairs: [String: Int16] = [:]
        let maxPairs = Int(tw_color_pairs())
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var attributes = Self.attributes(style.attributes)
            var pair: Int16 = 0
            if hasColors {
                let (fg, fgBold) = colourNumber(style.fg, isForeground: true)
                let (bg, _) = colourNumber(style.bg, isForeground: false)
                if fgBold { attributes |= tw_a_bold() }
                if fg != -1 || bg != -1 || !defaultColoursAvailable {
                    let key = "\(fg)/\(bg)"
                    if let existing = pairs[key] {
                        pair = existing
                    } else if pairs.count + 1 < maxPairs {
                        pair = Int16(pairs.count + 1)
                        init_pair(pair, fg, bg)
                        pairs[key] = pair
                    }
                }
            }
            looks[role] = (attributes, pair)
        }
        needsFullRedraw = true
    }

    static func attributes(_ set: Set<ThemeAttribute>) -> attr_t {
        var result = tw_a_normal()
        if set.contains(.bold) { result |= tw_a_bold() }
        if set.contains(.reverse) { result |= tw_a_reverse() }
        if set.contains(.underline) { result |= tw_a_underline() }
        if set.contains(.dim) { result |= tw_a_dim() }
        return result
    }

    /// The ncurses colour number; -1 is the terminal default. On 8-colour
    /// terminals a bright foreground becomes the plain colour plus bold.
    private func colourNumber(_ colour: ThemeColor, isForeground: Bool) -> (Int16, Bool) {
        guard let n = colour.ansiNumber else {
            if defaultColoursAvailable { return (-1, false) }
            return (isForeground ? 7 : 0, false)   // white on black without use_default_colors
        }
        if n >= 8 && tw_colors() < 16 { return (Int16(n - 8), isForeground) }
        return (Int16(n), false)
    }

    // MARK: - Output

    public func present(_ screen: Screen) {
        guard isActive else { return }
        let stdscr = tw_stdscr()
        if needsFullRedraw || previous?.size != screen.size {
            // Only here: a full repaint after Ctrl-L, a resize or a theme change.
            werase(stdscr)
            clearok(tw_curscr(), true)
            previous = nil
            needsFullRedraw = false
        }
        for change in ScreenDiff.changes(from: previous, to: screen) {
            draw(change.cell, row: change.row, col: change.col)
        }
        if let cursor = screen.cursor, screen.contains(row: cursor.row, col: cursor.col),
           cursor.row < size.rows, cursor.col < size.columns {
            wmove(stdscr, Int32(cursor.row), Int32(cursor.col))
            setCursorVisible(true)
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(stdscr)
        doupdate()
        previous = screen
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    private func draw(_ cell: Cell, row: Int, col: Int) {
        guard !cell.isContinuation, row < size.rows, col < size.columns else { return }
        let look = looks[cell.role] ?? (tw_a_normal(), 0)
        var chars = Self.wideChars(for: cell.text)
        _ = chars.withUnsafeMutableBufferPointer { buffer in
            tw_put_cell(Int32(row), Int32(col), buffer.baseAddress, look.attributes, look.pair)
        }
    }

    /// The cell's text as ncurses wants it: one spacing character followed
    /// by at most four zero-width ones (combining marks, variation selectors),
    /// NUL-terminated. Anything spacing after the first character (parts of
    /// an emoji ZWJ sequence) is dropped so the terminal cannot draw more
    /// columns than `Screen` reserved.
    static func wideChars(for text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in text.unicodeScalars {
            if result.isEmpty {
                result.append(wchar_t(bitPattern: scalar.value))
            } else if DisplayWidth.wcwidth(scalar) == 0 && result.count < 5 {
                result.append(wchar_t(bitPattern: scalar.value))
            } else {
                break
            }
        }
        // A dangling joiner would make the terminal wait for a second half.
        while result.count > 1, result.last == 0x200D { result.removeLast() }
        if result.isEmpty { result.append(0x20) }
        result.append(0)
        return result
    }

    public func forceFullRedraw() {
        needsFullRedraw = true
        if let last = previous { present(last) }
    }

    // MARK: - Input

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isActive else { return nil }
        wtimeout(tw_stdscr(), Int32(clamping: timeoutMilliseconds < 0 ? -1 : timeoutMilliseconds))
        var value: UInt32 = 0
        let rc = tw_get_wch(&value)
        if rc == ERR { return nil }
        let key = NcursesKeys.translate(isKeyCode: rc == tw_key_code_yes(), value: value)
        if key == .resize {
            // ncurses has already resized stdscr and updated LINES/COLS.
            size = Size(rows: Int(tw_lines()), columns: Int(tw_cols()))
            needsFullRedraw = true
        }
        return key
    }
}

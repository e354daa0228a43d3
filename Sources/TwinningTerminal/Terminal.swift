import TwinningUI

/// What the app needs from a terminal: its size, a way to show a frame and a
/// way to read keys. `NcursesTerminal` is the real one; `MemoryTerminal`
/// lets tests drive the app without a tty.
public protocol Terminal: AnyObject {
    /// The current size in cells; changes after `readKey` returned `.resize`.
    var size: Size { get }
    /// Shows `screen`, sending only what changed since the previous frame.
    func present(_ screen: Screen)
    /// The next key, or nil when none arrived within the timeout
    /// (a negative timeout waits for ever).
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Repaints everything on the next frame (Ctrl-L, after garbage from
    /// another program).
    func forceFullRedraw()
}

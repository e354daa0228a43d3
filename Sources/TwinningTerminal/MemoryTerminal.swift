import TwinningUI

/// A terminal in memory for tests: keys come from a queue, every presented
/// frame is recorded. Drives the app loop exactly like `NcursesTerminal`.
public final class MemoryTerminal: Terminal {
    public var size: Size
    /// Keys `readKey` returns, front first; nil (a timeout) when empty.
    public var pendingKeys: [Key]
    /// Every frame passed to `present`, oldest first.
    public private(set) var presented: [Screen] = []
    /// How often `forceFullRedraw` was called.
    public private(set) var fullRedrawCount = 0
    /// The `timeoutMilliseconds` of each `readKey` call, for checking that a
    /// loop waits rather than spins.
    public private(set) var readTimeouts: [Int] = []

    public init(size: Size = Size(rows: 24, columns: 80), keys: [Key] = []) {
        self.size = size
        self.pendingKeys = keys
    }

    public convenience init(rows: Int, columns: Int, keys: [Key] = []) {
        self.init(size: Size(rows: rows, columns: columns), keys: keys)
    }

    /// The most recently presented frame.
    public var last: Screen? { presented.last }

    public func enqueue(_ keys: Key...) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Simulates the user resizing the window: the size changes now and a
    /// `.resize` key is queued, as ncurses does with KEY_RESIZE.
    public func resize(to newSize: Size) {
        size = newSize
        pendingKeys.append(.resize)
    }

    public func present(_ screen: Screen) {
        presented.append(screen)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        readTimeouts.append(timeoutMilliseconds)
        return pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    public func forceFullRedraw() {
        fullRedrawCount += 1
    }
}

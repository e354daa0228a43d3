import Foundation

/// How long a write waits for another volunteer's write to finish, and who to
/// tell while it waits. SQLite calls `shouldRetry` each time the database is
/// still locked; returning false gives up with "busy". The full-screen
/// program waits minutes and shows "waiting …" on the status line, so a
/// volunteer's save is not lost to someone else's big import.
public final class BusyWait: @unchecked Sendable {
    private let lock = NSLock()
    private var _limit: TimeInterval
    private var _onWait: (@Sendable (TimeInterval) -> Void)?
    private var started: Date?
    private var lastReport: TimeInterval = 0

    public init(limit: TimeInterval = 15, onWait: (@Sendable (TimeInterval) -> Void)? = nil) {
        _limit = limit
        _onWait = onWait
    }

    /// Seconds to wait before giving up.
    public var limit: TimeInterval {
        get { lock.withLock { _limit } }
        set { lock.withLock { _limit = newValue } }
    }

    /// Called about twice a second after the first second of waiting, with the seconds waited so far.
    public var onWait: (@Sendable (TimeInterval) -> Void)? {
        get { lock.withLock { _onWait } }
        set { lock.withLock { _onWait = newValue } }
    }

    /// SQLite's busy handler: `tries` counts the calls for this one lock.
    func shouldRetry(tries: Int) -> Bool {
        let now = Date()
        let (limit, report): (TimeInterval, (@Sendable (TimeInterval) -> Void)?) = lock.withLock {
            if tries == 0 || started == nil { started = now; lastReport = 0 }
            let waited = now.timeIntervalSince(started!)
            var report: (@Sendable (TimeInterval) -> Void)?
            if waited >= 1, waited - lastReport >= 0.5 {
                lastReport = waited
                report = _onWait
            }
            return (_limit, report)
        }
        let waited = now.timeIntervalSince(lock.withLock { started! })
        if waited >= limit { return false }
        report?(waited)
        // A custom busy handler replaces SQLite's own sleeping: wait a little.
        usleep(tries < 10 ? 2_000 : 20_000)
        return true
    }
}

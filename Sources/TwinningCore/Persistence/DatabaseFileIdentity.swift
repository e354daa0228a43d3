import Foundation

/// The database file and its `-wal`/`-shm` companions as they were when the
/// program opened them (device and inode). If someone deletes or replaces
/// one while the program runs, SQLite keeps writing into the old, unlinked
/// file: every later save would silently vanish for everyone else. So each
/// write first checks the files are still the ones we opened, and once they
/// are not, nothing more is written.
final class DatabaseFileIdentity: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var seen: [String: (dev: UInt64, ino: UInt64)] = [:]
    private var latched: Phrase?

    init(path: String) {
        self.path = path
        lock.withLock { _ = check() }
    }

    private static func identity(_ file: String) -> (dev: UInt64, ino: UInt64)? {
        var s = stat()
        guard stat(file, &s) == 0 else { return nil }
        return (UInt64(s.st_dev), UInt64(s.st_ino))
    }

    /// nil while the files are the ones we opened; else the reason, for good.
    func problem() -> Phrase? {
        lock.withLock { check() }
    }

    private func check() -> Phrase? {
        if let latched { return latched }
        for file in [path, path + "-wal", path + "-shm"] {
            let now = DatabaseFileIdentity.identity(file)
            if let before = seen[file] {
                if now == nil || now! != before {
                    let name = (file as NSString).lastPathComponent
                    latched = Phrase(now == nil ? .fileDeleted : .fileReplaced, "\(name)")
                    return latched
                }
            } else if let now {
                // A companion file appears with the first read in WAL mode;
                // from then on it must stay the same file.
                seen[file] = now
            }
        }
        return nil
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a file was not written, in words a volunteer understands. The CLI adds
/// its own hint (--force) to `.exists`; the TUI picks a new name instead.
public enum SafeWriteError: SayableError, Equatable, Sendable, LocalizedError {
    /// The target exists and the caller did not allow replacing it.
    case exists(String)
    /// The target is the open database or one of its companions (-wal, -shm,
    /// -journal): never written, whatever the caller allows.
    case isDatabase(String)
    case isFolder(String)
    /// A device, pipe, socket or symbolic link: a rename would replace the
    /// special file itself (`--output /dev/stdout --force` once replaced /dev/stdout).
    case notPlainFile(String)
    /// The folder the file would go into does not exist (it is never created:
    /// a mistyped folder would otherwise silently collect files).
    case noFolder(path: String, folder: String)
    case failed(path: String, reason: String)

    /// What the refusal says, in any language (`error.file…`).
    public var phrase: Phrase {
        switch self {
        case .exists(let path): return Phrase(.fileExists, "\(path)")
        case .isDatabase(let path): return Phrase(.fileIsDatabase, "\(path)")
        case .isFolder(let path): return Phrase(.fileIsFolder, "\(path)")
        case .notPlainFile(let path): return Phrase(.fileNotPlain, "\(path)")
        case .noFolder(let path, let folder): return Phrase(.fileNoFolder, "\(path)", "\(folder)")
        case .failed(let path, let reason): return Phrase(.cannotWrite, "\(path)", "\(reason)")
        }
    }
    public var description: String { phrase.english }
    public func text(_ language: String) -> String { phrase.text(language) }
    public var errorDescription: String? { description }
}

/// The one way the program writes a file (CLI --output, backups, the TUI's
/// report): nothing existing is replaced without consent, the database and its
/// companions are never replaced, a file appears under its final name only when
/// complete (temporary file in the same folder, fsync, rename), and a file in a
/// shared folder gets the folder's group and g+rw like the database does.
public struct SafeFileWriter: Sendable {
    /// What to do when the target already exists.
    public enum Existing: Sendable, Equatable {
        /// Refuse with `.exists` (the CLI without --force).
        case refuse
        /// Replace it atomically (the CLI with --force).
        case replace
        /// Keep it and write under a new name: `name-2.ext`, `name-3.ext`, …
        case newName
    }

    /// Database files that are never a target (the open database; its -wal,
    /// -shm and -journal are protected with it).
    public let protectedPaths: [String]

    public init(protecting databasePaths: [String?] = []) {
        protectedPaths = databasePaths.compactMap { $0 }
    }

    /// Suffix of the temporary file; a leftover from a killed run starts with a
    /// dot and ends with this, so it never looks like a finished file.
    public static let temporaryMarker = ".partial-"

    // MARK: - Writing

    /// Writes `data` to `path` and returns the path actually written (differs
    /// from `path` only with `.newName`).
    @discardableResult
    public func write(_ data: Data, to path: String, existing: Existing) throws -> String {
        try write(to: path, existing: existing) { temporary in
            let fd = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw SafeWriteError.failed(path: path, reason: Self.errnoText()) }
            defer { close(fd) }
            try data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw SafeWriteError.failed(path: path, reason: Self.errnoText())
                    }
                    offset += n
                }
            }
        }
    }

    /// Creates an empty temporary file next to `path`, lets `fill` write it (by
    /// path, e.g. an SQLite backup), then syncs it and gives it its final name.
    /// On any failure the temporary file is removed and nothing else changes.
    @discardableResult
    public func write(to path: String, existing: Existing, fill: (_ temporaryPath: String) throws -> Void) throws -> String {
        try checkTarget(path, existing: existing)
        let temporary = try createTemporary(for: path)
        do {
            try fill(temporary)
            try Self.sync(temporary, reportingAs: path)
            FilePermissions.shareWithFolderGroup(temporary)
            let final = try commit(temporary, to: path, existing: existing)
            Self.syncFolder(of: final)
            return final
        } catch {
            Self.removeTemporary(temporary)
            throw error
        }
    }

    /// Refuses a target that cannot be written, before any work is done: the
    /// database, a folder, a missing folder, or an existing file with `.refuse`.
    public func checkTarget(_ path: String, existing: Existing) throws {
        if isProtected(path) { throw SafeWriteError.isDatabase(path) }
        var linkInfo = stat()
        if lstat(path, &linkInfo) == 0 {
            let kind = linkInfo.st_mode & S_IFMT
            if kind != S_IFREG && kind != S_IFDIR { throw SafeWriteError.notPlainFile(path) }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw SafeWriteError.isFolder(path) }
            if existing == .refuse { throw SafeWriteError.exists(path) }
        } else if lstatExists(path) {
            // A dangling symbolic link: replacing it is harmless, refusing it is consent.
            if existing == .refuse { throw SafeWriteError.exists(path) }
        }
        let folder = Self.folder(of: path)
        var folderIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &folderIsDirectory), folderIsDirectory.boolValue else {
            throw SafeWriteError.noFolder(path: path, folder: folder)
        }
    }

    /// True when `path` is one of the protected database files: the same
    /// device and inode (a hard link, a symbolic link, another spelling), or
    /// the same resolved folder and name (a companion that does not exist yet).
    public func isProtected(_ path: String) -> Bool {
        let target = Self.identity(path)
        let targetName = Self.resolvedName(path)
        for database in protectedPaths {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let file = database + suffix
                if let target, let other = Self.identity(file), target == other { return true }
                if let targetName, let otherName = Self.resolvedName(file), targetName == otherName { return true }
            }
        }
        return false
    }

    /// `report.html` → `report-2.html`, `report-3.html`, … (the first free one).
    public static func numbered(_ path: String, _ number: Int) -> String {
        let ns = path as NSString
        let ext = ns.pathExtension
        let stem = ext.isEmpty ? path : ns.deletingPathExtension
        return ext.isEmpty ? "\(stem)-\(number)" : "\(stem)-\(number).\(ext)"
    }

    /// `folder/.name.partial-XXXXXX`: same folder (so the rename is atomic), hidden.
    public static func temporaryName(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return (folder(of: path) as NSString).appendingPathComponent(".\(name)\(temporaryMarker)")
    }

    // MARK: - Steps

    private func createTemporary(for path: String) throws -> String {
        var template = Array((Self.temporaryName(for: path) + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SafeWriteError.failed(path: path, reason: Self.errnoText()) }
        // mkstemp makes 0600; a finished file gets the usual 0666 minus umask.
        let mask = umask(0); umask(mask)
        fchmod(fd, 0o666 & ~mask)
        close(fd)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Gives the temporary file its final name. `.refuse` and `.newName` use
    /// link(2), which fails when the name exists, so a file created meanwhile
    /// by someone else is never replaced.
    private func commit(_ temporary: String, to path: String, existing: Existing) throws -> String {
        if isProtected(path) { throw SafeWriteError.isDatabase(path) }
        switch existing {
        case .replace:
            guard rename(temporary, path) == 0 else { throw SafeWriteError.failed(path: path, reason: Self.errnoText()) }
            return path
        case .refuse:
            try linkWithoutReplacing(temporary, path)
            return path
        case .newName:
            var number = 1
            while true {
                let candidate = number == 1 ? path : Self.numbered(path, number)
                do {
                    if !isProtected(candidate) {
                        try linkWithoutReplacing(temporary, candidate)
                        return candidate
                    }
                } catch SafeWriteError.exists {
                    // taken: try the next number
                }
                number += 1
                if number > 10_000 { throw SafeWriteError.failed(path: path, reason: "no free file name") }
            }
        }
    }

    private func linkWithoutReplacing(_ temporary: String, _ path: String) throws {
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        let code = errno
        if code == EEXIST { throw SafeWriteError.exists(path) }
        // A file system without hard links: check, then rename (a tiny window).
        guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(code) else {
            throw SafeWriteError.failed(path: path, reason: String(cString: strerror(code)))
        }
        if lstatExists(path) { throw SafeWriteError.exists(path) }
        guard rename(temporary, path) == 0 else { throw SafeWriteError.failed(path: path, reason: Self.errnoText()) }
    }

    // MARK: - Helpers

    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    static func removeTemporary(_ temporary: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
    }

    private static func sync(_ path: String, reportingAs target: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SafeWriteError.failed(path: target, reason: errnoText()) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw SafeWriteError.failed(path: target, reason: errnoText()) }
    }

    /// The rename is durable only once the folder is synced; a failure here
    /// loses nothing that was not already written, so it is not an error.
    private static func syncFolder(of path: String) {
        let fd = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private struct Identity: Equatable { let device: UInt64; let inode: UInt64 }

    private static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The real path of the folder plus the name, for files that may not exist.
    private static func resolvedName(_ path: String) -> String? {
        let folder = folder(of: path)
        guard let real = realpath(folder, nil) else { return nil }
        defer { free(real) }
        return String(cString: real) + "/" + (path as NSString).lastPathComponent
    }

    private func lstatExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

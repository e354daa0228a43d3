import Foundation

/// The `twinning` binary the end-to-end tests drive.
public enum Binary {
    /// The package root: this file is Tests/TwinningTestSupport/Binary.swift.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TwinningTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// `$TWINNING_BINARY`, `.build/debug/twinning`, or a `twinning` next to
    /// the test bundle (`.build/<triple>/debug/…xctest`).
    public static let path: String? = {
        let fm = FileManager.default
        if let override = ProcessInfo.processInfo.environment["TWINNING_BINARY"], fm.isExecutableFile(atPath: override) {
            return override
        }
        var candidates = [packageRoot.appendingPathComponent(".build/debug/twinning")]
        var dir = Bundle.main.bundleURL
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("twinning"))
            candidates.append(dir.appendingPathComponent(".build/debug/twinning"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }?.path
    }()

    public static func require() throws -> String {
        guard let path else {
            throw TestSupportError("The twinning binary was not found at \(packageRoot.path)/.build/debug/twinning. "
                                   + "Run `swift build` in \(packageRoot.path) first.")
        }
        return path
    }
}

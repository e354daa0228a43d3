import Foundation

/// Finds the data files shipped with the program (gazetteer, countries, demo
/// pairs). SwiftPM copies them into a resource folder beside the binary; an
/// installed binary may carry them in ../share/twinning instead. We look them
/// up ourselves rather than through `Bundle.module`, which stops the program
/// when the folder is missing, so a misplaced binary gets a message instead.
public enum DataFiles {
    public static let bundleName = "twinning_TwinningCore.resources"

    public static func url(for name: String) throws -> URL {
        for folder in candidateFolders() {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.isReadableFile(atPath: url.path) { return url }
        }
        throw AppError.notFound("""
            Cannot find the data file \(name). Set TWINNING_DATA to the folder that holds \
            cities.tsv, countries.tsv and twinnings_dev.tsv, or install the \(bundleName) folder beside the program.
            """)
    }

    static func candidateFolders() -> [URL] {
        var folders: [URL] = []
        if let custom = ProcessInfo.processInfo.environment["TWINNING_DATA"], !custom.isEmpty {
            folders.append(URL(fileURLWithPath: custom))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let executableFolder = executable.deletingLastPathComponent()
        folders.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        folders.append(executableFolder.appendingPathComponent(bundleName))
        // Test bundles live one level deeper than the build products.
        folders.append(executableFolder.deletingLastPathComponent().appendingPathComponent(bundleName))
        folders.append(executableFolder.deletingLastPathComponent().appendingPathComponent("share/twinning"))
        // Last resort: the source tree this binary was built from.
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources"))
        return folders
    }
}

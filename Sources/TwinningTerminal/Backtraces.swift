import Foundation

/// What the Swift runtime does if the full-screen program ever crashes.
///
/// By default it prints pages of backtrace with source code over the screen
/// and, on a terminal, waits at a prompt that offers a debugger — in kiosk
/// mode a memory-inspection console for an SSH user. The runtime reads its
/// setting (`SWIFT_BACKTRACE`) once, before `main`; so the program sets it
/// and starts itself again (`exec`, the same process id, a few milliseconds):
/// - kiosk mode: `enable=no`, always (no prompt, no report);
/// - otherwise, unless the user chose a setting: no prompt, and the report
///   goes to a file in `~/.local/state/twinning/crashes/` (or under
///   `$XDG_STATE_HOME`), not onto the screen.
/// The crash guard in `NcursesTerminal` restores the terminal and prints
/// one line either way.
public enum Backtraces {
    public static let variable = "SWIFT_BACKTRACE"
    public static let kioskSetting = "enable=no"

    /// True unless the arguments name a subcommand other than `open`.
    public static func opensFullScreen(_ arguments: [String]) -> Bool {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if ["--db", "--theme", "--lang"].contains(argument) { _ = iterator.next(); continue }
            if argument.hasPrefix("-") { continue }
            return argument == "open"
        }
        return true
    }

    /// Where crash reports go, outside kiosk mode.
    public static func crashFolder(environment: [String: String]) -> String {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { base = state }
        else { base = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/state" }
        return base + "/twinning/crashes"
    }

    /// Where the runtime's backtracer (the helper that writes a crash report) is.
    public enum Backtracer: Equatable, Sendable {
        /// The runtime finds it by itself: the dynamic runtime looks beside its own library, in the toolchain.
        case runtimeFinds
        case at(String)
        case missing
    }

    /// The backtracer for this build. The release program carries its own
    /// runtime (`-static-stdlib`, Package.swift). That runtime searches only
    /// around the program (its folder, `../libexec/swift/linux` and a few
    /// more, for the name `swift-backtrace`); without a helper there it
    /// printed "unable to locate swift-backtrace" at every start of the
    /// full-screen program. So the statically linked helper
    /// (`swift-backtrace-static`, which runs without the Swift libraries) is
    /// looked for beside the program first, where the README's server set-up
    /// puts it, then in the usual toolchain places (a toolchain's helper of
    /// another Swift version than the program's may fail at a crash; the
    /// terminal is put back either way). The plain `swift-backtrace` is not
    /// taken: it needs the toolchain's libraries, which a server may lack.
    /// - Parameter staticRuntime: the program carries its own runtime (the
    ///   `twinning` target knows: `TWINNING_STATIC_STDLIB`).
    public static func backtracer(executable: String, staticRuntime: Bool, exists: (String) -> Bool) -> Backtracer {
        guard staticRuntime else { return .runtimeFinds }
        let folder = (executable as NSString).deletingLastPathComponent
        let root = (folder as NSString).deletingLastPathComponent
        var candidates: [String] = []
        for base in [folder, root + "/libexec/swift/linux", "/opt/swift/usr/libexec/swift/linux", "/usr/libexec/swift/linux",
                     "/usr/share/swift/usr/libexec/swift/linux"] {
            candidates.append(base + "/swift-backtrace-static")
        }
        // The runtime's option list is comma-separated: such a path cannot be given.
        return candidates.first { !$0.contains(",") && exists($0) }.map(Backtracer.at) ?? .missing
    }

    /// The setting this run should have, or nil when the current one is right.
    public static func wantedSetting(kiosk: Bool, environment: [String: String], backtracer: Backtracer,
                                     makeFolder: (String) -> Bool) -> String? {
        let current = environment[variable]
        if kiosk { return current == kioskSetting ? nil : kioskSetting }
        if current != nil { return nil } // the user (or a developer) chose
        let helper: String
        switch backtracer {
        case .runtimeFinds: helper = ""
        case .at(let path): helper = ",swift-backtrace=\(path)"
        case .missing: return kioskSetting // no report can be written; the crash guard's line still comes
        }
        let folder = crashFolder(environment: environment)
        // The runtime's option list is comma-separated: such a path cannot be given.
        guard !folder.contains(","), makeFolder(folder) else { return kioskSetting }
        return "enable=yes,interactive=no,output-to=\(folder)" + helper
    }

    /// The folder named by output-to in the current setting, for the crash message.
    public static func reportFolder(environment: [String: String]) -> String? {
        guard let setting = environment[variable] else { return nil }
        for part in setting.split(separator: ",") where part.hasPrefix("output-to=") {
            return String(part.dropFirst("output-to=".count))
        }
        return nil
    }

    public static func makePrivateFolder(_ path: String) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            return FileManager.default.isWritableFile(atPath: path)
        } catch {
            return false
        }
    }

    /// This program's own file (what the runtime searches beside).
    public static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Starts the program again with the right setting, when it lacks it.
    /// Returns only if no restart was needed, or it failed outside kiosk mode;
    /// in kiosk mode a failed restart ends the program with a message.
    public static func ensure(arguments: [String], environment: [String: String], kiosk: Bool, staticRuntime: Bool) {
        guard opensFullScreen(arguments),
              let setting = wantedSetting(kiosk: kiosk, environment: environment,
                                          backtracer: backtracer(executable: executablePath(), staticRuntime: staticRuntime,
                                                                 exists: { FileManager.default.isExecutableFile(atPath: $0) }),
                                          makeFolder: makePrivateFolder) else { return }
        setenv(variable, setting, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when exec failed.
        if kiosk {
            FileHandle.standardError.write(Data(("twinning: kiosk mode needs \(variable)=\(kioskSetting) in the environment "
                + "(set it in the ForceCommand: env \(variable)=\(kioskSetting) twinning --kiosk …).\n").utf8))
            exit(1)
        }
    }
}

import Foundation
import TwinningCore

extension Console {
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Everything a command shows on stdout goes through here: on a terminal
    /// it is cleaned of control characters from data (C1, bidi overrides, ESC…);
    /// into a file or a pipe it is written exactly, so exports round-trip.
    static func out(_ text: String) {
        let shown = stdoutIsTerminal ? TextSafety.forTerminal(text) : text
        FileHandle.standardOutput.write(Data(shown.utf8))
    }
}

/// Shadows `Swift.print` inside this module, so no `print` in a command can
/// bypass the terminal cleaning of `Console.out` (one root, not a rule to
/// remember at every call).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Console.out(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

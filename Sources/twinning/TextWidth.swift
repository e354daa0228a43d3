import TwinningUI

/// Display width for command output: the same measure the full-screen program uses.
enum TextWidth {
    static func of(_ text: String) -> Int { DisplayWidth.of(text) }
}

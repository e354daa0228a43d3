import Foundation

// MARK: - Screen attributes from `capture-pane -e`

/// One captured screen with per-cell reverse-video flags, parsed from the
/// SGR sequences of `capture-pane -p -e` (tmux carries attributes across lines).
public struct AttributedScreen {
    public var lines: [[(Character, Bool)]] = []

    public init(_ escaped: String) {
        var reverse = false
        var line: [(Character, Bool)] = []
        var chars = Array(escaped)
        if chars.last == "\n" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\u{1B}", i + 1 < chars.count, chars[i + 1] == "[" {
                var j = i + 2
                var params = ""
                while j < chars.count, !(chars[j].isLetter) { params.append(chars[j]); j += 1 }
                if j < chars.count, chars[j] == "m" {
                    let codes = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                    var k = 0
                    while k < codes.count {
                        switch codes[k] {
                        case 0: reverse = false
                        case 7: reverse = true
                        case 27: reverse = false
                        case 38, 48, 58:
                            // 38;5;n or 38;2;r;g;b: skip the colour arguments.
                            if k + 1 < codes.count { k += codes[k + 1] == 5 ? 2 : (codes[k + 1] == 2 ? 4 : 0) }
                        default: break
                        }
                        k += 1
                    }
                }
                i = j + 1
                continue
            }
            if c == "\u{1B}" { i += 1; continue }  // other escapes (charset) are ignored
            if c == "\n" {
                lines.append(line)
                line = []
            } else {
                line.append((c, reverse))
            }
            i += 1
        }
        lines.append(line)
    }

    /// True if `text` occurs on a line and every one of its characters is in reverse video.
    public func isReverse(_ text: String) -> Bool? {
        let needle = Array(text)
        for line in lines {
            let chars = line.map(\.0)
            guard chars.count >= needle.count else { continue }
            for start in 0...(chars.count - needle.count) where Array(chars[start..<start + needle.count]) == needle {
                return line[start..<start + needle.count].allSatisfy(\.1)
            }
        }
        return nil
    }
}

import TwinningCore

/// Drawing blocks every pane and dialog uses: list rows and headers, boxes,
/// bars and wrapped text.

/// A list row: reverse video and a ">" marker when selected, so selection
/// never depends on colour alone.
func putRow(_ screen: inout Screen, row: Int, col: Int, width: Int, cells: [(String, Int, Bool)], selected: Bool, home: Bool = false) {
    let role: StyleRole = selected ? .selected : (home ? .homeCity : .normal)
    screen.fill(row: row, col: col, width: width, role: role)
    // An unselected row's marker cell is blank: drawn in the row's own look,
    // so moving the selection does not switch attributes there and back.
    if selected { screen.put(">", row: row, col: col, role: .selected) }
    var x = col + 2
    for (text, cellWidth, right) in cells where cellWidth > 0 {
        guard x < col + width else { break }
        let w = min(cellWidth, col + width - x)
        screen.put(DisplayWidth.pad(text, to: w, alignRight: right), row: row, col: x, role: role, maxWidth: w)
        x += cellWidth + 1
    }
    if selected { screen.cursor = Position(row: row, col: col) }
}

/// A line of a detail: cut to `width` with "…" at the end when it is longer,
/// so a reader sees that something is left out (the clipping of `put` alone
/// would end it mid-word without a sign).
func putDetailLine(_ screen: inout Screen, _ text: String, row: Int, col: Int, role: StyleRole, width: Int) {
    screen.put(DisplayWidth.truncate(text, to: width), row: row, col: col, role: role, maxWidth: width)
}

func putHeader(_ screen: inout Screen, row: Int, col: Int, width: Int, cells: [(String, Int, Bool)]) {
    screen.fill(row: row, col: col, width: width, role: .header)
    var x = col + 2
    for (text, cellWidth, right) in cells where cellWidth > 0 {
        guard x < col + width else { break }
        let w = min(cellWidth, col + width - x)
        screen.put(DisplayWidth.pad(text, to: w, alignRight: right), row: row, col: x, role: .header, maxWidth: w)
        x += cellWidth + 1
    }
}

/// Splits text into lines of at most `width` display columns, at spaces where possible.
public func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        for word in wrapWords(paragraph) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            var rest = String(word)
            while DisplayWidth.of(rest) > width {
                var head = ""
                for c in rest {
                    if DisplayWidth.of(head + String(c)) > width { break }
                    head.append(c)
                }
                if head.isEmpty { break }
                lines.append(head)
                rest.removeFirst(head.count)
            }
            line = rest
        }
        lines.append(line)
    }
    return lines
}

/// The words `wrap` may break between. French puts a space before ? ! : ;
/// and » and after «; a line must not start with such a mark or end with «,
/// so the space there holds the two sides together ("contact ?" stays one).
private func wrapWords(_ paragraph: Substring) -> [String] {
    var words: [String] = []
    for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
        if let last = words.last, !last.isEmpty, let first = word.first,
           "?!:;»".contains(first) || last.hasSuffix("«") {
            words[words.count - 1] = last + " " + word
        } else {
            words.append(String(word))
        }
    }
    return words
}

/// `wrap` for text of any length shown in a few lines (a message may carry a
/// megabyte a hostile file put there): at most `lines` lines, the last ending
/// in "…" when there was more. Only the start is measured, so a frame stays fast.
func wrap(_ text: String, width: Int, lines most: Int) -> [String] {
    let most = max(1, most)
    // A column per character at least (zero-width ones aside): more than
    // this many characters can never be shown.
    let head = String(text.prefix(most * max(1, width) * 2 + 1))
    let lines = wrap(head, width: width)
    guard lines.count > most || head.utf8.count < text.utf8.count else { return lines }
    let shown = Array(lines.prefix(most))
    let last = shown.last ?? ""
    let marked = DisplayWidth.of(last + " …") <= width ? last + " …" : DisplayWidth.truncate(last + " …", to: width)
    return Array(shown.dropLast()) + [marked]
}

/// A framed box with a title; returns the inner rectangle.
@discardableResult
func drawBox(_ screen: inout Screen, row: Int, col: Int, rows: Int, columns: Int, title: String) -> Layout.Rect {
    for r in row..<(row + rows) { screen.fill(row: r, col: col, width: columns, role: .dialog) }
    let horizontal = String(repeating: "─", count: max(0, columns - 2))
    screen.put("┌" + horizontal + "┐", row: row, col: col, role: .dialog)
    screen.put("└" + horizontal + "┘", row: row + rows - 1, col: col, role: .dialog)
    for r in (row + 1)..<(row + rows - 1) {
        screen.put("│", row: r, col: col, role: .dialog)
        screen.put("│", row: r, col: col + columns - 1, role: .dialog)
    }
    screen.put(" \(title) ", row: row, col: col + 2, role: .dialogTitle, maxWidth: max(0, columns - 4))
    return Layout.Rect(row: row + 1, col: col + 2, rows: rows - 2, columns: columns - 4)
}

/// A bar of eighth blocks (or #) for `value` out of `maximum`.
func bars(_ value: Int, of maximum: Int, width: Int, ascii: Bool) -> String {
    // Held within 0…width: a negative, huge or zero maximum must not ask for a
    // negative repeat count or convert nan to Int (both stop the program).
    guard maximum > 0, width > 0 else { return "" }
    let ratio = min(1, max(0, Double(value) / Double(maximum)))
    let eighths = SafeMath.int(ratio * Double(width * 8))
    if ascii { return String(repeating: "#", count: eighths / 8) }
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
}

/// Selection and scroll of one list.
public struct ListPosition: Equatable, Sendable {
    public var selection = 0
    public var scroll = 0
    public init() {}

    /// Moves the selection for a list command (↑↓, pages, Home/End) in a list
    /// of `count` rows of which `page` are visible, and scrolls to keep it in view.
    mutating func step(_ command: Command, page: Int, count: Int) {
        guard count > 0 else { self = ListPosition(); return }
        var selection = self.selection
        switch command {
        case .up: selection -= 1
        case .down: selection += 1
        case .pageUp: selection -= page
        case .pageDown: selection += page
        case .top: selection = 0
        case .bottom: selection = count - 1
        default: break
        }
        self.selection = min(max(0, selection), count - 1)
        scroll = scrolled(self, page: page, count: count)
    }

    /// The list commands `step` understands.
    static let moves: Set<Command> = [.up, .down, .pageUp, .pageDown, .top, .bottom]
}

func scrolled(_ position: ListPosition, page: Int, count: Int) -> Int {
    var scroll = position.scroll
    if position.selection < scroll { scroll = position.selection }
    if position.selection >= scroll + page { scroll = position.selection - page + 1 }
    return max(0, min(scroll, max(0, count - page)))
}

/// One character cell of a `Screen`.
public struct Cell: Equatable, Hashable, Sendable {
    /// One grapheme cluster, already sanitised. A wide character (东, 😀) sits in
    /// its left cell; the right cell holds "" (a *continuation* cell) so that
    /// every row has exactly `columns` cells and column arithmetic stays simple.
    public var text: String
    public var role: StyleRole

    public init(text: String, role: StyleRole) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell(text: " ", role: .normal)

    /// True for the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}

/// A cell position; rows and columns count from 0 at the top left.
public struct Position: Equatable, Hashable, Sendable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

/// Placeholder so the target builds; replaced by the render layer.
public struct Screen: Equatable, Sendable {
    public var rows: Int
    public var columns: Int
    public init(rows: Int, columns: Int) { self.rows = rows; self.columns = columns }
}

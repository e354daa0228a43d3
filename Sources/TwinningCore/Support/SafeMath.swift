import Foundation

/// Arithmetic that cannot trap. Swift stops the program ("Illegal instruction")
/// when an `Int` sum overflows or when `Int(someDouble)` meets inf, nan or a
/// value beyond ±2^63. Validation keeps the numbers people enter small, but a
/// database written by an older version, or edited with sqlite3, may hold
/// anything an INTEGER column can: every sum and conversion over stored data
/// goes through here, so no stored value can stop the program.
public enum SafeMath {
    /// a + b, held at Int.max / Int.min instead of overflowing.
    @inlinable
    public static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if !overflow { return sum }
        return b > 0 ? Int.max : Int.min
    }

    /// a - b, held at the bounds instead of overflowing.
    @inlinable
    public static func subtract(_ a: Int, _ b: Int) -> Int {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        if !overflow { return difference }
        return b < 0 ? Int.max : Int.min
    }

    /// The sum of `values`, saturating.
    public static func sum<S: Sequence>(_ values: S) -> Int where S.Element == Int {
        values.reduce(0, add)
    }

    /// The nearest Int to `value`, rounded, with nan → `nan` and ±inf or huge
    /// values held at the bounds (where `Int(_:)` would trap).
    public static func int(_ value: Double, nan: Int = 0) -> Int {
        if value.isNaN { return nan }
        let rounded = value.rounded()
        // 2^63 is exactly representable; anything at or above it does not fit.
        if rounded >= 9_223_372_036_854_775_808.0 { return Int.max }
        if rounded < -9_223_372_036_854_775_808.0 { return Int.min }
        return Int(rounded)
    }

    public static func int(_ value: Float, nan: Int = 0) -> Int { int(Double(value), nan: nan) }

    /// `part` as a whole percentage of `whole`, held within 0…100; nil when
    /// `whole` is not positive. A stored share above 100 % (under-30s more than
    /// participants) is impossible through validation and shown as 100.
    public static func percent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        let share = Double(max(0, part)) / Double(whole) * 100
        return min(100, max(0, int(share)))
    }
}

import Foundation

extension PartialDate {
    /// A date as the database stores it ("2025", "2025-05", "2025-05-14"),
    /// read from its bytes; any other form goes through `parse`. The lists
    /// read 200,000 event dates, and `parse` (Foundation trimming and
    /// searching, Unicode digit checks) was the largest Swift cost of that.
    /// The value is the same as `parse` gives: both end in `init(year:month:day:)`.
    static func stored(_ text: String) -> PartialDate? {
        var text = text
        let shaped: PartialDate?? = text.withUTF8 { bytes in
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for i in from..<from + count {
                    guard (48...57).contains(bytes[i]) else { return nil }
                    value = value * 10 + Int(bytes[i] - 48)
                }
                return value
            }
            switch bytes.count {
            case 4:
                guard let y = number(0, 4) else { return nil }
                return .some(PartialDate(year: y))
            case 7 where bytes[4] == UInt8(ascii: "-"):
                guard let y = number(0, 4), let m = number(5, 2) else { return nil }
                return .some(PartialDate(year: y, month: m))
            case 10 where bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-"):
                guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
                return .some(PartialDate(year: y, month: m, day: d))
            default:
                return nil
            }
        }
        if let shaped { return shaped }
        return parse(text)
    }
}

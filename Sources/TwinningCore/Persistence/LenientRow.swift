import Foundation
import GRDB

/// Reading numbers that an old or hand-edited database may hold in any form.
///
/// GRDB's `row["population"] as Int?` stops the program when the column holds
/// 1e300 or "abc" (a CHECK such as `population >= 0` lets both through), and a
/// record's decoder throws, which makes a whole list unreadable because of one
/// cell. Counts are read here instead: an integer as it is, a finite real
/// rounded and held within Int, anything else as "not known". Since
/// v5-safe-values no such value can be written; this is for rows from before.
extension Row {
    func lenientInt(_ column: String) -> Int? {
        let value: DatabaseValue = self[column]
        switch value.storage {
        case .int64(let number): return Int(number)
        case .double(let number): return number.isFinite ? SafeMath.int(number) : nil
        case .null, .string, .blob: return nil
        }
    }

    /// A coordinate within ±`limit` degrees; anything else (text, 1e308, NaN) as not known.
    func lenientCoordinate(_ column: String, limit: Double) -> Double? {
        let value: DatabaseValue = self[column]
        switch value.storage {
        case .int64(let number): return abs(Double(number)) <= limit ? Double(number) : nil
        case .double(let number): return number.isFinite && abs(number) <= limit ? number : nil
        case .null, .string, .blob: return nil
        }
    }

    /// A stored date ("2025", "2025-05", "2025-05-14"); anything unreadable as not known.
    func lenientDate(_ column: String) -> PartialDate? {
        lenientText(column).flatMap(PartialDate.parse)
    }

    /// Text as stored; a number or blob planted in a text column becomes its text.
    func lenientText(_ column: String) -> String? {
        let value: DatabaseValue = self[column]
        switch value.storage {
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        case .null: return nil
        }
    }
}

enum LenientJSON {
    /// A JSON object of counts ("{"DE":20}"); entries that are not whole
    /// numbers are left out, huge ones held within Int, broken JSON gives [:].
    static func counts(_ text: String?) -> [String: Int] {
        guard let text, let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var result: [String: Int] = [:]
        for (key, value) in object {
            if value is Bool { continue }
            if let number = value as? Int { result[key] = number }
            else if let number = value as? Double, number.isFinite { result[key] = SafeMath.int(number) }
        }
        return result
    }
}

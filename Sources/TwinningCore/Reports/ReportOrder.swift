import Foundation

/// The report's orderings with their keys computed once per row. Sorting
/// 110,000 partnerships with keys built inside the comparator (a string
/// concatenation and, for dates, `PartialDate.iso` through `String(format:)`,
/// per comparison) was over a third of `report`'s CPU on the 10× database.
/// The orders are exactly those of the comparators they replace.
enum ReportOrder {
    /// An integer that orders as `PartialDate`'s `<` (its ISO text): year,
    /// then a missing month before any month, then a missing day before any day.
    static func dateKey(_ date: PartialDate) -> Int {
        date.year * 10_000 + ((date.month ?? -1) + 1) * 100 + ((date.day ?? -1) + 1)
    }

    /// Rows by `Report.sortKey`, then id.
    static func byName(_ rows: [ReportPartnership], city: CitySummary?) -> [ReportPartnership] {
        let keys = rows.map { Report.sortKey($0, city: city) }
        let order = rows.indices.sorted { i, j in (keys[i], rows[i].id) < (keys[j], rows[j].id) }
        return order.map { rows[$0] }
    }

    /// Dormant rows: oldest last event first, those without an event last;
    /// ties by `Report.sortKey`, then id.
    static func byLastEvent(_ rows: [ReportPartnership], city: CitySummary?) -> [ReportPartnership] {
        let keys = rows.map { Report.sortKey($0, city: city) }
        let dates = rows.map { $0.lastEvent.map(dateKey) }
        let order = rows.indices.sorted { i, j in
            switch (dates[i], dates[j]) {
            case let (x?, y?): return (x, keys[i], rows[i].id) < (y, keys[j], rows[j].id)
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return (keys[i], rows[i].id) < (keys[j], rows[j].id)
            }
        }
        return order.map { rows[$0] }
    }
}

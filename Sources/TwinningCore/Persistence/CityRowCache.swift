import GRDB

/// The cities of a list read, decoded once each. A list of 200,000 events
/// names each of its ~66,000 cities several times; decoding the ten columns
/// (five of them strings) again for every row was a large part of reading
/// the list, and every copy of the strings stayed in memory.
struct CityRowCache {
    private var cities: [Int64: CitySummary] = [:]

    /// The city whose ten columns start at `start` (`CitySummary.columnsSQL`).
    mutating func city(_ row: Row, at start: Int) -> CitySummary {
        guard let id = row.lenientInt64(at: start) else { return CitySummary(row: row, at: start) }
        if let known = cities[id] { return known }
        let city = CitySummary(row: row, at: start)
        cities[id] = city
        return city
    }
}

import Foundation
import GRDB
import GRDBSQLite

// The register and the gazetteer are the largest reads of the full-screen
// program (66,000 and 69,000 rows on the 10× database). Read through GRDB's
// `Row`, every column of every row is first boxed into a `DatabaseValue`:
// that doubled sqlite3's own time for the register. Here the usual column
// types are read with SQLite's column functions, and anything else (a number
// stored in a text column, a blob, NULL) goes the lenient `Row` way, so the
// values are exactly those `CitySummary(row:at:)` reads.

/// The current row of a stepping statement, read by column position.
struct RawColumns {
    let statement: SQLiteStatement
    let row: Row

    private func type(_ index: Int) -> Int32 { sqlite3_column_type(statement, Int32(index)) }

    func text(_ index: Int) -> String? {
        // String(cString:) as GRDB reads text, so a stored NUL ends the text here too.
        if type(index) == SQLITE_TEXT, let bytes = sqlite3_column_text(statement, Int32(index)) { return String(cString: bytes) }
        return row.lenientText(at: index)
    }

    func int64(_ index: Int) -> Int64? {
        type(index) == SQLITE_INTEGER ? sqlite3_column_int64(statement, Int32(index)) : row.lenientInt64(at: index)
    }

    func int(_ index: Int) -> Int? {
        type(index) == SQLITE_INTEGER ? Int(sqlite3_column_int64(statement, Int32(index))) : row.lenientInt(at: index)
    }

    func coordinate(_ index: Int, limit: Double) -> Double? {
        guard type(index) == SQLITE_FLOAT else { return row.lenientCoordinate(at: index, limit: limit) }
        let value = sqlite3_column_double(statement, Int32(index))
        return value.isFinite && abs(value) <= limit ? value : nil
    }
}

extension CitySummary {
    /// The ten columns of `CitySummary.columnsSQL` of the current row, as `init(row:at:)` reads them.
    init(_ c: RawColumns) {
        self.init(id: c.int64(0) ?? 0, geonameId: c.int64(1), name: c.text(2) ?? "", searchKey: c.text(3) ?? "",
                  asciiKey: c.text(4) ?? "", countryCode: c.text(5) ?? "", admin1Name: c.text(6), population: c.int(7),
                  latitude: c.coordinate(8, limit: 90), longitude: c.coordinate(9, limit: 180))
    }
}

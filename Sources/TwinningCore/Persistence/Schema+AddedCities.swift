import GRDB

/// v11: an index of the cities a volunteer added by hand (`addedByUser`),
/// the only cities of the register that need not have a partnership. The
/// register's count and its whole list ask for them; without the index each
/// asking scanned the 69,472 rows of the gazetteer (8 ms, a quarter of the
/// first screen's reading on the demo database). A partial index: it holds
/// those few cities only, so imports of the gazetteer do not pay for it.
/// Read-compatible: without it the same queries scan.
extension Schema {
    static let addedCitiesMigration = "v11-added-cities-index"

    static func addedCitiesIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX city_added_by_user ON city(id) WHERE addedByUser = 1")
    }
}

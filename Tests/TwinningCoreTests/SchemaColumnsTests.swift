import XCTest
@testable import TwinningCore

/// The static column list that start-up checks every file against must match
/// what the migrations really create; a migration that adds or renames a
/// column fails here until SchemaCompatibility+Columns.swift follows.
final class SchemaColumnsTests: XCTestCase {
    func testStaticColumnListMatchesTheMigrations() throws {
        let migrated = try SchemaCompatibility.migratedColumns()
        XCTAssertFalse(migrated.isEmpty)
        XCTAssertEqual(Set(SchemaCompatibility.expectedColumns.keys), Set(migrated.keys), "tables")
        for (table, columns) in migrated {
            XCTAssertEqual(SchemaCompatibility.expectedColumns[table].map(Set.init), Set(columns), "columns of \(table)")
        }
    }
}

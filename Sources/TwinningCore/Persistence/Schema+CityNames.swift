import GRDB

/// v7: the other names of gazetteer cities (exonyms such as Warschau, Mailand,
/// Lüttich; spellings such as Muenchen), so a city is found by the name people
/// type. One row per (folded key, city); `name` keeps the spelling to show
/// ("Wrocław — Breslau"). WITHOUT ROWID on (key, cityId): a prefix search is a
/// range scan of the primary key. The rows are gazetteer data, not register
/// data: they are filled from the shipped file, never edited, not logged.
extension Schema {
    static func createCityNames(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE city_name (
              key TEXT NOT NULL,
              cityId INTEGER NOT NULL REFERENCES city(id) ON DELETE CASCADE,
              name TEXT NOT NULL,
              PRIMARY KEY (key, cityId)
            ) WITHOUT ROWID;
            CREATE INDEX city_name_city ON city_name(cityId);
            """)
        // A database made before this version already holds the gazetteer:
        // give its cities their other names now. A new one is filled by Setup.
        try OtherNames.fill(db)
    }
}

import GRDB

/// The database schema as named migrations. A migration, once shipped, is never
/// edited: later changes come as new migrations, so every volunteer's file can
/// be brought forward.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-register", migrate: createRegister)
        migrator.registerMigration("v2-change-log", migrate: createChangeLog)
        migrator.registerMigration("v3-match-reviews", migrate: createMatchReviews)
        migrator.registerMigration("v4-review-log", migrate: logReviews)
        migrator.registerMigration("v5-safe-values", migrate: safeValues) // Schema+SafeValues.swift
        migrator.registerMigration("v6-import-log", migrate: logImports)
        migrator.registerMigration("v7-city-names", migrate: createCityNames) // Schema+CityNames.swift
        migrator.registerMigration("v8-theme-vocabulary", migrate: themeVocabulary) // Schema+ThemeVocabulary.swift
        migrator.registerMigration("v9-projects", migrate: projects) // Schema+Projects.swift
        migrator.registerMigration(partnershipActivityMigration, migrate: partnershipActivity) // Schema+PartnershipActivity.swift
        migrator.registerMigration(addedCitiesMigration, migrate: addedCitiesIndex) // Schema+AddedCities.swift
        return migrator
    }

    static var identifiers: [String] { migrator.migrations }

    /// Migrations a database may lack and still be read by this version:
    /// they add triggers (v5), the undo data of imports (v6) or the other names of
    /// cities (v7; search then finds main names only), nothing a read needs.
    /// v8 only rewrites profile tags into the vocabulary's stored form, which the reader understands either way.
    /// v9 adds projects: without it a file simply has none (project reads check for the tables).
    /// v10 adds the events summary per partnership: without it the lists count the events themselves.
    /// v11 adds an index of the cities added by hand: without it the register's count scans the cities.
    static let readCompatibleMigrations: Set<String> = ["v5-safe-values", "v6-import-log", "v7-city-names", "v8-theme-vocabulary",
                                                        "v9-projects", partnershipActivityMigration, addedCitiesMigration]

    /// Columns that read-compatible migrations add to older tables: a file
    /// without them is still read (see `SchemaCompatibility`).
    static let optionalColumns: [String: Set<String>] = ["event": ["projectId"]]

    /// Migrations this version knows that the file has not had yet (an older file, opened read-only).
    static func pending(_ db: Database) throws -> [String] {
        let done = Set(try migrator.completedMigrations(db))
        return identifiers.filter { !done.contains($0) }
    }

    /// A date stored as "YYYY", "YYYY-MM" or "YYYY-MM-DD", with a real month
    /// and (for full dates) a day that exists: `date()` normalises 2025-02-30 away.
    static func dateCheck(_ c: String) -> String {
        """
        (\(c) IS NULL \
        OR (length(\(c)) = 4 AND \(c) GLOB '[0-9][0-9][0-9][0-9]') \
        OR (length(\(c)) = 7 AND \(c) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' \
            AND CAST(substr(\(c), 6, 2) AS INTEGER) BETWEEN 1 AND 12) \
        OR (length(\(c)) = 10 AND \(c) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(\(c), '+0 days') = \(c)))
        """
    }

    /// No C0 control character (ESC, NUL …) in a one-line text column.
    static func noControls(_ column: String) -> String {
        "(\(column) NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || ']*'))"
    }

    static func jsonArray(_ column: String) -> String {
        "\(column) TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(\(column)) AND json_type(\(column)) = 'array')"
    }

    private static func createRegister(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (
              key TEXT PRIMARY KEY NOT NULL,
              value TEXT NOT NULL
            );

            CREATE TABLE city (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              geonameId INTEGER UNIQUE CHECK (geonameId > 0),
              name TEXT NOT NULL CONSTRAINT city_name_valid
                CHECK (length(trim(name)) BETWEEN 1 AND 200 AND \(noControls("name"))),
              searchKey TEXT NOT NULL,
              asciiKey TEXT NOT NULL DEFAULT '',
              countryCode TEXT NOT NULL CONSTRAINT city_country_valid
                CHECK (countryCode GLOB '[A-Z][A-Z]'),
              admin1Code TEXT,
              admin1Name TEXT,
              latitude REAL CHECK (latitude BETWEEN -90 AND 90),
              longitude REAL CHECK (longitude BETWEEN -180 AND 180),
              population INTEGER CONSTRAINT city_population_not_negative CHECK (population >= 0),
              timezone TEXT,
              \(jsonArray("themes")),
              \(jsonArray("strengths")),
              \(jsonArray("challenges")),
              notes TEXT NOT NULL DEFAULT '',
              seekingPartners BOOLEAN NOT NULL DEFAULT 0 CHECK (seekingPartners IN (0, 1)),
              addedByUser BOOLEAN NOT NULL DEFAULT 0 CHECK (addedByUser IN (0, 1)),
              version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
            );
            CREATE INDEX city_searchKey ON city(searchKey);
            CREATE INDEX city_asciiKey ON city(asciiKey);
            CREATE INDEX city_country ON city(countryCode, population);

            CREATE TABLE partnership (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              cityA INTEGER NOT NULL REFERENCES city(id) ON DELETE RESTRICT,
              cityB INTEGER NOT NULL REFERENCES city(id) ON DELETE RESTRICT,
              type TEXT NOT NULL DEFAULT 'partnership' CHECK (type IN (\(PartnershipType.sqlList))),
              status TEXT NOT NULL DEFAULT 'active' CHECK (status IN (\(PartnershipStatus.sqlList))),
              since TEXT CHECK \(dateCheck("since")),
              until TEXT CHECK \(dateCheck("until")),
              \(jsonArray("themes")),
              notes TEXT NOT NULL DEFAULT '',
              source TEXT NOT NULL DEFAULT '',
              version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
              CONSTRAINT partnership_not_self CHECK (cityA <> cityB),
              CONSTRAINT partnership_canonical_order CHECK (cityA < cityB),
              CONSTRAINT partnership_until_after_since CHECK (until IS NULL OR since IS NULL OR until >= since),
              CONSTRAINT partnership_unique_pair UNIQUE (cityA, cityB)
            );
            CREATE INDEX partnership_cityB ON partnership(cityB);

            CREATE TABLE event (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              partnershipId INTEGER NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
              title TEXT NOT NULL DEFAULT '' CHECK (\(noControls("title"))),
              kind TEXT NOT NULL DEFAULT 'visit' CHECK (kind IN (\(EventKind.sqlList))),
              startDate TEXT NOT NULL CHECK \(dateCheck("startDate")),
              endDate TEXT CHECK \(dateCheck("endDate")),
              direction TEXT NOT NULL DEFAULT 'both' CHECK (direction IN (\(EventDirection.sqlList))),
              format TEXT NOT NULL DEFAULT 'in_person' CHECK (format IN (\(EventFormat.sqlList))),
              participants INTEGER CONSTRAINT event_participants_not_negative CHECK (participants >= 0),
              youth INTEGER CONSTRAINT event_youth_not_negative CHECK (youth >= 0),
              participantsByCountry TEXT NOT NULL DEFAULT '{}'
                CHECK (json_valid(participantsByCountry) AND json_type(participantsByCountry) = 'object'),
              notes TEXT NOT NULL DEFAULT '',
              version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
              CONSTRAINT event_youth_within_participants
                CHECK (youth IS NULL OR (participants IS NOT NULL AND youth <= participants)),
              CONSTRAINT event_end_not_before_start CHECK (endDate IS NULL OR endDate >= startDate)
            );
            CREATE INDEX event_partnership ON event(partnershipId, startDate);
            CREATE INDEX event_startDate ON event(startDate);

            CREATE TABLE contact (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              name TEXT NOT NULL CHECK (length(trim(name)) >= 1 AND \(noControls("name"))),
              role TEXT NOT NULL DEFAULT '',
              email TEXT NOT NULL DEFAULT '',
              phone TEXT NOT NULL DEFAULT '',
              \(jsonArray("languages")),
              cityId INTEGER REFERENCES city(id) ON DELETE CASCADE,
              partnershipId INTEGER REFERENCES partnership(id) ON DELETE CASCADE,
              notes TEXT NOT NULL DEFAULT '',
              version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
              CONSTRAINT contact_has_owner CHECK (cityId IS NOT NULL OR partnershipId IS NOT NULL)
            );
            CREATE INDEX contact_city ON contact(cityId);
            CREATE INDEX contact_partnership ON contact(partnershipId);
            """)
    }

    /// Every change made through the program, with who and when, and the
    /// record before and after as JSON. It is the audit trail, and what undo
    /// reads: undo information lives in the database, so a killed program
    /// loses nothing between a delete and its undo.
    private static func createChangeLog(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE change_log (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              at TEXT NOT NULL,
              user TEXT NOT NULL,
              session TEXT NOT NULL,
              action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'undo')),
              entity TEXT NOT NULL CHECK (entity IN ('city', 'partnership', 'event', 'contact')),
              entityId INTEGER NOT NULL,
              summary TEXT NOT NULL DEFAULT '',
              before TEXT CHECK (before IS NULL OR json_valid(before)),
              after TEXT CHECK (after IS NULL OR json_valid(after)),
              undoes INTEGER REFERENCES change_log(id),
              undone BOOLEAN NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
            );
            CREATE INDEX change_log_session ON change_log(session, id);
            CREATE INDEX change_log_at ON change_log(at);
            """)
    }

    /// Decisions on suggested partners (accept, reject with a reason, snooze
    /// until a date), with who and when. A history: several reviews of one pair
    /// may exist; the newest counts. Deleting a city removes its reviews.
    private static func createMatchReviews(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE match_review (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              homeCityId INTEGER NOT NULL REFERENCES city(id) ON DELETE CASCADE,
              candidateCityId INTEGER NOT NULL REFERENCES city(id) ON DELETE CASCADE,
              decision TEXT NOT NULL CHECK (decision IN (\(ReviewDecision.sqlList))),
              reason TEXT NOT NULL DEFAULT '',
              snoozeUntil TEXT CHECK (snoozeUntil IS NULL OR (length(snoozeUntil) = 10 AND date(snoozeUntil, '+0 days') = snoozeUntil)),
              user TEXT NOT NULL,
              at TEXT NOT NULL,
              CONSTRAINT match_review_not_self CHECK (homeCityId <> candidateCityId),
              CONSTRAINT match_review_snooze_has_date CHECK ((decision = 'snooze') = (snoozeUntil IS NOT NULL))
            );
            CREATE INDEX match_review_home ON match_review(homeCityId, candidateCityId);
            """)
    }

    /// Reviews join the change log (audit and undo). SQLite cannot change a
    /// CHECK constraint, so the table is rebuilt the documented way: a new
    /// table, every row copied with its id, the old one dropped, the new one
    /// renamed, the indexes made again. GRDB runs a migration in one
    /// transaction with foreign keys off and checks them before it commits.
    /// The AUTOINCREMENT counter is carried over, so no id is ever used twice
    /// (undo lines point at the lines they undo).
    private static func logReviews(_ db: Database) throws {
        let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")
        try db.execute(sql: """
            CREATE TABLE change_log_v4 (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              at TEXT NOT NULL,
              user TEXT NOT NULL,
              session TEXT NOT NULL,
              action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'undo')),
              entity TEXT NOT NULL CHECK (entity IN ('city', 'partnership', 'event', 'contact', 'review')),
              entityId INTEGER NOT NULL,
              summary TEXT NOT NULL DEFAULT '',
              before TEXT CHECK (before IS NULL OR json_valid(before)),
              after TEXT CHECK (after IS NULL OR json_valid(after)),
              undoes INTEGER REFERENCES change_log(id),
              undone BOOLEAN NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
            );
            INSERT INTO change_log_v4 (id, at, user, session, action, entity, entityId, summary, before, after, undoes, undone)
              SELECT id, at, user, session, action, entity, entityId, summary, before, after, undoes, undone
              FROM change_log ORDER BY id;
            DROP TABLE change_log;
            ALTER TABLE change_log_v4 RENAME TO change_log;
            CREATE INDEX change_log_session ON change_log(session, id);
            CREATE INDEX change_log_at ON change_log(at);
            """)
        if let counter {
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'change_log'")
            try db.execute(sql: """
                INSERT INTO sqlite_sequence (name, seq)
                VALUES ('change_log', max(?, coalesce((SELECT max(id) FROM change_log), 0)))
                """, arguments: [counter])
        }
    }
}

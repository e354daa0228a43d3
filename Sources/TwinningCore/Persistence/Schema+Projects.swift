import GRDB

/// v9: joint projects (Model/Project*.swift).
///
/// - `project`: the record; `titleKey` (folded title) is the list's order and,
///   with `id`, its keyset for paging; `searchText` holds the folded title,
///   summary, goals and city names for the text filter (made on every save).
/// - `project_city`, `project_partnership`, `project_contact`: who takes part
///   and what it belongs to, in the order given (`position`).
/// - `project_funding`, `project_indicator`: the funding lines and result
///   figures, in the order given.
/// - `project_action`: who does what by when, with its own version (marking
///   one done must not clash with an edit of the project's goals).
/// - `event.projectId`: an event may belong to a project; deleting the
///   project keeps the event and drops the link (ON DELETE SET NULL).
/// - change_log learns the entities 'project' and 'project_action' (a projects
///   import only creates rows, so import_row, for rows an import updates, stays as it is).
///
/// Read-compatible: an older file without this migration is still read
/// (read-only): project reads find no tables and show no projects, and an
/// event without the column has no project.
///
/// Text columns refuse control characters with CHECKs (new tables, so no old
/// row can fail them), as v5's triggers do for the old tables.
extension Schema {
    static func projects(_ db: Database) throws {
        func safe(_ column: String) -> String { "(\(column) NOT GLOB \(unsafeClass))" }
        try db.execute(sql: """
            CREATE TABLE project (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              title TEXT NOT NULL CONSTRAINT project_title_valid
                CHECK (length(trim(title)) BETWEEN 1 AND 200 AND \(safe("title"))),
              titleKey TEXT NOT NULL,
              searchText TEXT NOT NULL DEFAULT '',
              summary TEXT NOT NULL DEFAULT '',
              status TEXT NOT NULL DEFAULT 'idea' CONSTRAINT project_status_valid CHECK (status IN (\(ProjectStatus.sqlList))),
              startDate TEXT CHECK \(dateCheck("startDate")),
              endDate TEXT CHECK \(dateCheck("endDate")),
              \(jsonArray("themes")),
              goals TEXT NOT NULL DEFAULT '',
              results TEXT NOT NULL DEFAULT '',
              notes TEXT NOT NULL DEFAULT '',
              version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
              CONSTRAINT project_end_not_before_start CHECK (endDate IS NULL OR startDate IS NULL OR endDate >= startDate)
            );
            CREATE INDEX project_title ON project(titleKey, id);
            CREATE INDEX project_status ON project(status, titleKey, id);

            CREATE TABLE project_city (
              projectId INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
              cityId INTEGER NOT NULL REFERENCES city(id) ON DELETE RESTRICT,
              role TEXT NOT NULL DEFAULT 'partner' CHECK (role IN (\(ProjectRole.sqlList))),
              position INTEGER NOT NULL CHECK (position >= 0),
              PRIMARY KEY (projectId, cityId)
            ) WITHOUT ROWID;
            CREATE INDEX project_city_city ON project_city(cityId, projectId);

            CREATE TABLE project_partnership (
              projectId INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
              partnershipId INTEGER NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
              position INTEGER NOT NULL CHECK (position >= 0),
              PRIMARY KEY (projectId, partnershipId)
            ) WITHOUT ROWID;
            CREATE INDEX project_partnership_partnership ON project_partnership(partnershipId, projectId);

            CREATE TABLE project_contact (
              projectId INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
              contactId INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
              position INTEGER NOT NULL CHECK (position >= 0),
              PRIMARY KEY (projectId, contactId)
            ) WITHOUT ROWID;
            CREATE INDEX project_contact_contact ON project_contact(contactId);

            CREATE TABLE project_funding (
              projectId INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
              position INTEGER NOT NULL CHECK (position >= 0),
              programme TEXT NOT NULL CONSTRAINT project_funding_programme_valid
                CHECK (length(trim(programme)) BETWEEN 1 AND 200 AND \(safe("programme"))),
              amountMinor INTEGER CONSTRAINT project_funding_amount_valid
                CHECK (amountMinor IS NULL OR (typeof(amountMinor) = 'integer' AND amountMinor BETWEEN 0 AND \(FundingLine.maxMinor))),
              currency TEXT NOT NULL CONSTRAINT project_funding_currency_valid CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
              state TEXT NOT NULL DEFAULT 'applied' CHECK (state IN (\(FundingState.sqlList))),
              notes TEXT NOT NULL DEFAULT '',
              PRIMARY KEY (projectId, position)
            ) WITHOUT ROWID;

            CREATE TABLE project_indicator (
              projectId INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
              position INTEGER NOT NULL CHECK (position >= 0),
              value REAL NOT NULL CONSTRAINT project_indicator_value_valid
                CHECK (typeof(value) IN ('integer', 'real') AND abs(value) <= \(Int64(ResultIndicator.maxValue))),
              unit TEXT NOT NULL CONSTRAINT project_indicator_unit_valid
                CHECK (length(trim(unit)) BETWEEN 1 AND 200 AND \(safe("unit"))),
              PRIMARY KEY (projectId, position)
            ) WITHOUT ROWID;

            CREATE TABLE project_action (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              projectId INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
              what TEXT NOT NULL CONSTRAINT project_action_what_valid
                CHECK (length(trim(what)) BETWEEN 1 AND 200 AND \(safe("what"))),
              ownerContactId INTEGER REFERENCES contact(id) ON DELETE SET NULL,
              ownerName TEXT NOT NULL DEFAULT '' CONSTRAINT project_action_owner_valid
                CHECK (length(ownerName) <= 200 AND \(safe("ownerName"))),
              due TEXT CHECK \(dateCheck("due")),
              done TEXT CHECK \(dateCheck("done")),
              notes TEXT NOT NULL DEFAULT '',
              version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
            );
            CREATE INDEX project_action_project ON project_action(projectId, due);
            CREATE INDEX project_action_open_due ON project_action(due) WHERE done IS NULL;
            CREATE INDEX project_action_done ON project_action(done) WHERE done IS NOT NULL;

            ALTER TABLE event ADD COLUMN projectId INTEGER REFERENCES project(id) ON DELETE SET NULL;
            CREATE INDEX event_project ON event(projectId) WHERE projectId IS NOT NULL;
            """)
        let entities = "entity IN ('city', 'partnership', 'event', 'contact', 'review')"
        try rebuildChangeLog(db) { sql in
            guard sql.contains(entities) else {
                throw DatabaseError(message: "v9-projects: the change_log table is not as expected: \(sql)")
            }
            return sql.replacingOccurrences(
                of: entities, with: "entity IN ('city', 'partnership', 'event', 'contact', 'review', 'project', 'project_action')")
        }
    }
}

import GRDB

/// Migration v5-safe-values: the database itself refuses counts beyond
/// `Validation.maxParticipants` / `maxPopulation`, numbers stored as text or
/// real, dates before the year 1000, unknown shapes of the country split, and
/// the control characters `TextSafety` refuses in one-line text (C0, DEL, C1,
/// bidi embeddings/overrides/isolates, line separators, BOM) — so that a value
/// written with sqlite3 or by another program cannot plant a number that
/// overflows a sum or text that drives the terminal.
///
/// Why triggers and not a rebuilt table with new CHECKs: a CHECK is tested
/// when rows are copied, so a rebuild would fail on an old database that
/// already holds such a value, and the file would no longer open (or we would
/// have to change the user's data to make it pass). A BEFORE INSERT/UPDATE
/// trigger applies to every new write and leaves existing rows alone: ids,
/// AUTOINCREMENT counters, indexes and foreign keys stay exactly as they are,
/// and RAISE(ABORT, …) gives a message that says what is wrong. Rows that
/// were bad before v5 stay; every reader copes with them (sums saturate,
/// `SafeMath`; shares are held within 0…100 %; text is sanitised on display),
/// and an edit of such a row must first put the value right.
///
/// U+200E/U+200F (left-to-right / right-to-left mark) stay allowed: they are
/// needed in Arabic and Hebrew names and cannot reorder text beyond a
/// neutral character, unlike the overrides and isolates refused here.
extension Schema {
    static func safeValues(_ db: Database) throws {
        for timing in ["INSERT", "UPDATE"] {
            let suffix = timing.lowercased()
            try db.execute(sql: """
                CREATE TRIGGER event_safe_values_\(suffix) BEFORE \(timing) ON event
                BEGIN
                  \(countRule("participants", max: Validation.maxParticipants, table: "event"))
                  \(countRule("youth", max: Validation.maxParticipants, table: "event"))
                  SELECT RAISE(ABORT, 'event.participantsByCountry: each entry must be a country code and a whole number from 0 to \(Validation.maxParticipants)')
                    WHERE CASE WHEN json_valid(NEW.participantsByCountry) AND json_type(NEW.participantsByCountry) = 'object'
                      THEN EXISTS (SELECT 1 FROM json_each(NEW.participantsByCountry)
                                   WHERE key NOT GLOB '[A-Z][A-Z]' OR type <> 'integer' OR value NOT BETWEEN 0 AND \(Validation.maxParticipants))
                      ELSE 0 END;
                  SELECT RAISE(ABORT, 'event.participantsByCountry adds up to more than the participants')
                    WHERE NEW.participants IS NOT NULL AND NEW.participants >= 0
                      AND CASE WHEN json_valid(NEW.participantsByCountry) AND json_type(NEW.participantsByCountry) = 'object'
                        THEN (SELECT total(value) FROM json_each(NEW.participantsByCountry)) > NEW.participants
                        ELSE 0 END;
                  \(textRule("title", table: "event"))
                  SELECT RAISE(ABORT, 'event dates must lie in the years 1000 to 9999')
                    WHERE substr(NEW.startDate, 1, 4) < '1000' OR (NEW.endDate IS NOT NULL AND substr(NEW.endDate, 1, 4) < '1000');
                END;

                CREATE TRIGGER city_safe_values_\(suffix) BEFORE \(timing) ON city
                BEGIN
                  \(countRule("population", max: Validation.maxPopulation, table: "city"))
                  \(textRule("name", table: "city"))
                END;

                CREATE TRIGGER contact_safe_values_\(suffix) BEFORE \(timing) ON contact
                BEGIN
                  \(textRule("name", table: "contact"))
                END;

                CREATE TRIGGER partnership_safe_values_\(suffix) BEFORE \(timing) ON partnership
                BEGIN
                  SELECT RAISE(ABORT, 'partnership dates must lie in the years 1000 to 9999')
                    WHERE substr(NEW.since, 1, 4) < '1000' OR substr(NEW.until, 1, 4) < '1000';
                END;
                """)
        }
    }

    /// NULL, or an INTEGER (not text, not real) of at most `max`. Negative
    /// values are left to the v1 CHECK, whose message ("cannot be negative")
    /// the program already translates.
    private static func countRule(_ column: String, max: Int, table: String) -> String {
        """
        SELECT RAISE(ABORT, '\(table).\(column) must be a whole number from 0 to \(max)')
            WHERE NEW.\(column) IS NOT NULL AND (typeof(NEW.\(column)) <> 'integer' OR NEW.\(column) > \(max));
        """
    }

    /// The characters `TextSafety.isUnsafe` refuses in one-line text, as a GLOB
    /// class (SQLite compares GLOB ranges by code point).
    static var unsafeClass: String {
        "'*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || char(8232) || '-' || char(8238)"
            + " || char(8294) || '-' || char(8297) || char(65279) || ']*'"
    }

    private static func textRule(_ column: String, table: String) -> String {
        """
        SELECT RAISE(ABORT, '\(table).\(column) contains a control character')
            WHERE NEW.\(column) GLOB \(unsafeClass);
        """
    }
}

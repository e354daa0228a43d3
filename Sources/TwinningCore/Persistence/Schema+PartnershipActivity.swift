import GRDB

/// v10: a per-partnership summary of its events (how many, the latest start
/// date), kept by triggers in the same transaction as every event write, so
/// every path (the program, the command line, imports, undo, sqlite3 by
/// hand) keeps it right. The Partnerships list used to count and take the
/// maximum over the events table for every row: over 200,000 events that was
/// the list's largest SQL cost.
///
/// A partnership without events has no row (the lists read it as 0 events,
/// no last event). No foreign key: the events of a deleted partnership are
/// deleted by cascade after it, and their trigger must not re-insert a row
/// for a partnership that is gone (it checks that the partnership exists).
extension Schema {
    static let partnershipActivityMigration = "v10-perf-lists-summary"

    static func partnershipActivity(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE partnership_activity (
              partnershipId INTEGER PRIMARY KEY,
              eventCount INTEGER NOT NULL CHECK (eventCount >= 1),
              lastEvent TEXT NOT NULL
            );

            -- A new event: one more, and perhaps a later one. startDate is NOT NULL,
            -- so max() never meets a NULL (which it would return).
            CREATE TRIGGER partnership_activity_event_insert AFTER INSERT ON event BEGIN
              INSERT INTO partnership_activity (partnershipId, eventCount, lastEvent)
                VALUES (NEW.partnershipId, 1, NEW.startDate)
                ON CONFLICT (partnershipId) DO UPDATE
                SET eventCount = eventCount + 1, lastEvent = max(lastEvent, excluded.lastEvent);
            END;

            -- Deleting or moving an event may remove the latest one: count again
            -- for the partnership it left (an index range on event_partnership).
            CREATE TRIGGER partnership_activity_event_delete AFTER DELETE ON event BEGIN
              DELETE FROM partnership_activity WHERE partnershipId = OLD.partnershipId;
              INSERT INTO partnership_activity (partnershipId, eventCount, lastEvent)
                SELECT OLD.partnershipId, COUNT(*), MAX(startDate) FROM event
                WHERE partnershipId = OLD.partnershipId
                  AND EXISTS (SELECT 1 FROM partnership WHERE id = OLD.partnershipId)
                HAVING COUNT(*) > 0;
            END;

            CREATE TRIGGER partnership_activity_event_update AFTER UPDATE OF partnershipId, startDate ON event BEGIN
              DELETE FROM partnership_activity WHERE partnershipId IN (OLD.partnershipId, NEW.partnershipId);
              INSERT INTO partnership_activity (partnershipId, eventCount, lastEvent)
                SELECT partnershipId, COUNT(*), MAX(startDate) FROM event
                WHERE partnershipId IN (OLD.partnershipId, NEW.partnershipId)
                GROUP BY partnershipId;
            END;

            CREATE TRIGGER partnership_activity_partnership_delete AFTER DELETE ON partnership BEGIN
              DELETE FROM partnership_activity WHERE partnershipId = OLD.id;
            END;
            """)
        try fillPartnershipActivity(db)
    }

    /// Counts the summary again from the events (the migration of an older
    /// file; a check can compare it with a fresh count).
    static func fillPartnershipActivity(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM partnership_activity;
            INSERT INTO partnership_activity (partnershipId, eventCount, lastEvent)
              SELECT partnershipId, COUNT(*), MAX(startDate) FROM event
              WHERE partnershipId IN (SELECT id FROM partnership)
              GROUP BY partnershipId;
            """)
    }
}

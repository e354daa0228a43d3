/// The columns of every table as this version's migrations create them.
///
/// A static list, because building a scratch database in memory and
/// migrating it to read them cost about 9 percent of every command's CPU.
/// `SchemaColumnsTests` migrates a scratch database and checks this list
/// against it, so a new migration that adds a column fails the test until
/// the list is brought up to date.
extension SchemaCompatibility {
    static let expectedColumns: [String: [String]] = [
        "change_log": ["id", "at", "user", "session", "action", "entity", "entityId", "summary", "before", "after", "undoes", "undone"],
        "city": ["id", "geonameId", "name", "searchKey", "asciiKey", "countryCode", "admin1Code", "admin1Name", "latitude", "longitude", "population", "timezone", "themes", "strengths", "challenges", "notes", "seekingPartners", "addedByUser", "version"],
        "city_name": ["key", "cityId", "name"],
        "contact": ["id", "name", "role", "email", "phone", "languages", "cityId", "partnershipId", "notes", "version"],
        "event": ["id", "partnershipId", "title", "kind", "startDate", "endDate", "direction", "format", "participants", "youth", "participantsByCountry", "notes", "version", "projectId"],
        "import_row": ["changeId", "entity", "entityId", "version", "before"],
        "match_review": ["id", "homeCityId", "candidateCityId", "decision", "reason", "snoozeUntil", "user", "at"],
        "meta": ["key", "value"],
        "partnership": ["id", "cityA", "cityB", "type", "status", "since", "until", "themes", "notes", "source", "version"],
        "partnership_activity": ["partnershipId", "eventCount", "lastEvent"],
        "project": ["id", "title", "titleKey", "searchText", "summary", "status", "startDate", "endDate", "themes", "goals", "results", "notes", "version"],
        "project_action": ["id", "projectId", "what", "ownerContactId", "ownerName", "due", "done", "notes", "version"],
        "project_city": ["projectId", "cityId", "role", "position"],
        "project_contact": ["projectId", "contactId", "position"],
        "project_funding": ["projectId", "position", "programme", "amountMinor", "currency", "state", "notes"],
        "project_indicator": ["projectId", "position", "value", "unit"],
        "project_partnership": ["projectId", "partnershipId", "position"],
    ]
}

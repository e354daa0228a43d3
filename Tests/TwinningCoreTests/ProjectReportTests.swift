import XCTest
import GRDB
@testable import TwinningCore

/// Projects in the health rule, the report, the calendar and learn mode.
final class ProjectReportTests: XCTestCase {
    var db: AppDatabase!
    var dortmund: Int64 = 0, amiens: Int64 = 0, krakow: Int64 = 0
    var withAmiens: Int64 = 0, withKrakow: Int64 = 0
    let today = PartialDate.parse("2026-06-15")!

    func date(_ text: String) -> PartialDate { PartialDate.parse(text)! }

    override func setUpWithError() throws {
        db = try Fixtures.database()
        dortmund = try Fixtures.id(db, 2935517)
        amiens = try Fixtures.id(db, 3037854)
        krakow = try Fixtures.id(db, 3094802)
        withAmiens = try db.addPartnership(Partnership(between: dortmund, and: amiens)).id!
        withKrakow = try db.addPartnership(Partnership(between: dortmund, and: krakow)).id!
        // Both last met in 2015: dormant by events alone.
        try db.addEvent(Event(partnershipId: withAmiens, title: "Visit", kind: .visit, startDate: date("2015-05")))
        try db.addEvent(Event(partnershipId: withKrakow, title: "Visit", kind: .visit, startDate: date("2015-06")))
        try db.addEvent(Event(partnershipId: withAmiens, title: "Online", kind: .online_meeting, startDate: date("2026-02-03"),
                              direction: .online, format: .online))
        try db.addEvent(Event(partnershipId: withKrakow, title: "Hybrid", kind: .conference, startDate: date("2026-03-03"), format: .hybrid))
        try db.addEvent(Event(partnershipId: withKrakow, title: "Camp", kind: .youth_exchange, startDate: date("2026-04-03")))
    }

    @discardableResult
    func project(_ title: String, _ status: ProjectStatus, partnership: Int64, with city: Int64, themes: [String],
                 start: String = "2026-01", end: String? = nil, funding: [FundingLine] = [],
                 indicators: [ResultIndicator] = [], results: String = "") throws -> Project {
        try db.addProject(Project(title: title, summary: "", status: status, startDate: date(start), endDate: end.map(date),
                                  themes: themes, goals: "", cities: [ProjectCity(cityId: dortmund, role: .lead), ProjectCity(cityId: city)],
                                  partnershipIds: [partnership], funding: funding, results: results, indicators: indicators))
    }

    @discardableResult
    func action(_ projectId: Int64, _ what: String, who: String = "", due: String?, done: String? = nil) throws -> ProjectAction {
        try db.addAction(ProjectAction(projectId: projectId, what: what, ownerName: who, due: due.map(date), done: done.map(date)))
    }

    // MARK: - Health

    func testRunningProjectWithRecentDoneActionIsNotDormant() throws {
        // Two partnerships whose only event was in 2015: dormant by events alone.
        let elk = try Fixtures.id(db, 776029), tokyo = try Fixtures.id(db, 1850147)
        let withElk = try db.addPartnership(Partnership(between: dortmund, and: elk)).id!
        let withTokyo = try db.addPartnership(Partnership(between: dortmund, and: tokyo)).id!
        try db.addEvent(Event(partnershipId: withElk, title: "Visit", kind: .visit, startDate: date("2015-05")))
        try db.addEvent(Event(partnershipId: withTokyo, title: "Visit", kind: .visit, startDate: date("2015-05")))
        let camp = try project("Jeunes pour le climat", .running, partnership: withElk, with: elk, themes: ["climate"])
        try action(camp.id!, "Book the hostel", due: "2026-03", done: "2026-03-10")
        // A completed project with a recent action does not wake the other partnership.
        let old = try project("Archive", .completed, partnership: withTokyo, with: tokyo, themes: ["remembrance"], start: "2024", end: "2025")
        try action(old.id!, "Close the accounts", due: "2025-12", done: "2026-01-05")

        let report = try db.report(ReportScope(cityId: dortmund, year: 2026), today: today)
        let health = Dictionary(uniqueKeysWithValues: report.partnerships.map { ($0.id, $0.health) })
        XCTAssertEqual(health[withElk], .active, "project work within two years counts as activity")
        XCTAssertEqual(health[withTokyo], .dormant, "only events count without a running project")
        XCTAssertFalse(report.dormantLongest.contains { $0.id == withElk })
        XCTAssertTrue(report.dormantLongest.contains { $0.id == withTokyo })

        let rule = HealthRule()
        let running = PartnershipProjectActivity(partnershipId: 1, runningProjects: 1, lastActionDone: date("2023-01"))
        XCTAssertEqual(HealthRule.lastActivity(lastEvent: date("2015-05"), projects: running), date("2023-01"))
        XCTAssertEqual(rule.health(lastEvent: HealthRule.lastActivity(lastEvent: date("2015-05"), projects: running), today: today), .quiet,
                       "the same thresholds as events")
        XCTAssertEqual(HealthRule.lastActivity(lastEvent: date("2026-01"), projects: running), date("2026-01"), "a later event wins")
        let noActions = PartnershipProjectActivity(partnershipId: 1, runningProjects: 1, lastActionDone: nil)
        XCTAssertEqual(HealthRule.lastActivity(lastEvent: nil, projects: noActions), nil, "a running project without done actions is not activity")
    }

    // MARK: - Report sections

    func reportWithProjects() throws -> Report {
        let camp = try project("Jeunes pour le climat", .completed, partnership: withAmiens, with: amiens, themes: ["climate", "youth"],
                               start: "2025-03", end: "2026-05",
                               funding: [FundingLine(programme: "CERV town twinning", amountMinor: 2_200_050, currency: "EUR", state: .paid),
                                         FundingLine(programme: "CERV town twinning", amountMinor: 1_000_000, currency: "EUR", state: .paid),
                                         FundingLine(programme: "CERV town twinning", amountMinor: 500_000, currency: "PLN", state: .paid)],
                               indicators: [ResultIndicator(value: 1200, unit: "trees planted")], results: "Trees\nplanted")
        let solar = try project("Solar schools", .running, partnership: withKrakow, with: krakow, themes: ["energy", "climate"],
                                funding: [FundingLine(programme: "SKEW", amountMinor: nil, currency: "EUR", state: .applied)])
        try project("Someday", .idea, partnership: withKrakow, with: krakow, themes: ["sport"])
        try project("Long ago", .completed, partnership: withKrakow, with: krakow, themes: ["culture"], start: "2010", end: "2012")
        try action(solar.id!, "Order panels", who: "Zofia Nowak", due: "2026-05")
        try action(solar.id!, "Ask the council", who: "Anna Berg", due: "2026-06-14")
        try action(solar.id!, "Not yet due", who: "Anna Berg", due: "2026-06")
        try action(solar.id!, "Done already", who: "Anna Berg", due: "2026-01", done: "2026-01-20")
        try action(camp.id!, "Forgotten in a completed project", who: "Anna Berg", due: "2026-01")
        return try db.report(ReportScope(cityId: dortmund, year: 2026), today: today)
    }

    func testProjectSectionFigures() throws {
        let section = try reportWithProjects().projects
        XCTAssertEqual(section.projects.map(\.project.title), ["Jeunes pour le climat", "Solar schools"],
                       "running or completed in the period only")
        XCTAssertEqual(section.byTheme.map(\.theme), ["sdg13", "sdg7", "youth"], "most projects first, then vocabulary order")
        XCTAssertEqual(section.byTheme.first.map { ($0.running, $0.completed) }.map { [$0.0, $0.1] }, [1, 1])
        let eur = section.funding.first { $0.programme == "CERV town twinning" && $0.currency == "EUR" }
        XCTAssertEqual(eur?.amountMinor, 3_200_050, "exact sums in cents")
        XCTAssertEqual(eur?.lines, 2)
        XCTAssertEqual(section.funding.first { $0.currency == "PLN" }?.amountMinor, 500_000, "currencies are never added")
        XCTAssertEqual(section.funding.first { $0.programme == "SKEW" }?.withoutAmount, 1)
        XCTAssertEqual(section.overdue.map(\.action.what), ["Ask the council", "Order panels"],
                       "by owner; the month-due action is not yet overdue; completed projects left out")
    }

    func testReportSectionsInEnglishAndGerman() throws {
        let report = try reportWithProjects()
        let en = ReportDocument.markdown(report, language: .en)
        XCTAssertTrue(en.contains("## Joint projects in the period"), en)
        XCTAssertTrue(en.contains("| Climate action | 1 | 1 | Jeunes pour le climat; Solar schools |"), en)
        XCTAssertTrue(en.contains("| CERV town twinning | paid | 32,000.50 EUR | 2 |"), en)
        XCTAssertTrue(en.contains("| CERV town twinning | paid | 5,000.00 PLN | 1 |"), en)
        XCTAssertTrue(en.contains("| Jeunes pour le climat | completed | 1,200 trees planted | Trees planted |"), en)
        XCTAssertTrue(en.contains("| Anna Berg | Ask the council | Solar schools | 2026-06-14 |"), en)
        XCTAssertTrue(en.contains("## Partnerships by partner country"), en)
        XCTAssertTrue(en.contains("| FR | 1 | 1 | 0 | 0 | 0 |"), "Amiens active through events of 2026: \(en)")
        XCTAssertTrue(en.contains("| 2026 | 3 | 1 | 1 | 1 | 67% |"), "one online, one hybrid of three: \(en)")
        let de = ReportDocument.markdown(report, language: .de)
        XCTAssertTrue(de.contains("## Gemeinsame Projekte im Zeitraum"), de)
        XCTAssertTrue(de.contains("| Maßnahmen zum Klimaschutz | 1 | 1 |"), de)
        XCTAssertTrue(de.contains("| CERV town twinning | ausgezahlt | 32.000,50 EUR | 2 |"), de)
        XCTAssertTrue(de.contains("## Überfällige Aufgaben nach Zuständigen"), de)
        XCTAssertTrue(de.contains("| 1.200 trees planted |") || de.contains("1.200 trees planted"), de)
        XCTAssertTrue(de.contains("## Begegnungen vor Ort, online und hybrid pro Jahr"), de)
        // CSV keeps amounts plain; HTML has the tables too.
        let csv = try ReportDocument.csv(report, language: .en)
        XCTAssertTrue(csv.contains("CERV town twinning,paid,32000.50,2"), csv)
        XCTAssertTrue(ReportDocument.html(report, language: .fr).contains("Actions en retard par responsable"))
    }

    func testRegisterByCountryCountsBothSidesInAnAllReport() throws {
        let report = try db.report(ReportScope(year: 2026), today: today)
        let de = report.countries.first { $0.country == "DE" }
        XCTAssertEqual(de?.partnerships, 2, "each partnership counts under both its countries")
        XCTAssertEqual(de?.eventsPerYear.last, 3)
        XCTAssertEqual(report.countries.first { $0.country == "PL" }?.eventsPerYear.last, 2)
        XCTAssertEqual(report.years.first { $0.year == 2026 }.map { [$0.online, $0.hybrid, $0.events] }, [1, 1, 3])
        XCTAssertEqual(report.years.first { $0.year == 2025 }?.remoteShare, nil, "no events: no share")
    }

    /// The report reads projects in a fixed number of queries, whatever their number.
    func testReportProjectsAreReadInGroupedQueries() throws {
        for i in 0..<30 {
            let p = try project("P\(i)", .running, partnership: withKrakow, with: krakow, themes: ["climate"],
                                funding: [FundingLine(programme: "X", amountMinor: 100, currency: "EUR", state: .granted)])
            try action(p.id!, "A\(i)", due: "2026-01")
        }
        var statements = 0
        try db.writer.write { db in
            db.trace { _ in statements += 1 }
        }
        let data = try db.reportProjects(cityId: dortmund)
        try db.writer.write { db in db.trace(options: [], nil) }
        XCTAssertEqual(data.projects.count, 30)
        XCTAssertEqual(data.openActions.count, 30)
        XCTAssertLessThanOrEqual(statements, 12, "grouped queries, not one per project")
    }

    // MARK: - Calendar

    func testCalendarHasOpenActionsAsAllDayEvents() throws {
        let solar = try project("Solar schools", .running, partnership: withKrakow, with: krakow, themes: ["energy"])
        let a = try action(solar.id!, "Order panels; fast", who: "Zofia Nowak", due: "2026-02")
        let b = try action(solar.id!, "Ask the council", due: "2026-06-14")
        try action(solar.id!, "Done already", due: "2026-01", done: "2026-01-20")
        let old = try project("Long ago", .completed, partnership: withKrakow, with: krakow, themes: ["culture"], start: "2010", end: "2012")
        try action(old.id!, "Never done", due: "2011-01")

        let actions = try db.calendarActions(cityId: dortmund)
        XCTAssertEqual(actions.map(\.action.what), ["Order panels; fast", "Ask the council"])
        let id = try db.stableIdentifier()
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let text = ICalendar.document(events: try db.events(), databaseId: id, now: now, actions: actions)
        let logical = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        XCTAssertFalse(text.contains("VTODO"), "VEVENT: subscribed calendars drop VTODO")
        XCTAssertTrue(logical.contains("UID:action-\(a.id!)-\(id)@twinning"))
        XCTAssertTrue(logical.contains("DTSTART;VALUE=DATE:20260228"), "a month-only due date is placed on its last day")
        XCTAssertTrue(logical.contains("DTEND;VALUE=DATE:20260301"))
        XCTAssertTrue(logical.contains("SUMMARY:Due: Order panels\\; fast – Solar schools (Zofia Nowak)"), logical.joined(separator: "\n"))
        XCTAssertTrue(logical.contains("UID:action-\(b.id!)-\(id)@twinning"))
        XCTAssertTrue(logical.contains("DTSTART;VALUE=DATE:20260614"))
        XCTAssertEqual(text, ICalendar.document(events: try db.events(), databaseId: id, now: now, actions: actions), "stable")
        let german = ICalendar.document(events: [], databaseId: id, now: now, language: .de, actions: actions)
        XCTAssertTrue(german.contains("SUMMARY:Fällig: Ask the council – Solar schools"), german)

        guard (try? PythonScript.require(module: "icalendar")) != nil else { return }
        let ics = try Fixtures.write(text, name: "actions.ics")
        let expected: [[String: Any]] = [
            ["uid": "action-\(a.id!)-\(id)@twinning", "summary": "Due: Order panels; fast – Solar schools (Zofia Nowak)",
             "dtstart": "2026-02-28", "dtend": "2026-03-01"],
            ["uid": "action-\(b.id!)-\(id)@twinning", "dtstart": "2026-06-14", "dtend": "2026-06-15"],
        ]
        let json = try JSONSerialization.data(withJSONObject: expected, options: [.sortedKeys])
        let (status, output) = try PythonScript.script("validate_ics.py", [ics, try Fixtures.write(String(decoding: json, as: UTF8.self), name: "e.json")])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("ok: 7 events"), output)
    }

    // MARK: - Learn mode

    func testCompletedProjectIsEvidenceOfAStrength() throws {
        let cities = [
            MatchCityRecord(cityId: 1, geonameId: 1, name: "Dortmund", countryCode: "DE", latitude: 51.5, longitude: 7.5, population: 588_462,
                            challenges: ["climate action"]),
            MatchCityRecord(cityId: 2, geonameId: 2, name: "Amiens", countryCode: "FR", latitude: 49.9, longitude: 2.3, population: 143_086),
        ]
        let plain = Ranker(index: MatchIndex(cities: cities, partnerships: [], countries: []))
        XCTAssertNil(plain.rank(home: 0, profile: .builtIn(.learn)).suggestion(rank: 1).contributions.first { $0.feature == .themes }?.value,
                     "without projects the themes feature is missing, as before")
        var withProject = cities
        withProject[1].projectEvidence = [ProjectEvidence(title: "Jeunes pour le climat", year: 2024, terms: [.sdg13, .youth])]
        let ranker = Ranker(index: MatchIndex(cities: withProject, partnerships: [], countries: []))
        let s = ranker.rank(home: 0, profile: .builtIn(.learn)).suggestion(rank: 1)
        XCTAssertEqual(s.facts.themeTerms, [.sdg13])
        XCTAssertEqual(s.explanation(.themes).text("en"), "Amiens completed “Jeunes pour le climat” on climate action in 2024")
        XCTAssertEqual(s.explanation(.themes).text("de"), "Amiens hat „Jeunes pour le climat“ zu Maßnahmen zum Klimaschutz abgeschlossen (2024)")
        XCTAssertEqual(ranker.rank(home: 0, profile: .builtIn(.similar)).suggestion(rank: 1).facts.projectEvidence, [],
                       "similar mode is untouched")

        // From the database: completed projects only, with their vocabulary themes.
        let done = try project("Jeunes pour le climat", .completed, partnership: withAmiens, with: amiens, themes: ["climate", "Pétanque club"],
                               start: "2024-03", end: "2024-10")
        try project("Still running", .running, partnership: withAmiens, with: amiens, themes: ["sport"])
        let evidence = try db.read { try MatchIndex.projectEvidence($0) }
        XCTAssertEqual(evidence[amiens], [ProjectEvidence(title: done.title, year: 2024, terms: [.sdg13])])
        XCTAssertEqual(evidence[dortmund]?.count, 1)
    }
}

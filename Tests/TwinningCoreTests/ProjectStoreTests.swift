import XCTest
import GRDB
@testable import TwinningCore

/// Projects in the store: constraints, version conflicts, undo and the change log, the overdue rule, filters.
final class ProjectStoreTests: XCTestCase {
    var db: AppDatabase!
    var dortmund: Int64 = 0, amiens: Int64 = 0, krakow: Int64 = 0, elk: Int64 = 0
    var partnership: Int64 = 0

    override func setUpWithError() throws {
        db = try Fixtures.database()
        dortmund = try Fixtures.id(db, 2935517)
        amiens = try Fixtures.id(db, 3037854)
        krakow = try Fixtures.id(db, 3094802)
        elk = try Fixtures.id(db, 776029)
        partnership = try db.addPartnership(Partnership(between: dortmund, and: amiens)).id!
    }

    func date(_ text: String) -> PartialDate { PartialDate.parse(text)! }

    func camp(_ title: String = "Jeunes pour le climat") -> Project {
        Project(title: title, summary: "A youth climate camp", status: .running, startDate: date("2026-01"), endDate: date("2026-12"),
                themes: ["Klima", "youth"], goals: "Plant trees", cities: [ProjectCity(cityId: amiens, role: .lead), ProjectCity(cityId: dortmund)],
                partnershipIds: [partnership],
                funding: [FundingLine(programme: "CERV town twinning", amountMinor: 2_200_000, currency: "EUR", state: .granted)],
                indicators: [ResultIndicator(value: 42, unit: "young people")])
    }

    func field(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch AppError.invalid(let error) { return error.field } catch { return "other: \(error)" }
    }

    // MARK: - Constraints

    func testValidationNamesTheField() throws {
        var p = camp()
        p.endDate = date("2025")
        XCTAssertEqual(field { try db.addProject(p) }, "end", "end before start")
        p = camp(); p.cities = [ProjectCity(cityId: amiens)]
        XCTAssertEqual(field { try db.addProject(p) }, "cities", "one city is not a joint project")
        p = camp(); p.cities.append(ProjectCity(cityId: amiens))
        XCTAssertEqual(field { try db.addProject(p) }, "cities", "a city twice")
        p = camp(); p.title = "  "
        XCTAssertEqual(field { try db.addProject(p) }, "title")
        p = camp(); p.title = "Camp\u{1B}[2J"
        XCTAssertEqual(field { try db.addProject(p) }, "title", "no terminal control in a title")
        p = camp(); p.funding[0].currency = "euro"
        XCTAssertEqual(field { try db.addProject(p) }, "funding")
        p = camp(); p.funding[0].amountMinor = -5
        XCTAssertEqual(field { try db.addProject(p) }, "funding")
        p = camp(); p.indicators[0].unit = ""
        XCTAssertEqual(field { try db.addProject(p) }, "indicators")
        p = camp(); p.indicators[0].value = .nan
        XCTAssertEqual(field { try db.addProject(p) }, "indicators")
        p = camp(); p.cities[1].cityId = 999_999
        XCTAssertEqual(field { try db.addProject(p) }, "cities", "a city that does not exist")
        XCTAssertEqual(try db.projectCount(), 0, "nothing was stored")
    }

    func testDatabaseRefusesWhatValidationRefuses() throws {
        let saved = try db.addProject(camp())
        try db.write { db in
            XCTAssertThrowsError(try db.execute(sql: "UPDATE project SET endDate = '2020' WHERE id = ?", arguments: [saved.id!]))
            XCTAssertThrowsError(try db.execute(sql: "UPDATE project SET status = 'done' WHERE id = ?", arguments: [saved.id!]))
            XCTAssertThrowsError(try db.execute(sql: "UPDATE project_funding SET currency = 'eur' WHERE projectId = ?", arguments: [saved.id!]))
            XCTAssertThrowsError(try db.execute(sql: "UPDATE project_funding SET amountMinor = 1.5 WHERE projectId = ?", arguments: [saved.id!]))
            XCTAssertThrowsError(try db.execute(sql: "INSERT INTO project_action (projectId, what, due) VALUES (?, 'x', '2026-02-30')",
                                                arguments: [saved.id!]))
            XCTAssertThrowsError(try db.execute(sql: "INSERT INTO project_action (projectId, what) VALUES (?, ?)",
                                                arguments: [saved.id!, "a\u{1B}b"]))
        }
    }

    func testSavedProjectReadsBackWhole() throws {
        let saved = try db.addProject(camp())
        let read = try XCTUnwrap(db.project(id: saved.id!))
        XCTAssertEqual(read, saved)
        XCTAssertEqual(read.themes, ["sdg13", "youth"], "themes stored in the vocabulary's form")
        XCTAssertEqual(read.funding[0].amount, Decimal(22000))
    }

    // MARK: - Versions

    func testConcurrentEditIsRefused() throws {
        let saved = try db.addProject(camp())
        var mine = saved, theirs = saved
        theirs.goals = "Plant 1,200 trees"
        _ = try db.updateProject(theirs)
        mine.notes = "mine"
        XCTAssertThrowsError(try db.updateProject(mine)) { error in
            guard case AppError.conflict(let phrase) = error else { return XCTFail("\(error)") }
            let message = phrase.english
            XCTAssertTrue(message.contains("changed by someone else"), message)
        }
        XCTAssertEqual(try db.project(id: saved.id!)?.goals, "Plant 1,200 trees", "their change stays")

        let action = try db.addAction(ProjectAction(projectId: saved.id!, what: "Book the hostel", ownerName: "Anna Weber"))
        _ = try db.markActionDone(id: action.id!, on: date("2026-02-01"))
        var stale = action
        stale.what = "Book two hostels"
        XCTAssertThrowsError(try db.updateAction(stale)) { error in
            guard case AppError.conflict = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try db.markActionDone(id: action.id!, on: date("2026-03-01"), expectedVersion: 1))
    }

    // MARK: - Undo and change log

    func testUndoAndChangeLogForProjectAndAction() throws {
        var project = try db.addProject(camp())
        project.status = .completed
        project.results = "42 young people planted 1,200 trees"
        project = try db.updateProject(project)
        let action = try db.addAction(ProjectAction(projectId: project.id!, what: "Send the report", due: date("2026-03")))
        _ = try db.markActionDone(id: action.id!, on: date("2026-03-10"))

        let log = try db.changes()
        XCTAssertEqual(log.prefix(4).map(\.entity), [.projectAction, .projectAction, .project, .project])
        XCTAssertEqual(log.prefix(4).map(\.action), [.update, .create, .update, .create])
        XCTAssertTrue(log.allSatisfy { $0.user == "test" && !$0.at.isEmpty })
        XCTAssertEqual(log[0].summary, "action Send the report (project Jeunes pour le climat) done")

        XCTAssertEqual(try db.undoLast()?.entity, .projectAction)
        XCTAssertNil(try db.action(id: action.id!)?.done, "done undone")
        XCTAssertEqual(try db.undoLast()?.action, .create)
        XCTAssertNil(try db.action(id: action.id!))
        XCTAssertEqual(try db.undoLast()?.action, .update)
        XCTAssertEqual(try db.project(id: project.id!)?.status, .running)
        XCTAssertEqual(try db.undoLast()?.action, .create)
        XCTAssertNil(try db.project(id: project.id!))
    }

    func testRemoveAndUndoBringsBackActionsAndEventLinks() throws {
        let project = try db.addProject(camp())
        let action = try db.addAction(ProjectAction(projectId: project.id!, what: "Book the hostel", due: date("2026-02-01")))
        let event = try db.addEvent(Event(partnershipId: partnership, title: "Camp", startDate: date("2026-07-01"), projectId: project.id))
        try db.removeProject(id: project.id!)
        XCTAssertNil(try db.project(id: project.id!))
        XCTAssertNil(try db.action(id: action.id!))
        XCTAssertNil(try db.event(id: event.id!)?.projectId, "the event stays, without its project")
        XCTAssertNotNil(try db.event(id: event.id!))

        XCTAssertEqual(try db.undoLast()?.action, .delete)
        XCTAssertEqual(try db.project(id: project.id!), project)
        XCTAssertEqual(try db.action(id: action.id!), action)
        XCTAssertEqual(try db.event(id: event.id!)?.projectId, project.id)
        XCTAssertEqual(try db.projectDetail(id: project.id!)?.events.map(\.id), [event.id!])
    }

    func testUndoRefusesWhenSomeoneElseChangedTheProject() throws {
        var project = try db.addProject(camp())
        project.goals = "mine"
        project = try db.updateProject(project)
        let other = try db.session(as: ChangeActor(user: "other"))
        var theirs = try XCTUnwrap(other.project(id: project.id!))
        theirs.notes = "theirs"
        _ = try other.updateProject(theirs)
        XCTAssertThrowsError(try db.undoLast()) { error in
            guard case AppError.conflict = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try db.project(id: project.id!)?.notes, "theirs")
    }

    // MARK: - Overdue

    func testOverdueRule() {
        let today = date("2026-04-15")
        func action(due: String?, done: String? = nil) -> ProjectAction {
            ProjectAction(projectId: 1, what: "x", due: due.map(date), done: done.map(date))
        }
        XCTAssertTrue(action(due: "2026-04-14").isOverdue(today: today))
        XCTAssertFalse(action(due: "2026-04-15").isOverdue(today: today), "due today is not late yet")
        XCTAssertFalse(action(due: "2026-04").isOverdue(today: today), "by April is not late in April")
        XCTAssertTrue(action(due: "2026-03").isOverdue(today: today))
        XCTAssertFalse(action(due: "2026").isOverdue(today: today))
        XCTAssertTrue(action(due: "2025").isOverdue(today: today))
        XCTAssertFalse(action(due: "2026-01-01", done: "2026-02-01").isOverdue(today: today), "done is never overdue")
        XCTAssertFalse(action(due: nil).isOverdue(today: today), "no due date, never overdue")
    }

    func testActionDueBeforeStartIsAllowedAndShown() throws {
        let project = try db.addProject(camp())
        let early = try db.addAction(ProjectAction(projectId: project.id!, what: "Apply for funding", due: date("2025-10")))
        XCTAssertTrue(early.isDueBeforeStart(of: project))
        XCTAssertFalse(ProjectAction(projectId: 1, what: "x", due: date("2026-01-20")).isDueBeforeStart(of: project))
    }

    func testListSummaryAndFilters() throws {
        let today = date("2026-04-15")
        let climate = try db.addProject(camp())
        _ = try db.addAction(ProjectAction(projectId: climate.id!, what: "Late one", due: date("2026-03-01")))
        _ = try db.addAction(ProjectAction(projectId: climate.id!, what: "Later one", due: date("2026-09-01")))
        var solidarity = Project(title: "Ełk hilft", status: .planned, themes: ["SDG 16"],
                                 cities: [ProjectCity(cityId: elk, role: .lead), ProjectCity(cityId: krakow)])
        solidarity = try db.addProject(solidarity)

        let all = try db.projects(ProjectFilter(today: today))
        XCTAssertEqual(all.items.map(\.title), ["Ełk hilft", "Jeunes pour le climat"], "title order, folded")
        let row = all.items[1]
        XCTAssertEqual(row.cities.first?.city.name, "Amiens", "lead first")
        XCTAssertEqual(row.nextAction?.what, "Late one")
        XCTAssertEqual(row.openActions, 2)
        XCTAssertEqual(row.overdueActions, 1)

        func titles(_ filter: ProjectFilter) throws -> [String] { try db.projects(filter).items.map(\.title) }
        XCTAssertEqual(try titles(ProjectFilter(theme: "climate", today: today)), ["Jeunes pour le climat"])
        XCTAssertEqual(try titles(ProjectFilter(theme: "Klima", countryCode: "DE", today: today)), ["Jeunes pour le climat"])
        XCTAssertEqual(try titles(ProjectFilter(theme: "SDG 1", today: today)), [], "sdg1 is not sdg13")
        XCTAssertEqual(try titles(ProjectFilter(countryCode: "pl", today: today)), ["Ełk hilft"])
        XCTAssertEqual(try titles(ProjectFilter(status: .running, today: today)), ["Jeunes pour le climat"])
        XCTAssertEqual(try titles(ProjectFilter(cityId: krakow, today: today)), ["Ełk hilft"])
        XCTAssertEqual(try titles(ProjectFilter(overdueOnly: true, today: today)), ["Jeunes pour le climat"])
        XCTAssertEqual(try titles(ProjectFilter(overdueOnly: true, today: date("2026-02-01"))), [])
        XCTAssertEqual(try titles(ProjectFilter(text: "krakow", today: today)), ["Ełk hilft"], "city names, folded")
        XCTAssertEqual(try titles(ProjectFilter(text: "trees", today: today)), ["Jeunes pour le climat"], "goals")
        XCTAssertEqual(try titles(ProjectFilter(partnershipId: partnership, today: today)), ["Jeunes pour le climat"])
        XCTAssertEqual(try titles(ProjectFilter(activeFrom: date("2027"), activeTo: date("2027"), today: today)), ["Ełk hilft"],
                       "a project without dates is open; the camp ended in 2026")
        XCTAssertEqual(try db.projectCount(ProjectFilter(theme: "youth")), 1)
        XCTAssertEqual(try db.projects(ofPartnership: partnership).map(\.id), [climate.id!])
        XCTAssertEqual(try db.projectActivityByPartnership()[partnership]?.runningProjects, 1)
    }

    func testKeysetPagingVisitsEveryProjectOnce() throws {
        for i in 0..<25 {
            var p = camp(String(format: "Project %02d", 24 - i))
            p.partnershipIds = []
            _ = try db.addProject(p)
        }
        var seen: [String] = []
        var cursor: ProjectCursor?
        repeat {
            let page = try db.projects(after: cursor, limit: 10)
            seen += page.items.map(\.title)
            cursor = page.next
        } while cursor != nil
        XCTAssertEqual(seen, (0..<25).map { String(format: "Project %02d", $0) })
    }

    func testLookupByIdAndTitle() throws {
        let a = try db.addProject(camp("Jeunes pour le climat"))
        _ = try db.addProject(camp("Jeux de Dortmund"))
        XCTAssertEqual(try db.lookupProject(String(a.id!)).id, a.id)
        XCTAssertEqual(try db.lookupProject("jeunes pour le climat").id, a.id)
        XCTAssertEqual(try db.lookupProject("Jeunes").id, a.id)
        XCTAssertThrowsError(try db.lookupProject("Jeu")) { error in
            XCTAssertTrue("\(error)".contains("fits 2 projects"), "\(error)")
        }
        XCTAssertThrowsError(try db.lookupProject("Nothing")) { error in
            XCTAssertTrue("\(error)".contains("Nothing"), "\(error)")
        }
    }

    func testActionsDueForCalendar() throws {
        let project = try db.addProject(camp())
        _ = try db.addAction(ProjectAction(projectId: project.id!, what: "A", due: date("2026-05-02")))
        let b = try db.addAction(ProjectAction(projectId: project.id!, what: "B", due: date("2026-05")))
        _ = try db.addAction(ProjectAction(projectId: project.id!, what: "C"))
        _ = try db.markActionDone(id: b.id!, on: date("2026-04-30"))
        XCTAssertEqual(try db.actionsDue().map(\.action.what), ["A"])
        XCTAssertEqual(try db.actionsDue(includeDone: true).map(\.action.what), ["B", "A"])
        XCTAssertEqual(try db.actionsDue(from: date("2026-06")).map(\.action.what), [])
        XCTAssertEqual(try db.actionsDue().first?.cityNames, ["Amiens", "Dortmund"])
    }

    func testEventNeedsAnExistingProject() throws {
        XCTAssertEqual(field { try db.addEvent(Event(partnershipId: partnership, startDate: date("2026"), projectId: 77)) }, "project")
    }

    func testAmounts() {
        XCTAssertEqual(Currency.parseAmount("22.000,50", currency: "EUR"), 2_200_050)
        XCTAssertEqual(Currency.parseAmount("22,000.50", currency: "EUR"), 2_200_050)
        XCTAssertEqual(Currency.parseAmount("22000", currency: "EUR"), 2_200_000)
        XCTAssertEqual(Currency.parseAmount("22 000,5", currency: "EUR"), 2_200_050)
        XCTAssertEqual(Currency.parseAmount("1.200", currency: "EUR"), 120_000, "a group of three after a dot is thousands")
        XCTAssertEqual(Currency.parseAmount("1500", currency: "JPY"), 1500)
        XCTAssertNil(Currency.parseAmount("12.34", currency: "JPY"), "yen has no cents")
        XCTAssertEqual(Currency.parseAmount("12.345", currency: "JPY"), 12345, "a dot before three digits groups thousands")
        XCTAssertNil(Currency.parseAmount("1,2,3.4.5", currency: "EUR"))
        XCTAssertNil(Currency.parseAmount("abc", currency: "EUR"))
        XCTAssertEqual(Currency.plain(2_200_050, currency: "EUR"), "22000.50")
        XCTAssertEqual(Currency.plain(5, currency: "EUR"), "0.05")
        XCTAssertEqual(Currency.plain(1500, currency: "JPY"), "1500")
    }
}

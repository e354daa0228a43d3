import XCTest
@testable import TwinningCore
@testable import TwinningUI
import TwinningTestSupport

/// The first screen shows the register's first page (`registerHead`) and the
/// whole register is read after it: the two must look the same, and the
/// first key must move in the whole list.
/// A runner whose settings name the home city (Dortmund), as the program's
/// do, with first pages of `rows` rows (smaller than the fixture's lists),
/// and the state after its first load; `prepare` adds to the fixture first.
func startAtHome(rows: Int, prepare: (AppDatabase) throws -> Void = { _ in }) throws -> (AppState, EffectRunner) {
    let db = try UIFixtures.database()
    try prepare(db)
    let runner = EffectRunner(database: db, config: UserConfig(values: ["home_city": String(RegisterHeadTests.dortmund)]),
                              weightsDirectory: UIFixtures.scratchWeights())
    runner.registerHeadRows = rows
    var state = AppState(size: Size(rows: 24, columns: 80), language: .en)
    state.today = PartialDate(year: 2026, month: 5, day: 20)!
    state.homeCityId = runner.homeCityId()
    UIFixtures.run(&state, runner, [.loadData(select: nil)])
    return (state, runner)
}

final class RegisterHeadTests: XCTestCase {
    static let dortmund: Int64 = 2935517

    func start(rows: Int = 3) throws -> (AppState, EffectRunner) { try startAtHome(rows: rows) }

    func testTheFirstPageIsTheWholeRegistersFirstRowsInItsOrder() throws {
        let db = try UIFixtures.database()
        let whole = try db.registerCitySummaries()
        let home = try XCTUnwrap(try db.city(geonameId: Self.dortmund)?.id)
        let head = try db.registerHead(limit: 3, leading: home)
        XCTAssertEqual(head.total, whole.count)
        XCTAssertEqual(head.cities.map(\.id), [home] + whole.map(\.id).filter { $0 != home }.prefix(3))
        // Without a home city: just the first rows.
        XCTAssertEqual(try db.registerHead(limit: 2, leading: nil).cities.map(\.id), Array(whole.map(\.id).prefix(2)))
        // A city outside the register does not lead it.
        let outside = try XCTUnwrap(try db.read { try Int64.fetchOne($0, sql: "SELECT id FROM city WHERE \(AppDatabase.inRegisterSQL.replacingOccurrences(of: "city.id IN", with: "city.id NOT IN"))") })
        XCTAssertEqual(try db.registerHead(limit: 2, leading: outside).cities.map(\.id), Array(whole.map(\.id).prefix(2)))
    }

    func testTheFirstScreenDoesNotReadTheWholeRegisterAndLooksTheSame() throws {
        let (state, _) = try start()
        XCTAssertFalse(state.data.registerIsRead, "the first screen waited for the whole register")
        XCTAssertTrue(state.cities.fromHead)
        var whole = state
        refilterCities(&whole, keepId: state.selectedCity?.id, wholeRegister: true)
        XCTAssertFalse(whole.cities.fromHead)
        XCTAssertEqual(state.selectedCity?.id, whole.selectedCity?.id)
        XCTAssertEqual(state.selectedCity?.name, "Dortmund", "the home city leads")
        // The same rows on top and the same count of cities below.
        let head = render(state).text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let full = render(whole).text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(head[0..<7]), Array(full[0..<7]))
        XCTAssertEqual(head.last, full.last, "the status line counts the whole register")
        XCTAssertEqual(CitiesPane.status(state).total, whole.cityRows.count)
        XCTAssertEqual(CitiesPane.status(state).shown, whole.cities.visible.count)
    }

    func testTheFirstKeyMovesInTheWholeRegister() throws {
        var (state, runner) = try start(rows: 2)
        let home = state.selectedCity?.id
        UIFixtures.press(&state, runner, .down, .down, .down)
        XCTAssertFalse(state.cities.fromHead)
        XCTAssertTrue(state.data.registerIsRead)
        XCTAssertEqual(state.cities.list.selection, 3, "moved past the first page")
        XCTAssertEqual(state.cityRows[state.cities.visible[0]].id, home)
        XCTAssertEqual(state.selectedCity?.id, state.data.register.filter { $0.id != home }[2].id)
    }

    func testAFilterOrAReloadSearchesTheWholeRegister() throws {
        var (state, runner) = try start(rows: 1)
        UIFixtures.press(&state, runner, .char("/"))
        UIFixtures.type(&state, runner, "ami")
        XCTAssertFalse(state.cities.fromHead)
        XCTAssertEqual(state.selectedCity?.name, "Amiens")
        // A reload keeping a city beyond the first page lists the whole register.
        let amiens = state.selectedCity?.id
        UIFixtures.press(&state, runner, .escape)
        UIFixtures.run(&state, runner, [.loadData(select: amiens.map { .city($0) })])
        XCTAssertEqual(state.selectedCity?.id, amiens)
    }
}

/// The Partnerships and Events panes show their first page on the first
/// switch (`ListHead`) and read the whole list behind it.
final class ListHeadTests: XCTestCase {
    func start(rows: Int) throws -> (AppState, EffectRunner) {
        try startAtHome(rows: rows) { db in
            // More events than the page, on two partnerships, some on one day (the id decides then).
            let pairs = try db.partnerships().map(\.id)
            for (n, day) in ["2024-02-01", "2025-09-01", "2025-09-01", "2023", "2025-09"].enumerated() {
                try db.addEvent(Event(partnershipId: pairs[n % 2], startDate: PartialDate.parse(day)!))
            }
        }
    }

    func lines(_ state: AppState) -> [String] { render(state).text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    func testTheFirstSwitchToPartnershipsShowsTheFirstPageAsTheWholeListWould() throws {
        var (state, runner) = try start(rows: 1)
        XCTAssertFalse(state.data.partnershipsAreRead, "read before the switch")
        let effects = reduce(&state, .key(.char("2")))
        XCTAssertTrue(effects.contains(.readAhead(.partnerships)), "\(effects)")
        XCTAssertTrue(state.partnerships.fromHead)
        XCTAssertFalse(state.data.partnershipsAreRead, "the first switch waited for the whole list")
        // Our two partnerships, then one other.
        XCTAssertEqual(state.partnerships.visible.count, 3)
        var whole = state
        refilterPartnerships(&whole, keepId: state.selectedPartnership?.id, wholeList: true)
        XCTAssertEqual(state.selectedPartnership, whole.selectedPartnership)
        let head = lines(state), full = lines(whole)
        XCTAssertEqual(Array(head[0..<6]), Array(full[0..<6]))
        XCTAssertEqual(head.last, full.last, "the status line counts the whole list")
        XCTAssertEqual(PartnershipsPane.status(state).total, whole.data.partnerships.count)
        // The first key moves in the whole list.
        UIFixtures.run(&state, runner, effects)
        UIFixtures.press(&state, runner, .down, .down, .down)
        XCTAssertFalse(state.partnerships.fromHead)
        XCTAssertEqual(state.partnerships.list.selection, 3)
        XCTAssertEqual(state.selectedPartnership?.id, whole.data.partnerships[whole.partnerships.visible[3]].id)
    }

    func testTheFirstSwitchToEventsShowsTheNewestFirst() throws {
        var (state, runner) = try start(rows: 1)
        _ = reduce(&state, .key(.char("3")))
        XCTAssertTrue(state.events.fromHead)
        XCTAssertEqual(state.events.visible.count, 1)
        var whole = state
        refilterEvents(&whole, keepId: nil, wholeList: true)
        XCTAssertGreaterThan(whole.events.visible.count, 1, "the fixture has more events than the page")
        XCTAssertEqual(state.selectedEvent, whole.selectedEvent)
        XCTAssertEqual(Array(lines(state)[0..<4]), Array(lines(whole)[0..<4]))
        XCTAssertEqual(lines(state).last, lines(whole).last)
        UIFixtures.press(&state, runner, .down)
        XCTAssertFalse(state.events.fromHead)
        XCTAssertEqual(state.selectedEvent, whole.data.events[whole.events.visible[1]])
        XCTAssertEqual(state.events.visible, whole.events.visible)
    }

    func testAQuickFilterOrASortListsTheWholeList() throws {
        var (state, _) = try start(rows: 1)
        _ = reduce(&state, .key(.char("2")))
        XCTAssertTrue(state.partnerships.fromHead)
        state.partnerships.sort = .since
        refilterPartnerships(&state)
        XCTAssertFalse(state.partnerships.fromHead, "only the name order has a first page")
        XCTAssertEqual(state.partnerships.visible.count, state.data.partnerships.count)
    }
}

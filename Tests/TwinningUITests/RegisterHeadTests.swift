import XCTest
@testable import TwinningCore
@testable import TwinningUI
import TwinningTestSupport

/// The first screen shows the register's first page (`registerHead`) and the
/// whole register is read after it: the two must look the same, and the
/// first key must move in the whole list.
final class RegisterHeadTests: XCTestCase {
    static let dortmund: Int64 = 2935517

    /// A runner whose settings name the home city, as the program's do, and a
    /// first page smaller than the fixture's register.
    func start(rows: Int = 3) throws -> (AppState, EffectRunner) {
        let runner = EffectRunner(database: try UIFixtures.database(), config: UserConfig(values: ["home_city": String(Self.dortmund)]),
                                  weightsDirectory: UIFixtures.scratchWeights())
        runner.registerHeadRows = rows
        var state = AppState(size: Size(rows: 24, columns: 80), language: .en)
        state.today = PartialDate(year: 2026, month: 5, day: 20)!
        state.homeCityId = runner.homeCityId()
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        return (state, runner)
    }

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

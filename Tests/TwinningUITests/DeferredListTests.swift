import XCTest
import GRDB
@testable import TwinningCore
@testable import TwinningUI
import TwinningTestSupport

/// The Partnerships and Events lists, read on first use: a read that fails
/// says so on the pane, and the orders are the documented ones.
final class DeferredListTests: XCTestCase {
    /// Writes a value the CHECK constraints refuse, as another program could have.
    func plant(_ runner: EffectRunner, _ sql: String) throws {
        try runner.database.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = 1")
            try db.execute(sql: sql)
            try db.execute(sql: "PRAGMA ignore_check_constraints = 0")
        }
    }

    func testAFailedReadOfThePartnershipsShowsAnErrorNotAnEmptyList() throws {
        var (state, runner) = try UIFixtures.state()
        try plant(runner, "UPDATE partnership SET status = 'gone' WHERE id = (SELECT MIN(id) FROM partnership)")
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        UIFixtures.press(&state, runner, .char("2"))
        let text = render(state).text()
        XCTAssertTrue(text.contains("This list could not be read from the database"), text)
        XCTAssertTrue(text.contains("status"), "the reason names the column: \(text)")
        XCTAssertNotNil(state.data.partnershipsFailure)
    }

    func testAFailedReadOfTheEventsShowsAnErrorNotNoEventsYet() throws {
        var (state, runner) = try UIFixtures.state()
        try plant(runner, "UPDATE event SET startDate = '20x5'")
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        UIFixtures.press(&state, runner, .char("3"))
        let text = render(state).text()
        XCTAssertTrue(text.contains("This list could not be read from the database"), text)
        XCTAssertFalse(text.contains(tr(.noEvents, .en)), text)
        XCTAssertTrue(text.contains("which is not a date"), text)
        // In German too, the reason as well as the frame around it.
        state.language = .de
        let german = render(state).text()
        XCTAssertTrue(german.contains("Diese Liste ließ sich nicht"), german)
        XCTAssertTrue(german.contains("kein Datum"), german)
        XCTAssertFalse(german.contains("which is not a date"), german)
    }

    func testAGoodReadHasNoFailure() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("2"))
        UIFixtures.press(&state, runner, .char("3"))
        XCTAssertNil(state.data.partnershipsFailure)
        XCTAssertNil(state.data.eventsFailure)
    }

    /// Every sort and health filter gives the order of the rule written out
    /// here: the home city's partnerships first, then the sort's key, then
    /// the filter's ranking.
    func testPartnershipOrdersFollowTheRule() throws {
        var (state, runner) = try UIFixtures.state()
        let db = runner.database
        let ids = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM city ORDER BY id") }
        var n = 0
        for i in ids.indices { for j in ids.indices where j > i {
            n += 1
            guard try db.partnership(between: ids[i], and: ids[j]) == nil else { continue }
            let p = try db.addPartnership(Partnership(between: ids[i], and: ids[j], status: n % 4 == 0 ? .dormant : .active,
                                                      since: n % 3 == 0 ? nil : PartialDate(year: 1950 + n % 7)))
            if n % 2 == 0 { try db.addEvent(Event(partnershipId: p.id!, startDate: PartialDate(year: 2015 + n % 11)!)) }
        } }
        UIFixtures.run(&state, runner, [.loadData(select: nil)])
        UIFixtures.press(&state, runner, .char("2"))
        let list = state.data.partnerships
        XCTAssertGreaterThan(list.count, 20)
        func expected(_ state: AppState) -> [Int] {
            var rows = state.data.partnershipIndex.filter(state.partnerships.filter)
            if let wanted = state.partnerships.health { rows = rows.filter { state.health(list[$0]) == wanted } }
            let rank = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
            func ours(_ i: Int) -> Bool { state.homeCityId.map { list[i].partnership.involves($0) } ?? false }
            func later(_ x: String?, _ y: String?, newest: Bool) -> Bool? {
                switch (x, y) {
                case let (x?, y?): return x == y ? nil : (newest ? x > y : x < y)
                case (nil, _?): return false
                case (_?, nil): return true
                default: return nil
                }
            }
            return rows.sorted { a, b in
                if ours(a) != ours(b) { return ours(a) }
                switch state.partnerships.sort {
                case .name: break
                case .since: if let o = later(list[a].partnership.since?.iso, list[b].partnership.since?.iso, newest: false) { return o }
                case .lastEvent: if let o = later(list[a].lastEvent?.iso, list[b].lastEvent?.iso, newest: true) { return o }
                case .health: let x = state.health(list[a]), y = state.health(list[b]); if x != y { return x > y }
                }
                return rank[a]! < rank[b]!
            }
        }
        for health in [nil, Health.dormant] {
            for _ in PartnershipSort.allCases {
                var checked = state
                checked.partnerships.health = health
                refilterPartnerships(&checked)
                XCTAssertEqual(checked.partnerships.visible, expected(checked), "sort \(checked.partnerships.sort), health \(String(describing: health))")
                UIFixtures.press(&state, runner, .char("s"))
            }
        }
        UIFixtures.press(&state, runner, .char("/"))
        UIFixtures.type(&state, runner, "m")
        XCTAssertEqual(state.partnerships.visible, expected(state), "filtered by text")
    }

    /// Asking whether a value is there must not wait for a load in progress:
    /// the screen asks on every key while the match engine is built ahead.
    func testAskingWhetherAValueIsLoadedDoesNotWaitForItsLoad() throws {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let deferred = Deferred<Int> { started.signal(); release.wait(); return 7 }
        Thread.detachNewThread { _ = deferred.value }
        started.wait()
        let asked = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: Bool?
        Thread.detachNewThread { answer = deferred.isLoaded; asked.signal() }
        let answered = asked.wait(timeout: .now() + 5) == .success
        release.signal()
        XCTAssertTrue(answered, "isLoaded waited for the load")
        XCTAssertEqual(answer, false)
        XCTAssertEqual(deferred.value, 7, "a reader during the load gets the loaded value")
        XCTAssertTrue(deferred.isLoaded)
    }

    /// Two readers at once load the value once.
    func testTwoReadersAtOnceLoadOnce() throws {
        let loads = NSLock()
        nonisolated(unsafe) var count = 0
        let deferred = Deferred<Int> { loads.lock(); count += 1; loads.unlock(); Thread.sleep(forTimeInterval: 0.05); return 3 }
        Thread.detachNewThread { _ = deferred.value }
        XCTAssertEqual(deferred.value, 3)
        XCTAssertEqual(count, 1)
    }

    /// The engine built ahead ranks as one built on the Matches pane's first opening.
    func testTheMatchEngineBuiltAheadRanksAsOneBuiltOnDemand() throws {
        let (state, runner) = try UIFixtures.state()
        let home = try XCTUnwrap(state.homeCityId)
        let effect = Effect.rankMatches(home: home, profile: state.matchProfile, filters: MatchFilters(), key: "k")
        let onDemand = runner.perform(effect, language: .en)
        let (_, other) = try UIFixtures.state() // loaded: the same database, a new runner
        other.prepareAhead()
        XCTAssertEqual(other.perform(effect, language: .en), onDemand)
        XCTAssertFalse(onDemand.isEmpty)
    }
}

import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Lists and pickers that never put a volunteer on the wrong record and never
/// hide content without a word (issue "Volunteer-proof").
final class VolunteerListsTests: XCTestCase {
    func testChoosingTheHomeCityPutsTheCursorOnOurFirstPartnership() throws {
        var (state, runner) = try UIFixtures.state(home: nil)
        UIFixtures.press(&state, runner, .char("2"))
        UIFixtures.press(&state, runner, .down, .down, .down)
        let dortmund = try XCTUnwrap(state.data.register.first { $0.name == "Dortmund" }?.id)
        XCTAssertFalse(try XCTUnwrap(state.selectedPartnership).partnership.involves(dortmund), "someone else's partnership")
        UIFixtures.run(&state, runner, reduce(&state, .homeCitySaved(dortmund)))
        XCTAssertEqual(state.partnerships.list.selection, 0)
        XCTAssertTrue(try XCTUnwrap(state.selectedPartnership).partnership.involves(dortmund), "logging a visit now lands on ours")
    }

    func testTheCursorStaysWhenItIsOnOneOfOursAlready() throws {
        var (state, runner) = try UIFixtures.state(home: nil)
        UIFixtures.press(&state, runner, .char("2"), .down)
        let before = try XCTUnwrap(state.selectedPartnership)
        XCTAssertEqual(before.cityA.name, "Dortmund")
        UIFixtures.run(&state, runner, reduce(&state, .homeCitySaved(before.cityA.id)))
        XCTAssertEqual(state.selectedPartnership?.id, before.id)
    }

    func testThePartnershipPickerListsOurPartnershipsFirst() throws {
        var (state, runner) = try UIFixtures.state(home: 2867543) // Münster
        UIFixtures.press(&state, runner, .char("3"), .char("n"))
        while state.form?.focused.id != .partnership { UIFixtures.press(&state, runner, .backTab) }
        // Clear the prefilled partnership and type a letter every partnership has.
        for _ in 0..<60 { UIFixtures.press(&state, runner, .backspace) }
        UIFixtures.type(&state, runner, "n")
        let field = try XCTUnwrap(state.form?.field(.partnership))
        let first = state.data.partnerships[try XCTUnwrap(field.suggestions.first)]
        let home = try XCTUnwrap(state.homeCityId)
        XCTAssertTrue(first.partnership.involves(home), "ours (Münster ↔ Αθήνα) before Dortmund ↔ Amiens, which comes first in the list and also contains an n")
        XCTAssertGreaterThan(field.suggestions.count, 1)
    }

    func testAnEmptyFilteredListSaysTheFiltersHideTheEventsAndEscClearsThem() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("3"))
        state.events.year = 1999
        refilterEvents(&state, keepId: nil)
        XCTAssertTrue(state.events.visible.isEmpty)
        let screen = render(state).text()
        XCTAssertTrue(screen.contains("The filters hide the one event."), screen)
        XCTAssertFalse(screen.contains("No events yet"))
        UIFixtures.press(&state, runner, .escape)
        XCTAssertNil(state.events.year)
        XCTAssertEqual(state.events.visible.count, 1)
    }

    func testThePartnershipDetailCountsWhatDoesNotFit() throws {
        var (state, runner) = try UIFixtures.state(size: Size(rows: 16, columns: 60))
        UIFixtures.press(&state, runner, .char("2"))
        let selected = try XCTUnwrap(state.selectedPartnership)
        let many = (1...9).map { i in
            EventDetail(event: Event(id: Int64(100 + i), partnershipId: selected.id, title: "Treffen \(i)",
                                     startDate: PartialDate(year: 2020 + i % 5)!),
                        cityA: selected.cityA, cityB: selected.cityB)
        }
        state.partnershipInfo = PartnershipInfo(partnershipId: selected.id, events: Array(many.prefix(8)),
                                                contacts: state.partnershipInfo?.contacts ?? [], eventCount: 9)
        let screen = render(state).text()
        XCTAssertTrue(screen.contains("more (Enter lists all)"), screen)
    }

    func testNamesWithOtherNamesAndUmlautsTypedAsUE() {
        let wroclaw = CitySummary(id: 1, geonameId: 3081368, name: "Wrocław", searchKey: "wroclaw", asciiKey: "wroclaw",
                                  countryCode: "PL", admin1Name: nil, population: 672545)
        let munich = CitySummary(id: 2, geonameId: 2867714, name: "Munich", searchKey: "munich", asciiKey: "munich",
                                 countryCode: "DE", admin1Name: nil, population: 1505005)
        let breslau = CitySummary(id: 3, geonameId: 5908481, name: "Breslau", searchKey: "breslau", asciiKey: "breslau",
                                  countryCode: "CA", admin1Name: nil, population: 5053)
        let others: [Int64: [String]] = [1: ["Breslau", "Vratislavia"], 2: ["München", "Monaco di Baviera"]]
        let cities = [munich, wroclaw, breslau]
        let index = NameIndex(keys: cities.map { NameIndex.key(for: $0, otherNames: others[$0.id] ?? []) })
        XCTAssertEqual(index.filter("Breslau").map { cities[$0].name }, ["Wrocław", "Breslau"], "in the list's (population) order")
        XCTAssertEqual(index.filter("Muenchen").map { cities[$0].name }, ["Munich"])
        XCTAssertEqual(index.filter("monaco").map { cities[$0].name }, ["Munich"])
        XCTAssertEqual(NameIndex.matchedOtherName(wroclaw, otherNames: others[1]!, text: "bresl"), "Breslau")
        XCTAssertNil(NameIndex.matchedOtherName(breslau, otherNames: [], text: "bresl"))
        XCTAssertNil(NameIndex.matchedOtherName(wroclaw, otherNames: others[1]!, text: "wroc"), "its own name matched")
        XCTAssertEqual(index.closest("Bresalu", limit: 3).map { cities[$0].name }, ["Wrocław", "Breslau"])
        XCTAssertEqual(index.closest("Xyzzyq", limit: 3), [])
    }

    func testACutNeverChangesANumber() {
        let text = DisplayWidth.keepingTail("Lütgendortmund, North Rhine-Westphalia DE", " · 23.065", width: 30)
        XCTAssertTrue(text.hasSuffix(" · 23.065"), text)
        XCTAssertEqual(DisplayWidth.of(text), 30)
        XCTAssertTrue(text.contains("…"))
    }

    func testHelpSaysHowAndListsOnlyKeysThatWorkWhenReadOnly() throws {
        var (state, _) = try UIFixtures.state(size: Size(rows: 60, columns: 100))
        state.showingHelp = true
        let normal = render(state).text()
        XCTAssertTrue(normal.contains("How do I"), normal)
        XCTAssertTrue(normal.contains("log a visit"))
        XCTAssertTrue(normal.contains("Add a city that is not in the list"))
        state.readOnly = true
        let readOnly = render(state).text()
        XCTAssertTrue(readOnly.contains("only keys that change nothing"), readOnly)
        XCTAssertFalse(readOnly.contains("Add a city that is not in the list"), readOnly)
        XCTAssertFalse(readOnly.contains("log a visit"))
        XCTAssertTrue(readOnly.contains("Filter the list as you type"))
    }
}

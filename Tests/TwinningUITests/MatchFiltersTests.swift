import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// The match explorer's filters: `/` opens a dialog for countries, distance
/// and inhabitants; Enter applies and re-ranks at once, Esc keeps the old
/// filters, wrong input is refused at its field in plain words.
///
/// Candidates for Dortmund in the fixtures: Düsseldorf (DE, 618,685, 58 km),
/// Münster (DE, 270,184, 51 km), Kraków (PL, 816,614, 890 km), Αθήνα (GR,
/// 664,046, 1,969 km), Ełk (PL, 61,677, 1,034 km).
final class MatchFiltersTests: XCTestCase {
    func names(_ state: AppState) -> [String] { state.matches.rows.map(\.name) }

    func texts(_ state: AppState) -> [String] { state.form?.fields.map(\.text) ?? [] }

    /// Opens the dialog and types into its five fields (Countries, Distance from, to, Inhabitants from, to).
    func fill(_ state: inout AppState, _ runner: EffectRunner, _ values: [String]) {
        UIFixtures.press(&state, runner, .char("/"))
        for (i, value) in values.enumerated() {
            if i > 0 { UIFixtures.press(&state, runner, .tab) }
            UIFixtures.press(&state, runner, .ctrl("u"))
            UIFixtures.type(&state, runner, value)
        }
    }

    let wanted = MatchFilters(countries: ["PL", "GR"], maxDistanceKm: 2000, minPopulation: 100_000, maxPopulation: 900_000)

    func testEnterAppliesTheValuesToTheRankingAtOnce() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        XCTAssertEqual(names(state).count, 5)
        UIFixtures.press(&state, runner, .char("/"))
        XCTAssertEqual(state.form?.kind, .matchFilters)
        XCTAssertEqual(state.keyContexts, [.filterDialog])
        XCTAssertEqual(texts(state), ["", "", "", "", ""], "no filters yet")
        UIFixtures.press(&state, runner, .escape)

        fill(&state, runner, ["pl, gr", "", "2.000", "100000", "900 000"])
        assertGolden(render(state), "matches-filters-dialog-80x24")
        let home = try XCTUnwrap(state.matchHome)
        let effects = reduce(&state, .key(.enter))
        XCTAssertNil(state.form)
        XCTAssertEqual(state.matches.filters, wanted)
        XCTAssertEqual(effects, [.rankMatches(home: home, profile: state.matchProfile, filters: wanted, key: state.matchKey!)],
                       "ranked again with exactly these filters")
        UIFixtures.run(&state, runner, effects)
        XCTAssertEqual(names(state), ["Kraków", "Αθήνα"], "Ełk is too small, the German cities are in the wrong country")
        XCTAssertEqual(state.matches.total, 2)
        assertGolden(render(state), "matches-filtered-80x24")

        // Opened again, the dialog shows what is in force, written the user's way.
        UIFixtures.press(&state, runner, .char("/"))
        XCTAssertEqual(texts(state), ["GR PL", "", "2,000", "100,000", "900,000"])
        UIFixtures.press(&state, runner, .function(2))
        XCTAssertEqual(state.matches.filters, wanted, "applying them unchanged changes nothing")
    }

    func testInvalidInputIsRefusedAtTheFieldInPlainWords() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        let key = state.matches.rankedKey
        fill(&state, runner, ["", "", "achthundert"])
        let effects = reduce(&state, .key(.enter))
        XCTAssertEqual(effects, [], "nothing is ranked")
        let form = try XCTUnwrap(state.form, "the dialog stays open with what was typed")
        XCTAssertEqual(form.field(.maxDistance)?.text, "achthundert")
        XCTAssertEqual(form.field(.maxDistance)?.error, "Distance must be a number of km, e.g. 800.")
        XCTAssertEqual(form.focused.id, .maxDistance, "the cursor goes to the field in error")
        XCTAssertEqual(state.status?.text, "Distance must be a number of km, e.g. 800.")
        XCTAssertEqual(state.matches.filters, MatchFilters())
        XCTAssertEqual(state.matches.rankedKey, key)

        func errors(_ values: [String], language: Language = .en) -> [FieldID: String] {
            var form = MatchFilterInput.form(MatchFilters(), language: language)
            for (i, value) in values.enumerated() { form.fields[i].text = value }
            let parsed = MatchFilterInput.parse(form, knownCountries: state.data.countryCodes, language: language)
            XCTAssertEqual(parsed.filters == nil, !parsed.errors.isEmpty)
            return Dictionary(parsed.errors, uniquingKeysWith: { first, _ in first })
        }
        XCTAssertEqual(errors(["France"]), [.countries: "Use two-letter codes such as FR IT, not “France”."])
        XCTAssertEqual(errors(["PL XX"]), [.countries: "No city in the list has the country code XX."])
        XCTAssertEqual(errors(["", "-5"]), [.minDistance: "Distance must be a number of km, e.g. 800."])
        XCTAssertEqual(errors(["", "", "30000"]), [.maxDistance: "No city is further away than 20,000 km."])
        XCTAssertEqual(errors(["", "", "", "20,5"]), [.minPopulation: "Inhabitants must be a whole number, e.g. 20000."])
        XCTAssertEqual(errors(["", "900", "200"]), [.maxDistance: "“To” (200 km) is smaller than “from” (900 km)."])
        XCTAssertEqual(errors(["", "", "", "200.000", "20.000"], language: .de),
                       [.maxPopulation: "„Bis“ (20.000) ist kleiner als „ab“ (200.000)."])
        XCTAssertEqual(errors(["", "", "zwei"], language: .de), [.maxDistance: "Die Entfernung bitte als Zahl in km, z. B. 800."])
        XCTAssertEqual(errors(["fr jp;pl", "100 km", "1.200", "20.000 Einwohner", "1,000,000"]), [:])
    }

    func testEscKeepsTheOldFiltersWithoutAsking() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        fill(&state, runner, ["PL"])
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(names(state), ["Kraków", "Ełk"])
        let key = state.matches.rankedKey

        fill(&state, runner, ["GR", "10", "", "abc"])
        let effects = reduce(&state, .key(.escape))
        XCTAssertNil(state.form)
        XCTAssertNil(state.confirmation, "nothing saved is lost, so Esc does not ask")
        XCTAssertEqual(effects, [])
        XCTAssertEqual(state.matches.filters, MatchFilters(countries: ["PL"]))
        XCTAssertEqual(state.matches.rankedKey, key, "not ranked again")
        XCTAssertEqual(names(state), ["Kraków", "Ełk"])
        UIFixtures.press(&state, runner, .char("/"))
        XCTAssertEqual(texts(state), ["PL", "", "", "", ""], "the typing that was backed out of is gone")
    }

    func testEmptyingTheDialogOrXClearsAllFilters() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        fill(&state, runner, ["PL GR", "100", "2000", "1", "10000000"])
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(names(state).count, 3)

        UIFixtures.press(&state, runner, .char("/"), .ctrl("r"))
        XCTAssertEqual(texts(state), ["", "", "", "", ""])
        XCTAssertEqual(state.form?.focus, 0)
        XCTAssertEqual(state.matches.filters.countries, ["PL", "GR"], "not applied before Enter")
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(state.matches.filters, MatchFilters())
        XCTAssertEqual(names(state).count, 5)

        fill(&state, runner, ["DE"])
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(names(state), ["Düsseldorf", "Münster"])
        UIFixtures.press(&state, runner, .char("x"))
        XCTAssertEqual(state.matches.filters, MatchFilters())
        XCTAssertEqual(names(state).count, 5, "ranked again at once")
        XCTAssertEqual(state.status?.text, "Filters cleared: all cities are ranked again.")
        UIFixtures.press(&state, runner, .char("x"))
        XCTAssertEqual(state.status?.text, "No filters are set.")
    }

    func testWhenNothingPassesThePaneSaysHowToGetOut() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        fill(&state, runner, ["PL", "", "100"])
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(names(state), [])
        let screen = render(state).lines()
        XCTAssertTrue(screen[3].hasPrefix("  Filters: PL · ≤ 100 km   "), screen[3])
        XCTAssertTrue(screen[3].hasSuffix("/ change · x clear "), screen[3])
        XCTAssertEqual(screen[4].trimmingCharacters(in: .whitespaces), "No city passes these filters: / changes them, x clears them.")
    }

    func testWhyNotCountsTheFilters() throws {
        var (state, runner) = try UIFixtures.state()
        UIFixtures.press(&state, runner, .char("4"))
        fill(&state, runner, ["PL"])
        UIFixtures.press(&state, runner, .enter, .char("w"))
        UIFixtures.type(&state, runner, "düsseldorf")
        UIFixtures.press(&state, runner, .enter)
        XCTAssertEqual(state.overlay?.lines.first, "Left out by the filter.")
    }

    func testNumbersAndTheSummaryFollowTheLanguage() {
        XCTAssertEqual(MatchFilterInput.number("800"), 800)
        XCTAssertEqual(MatchFilterInput.number(" 800 km ", units: ["km"]), 800)
        XCTAssertEqual(MatchFilterInput.number("20.000"), 20_000)
        XCTAssertEqual(MatchFilterInput.number("20,000"), 20_000)
        XCTAssertEqual(MatchFilterInput.number("1.200.000"), 1_200_000)
        XCTAssertEqual(MatchFilterInput.number("20 000"), 20_000)
        XCTAssertEqual(MatchFilterInput.number("12,5"), 12.5)
        XCTAssertEqual(MatchFilterInput.number("12.5"), 12.5)
        XCTAssertNil(MatchFilterInput.number("-5"))
        XCTAssertNil(MatchFilterInput.number("8OO"))
        XCTAssertNil(MatchFilterInput.number("1e5"))
        XCTAssertNil(MatchFilterInput.number(""))

        let f = MatchFilters(countries: ["FR"], maxDistanceKm: 800, minPopulation: 20_000, maxPopulation: 200_000)
        XCTAssertEqual(MatchFilterInput.summary(f, language: .en), "FR · ≤ 800 km · 20,000–200,000 inhabitants")
        XCTAssertEqual(MatchFilterInput.summary(f, language: .de), "FR · ≤ 800 km · 20.000–200.000 Einwohner")
        XCTAssertEqual(MatchFilterInput.summary(MatchFilters(minDistanceKm: 12.5), language: .de), "≥ 12,5 km")
        XCTAssertNil(MatchFilterInput.summary(MatchFilters(), language: .en))
    }

    func testSlashFiltersEveryListButOpensTheDialogInTheMatchExplorer() {
        XCTAssertEqual(KeyMap.command(for: .char("/"), in: [.cities, .list, .global]), .filter)
        XCTAssertEqual(KeyMap.command(for: .char("/"), in: [.events, .list, .global]), .filter)
        XCTAssertEqual(KeyMap.command(for: .char("/"), in: [.matches, .list, .global]), .matchFilters)
        XCTAssertEqual(KeyMap.command(for: .enter, in: [.filterDialog]), .applyFilters)
        XCTAssertEqual(KeyMap.command(for: .escape, in: [.filterDialog]), .cancel)
        XCTAssertEqual(KeyMap.keys(for: .emptyFilterFields, in: .filterDialog), "F8/Ctrl-R")
    }
}

import XCTest
@testable import TwinningCore

/// Report figures against the hand-computed fixture in ReportFixtures.swift.
final class ReportTests: XCTestCase {
    func testCityReportFigures() throws {
        let f = try ReportFixture()
        let r = try f.report()
        XCTAssertEqual(r.city?.name, "Düsseldorf")
        XCTAssertEqual(r.partnerships.count, 5, "P1, P2, P3, P4, P6 — not Dortmund–Amiens")
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: r.byStatus.map { ($0.status, $0.count) }),
                       [.active: 3, .dormant: 1, .proposed: 0, .suspended: 0, .ended: 1])
        // P1 (last 2025-05, 13 months) and P2 (2025-09) active; P3 (2019) and P6 (never) dormant; P4 ended: not counted.
        XCTAssertEqual(r.byHealth.map(\.count), [2, 0, 2])
        XCTAssertEqual(r.partnerships.first { $0.id == f.partnership["P1"] }?.health, .active)
        XCTAssertEqual(r.partnerships.first { $0.id == f.partnership["P1"] }?.eventsInPeriod, 1)
        XCTAssertEqual(r.partnerships.first { $0.id == f.partnership["P3"] }?.eventsInPeriod, 0)
        // Partner names, ordered by name, from Düsseldorf's side.
        XCTAssertEqual(r.partnerships.map(\.home.name), Array(repeating: "Düsseldorf", count: 5))
        XCTAssertEqual(r.partnerships.map(\.partner.name), ["Amiens", "Dortmund", "Ełk", "Kraków", "東京"])

        XCTAssertEqual(r.events.map(\.id), [f.event["E1"]!, f.event["E2"]!], "2025 only, oldest first")
        XCTAssertEqual(r.events[0].youthShare, 0.5)
        XCTAssertNil(r.events[1].youthShare, "no under-30 figure")

        let period = r.periodFigures
        XCTAssertEqual(period.events, 2)
        XCTAssertEqual(period.participants, 70)
        XCTAssertEqual(period.youth, 30)
        XCTAssertEqual(period.youthBase, 60, "E2 has no youth figure, so its 10 are not in the base")
        XCTAssertEqual(period.youthShare, 0.5)

        XCTAssertEqual(r.participantsByCountry, [CountryCount(country: "DE", participants: 30),
                                                 CountryCount(country: "FR", participants: 20),
                                                 CountryCount(country: "unknown", participants: 20)],
                       "E1 leaves 10 unsplit, E2 has no split (10)")

        XCTAssertEqual(r.dormantLongest.map(\.id), [f.partnership["P3"]!, f.partnership["P6"]!],
                       "oldest last event first, never-visited last, ended left out")
        XCTAssertEqual(Set(r.neverVisited.map(\.id)), [f.partnership["P2"]!, f.partnership["P3"]!, f.partnership["P6"]!],
                       "online-only and no events; P4 is ended")
    }

    func testPerYearSeriesCoverTenYears() throws {
        let r = try ReportFixture().report()
        XCTAssertEqual(r.years.map(\.year), Array(2016...2025))
        XCTAssertEqual(r.eventsPerYear, [0, 0, 0, 1, 0, 0, 0, 0, 1, 2])
        XCTAssertEqual(r.participantsPerYear, [0, 0, 0, 5, 0, 0, 0, 0, 40, 70])
        XCTAssertEqual(r.youthSharePerYear, [nil, nil, nil, 1.0, nil, nil, nil, nil, 0.25, 0.5])
    }

    func testRangeAndAllPartnerships() throws {
        let f = try ReportFixture()
        let range = try f.report(years: 2024...2025)
        XCTAssertEqual(range.events.count, 3)
        XCTAssertEqual(range.periodFigures.participants, 110)
        XCTAssertEqual(range.participantsByCountry.first, CountryCount(country: "DE", participants: 70))

        let long = try f.database.report(ReportScope(cityId: f.home, years: 2005...2025), today: ReportFixture.today)
        XCTAssertEqual(long.years.count, 21, "a period longer than ten years is covered whole")
        XCTAssertEqual(long.years.first?.participants, 0)
        XCTAssertEqual(long.years.first { $0.year == 2010 }?.participants, 20)

        let all = try f.report(city: false)
        XCTAssertNil(all.city)
        XCTAssertEqual(all.partnerships.count, 6)
        XCTAssertEqual(all.periodFigures.participants, 170, "Dortmund–Amiens' 100 count when no city is chosen")
        XCTAssertEqual(all.participantsByCountry.last, CountryCount(country: "unknown", participants: 120))
    }

    func testHealthRuleThresholds() {
        let rule = HealthRule()
        let today = PartialDate(year: 2026, month: 6, day: 15)!
        XCTAssertEqual(rule.health(lastEvent: PartialDate(year: 2024, month: 6), today: today), .active, "exactly 24 months")
        XCTAssertEqual(rule.health(lastEvent: PartialDate(year: 2024, month: 5), today: today), .quiet)
        XCTAssertEqual(rule.health(lastEvent: PartialDate(year: 2021, month: 6), today: today), .quiet, "exactly 60 months")
        XCTAssertEqual(rule.health(lastEvent: PartialDate(year: 2021, month: 5), today: today), .dormant)
        XCTAssertEqual(rule.health(lastEvent: nil, today: today), .dormant)
        XCTAssertEqual(rule.health(lastEvent: PartialDate(year: 2024), today: today), .active, "a bare year counts as its December")
        XCTAssertEqual(HealthRule(activeYears: 1, quietYears: 3).health(lastEvent: PartialDate(year: 2024, month: 6), today: today), .quiet)
    }

    func testComputeIsPureOverRows() throws {
        // The same rows give the same report without a database.
        let f = try ReportFixture()
        let scope = ReportScope(cityId: f.home, year: 2025)
        let rows = try f.database.partnerships(PartnershipFilter(cityId: f.home))
        let events = try f.database.events(EventFilter(cityId: f.home))
        let city = CitySummary(try f.database.city(id: f.home)!)
        let pure = Report.compute(scope: scope, city: city, partnerships: rows, events: events, today: ReportFixture.today)
        XCTAssertEqual(pure, try f.report())
        XCTAssertEqual(Report.countries([]), [])
        XCTAssertEqual(Report.figures(year: 2025, events: []).youthShare, nil)
    }
}

final class FundingCheckTests: XCTestCase {
    func event(_ participants: Int?, _ split: [String: Int]) -> Event {
        Event(partnershipId: 1, startDate: PartialDate(year: 2026)!, participants: participants, participantsByCountry: split)
    }

    func testEdgesOfTheEURules() {
        let ok = FundingCheck.check(event(50, ["DE": 25, "FR": 25]), hostCountry: "DE")
        XCTAssertTrue(ok.eligible)
        XCTAssertEqual(ok.invited, 25)
        XCTAssertEqual(ok.reasons, [])
        XCTAssertEqual(ok.criteria.count, 2)
        XCTAssertTrue(ok.summary(.en).hasPrefix("Eligible: 50 participants"), ok.summary(.en))

        let fortyNine = FundingCheck.check(event(49, ["DE": 24, "FR": 25]), hostCountry: "DE")
        XCTAssertFalse(fortyNine.eligible)
        XCTAssertEqual(fortyNine.reasons.map(\.en), ["only 49 participants, at least 50 needed"])
        XCTAssertEqual(fortyNine.reasons.map(\.de), ["nur 49 Teilnehmende, mindestens 50 nötig"])

        let twentyFour = FundingCheck.check(event(50, ["DE": 26, "FR": 14, "PL": 10]), hostCountry: "DE")
        XCTAssertFalse(twentyFour.eligible)
        XCTAssertEqual(twentyFour.invited, 24)
        XCTAssertEqual(twentyFour.reasons.map(\.en), ["only 24 invited from partner countries outside DE, at least 25 needed"])

        let both = FundingCheck.check(event(49, ["DE": 25, "FR": 24]), hostCountry: "de")
        XCTAssertEqual(both.reasons.count, 2)
        XCTAssertTrue(both.summary(.de).hasPrefix("Nicht förderfähig: nur 49 Teilnehmende"), both.summary(.de))
    }

    func testMissingFiguresAreNotEligible() {
        let noSplit = FundingCheck.check(event(80, [:]), hostCountry: "DE")
        XCTAssertFalse(noSplit.eligible)
        XCTAssertNil(noSplit.invited)
        XCTAssertEqual(noSplit.reasons.count, 1)
        XCTAssertTrue(noSplit.reasons[0].en.contains("by country are not recorded"))
        let nothing = FundingCheck.check(event(nil, [:]), hostCountry: "DE")
        XCTAssertEqual(nothing.reasons.count, 2)
        // Unsplit participants are not invited: 60 people, only 20 known from abroad.
        XCTAssertEqual(FundingCheck.check(event(60, ["FR": 20]), hostCountry: "DE").invited, 20)
        // A twinning within one country never has invited participants.
        XCTAssertEqual(FundingCheck.check(event(80, ["DE": 80]), hostCountry: "DE").invited, 0)
    }

    func testConfigurableThresholds() {
        let rules = FundingRules(minParticipants: 10, minInvited: 5)
        XCTAssertTrue(FundingCheck.check(event(10, ["DE": 5, "FR": 5]), hostCountry: "DE", rules: rules).eligible)
        XCTAssertFalse(FundingCheck.check(event(10, ["DE": 6, "FR": 4]), hostCountry: "DE", rules: rules).eligible)
        XCTAssertEqual(FundingRules.euTownTwinning, FundingRules(minParticipants: 50, minInvited: 25))
    }

    func testHostFollowsTheDirection() throws {
        let f = try ReportFixture()
        let events = try f.database.events(EventFilter(cityId: f.home))
        let e1 = try XCTUnwrap(events.first { $0.id == f.event["E1"] })
        XCTAssertEqual(FundingCheck.host(of: e1, home: f.home).name, "Amiens", "to_b: Düsseldorf travelled to Amiens")
        let check = FundingCheck.check(e1, home: f.home)
        XCTAssertEqual(check.hostCountry, "FR")
        XCTAssertEqual(check.invited, 30, "the 30 from DE are invited to FR")
        XCTAssertTrue(check.eligible)
        let e2 = try XCTUnwrap(events.first { $0.id == f.event["E2"] })
        XCTAssertEqual(FundingCheck.host(of: e2, home: f.home).name, "Düsseldorf", "online: the home city")
    }
}

import XCTest
import GRDB
@testable import TwinningCore

/// Reviews are stored with who and when, and the engine respects them.
final class MatchReviewTests: XCTestCase {
    func testReviewsPersistAndTheNewestCounts() throws {
        let db = try Fixtures.database()
        let dortmund = try Fixtures.id(db, 2935517), amiens = try Fixtures.id(db, 3037854)
        let krakow = try Fixtures.id(db, 3094802), elk = try Fixtures.id(db, 776029), tokyo = try Fixtures.id(db, 1850147)
        let saved = try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: amiens, decision: .reject, reason: "too far for our choir"))
        XCTAssertNotNil(saved.id)
        XCTAssertEqual(saved.user, "test")
        XCTAssertFalse(saved.at.isEmpty)
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: krakow, decision: .snooze, snoozeUntil: "2030-01-01"))
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: elk, decision: .snooze, snoozeUntil: "2020-01-01"))
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: tokyo, decision: .reject, reason: "first thought"))
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: tokyo, decision: .accept, reason: "second thought"))

        let list = try db.reviews(home: dortmund)
        XCTAssertEqual(list.count, 5)
        XCTAssertEqual(list.first?.reason, "second thought", "newest first")
        XCTAssertEqual(list.last?.reason, "too far for our choir")
        XCTAssertEqual(try db.reviews(home: amiens).count, 0)
        XCTAssertEqual(try db.reviewExclusions(home: dortmund, today: "2026-05-14"), [amiens, krakow],
                       "rejected, and snoozed until a later day; the expired snooze and the later accept do not exclude")
        XCTAssertEqual(try db.reviewExclusions(home: dortmund, today: "2030-01-01"), [amiens], "a snooze ends on its day")
    }

    func testInvalidReviewsAreRefused() throws {
        let db = try Fixtures.database()
        let dortmund = try Fixtures.id(db, 2935517), amiens = try Fixtures.id(db, 3037854)
        XCTAssertThrowsError(try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: amiens, decision: .snooze)))
        XCTAssertThrowsError(try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: amiens, decision: .snooze, snoozeUntil: "2026-02-30")))
        XCTAssertThrowsError(try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: dortmund, decision: .reject)))
        XCTAssertThrowsError(try db.write { d in
            try d.execute(sql: "INSERT INTO match_review (homeCityId, candidateCityId, decision, user, at) VALUES (?, ?, 'maybe', 'x', 'y')",
                          arguments: [dortmund, amiens])
        }, "the CHECK constraint refuses an unknown decision")
        XCTAssertEqual(try db.reviews().count, 0)
    }

    func testTheEngineLeavesOutRejectedAndSnoozedCandidates() throws {
        let db = try Fixtures.database()
        let dortmund = try Fixtures.id(db, 2935517), amiens = try Fixtures.id(db, 3037854), krakow = try Fixtures.id(db, 3094802)
        try db.addPartnership(Partnership(between: dortmund, and: try Fixtures.id(db, 776029)))
        let engine = try MatchEngine(database: db)
        let before = try engine.rank(home: dortmund, profile: .builtIn(.similar)).order.map { engine.index.cityIds[Int($0)] }
        XCTAssertTrue(before.contains(amiens))
        XCTAssertFalse(before.contains(try Fixtures.id(db, 776029)), "a partner")
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: amiens, decision: .reject, reason: "no"))
        try db.addReview(MatchReview(homeCityId: dortmund, candidateCityId: krakow, decision: .snooze, snoozeUntil: "2099-12-31"))
        let after = try engine.rank(home: dortmund, profile: .builtIn(.similar)).order.map { engine.index.cityIds[Int($0)] }
        XCTAssertEqual(Set(before).subtracting(after), [amiens, krakow])
        let why = try engine.whyNot(home: dortmund, other: amiens, profile: .builtIn(.similar))
        XCTAssertEqual(why.standing, .reviewed)
    }
}

final class WeightProfileTests: XCTestCase {
    func testRoundTripAndBuiltIns() throws {
        for mode in MatchMode.allCases {
            let builtIn = WeightProfile.builtIn(mode)
            XCTAssertEqual(builtIn.mode, mode)
            XCTAssertEqual(try WeightProfile.parse(builtIn.serialized(), name: mode.rawValue), builtIn)
            XCTAssertGreaterThan(builtIn.weight(.themes), 0)
        }
        let text = """
            # our association
            mode = learn
            distance_preference = bus   # youth exchanges
            themes = 5
            size_similarity = 0.5
            """
        let p = try WeightProfile.parse(text, name: "youth")
        XCTAssertEqual(p.mode, .learn)
        XCTAssertEqual(p.distancePreference, .bus)
        XCTAssertEqual(p.weight(.themes), 5)
        XCTAssertEqual(p.weight(.sizeSimilarity), 0.5)
        XCTAssertEqual(p.weight(.distance), 0, "not named: 0")
    }

    func testParseErrorsNameTheLine() {
        XCTAssertThrowsError(try WeightProfile.parse("mode = learn\nsize = 2", name: "x")) { error in
            XCTAssertEqual((error as? WeightProfile.ParseError)?.line, 2)
        }
        XCTAssertThrowsError(try WeightProfile.parse("themes = -1", name: "x"))
        XCTAssertThrowsError(try WeightProfile.parse("themes = lots", name: "x"))
        XCTAssertThrowsError(try WeightProfile.parse("mode = maybe", name: "x"))
        XCTAssertThrowsError(try WeightProfile.parse("just words", name: "x"))
    }

    func testSaveAndLoadFromAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-weights-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try WeightProfile.load(named: "learn", directory: folder), .builtIn(.learn), "built-in when no file")
        var mine = WeightProfile.builtIn(.similar)
        mine.name = "ours"
        mine.weights[.seeking] = 7
        let url = try mine.save(to: folder)
        XCTAssertTrue(url.path.hasSuffix("ours.weights"))
        XCTAssertEqual(try WeightProfile.load(named: "ours", directory: folder), mine)
        XCTAssertThrowsError(try WeightProfile.load(named: "nothing", directory: folder))
        XCTAssertEqual(WeightProfile.directory(environment: ["XDG_CONFIG_HOME": "/x"]).path, "/x/twinning/weights")
        XCTAssertEqual(WeightProfile.directory(environment: ["HOME": "/home/anna"]).path, "/home/anna/.config/twinning/weights")
    }
}

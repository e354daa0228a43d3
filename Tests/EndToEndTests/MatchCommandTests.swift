import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

/// `twinning match` on the demo database: suggestions, why-not, batch, reviews.
final class MatchCommandTests: EndToEndTestCase {
    func testBatchWritesRanksPerQueryInInputOrder() throws {
        let db = try demoDB()
        // Dortmund → France, Leeds → Germany, Kraków → Poland (its own country), with a header line.
        let file = try write("queries.tsv", "query_geonameid\tpartner_country\n2935517\tFR\n2644688\tDE\n3094802\tPL\n")
        let result = try CLI.ok(["match", "--batch", file, "--limit", "5", "--db", db])
        let rows = result.stdoutLines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.count, 15, result.summary)
        XCTAssertTrue(rows.allSatisfy { $0.count == 4 }, "four columns, no header: \(result.summary)")
        XCTAssertEqual(rows.map { $0[0] }, Array(repeating: "2935517", count: 5) + Array(repeating: "2644688", count: 5)
                       + Array(repeating: "3094802", count: 5), "input order")
        XCTAssertEqual(rows.map { $0[1] }, Array(repeating: ["1", "2", "3", "4", "5"], count: 3).flatMap { $0 })
        let database = try AppDatabase.open(path: db, readOnly: true)
        let expected = ["2935517": "FR", "2644688": "DE", "3094802": "PL"]
        for row in rows {
            let candidate = try XCTUnwrap(database.city(geonameId: Int64(row[2])!), "\(row)")
            XCTAssertEqual(candidate.countryCode, expected[row[0]], "\(row)")
            XCTAssertNotEqual(row[2], row[0], "never the query itself")
            let score = try XCTUnwrap(Double(row[3]))
            XCTAssertTrue((0...1).contains(score))
        }
        for q in expected.keys {
            let scores = rows.filter { $0[0] == q }.map { Double($0[3])! }
            XCTAssertEqual(scores, scores.sorted(by: >), "best first for \(q)")
        }
        // Dortmund's French partner Amiens is a known partner: never suggested.
        XCTAssertFalse(rows.contains { $0[0] == "2935517" && $0[2] == "3037854" })
    }

    func testSuggestionsWhyNotAndReviews() throws {
        let db = try demoCopy()
        let text = try CLI.ok(["match", "Dortmund", "--country", "FR", "--limit", "3", "--db", db])
        XCTAssertTrue(text.stdout.hasPrefix("Partner suggestions for Dortmund (DE)"), text.summary)
        XCTAssertEqual(text.stdoutLines.filter { $0.contains(" FR ") }.count, 3, text.summary)
        // A country name or an unknown code is refused with the reason, not answered with an empty list.
        let name = try CLI.fails(["match", "Dortmund", "--country", "France", "--db", db])
        XCTAssertTrue(name.stderr.contains("two-letter codes such as FR, not \"France\""), name.summary)
        let unknown = try CLI.fails(["match", "Dortmund", "--country", "xx", "--db", db])
        XCTAssertTrue(unknown.stderr.contains("No city in the register has the country code XX."), unknown.summary)
        let json = try jsonArray(try CLI.ok(["match", "Dortmund", "--country", "FR", "--limit", "3", "--format", "json", "--db", db]))
        XCTAssertEqual(json.map { $0["rank"] as? Int }, [1, 2, 3])
        let first = try XCTUnwrap(json.first)
        XCTAssertEqual((first["features"] as? [[String: Any]])?.count, MatchFeature.allCases.count)
        // The contract: reasons ordered by contribution, each with feature, group, contribution and text.
        let reasons = try XCTUnwrap(first["reasons"] as? [[String: Any]])
        XCTAssertFalse(reasons.isEmpty)
        let groups: Set<String> = ["challenges", "themes", "size", "geography", "network", "country"]
        for r in reasons {
            XCTAssertNotNil(MatchFeature(rawValue: r["feature"] as? String ?? ""))
            XCTAssertTrue(groups.contains(r["group"] as? String ?? ""), "\(r)")
            XCTAssertFalse((r["text"] as? String ?? "").isEmpty)
        }
        let contributions = reasons.map { ($0["contribution"] as? NSNumber)?.doubleValue ?? -1 }
        XCTAssertEqual(contributions, contributions.sorted(by: >))
        for key in ["geonameid", "name", "country", "score", "rank"] { XCTAssertNotNil(first[key], key) }
        // Abroad by default; --domestic brings German cities back.
        let abroad = try jsonArray(try CLI.ok(["match", "Dortmund", "--limit", "20", "--format", "json", "--db", db]))
        XCTAssertFalse(abroad.contains { $0["country"] as? String == "DE" })
        let domestic = try jsonArray(try CLI.ok(["match", "Dortmund", "--domestic", "--limit", "20", "--format", "json", "--db", db]))
        XCTAssertTrue(domestic.contains { $0["country"] as? String == "DE" })
        let top = try XCTUnwrap(first["geonameid"] as? Int)

        let partner = try CLI.ok(["match", "Dortmund", "--why-not", "Amiens", "--db", db])
        XCTAssertTrue(partner.stdout.contains("already a partner"), partner.summary)
        let why = try CLI.ok(["match", "Dortmund", "--why-not", "Lyon", "--db", db])
        XCTAssertTrue(why.stdout.contains("Lyon ranks"), why.summary)

        let rejected = try CLI.ok(["match", "review", "Dortmund", String(top), "--reject", "no common themes", "--db", db])
        XCTAssertTrue(rejected.stdout.contains("rejected"), rejected.summary)
        let again = try jsonArray(try CLI.ok(["match", "Dortmund", "--country", "FR", "--limit", "3", "--format", "json", "--db", db]))
        XCTAssertFalse(again.contains { $0["geonameid"] as? Int == top }, "a rejected candidate is not suggested again")
        let reviews = try jsonArray(try CLI.ok(["match", "reviews", "Dortmund", "--format", "json", "--db", db]))
        XCTAssertEqual(reviews.first?["decision"] as? String, "reject")
        XCTAssertEqual(reviews.first?["reason"] as? String, "no common themes")
        try CLI.fails(["match", "review", "Dortmund", "Lyon", "--snooze", "someday", "--db", db])
        try CLI.fails(["match", "review", "Dortmund", "Lyon", "--db", db].filter { $0 != "--snooze" })
        let past = try CLI.fails(["match", "review", "Dortmund", "Lyon", "--snooze", "2020-01-01", "--db", db])
        XCTAssertTrue(past.stderr.contains("2020-01-01 is not after today"), past.summary)
        XCTAssertFalse(try CLI.ok(["match", "reviews", "Dortmund", "--db", db]).stdout.contains("2020-01-01"), "nothing saved")
        try CLI.ok(["match", "review", "Dortmund", "Lyon", "--snooze", "2099-01-01", "--db", db])
    }
}

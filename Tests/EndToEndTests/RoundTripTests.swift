import Foundation
import TwinningTestSupport
import XCTest

/// export → import into an `init --empty` database → export again.
final class RoundTripTests: EndToEndTestCase {

    /// Projects before events: an event names its project by title. Projects are JSON in both runs (they nest).
    private let kinds = ["cities", "partnerships", "projects", "events"]
    /// Row ids are new in the second database; everything else must survive.
    private let idColumns: Set<String> = ["id", "partnership_id"]

    func testCSVRoundTrip() throws {
        try roundTrip(format: "csv")
    }

    func testJSONRoundTrip() throws {
        try roundTrip(format: "json")
    }

    private func roundTrip(format: String) throws {
        let demo = try demoDB()
        let target = try emptyCopy()
        var first: [String: String] = [:]
        for kind in kinds {
            let path = workDir.appendingPathComponent("first-\(kind).\(format)").path
            let result = try CLI.ok(["export", kind, "--format", kind == "projects" ? "json" : format, "--output", path, "--db", demo])
            XCTAssertTrue(result.stdout.isEmpty || !result.stdout.contains("\n\n"), result.summary)
            first[kind] = path
        }
        // stdout and --output write the same thing.
        let onScreen = try CLI.ok(["export", "events", "--format", format, "--db", demo])
        XCTAssertEqual(onScreen.stdoutData, try Data(contentsOf: URL(fileURLWithPath: first["events"]!)))

        let demoCounts = try counts(demo)
        for kind in kinds {
            let result = try CLI.ok(["import", kind, first[kind]!, "--db", target])
            XCTAssertTrue(result.stdout.contains("Imported") || result.stderr.contains("Imported"), result.summary)
        }
        let imported = try counts(target)
        XCTAssertEqual(imported.partnerships, demoCounts.partnerships)
        XCTAssertEqual(imported.events, demoCounts.events)
        XCTAssertEqual(imported.registerCities, demoCounts.registerCities)
        XCTAssertEqual(imported.cities, demoCounts.cities)

        for kind in kinds {
            let second = workDir.appendingPathComponent("second-\(kind).\(format)").path
            try CLI.ok(["export", kind, "--format", kind == "projects" ? "json" : format, "--output", second, "--db", target])
            let a = try String(contentsOfFile: first[kind]!, encoding: .utf8)
            let b = try String(contentsOfFile: second, encoding: .utf8)
            if kind == "projects" {
                XCTAssertEqual(a, b, "projects: the same file after the round trip")
            } else if format == "csv" {
                let tableA = CSV.parse(a), tableB = CSV.parse(b)
                XCTAssertGreaterThan(tableA.count, 1, "\(kind) export has rows")
                XCTAssertEqual(tableA.first, tableB.first, "\(kind): same header")
                let dropA = CSV.dropping(idColumns, from: tableA), dropB = CSV.dropping(idColumns, from: tableB)
                XCTAssertEqual(dropA.count, dropB.count, "\(kind): same number of rows")
                if dropA != dropB {
                    let firstDiff = zip(dropA, dropB).enumerated().first { $0.element.0 != $0.element.1 }
                    XCTFail("\(kind) CSV differs after the round trip, first at row \(firstDiff?.offset ?? -1): \(String(describing: firstDiff?.element.0)) vs \(String(describing: firstDiff?.element.1))")
                }
            } else {
                let arrayA = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [[String: Any]])
                let arrayB = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(b.utf8)) as? [[String: Any]])
                XCTAssertGreaterThan(arrayA.count, 0)
                XCTAssertEqual(arrayA.count, arrayB.count, "\(kind): same number of records")
                let strip = { (array: [[String: Any]]) in array.map { $0.filter { !self.idColumns.contains($0.key) } as NSDictionary } }
                let strippedA = strip(arrayA), strippedB = strip(arrayB)
                if strippedA != strippedB {
                    let firstDiff = zip(strippedA, strippedB).enumerated().first { !$0.element.0.isEqual($0.element.1) }
                    XCTFail("\(kind) JSON differs after the round trip, first at index \(firstDiff?.offset ?? -1): \(String(describing: firstDiff?.element.0)) vs \(String(describing: firstDiff?.element.1))")
                }
            }
        }
    }

    /// Quotes, commas, line breaks, non-Latin scripts and user-added cities
    /// (without a GeoNames id) survive export → import → export, in CSV and JSON.
    func testAwkwardTextRoundTrip() throws {
        let source = try emptyCopy("awkward-source.sqlite")
        try CLI.ok(["cities", "add", "--name", "Zürich-Süd \"Test\"", "--country", "CH", "--population", "12",
                    "--themes", "youth, climate", "--notes", "He said \"hi\", then\nleft; a,b", "--seeking", "yes", "--db", source])
        try CLI.ok(["cities", "add", "--name", "東京テスト", "--country", "JP", "--lat", "35.5", "--lon", "139.7", "--db", source])
        try CLI.ok(["cities", "edit", "Kraków", "--notes", "Ąę \"quoted\"\nnext line", "--themes", "culture", "--db", source])
        let pid = try addPartnership("Zürich-Süd \"Test\", CH", "東京テスト", db: source,
                                     extra: ["--notes", "multi\nline, \"quoted\"", "--themes", "sport, music", "--since", "1999-04"])
        _ = try addPartnership("Kraków", "東京テスト", db: source, extra: ["--status", "dormant", "--type", "friendship"])
        try CLI.ok(["events", "add", "--partnership", String(pid), "--date", "2025-06", "--kind", "culture",
                    "--title", "Fest, \"groß\"", "--notes", "line1\nline2", "--by-country", "CH:3; JP:4",
                    "--participants", "7", "--youth", "2", "--db", source])
        let sourceCounts = try counts(source)
        XCTAssertEqual(sourceCounts.partnerships, 2)
        XCTAssertEqual(sourceCounts.events, 1)

        for format in ["csv", "json"] {
            let target = try emptyCopy("awkward-target-\(format).sqlite")
            var first: [String: Data] = [:]
            for kind in kinds {
                let path = workDir.appendingPathComponent("awkward-\(kind).\(format)").path
                try CLI.ok(["export", kind, "--format", kind == "projects" ? "json" : format, "--output", path, "--db", source])
                first[kind] = try Data(contentsOf: URL(fileURLWithPath: path))
                try CLI.ok(["import", kind, path, "--db", target])
            }
            let targetCounts = try counts(target)
            XCTAssertEqual(targetCounts.partnerships, 2, format)
            XCTAssertEqual(targetCounts.events, 1, format)
            XCTAssertEqual(targetCounts.registerCities, sourceCounts.registerCities, format)
            XCTAssertEqual(targetCounts.cities, sourceCounts.cities, format)
            for kind in kinds {
                let second = try CLI.ok(["export", kind, "--format", kind == "projects" ? "json" : format, "--db", target]).stdout
                let original = String(decoding: first[kind]!, as: UTF8.self)
                if kind == "projects" {
                    XCTAssertEqual(second, original, "projects JSON")
                } else if format == "csv" {
                    XCTAssertEqual(CSV.dropping(idColumns, from: CSV.parse(second)), CSV.dropping(idColumns, from: CSV.parse(original)),
                                   "\(kind) CSV:\n\(original)\n---\n\(second)")
                } else {
                    let strip = { (text: String) throws -> [NSDictionary] in
                        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
                        return array.map { $0.filter { !self.idColumns.contains($0.key) } as NSDictionary }
                    }
                    XCTAssertEqual(try strip(second), try strip(original), "\(kind) JSON:\n\(original)\n---\n\(second)")
                }
            }
            let show = try CLI.ok(["cities", "show", "Zürich-Süd \"Test\"", "--format", "json", "--db", target])
            let city = try XCTUnwrap((try json(show) as? [String: Any])?["city"] as? [String: Any], show.summary)
            XCTAssertEqual((city["population"] as? NSNumber)?.intValue, 12, format)
            let text = try CLI.ok(["cities", "show", "Kraków", "--db", target])
            XCTAssertTrue(text.stdout.contains("Ąę \"quoted\""), text.summary)
            XCTAssertEqual(city["themes"] as? [String], ["youth", "sdg13"], "\(format): \"climate\" is stored as its vocabulary code (v7)")
        }
    }

    func testExportToAnUnwritablePathFails() throws {
        let target = workDir.appendingPathComponent("missing-folder/out.csv").path
        let result = try CLI.fails(["export", "events", "--output", target, "--db", try demoDB()])
        XCTAssertTrue(result.stderr.contains(target), result.summary)
        XCTAssertEqual(result.stderrLines.count, 1, result.summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    func testCitiesExportDefaultsToTheRegister() throws {
        let demo = try demoDB()
        let c = try counts(demo)
        let csv = try CLI.ok(["export", "cities", "--db", demo])
        XCTAssertEqual(CSV.parse(csv.stdout).count, c.registerCities + 1, "header + one row per register city")
        XCTAssertEqual(CSV.parse(csv.stdout).first?.first, "geonameid")
        let json = try CLI.ok(["export", "cities", "--format", "json", "--db", demo])
        XCTAssertEqual(try jsonArray(json).count, c.registerCities)
    }

    func testExportForOneCity() throws {
        let result = try CLI.ok(["export", "partnerships", "--city", "Dortmund", "--db", try demoDB()])
        let table = CSV.parse(result.stdout)
        XCTAssertEqual(table.count, 9, result.summary)
        let header = try XCTUnwrap(table.first)
        let a = try XCTUnwrap(header.firstIndex(of: "name_a")), b = try XCTUnwrap(header.firstIndex(of: "name_b"))
        XCTAssertTrue(table.dropFirst().allSatisfy { $0[a] == "Dortmund" || $0[b] == "Dortmund" }, result.summary)
    }

    func testNameAndCountryPartnershipsFile() throws {
        let db = try emptyCopy()
        let file = try write("by-name.csv", """
            name_a,country_a,name_b,country_b
            Dortmund,DE,Amiens,FR
            Köln,DE,Liverpool,GB
            "Frankfurt am Main",DE,Kraków,PL

            """)
        let result = try CLI.ok(["import", "partnerships", file, "--db", db])
        XCTAssertTrue((result.stdout + result.stderr).contains("3 partnerships"), result.summary)
        XCTAssertEqual(try counts(db).partnerships, 3)
        let list = try CLI.ok(["partnerships", "list", "--format", "tsv", "--db", db])
        let rows = CSV.parse(list.stdout, separator: "\t").dropFirst()
        let pairs = Set(rows.map { Set([$0[2] + "/" + $0[3], $0[5] + "/" + $0[6]]) })
        XCTAssertEqual(pairs, [["Dortmund/DE", "Amiens/FR"], ["Köln/DE", "Liverpool/GB"], ["Frankfurt am Main/DE", "Kraków/PL"]], list.summary)
        let geonameIds = Set(rows.flatMap { [$0[1], $0[4]] })
        XCTAssertTrue(geonameIds.isSuperset(of: ["2935517", "3037854", "3094802"]), "\(geonameIds)")
    }

    func testEventsImportByPartnershipNames() throws {
        let db = try demoCopy()
        let before = try counts(db)
        let file = try write("events.csv", """
            geonameid_a,geonameid_b,start,kind,title,participants,youth
            2935517,3037854,2026-09-01,culture,Konzert,40,12

            """)
        try CLI.ok(["import", "events", file, "--db", db])
        XCTAssertEqual(try counts(db).events, before.events + 1)
        let list = try jsonArray(try CLI.ok(["events", "list", "--city", "Amiens", "--year", "2026", "--format", "json", "--db", db]))
        let concert = try XCTUnwrap(list.first { ($0["title"] as? String) == "Konzert" })
        XCTAssertEqual(concert["start"] as? String, "2026-09-01")
        XCTAssertEqual((concert["participants"] as? NSNumber)?.intValue, 40)
        XCTAssertEqual((concert["youth"] as? NSNumber)?.intValue, 12)
    }
}

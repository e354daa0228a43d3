import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

/// Imports that must be refused as a whole: `FILE:LINE: message`, exit 1, nothing written.
final class BadImportTests: EndToEndTestCase {

    /// Imports `data` as `kind` into a fresh copy (demo or empty) and checks the
    /// refusal: exit 1, one "twinning: FILE:LINE: " line, no row added or changed.
    @discardableResult
    private func assertRejected(_ kind: String, _ name: String, _ data: Data, line expectedLine: Int?,
                                contains needles: [String], onDemo: Bool = false,
                                file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let db = onDemo ? try demoCopy("db-\(name).sqlite") : try emptyCopy("db-\(name).sqlite")
        let path = try write(name, data)
        let before = try counts(db)
        // A cities import may also update existing cities: compare the register too.
        let registerBefore = kind == "cities" ? try CLI.run(["export", "cities", "--db", db]).stdoutData : nil
        let result = try CLI.fails(["import", kind, path, "--db", db], file: file, line: line)
        let prefix = expectedLine.map { "twinning: \(path):\($0): " } ?? "twinning: \(path): "
        XCTAssertTrue(result.stderr.hasPrefix(prefix), "expected \(prefix)…: \(result.summary)", file: file, line: line)
        XCTAssertEqual(result.stderrLines.count, 1, "one line: \(result.summary)", file: file, line: line)
        for needle in needles {
            XCTAssertTrue(result.stderr.localizedCaseInsensitiveContains(needle), "expected \"\(needle)\": \(result.summary)", file: file, line: line)
        }
        XCTAssertFalse(result.stdout.contains("Imported"), result.summary, file: file, line: line)
        XCTAssertEqual(try counts(db), before, "nothing written", file: file, line: line)
        if let registerBefore {
            XCTAssertEqual(try CLI.run(["export", "cities", "--db", db]).stdoutData, registerBefore, "register unchanged", file: file, line: line)
        }
        return result
    }

    private func text(_ s: String) -> Data { Data(s.utf8) }

    func testWrongColumnCount() throws {
        try assertRejected("partnerships", "columns.csv", text("geonameid_a,geonameid_b\n2935517,3037854\n2935517\n"),
                           line: 3, contains: ["1 columns", "header has 2"])
        try assertRejected("partnerships", "columns-more.csv", text("geonameid_a,geonameid_b\n2935517,3037854\n2935517,3094802,9\n"),
                           line: 3, contains: ["3 columns"])
    }

    func testUnbalancedQuotes() throws {
        try assertRejected("partnerships", "quotes.csv", text("geonameid_a,geonameid_b\n2935517,3037854\n2935517,\"3094802\n"),
                           line: 3, contains: ["quote"])
    }

    func testInvalidUTF8() throws {
        var data = Data("name_a,country_a,name_b,country_b\nDortmund,DE,Amiens,FR\nD".utf8)
        data.append(contentsOf: [0xFC, 0x73, 0xFF, 0xFE])  // Latin-1 "ü" and garbage
        data.append(Data("seldorf,DE,Amiens,FR\n".utf8))
        try assertRejected("partnerships", "latin1.csv", data, line: 3, contains: ["UTF-8"])
        var cities = Data("name,country_code,population\nNewtown,DE,10\n".utf8)
        cities.append(contentsOf: [0xC3, 0x28, 0x2C, 0x44, 0x45, 0x2C, 0x35, 0x0A])  // invalid 2-byte sequence
        try assertRejected("cities", "bad-utf8-cities.csv", cities, line: 3, contains: ["UTF-8"])
    }

    func testEmptyFileAndHeaderOnly() throws {
        for kind in ["cities", "partnerships", "events"] {
            try assertRejected(kind, "empty-\(kind).csv", Data(), line: nil, contains: ["empty"])
        }
        try assertRejected("partnerships", "header.csv", text("geonameid_a,geonameid_b\n"), line: nil, contains: ["no data rows"])
        try assertRejected("cities", "header-cities.csv", text("name,country_code,population\n"), line: nil, contains: ["no data rows"])
    }

    func testUnknownGeoNamesId() throws {
        try assertRejected("partnerships", "unknown.csv", text("geonameid_a,geonameid_b\n2935517,3037854\n99999999,3037854\n"),
                           line: 3, contains: ["99999999", "unknown GeoNames id"])
        try assertRejected("partnerships", "unknown-name.csv", text("name_a,country_a,name_b,country_b\nDortmund,DE,Amiens,FR\nNowhereville,DE,Amiens,FR\n"),
                           line: 3, contains: ["Nowhereville"])
    }

    func testDuplicatePairInTheFile() throws {
        try assertRejected("partnerships", "dup.csv", text("geonameid_a,geonameid_b\n2935517,3037854\n3094802,2935517\n3037854,2935517\n"),
                           line: 4, contains: ["duplicate pair", "line 2"])
    }

    func testDuplicatePairAgainstTheDatabase() throws {
        // Kraków–Amiens is new, Dortmund–Amiens is in the demo network.
        try assertRejected("partnerships", "dup-db.csv", text("geonameid_a,geonameid_b\n3094802,3037854\n3037854,2935517\n"),
                           line: 3, contains: ["already partners"], onDemo: true)
    }

    func testPairOfCityWithItself() throws {
        try assertRejected("partnerships", "self.csv", text("geonameid_a,geonameid_b\n3094802,3037854\n2935517,2935517\n"),
                           line: 3, contains: ["itself"])
    }

    func testNonNumericPopulation() throws {
        try assertRejected("cities", "population.csv", text("name,country_code,population\nNewtown,DE,1000\nOldtown,DE,lots\n"),
                           line: 3, contains: ["population", "lots"])
        try assertRejected("cities", "population-negative.csv", text("name,country_code,population\nNewtown,DE,1000\nOldtown,DE,-5\n"),
                           line: 3, contains: ["population"])
    }

    func testYouthAboveParticipants() throws {
        let csv = """
            geonameid_a,geonameid_b,start,kind,participants,youth
            2935517,3037854,2025-01-01,visit,10,9
            2935517,3037854,2025-02-01,visit,5,9

            """
        try assertRejected("events", "youth.csv", text(csv), line: 3, contains: ["youth", "cannot exceed participants"], onDemo: true)
        // The same in an export-shaped JSON file (record 2 is the bad one).
        let json = """
            [
              {"geonameid_a": 2935517, "geonameid_b": 3037854, "start": "2025-01-01", "kind": "visit", "participants": 10, "youth": 9},
              {"geonameid_a": 2935517, "geonameid_b": 3037854, "start": "2025-02-01", "kind": "visit", "participants": 5, "youth": 9}
            ]
            """
        let db = try demoCopy("json-youth.sqlite")
        let before = try counts(db)
        let path = try write("youth.json", json)
        let result = try CLI.fails(["import", "events", path, "--db", db])
        XCTAssertTrue(result.stderr.hasPrefix("twinning: \(path)"), result.summary)
        XCTAssertTrue(result.stderr.contains("cannot exceed participants"), result.summary)
        XCTAssertEqual(try counts(db), before)
    }

    func testEventOfCitiesThatAreNotPartners() throws {
        let csv = "geonameid_a,geonameid_b,start,kind\n2935517,3037854,2025-01-01,visit\n2935517,3094802,2025,visit\n"
        try assertRejected("events", "not-partners.csv", text(csv), line: 3, contains: ["no partnership", "Kraków"], onDemo: true)
    }

    func testBadDateInEventsFile() throws {
        let csv = "geonameid_a,geonameid_b,start,kind\n2935517,3037854,2025-01-01,visit\n2935517,3037854,2026-13-45,visit\n"
        try assertRejected("events", "date.csv", text(csv), line: 3, contains: ["2026-13-45", "2026-05-14"], onDemo: true)
    }

    func testOneMegabyteField() throws {
        let huge = String(repeating: "A", count: 1_048_576)
        let result = try assertRejected("cities", "huge.csv", text("name,country_code,population\nNewtown,DE,10\n\(huge),DE,5\n"),
                                        line: 3, contains: ["name", "too long"])
        XCTAssertLessThan(result.stderrData.count, 2_000, "the message must not repeat the 1 MB field")
        XCTAssertLessThan(result.stdoutData.count, 2_000)
    }

    func testControlCharactersAndEscapeSequencesInNames() throws {
        let names = ["Evil\u{1B}[2JTown", "\u{1B}]0;pwned\u{07}", "Bell\u{07}Town", "Tab\u{01}Town"]
        for (index, name) in names.enumerated() {
            var result = try assertRejected("cities", "esc-\(index).csv", text("name,country_code,population\nNewtown,DE,10\n\(name),DE,5\n"),
                                            line: 3, contains: ["control character"])
            XCTAssertFalse(result.stderrData.contains(0x1B), "raw ESC on stderr: \(result.summary)")
            XCTAssertFalse(result.stdoutData.contains(0x1B), "raw ESC on stdout: \(result.summary)")
            XCTAssertFalse(result.stderrData.contains(0x07), "raw BEL on stderr: \(result.summary)")
            // Names in a partnerships file are looked up, and the message must be just as safe.
            result = try assertRejected("partnerships", "esc-p-\(index).csv",
                                        text("name_a,country_a,name_b,country_b\nDortmund,DE,Amiens,FR\n\(name),DE,Amiens,FR\n"),
                                        line: 3, contains: [])
            XCTAssertFalse(result.stderrData.contains(0x1B), "raw ESC on stderr: \(result.summary)")
            XCTAssertFalse(result.stdoutData.contains(0x1B), "raw ESC on stdout: \(result.summary)")
            XCTAssertFalse(result.stderrData.contains(0x07), "raw BEL on stderr: \(result.summary)")
        }
        // The same inside a JSON file.
        let json = #"[{"name": "Ok", "country_code": "DE"}, {"name": "Evil\u001b[2JTown", "country_code": "DE"}]"#
        let db = try emptyCopy("esc-json.sqlite")
        let before = try counts(db)
        let path = try write("esc.json", json)
        let result = try CLI.fails(["import", "cities", path, "--db", db])
        XCTAssertTrue(result.stderr.hasPrefix("twinning: \(path)"), result.summary)
        XCTAssertFalse(result.stderrData.contains(0x1B), result.summary)
        XCTAssertEqual(try counts(db), before)
    }

    func testUnknownColumn() throws {
        try assertRejected("partnerships", "column.csv", text("geonameid_a,geonameid_b,colour\n2935517,3094802,red\n"),
                           line: 1, contains: ["unknown column", "colour"])
        try assertRejected("cities", "column-cities.csv", text("name,country_code,shoe_size\nNewtown,DE,42\n"),
                           line: 1, contains: ["unknown column", "shoe_size"])
    }

    func testMissingFile() throws {
        let db = try emptyCopy()
        let path = workDir.appendingPathComponent("does-not-exist.csv").path
        let result = try CLI.fails(["import", "partnerships", path, "--db", db])
        XCTAssertTrue(result.stderr.contains(path), result.summary)
        XCTAssertEqual(result.stderrLines.count, 1, result.summary)
    }
}

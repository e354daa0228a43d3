import Foundation
import TwinningTestSupport
import XCTest

/// `twinning cities search|show|add|edit`, run as a separate process.
final class CitiesCommandTests: EndToEndTestCase {

    // MARK: search

    func testSearchIgnoresCaseAndAccents() throws {
        let db = try demoDB()
        for query in ["dusseldorf", "DÜSSELDORF", "Dusseldorf", "düsseldorf"] {
            let result = try CLI.ok(["cities", "search", query, "--db", db])
            let first = try XCTUnwrap(result.stdoutLines.dropFirst().first, "no result row for \(query): \(result.summary)")
            XCTAssertTrue(first.hasPrefix("Düsseldorf "), "first hit for \(query) should be Düsseldorf: \(result.summary)")
            XCTAssertTrue(first.contains("2934246"), "Düsseldorf's GeoNames id for \(query): \(result.summary)")
            XCTAssertTrue(first.contains("DE"), result.summary)
        }
    }

    func testSearchKrakowFindsKrakow() throws {
        let result = try CLI.ok(["cities", "search", "krakow", "--db", try demoDB()])
        let first = try XCTUnwrap(result.stdoutLines.dropFirst().first, result.summary)
        XCTAssertTrue(first.hasPrefix("Kraków "), result.summary)
        XCTAssertTrue(first.contains("PL"), result.summary)
        XCTAssertTrue(first.contains("3094802"), result.summary)
    }

    func testSearchCountryFilterAndLimit() throws {
        let db = try demoDB()
        // Without a filter, Springfield finds cities in the US and in Australia.
        let all = try CLI.ok(["cities", "search", "springfield", "--limit", "100", "--format", "tsv", "--db", db])
        let allCountries = Set(CSV.parse(all.stdout, separator: "\t").dropFirst().map { $0[3] })
        XCTAssertTrue(allCountries.isSuperset(of: ["US", "AU"]), all.summary)

        let us = try CLI.ok(["cities", "search", "springfield", "--country", "US", "--limit", "100", "--format", "tsv", "--db", db])
        let usRows = CSV.parse(us.stdout, separator: "\t").dropFirst()
        XCTAssertGreaterThan(usRows.count, 5, us.summary)
        XCTAssertEqual(Set(usRows.map { $0[3] }), ["US"], us.summary)

        let au = try CLI.ok(["cities", "search", "springfield", "--country", "au", "--format", "tsv", "--db", db])
        let auRows = CSV.parse(au.stdout, separator: "\t").dropFirst()
        XCTAssertTrue(auRows.contains(["9957703", "Springfield", "Queensland", "AU", "6705"]), au.summary)
        XCTAssertEqual(Set(auRows.map { $0[3] }), ["AU"], au.summary)

        let fr = try CLI.ok(["cities", "search", "paris", "--country", "FR", "--limit", "1", "--format", "tsv", "--db", db])
        XCTAssertEqual(fr.stdoutLines, ["geonameid\tname\tregion\tcountry\tpopulation", "2988507\tParis\tIle-de-France\tFR\t2138551"], fr.summary)

        let limited = try CLI.ok(["cities", "search", "berlin", "--limit", "2", "--format", "tsv", "--db", db])
        XCTAssertEqual(limited.stdoutLines.count, 3, "header + 2 rows: \(limited.summary)")
        let one = try CLI.ok(["cities", "search", "berlin", "--limit", "1", "--db", db])
        XCTAssertEqual(one.stdoutLines.count, 2, "header + 1 row: \(one.summary)")
        XCTAssertTrue(one.stdoutLines[1].hasPrefix("Berlin "), one.summary)
    }

    func testSearchJSONOutput() throws {
        let result = try CLI.ok(["cities", "search", "dusseldorf", "--limit", "3", "--format", "json", "--db", try demoDB()])
        let array = try jsonArray(result)
        XCTAssertFalse(array.isEmpty)
        XCTAssertLessThanOrEqual(array.count, 3)
        let first = array[0]
        for key in ["id", "geonameid", "name", "country", "region", "population", "latitude", "longitude",
                    "themes", "strengths", "challenges", "seeking_partners"] {
            XCTAssertNotNil(first[key], "key \(key) missing in \(first)")
        }
        XCTAssertEqual(first["name"] as? String, "Düsseldorf")
        XCTAssertEqual(first["country"] as? String, "DE")
        XCTAssertEqual((first["geonameid"] as? NSNumber)?.intValue, 2934246)
        XCTAssertEqual(first["region"] as? String, "North Rhine-Westphalia")
        XCTAssertGreaterThan((first["population"] as? NSNumber)?.intValue ?? 0, 500_000)
        XCTAssertNotNil(first["themes"] as? [Any])
    }

    func testSearchTSVOutput() throws {
        let result = try CLI.ok(["cities", "search", "dortmund", "--format", "tsv", "--db", try demoDB()])
        let lines = result.stdoutLines
        XCTAssertEqual(lines.first, "geonameid\tname\tregion\tcountry\tpopulation", result.summary)
        XCTAssertGreaterThanOrEqual(lines.count, 2)
        for line in lines {
            XCTAssertEqual(line.split(separator: "\t", omittingEmptySubsequences: false).count, 5, "5 tab-separated fields: \(line)")
        }
        XCTAssertEqual(lines[1], "2935517\tDortmund\tNorth Rhine-Westphalia\tDE\t588462", result.summary)
    }

    // MARK: show

    func testShowDortmundListsItsPartners() throws {
        let result = try CLI.ok(["cities", "show", "Dortmund", "--db", try demoDB()])
        let out = result.stdout
        XCTAssertTrue(out.hasPrefix("Dortmund\n"), result.summary)
        XCTAssertTrue(out.contains("Country: Germany (DE)"), result.summary)
        XCTAssertTrue(out.contains("GeoNames id: 2935517"), result.summary)
        XCTAssertTrue(out.contains("Partners (8)"), result.summary)
        for partner in ["Amiens", "Novi Sad", "Zwickau", "Rostov-on-Don"] {
            XCTAssertTrue(out.contains(partner), "\(partner) missing: \(result.summary)")
        }
        XCTAssertTrue(result.stderr.isEmpty, result.summary)
    }

    func testShowByIdAndByNameCountryAndJSON() throws {
        let db = try demoDB()
        let byId = try CLI.ok(["cities", "show", "2935517", "--db", db])
        XCTAssertTrue(byId.stdout.hasPrefix("Dortmund\n"), byId.summary)
        let byNameCountry = try CLI.ok(["cities", "show", "Frankfurt am Main, DE", "--db", db])
        XCTAssertTrue(byNameCountry.stdout.hasPrefix("Frankfurt am Main\n"), byNameCountry.summary)

        let json = try CLI.ok(["cities", "show", "Dortmund", "--format", "json", "--db", db])
        let object = try XCTUnwrap(try self.json(json) as? [String: Any], json.summary)
        let city = try XCTUnwrap(object["city"] as? [String: Any])
        XCTAssertEqual(city["name"] as? String, "Dortmund")
        let partnerships = try XCTUnwrap(object["partnerships"] as? [[String: Any]])
        XCTAssertEqual(partnerships.count, 8)
        let partnerNames = Set(partnerships.flatMap { p in
            ["city_a", "city_b"].compactMap { (p[$0] as? [String: Any])?["name"] as? String }
        })
        XCTAssertTrue(partnerNames.isSuperset(of: ["Dortmund", "Amiens", "Novi Sad", "Zwickau"]), "\(partnerNames)")
    }

    /// The JSON form of `cities show` carries the same profile as the text form.
    func testShowJSONIncludesNotesAndContacts() throws {
        let db = try demoDB()
        let text = try CLI.ok(["cities", "show", "Dortmund", "--db", db])
        XCTAssertTrue(text.stdout.contains("Notes: Auslandsgesellschaft und Büro für Städtepartnerschaften im Rathaus."), text.summary)
        XCTAssertTrue(text.stdout.contains("partnerschaften@example.de"), text.summary)
        let result = try CLI.ok(["cities", "show", "Dortmund", "--format", "json", "--db", db])
        let object = try XCTUnwrap(try json(result) as? [String: Any])
        let city = try XCTUnwrap(object["city"] as? [String: Any])
        XCTAssertEqual(city["notes"] as? String, "Auslandsgesellschaft und Büro für Städtepartnerschaften im Rathaus.",
                       "city.notes missing from JSON; keys: \(city.keys.sorted())")
        let contacts = object["contacts"] as? [[String: Any]]
        XCTAssertNotNil(contacts, "contacts missing from JSON; keys: \(object.keys.sorted())")
        XCTAssertTrue(contacts?.contains { $0.values.contains { ($0 as? String) == "partnerschaften@example.de" } } ?? false,
                      "the contact's e-mail: \(String(describing: contacts))")
    }

    func testAmbiguousNameListsCandidatesAndFails() throws {
        let result = try CLI.fails(["cities", "show", "Springfield", "--db", try demoDB()])
        XCTAssertTrue(result.stdout.isEmpty, result.summary)
        XCTAssertTrue(result.stderr.contains("\"Springfield\" fits"), result.summary)
        XCTAssertTrue(result.stderr.contains("Name, CC"), result.summary)
        // The candidates are listed one per line, each with the id to use instead.
        let lines = result.stderrLines
        XCTAssertGreaterThanOrEqual(lines.count, 4, "a candidate list, one city per line: \(result.summary)")
        let missouri = lines.first { $0.contains("Missouri") }
        XCTAssertNotNil(missouri, result.summary)
        XCTAssertTrue(missouri?.contains("4409896") ?? false, "Missouri's line carries its GeoNames id: \(result.summary)")
        XCTAssertFalse(missouri?.contains("Massachusetts") ?? true, "each candidate on its own line: \(result.summary)")
        XCTAssertNotNil(lines.first { $0.contains("Queensland") && $0.contains("AU") }, result.summary)
    }

    func testAmbiguousCityArgumentOfPartnershipsAddFails() throws {
        let db = try demoCopy()
        let before = try counts(db)
        let result = try CLI.fails(["partnerships", "add", "Dortmund", "Paris", "--db", db])
        XCTAssertTrue(result.stderr.contains("\"Paris\" fits"), result.summary)
        XCTAssertTrue(result.stderr.contains("2988507"), "candidates include Paris, FR: \(result.summary)")
        XCTAssertEqual(try counts(db), before)
    }

    func testUnknownCityFails() throws {
        let db = try demoDB()
        let result = try CLI.fails(["cities", "show", "Nowhereville", "--db", db])
        XCTAssertEqual(result.stderr, "twinning: No city matches \"Nowhereville\".\n", result.summary)
        XCTAssertTrue(result.stdout.isEmpty)

        let byId = try CLI.fails(["cities", "show", "99999999", "--db", db])
        XCTAssertTrue(byId.stderr.contains("99999999"), byId.summary)

        // "Frankfurt" is another name of two cities: both are listed, neither is guessed.
        let frankfurt = try CLI.fails(["cities", "show", "Frankfurt", "--db", db])
        XCTAssertTrue(frankfurt.stderr.contains("Frankfurt am Main"), frankfurt.summary)
        XCTAssertTrue(frankfurt.stderr.contains("Frankfurt (Oder)"), frankfurt.summary)
        // A near miss suggests the real names.
        let typo = try CLI.fails(["cities", "show", "Dortmnud", "--db", db])
        XCTAssertEqual(typo.stderr, "twinning: No city matches \"Dortmnud\". Did you mean: Dortmund, DE?\n", typo.summary)
        let exonym = try CLI.ok(["cities", "search", "Breslau", "--limit", "1", "--db", db])
        XCTAssertTrue(exonym.stdout.contains("Wrocław — Breslau"), exonym.summary)
    }

    // MARK: add / edit

    func testAddThenShow() throws {
        let db = try demoCopy()
        let before = try counts(db)
        let add = try CLI.ok(["cities", "add", "--name", "Neustadt-Testhausen", "--country", "DE", "--region", "Testland",
                              "--population", "1234", "--themes", "youth, climate", "--seeking", "yes", "--db", db])
        XCTAssertTrue(add.stdout.hasPrefix("Added Neustadt-Testhausen"), add.summary)
        XCTAssertTrue(add.stdout.contains("DE"), add.summary)
        let after = try counts(db)
        XCTAssertEqual(after.cities, before.cities + 1)
        XCTAssertEqual(after.registerCities, before.registerCities + 1)

        let show = try CLI.ok(["cities", "show", "Neustadt-Testhausen", "--db", db])
        XCTAssertTrue(show.stdout.hasPrefix("Neustadt-Testhausen\n"), show.summary)
        XCTAssertTrue(show.stdout.contains("Country: Germany (DE)"), show.summary)
        XCTAssertTrue(show.stdout.contains("Population: 1,234"), show.summary)
        XCTAssertTrue(show.stdout.contains("Themes: Youth and schools, Climate action"), show.summary)
        XCTAssertTrue(show.stdout.contains("Seeking partners: yes"), show.summary)
        XCTAssertTrue(show.stdout.contains("Partners (0)"), show.summary)

        let search = try CLI.ok(["cities", "search", "testhausen", "--db", db])
        XCTAssertTrue(search.stdout.contains("Neustadt-Testhausen"), search.summary)
    }

    func testEditChangesThemesAndPopulation() throws {
        let db = try demoCopy()
        try CLI.ok(["cities", "edit", "Dortmund", "--themes", "sport, music", "--population", "600000", "--db", db])
        let show = try CLI.ok(["cities", "show", "Dortmund", "--format", "json", "--db", db])
        let object = try XCTUnwrap(try json(show) as? [String: Any])
        let city = try XCTUnwrap(object["city"] as? [String: Any])
        XCTAssertEqual(city["themes"] as? [String], ["sport", "music"])
        XCTAssertEqual((city["population"] as? NSNumber)?.intValue, 600000)
        let text = try CLI.ok(["cities", "show", "2935517", "--db", db])
        XCTAssertTrue(text.stdout.contains("Themes: Sport, Music and festivals"), text.summary)
        XCTAssertTrue(text.stdout.contains("Population: 600,000"), text.summary)
        // The shared demo database is untouched.
        let original = try CLI.ok(["cities", "show", "Dortmund", "--db", try demoDB()])
        XCTAssertTrue(original.stdout.contains("Themes: Youth and schools, Climate action, Culture"), original.summary)
        XCTAssertTrue(original.stdout.contains("Character: former coal region (3.0 GW within 30 km) · ageing country"), original.summary)
        // JSON: derived and profile challenges, each with its vocabulary code and label.
        let shown = try XCTUnwrap(try json(try CLI.ok(["cities", "show", "Dortmund", "--format", "json", "--db", try demoDB()])) as? [String: Any])
        let challenges = try XCTUnwrap(shown["challenges"] as? [[String: Any]])
        XCTAssertTrue(challenges.contains { $0["source"] as? String == "derived" && $0["challenge"] as? String == "coal_region"
                                            && $0["code"] as? String == "sdg8" && $0["label"] as? String == "Decent work and economic growth" })
        XCTAssertTrue(challenges.contains { $0["source"] as? String == "profile" && $0["code"] as? String == "sdg13"
                                            && $0["text"] as? String == "climate adaptation" })
    }

    /// `cities show` says its labels and the reasons behind the character in the user's language.
    func testShowSpeaksTheUsersLanguage() throws {
        let fr = try CLI.ok(["cities", "show", "Dortmund", "--lang", "fr", "--db", try demoDB()]).stdout
        for line in ["Pays : Allemagne (DE)", "Habitants : 588", "Caractère : ancien bassin houiller (3,0 GW à moins de 30 km)",
                     "Cherche des partenaires : oui", "reconversion après le charbon", "Villes jumelles (8)"] {
            XCTAssertTrue(fr.contains(line), "\(line) in:\n\(fr)")
        }
        let de = try CLI.ok(["cities", "show", "Dortmund", "--lang", "de", "--db", try demoDB()]).stdout
        for line in ["Land: Deutschland (DE)", "Einwohner: 588.462", "Sucht Partner: ja", "Strukturwandel nach Kohle"] {
            XCTAssertTrue(de.contains(line), "\(line) in:\n\(de)")
        }
        XCTAssertFalse(fr.contains("Population") || fr.contains("What it faces"), fr)
    }

    func testEditRenamesAUserCity() throws {
        let db = try demoCopy()
        try CLI.ok(["cities", "add", "--name", "Altdorf-Test", "--country", "CH", "--db", db])
        try CLI.ok(["cities", "edit", "Altdorf-Test, CH", "--name", "Neudorf-Test", "--db", db])
        try CLI.ok(["cities", "show", "Neudorf-Test", "--db", db])
        try CLI.fails(["cities", "show", "Altdorf-Test", "--db", db])
    }

    func testAddRejectsControlCharactersInName() throws {
        let db = try demoCopy()
        let before = try counts(db)
        for name in ["Evil\u{1B}[2JTown", "\u{1B}]0;pwned\u{07}"] {
            let result = try CLI.fails(["cities", "add", "--name", name, "--country", "DE", "--db", db])
            XCTAssertTrue(result.stderr.contains("control character"), result.summary)
            XCTAssertFalse(result.stderrData.contains(0x1B), "raw ESC echoed on stderr: \(result.summary)")
            XCTAssertFalse(result.stdoutData.contains(0x1B), "raw ESC on stdout: \(result.summary)")
            XCTAssertFalse(result.stderrData.contains(0x07), "raw BEL echoed on stderr")
        }
        // An ESC in a looked-up name is not echoed either.
        let show = try CLI.fails(["cities", "show", "\u{1B}]0;pwned\u{07}", "--db", db])
        XCTAssertFalse(show.stderrData.contains(0x1B), show.summary)
        XCTAssertFalse(show.stderrData.contains(0x07), show.summary)
        XCTAssertEqual(try counts(db), before)
    }
}

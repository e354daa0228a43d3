import Foundation
import XCTest
@testable import TwinningCore

/// The character table as the program reads it: the shipped files, every
/// value kept exactly, unknown kept unknown, and a row that is wrong named.
final class CharacterTableTests: XCTestCase {
    func testPackedRowsGiveBackExactlyWhatWasStored() throws {
        // Values near the file's extremes, to a tenth as it gives them.
        let full = CityCharacter(role: .regionSeat, elevationM: -366, warmestC: 39.4, coldestC: -43.2, rainMm: 26687,
                                 coastKm: -72.2, portKm: 0.1, portTerminal: false, riverKm: 5107, reliefM: 3528, coalMW: 10841)
        XCTAssertEqual(try XCTUnwrap(PackedCharacter(exactly: full)).character, full)
        XCTAssertEqual(try XCTUnwrap(PackedCharacter(exactly: .unknown)).character, .unknown, "unknown stays unknown, never 0 or no")
        for role in [CityCharacter.Role.capital, .other] {
            XCTAssertEqual(try XCTUnwrap(PackedCharacter(exactly: CityCharacter(role: role, portTerminal: true))).character,
                           CityCharacter(role: role, portTerminal: true))
        }
        // What would not come back exactly is not packed: more decimals, beyond
        // what a field holds, or the very number that means "unknown".
        for odd in [CityCharacter(coastKm: 1.25), CityCharacter(warmestC: 4000), CityCharacter(elevationM: Int.max),
                    CityCharacter(elevationM: Int(Int32.min)), CityCharacter(riverKm: .infinity), CityCharacter(portKm: .nan)] {
            XCTAssertNil(PackedCharacter(exactly: odd), "\(odd)")
        }
        XCTAssertEqual(MemoryLayout<PackedCharacter>.stride, 36)
    }

    func testFactsThatDoNotPackAreKeptExactly() {
        let odd = CityCharacter(elevationM: Int.max, coastKm: 1.25)
        let plain = CityCharacter(role: .capital, warmestC: 21.5)
        let table = CharacterTable(cities: [10: plain, 20: odd, 30: plain], countries: [:])
        XCTAssertEqual(table.unpackedCount, 1)
        XCTAssertEqual(table.character(geonameId: 20, country: "XX"), odd)
        XCTAssertEqual(table.character(geonameId: 10, country: "XX"), plain)
        XCTAssertEqual(table.character(geonameId: 30, country: "XX"), plain)
    }

    func testTheShippedFilesAreReadWithEveryCity() throws {
        let table = try CharacterTable.shared
        XCTAssertGreaterThan(table.cityCount, 69_000)
        XCTAssertEqual(table.unpackedCount, 0, "every city of the shipped file packs into a row (3 MB, not a dictionary)")
        // Dortmund (2935517): what the table gives is what its line in the file says.
        let path = try DataFiles.url(for: "city_character.tsv").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let row = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("2935517\t") })
        let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
        let dortmund = table.character(geonameId: 2935517, country: "DE")
        XCTAssertEqual(dortmund.coalMW, Int(fields[11]))
        XCTAssertEqual(dortmund.riverKm, Double(fields[9]))
        XCTAssertEqual(dortmund.warmestC, Double(fields[3]))
        XCTAssertNotNil(dortmund.share65in2050, "the country's figures are added")
        // A city not in the file: only its country's facts.
        let unknown = table.character(geonameId: 999_999_999, country: "DE")
        XCTAssertNil(unknown.role)
        XCTAssertNil(unknown.coastKm)
        XCTAssertEqual(unknown.share65in2050, dortmund.share65in2050)
    }

    static let header = "geonameid\trole\televation_m\tt_warm_c\tt_cold_c\train_mm\tcoast_km\tport_km\tport_terminal\triver_km\trelief_m\tcoal_mw_30km\n"

    /// A fresh folder and the paths of the two files in it (written by the test).
    private func characterFiles() throws -> (folder: URL, cities: String, countries: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("character-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent("cities.tsv").path, folder.appendingPathComponent("countries.tsv").path)
    }

    func testAFileOutOfOrderIsFoundByIdAndABadRowIsNamed() throws {
        let (folder, cities, countries) = try characterFiles()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = Self.header
        try "code\ts20\ts50\tp00\tp50\nDE\t0.22\t0.30\t0.01\t-0.05\n".write(toFile: countries, atomically: true, encoding: .utf8)
        try (header + "30\tC\t10\t20.5\t1.5\t700\t2.5\t3\t1\t0.4\t12\t\n" + "20\t-\t\t\t\t\t\t\t\t\t\t3000\n")
            .write(toFile: cities, atomically: true, encoding: .utf8)
        let table = try CharacterTable.load(cities: cities, countries: countries)
        XCTAssertEqual(table.cityCount, 2)
        XCTAssertEqual(table.character(geonameId: 30, country: "DE").role, .capital)
        XCTAssertEqual(table.character(geonameId: 30, country: "DE").coastKm, 2.5)
        XCTAssertEqual(table.character(geonameId: 20, country: "DE").coalMW, 3000)
        // The first screen's look-up (a binary search, then line by line) finds both too.
        let lookup = CharacterLookup(cities: cities, countries: countries)
        for id: Int64 in [20, 30, 25, 5, 99] {
            XCTAssertEqual(lookup.character(geonameId: id, country: "DE"), table.character(geonameId: id, country: "DE"), "id \(id)")
        }
        XCTAssertNil(table.character(geonameId: 20, country: "DE").elevationM)
        XCTAssertNil(table.character(geonameId: 25, country: "DE").role)

        try (header + "30\tC\t10\n").write(toFile: cities, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CharacterTable.load(cities: cities, countries: countries)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("cities.tsv") && text.contains("2"), text)
        }
    }

    /// A file with more decimals than a row keeps (someone regenerated it
    /// another way) is read exactly, in id order and out of it.
    func testAFileWithValuesThatDoNotPackIsReadExactly() throws {
        let (folder, cities, countries) = try characterFiles()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = Self.header
        try "code\ts20\ts50\tp00\tp50\n".write(toFile: countries, atomically: true, encoding: .utf8)
        let odd = "20\tA\t5\t21.25\t-3.5\t800\t1.125\t4\t0\t0.05\t30\t\n"
        let plain = "30\tC\t10\t20.5\t1.5\t700\t2.5\t3\t1\t0.4\t12\t\n"
        for body in [odd + plain, plain + odd] {
            try (header + body).write(toFile: cities, atomically: true, encoding: .utf8)
            let table = try CharacterTable.load(cities: cities, countries: countries)
            XCTAssertEqual(table.unpackedCount, 1)
            let c = table.character(geonameId: 20, country: "DE")
            XCTAssertEqual(c.warmestC, 21.25); XCTAssertEqual(c.coastKm, 1.125); XCTAssertEqual(c.riverKm, 0.05)
            XCTAssertEqual(c.role, .regionSeat); XCTAssertEqual(c.coldestC, -3.5)
            XCTAssertEqual(table.character(geonameId: 30, country: "DE").coastKm, 2.5)
            XCTAssertEqual(CharacterLookup(cities: cities, countries: countries).character(geonameId: 20, country: "DE"), c)
        }
    }

    /// The one-row look-up of the first screen answers as the whole table
    /// does, and keeps answering the same once it has handed over to it.
    func testLookupAnswersAlikeBeforeAndAfterTheTableIsRead() throws {
        let lookup = CharacterLookup()
        let questions: [(Int64?, String)] = [(2935517, "DE"), (2644688, "gb"), (3094802, "PL"), (1, "DE"), (nil, "FR"), (2935517, "XX")]
        let before = questions.map { lookup.character(geonameId: $0.0, country: $0.1) }
        let table = try CharacterTable.shared
        XCTAssertEqual(before, questions.map { Optional(table.character(geonameId: $0.0, country: $0.1)) })
        XCTAssertNotNil(before[0]?.role, "Dortmund has facts")
        lookup.adopt(table)
        XCTAssertEqual(questions.map { lookup.character(geonameId: $0.0, country: $0.1) }, before)
    }

    /// The binary search over the shipped file (in id order) finds every
    /// city the table has, the first and the last line too, and nothing for
    /// ids between them that are not there.
    func testTheLookupFindsEveryCityOfTheShippedFile() throws {
        let path = try DataFiles.url(for: "city_character.tsv").path
        let ids = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: "\t", maxSplits: 1).first.flatMap { Int64($0) }
        }
        XCTAssertGreaterThan(ids.count, 69_000)
        XCTAssertEqual(ids, ids.sorted(), "the shipped file is in id order, as the binary search expects")
        let table = try CharacterTable.shared
        let lookup = CharacterLookup()
        var asked = [ids.first!, ids.last!, ids[ids.count / 2]] + stride(from: 0, to: ids.count, by: 211).map { ids[$0] }
        asked += [ids.first! - 1, ids.last! + 1, ids[100] + 1].filter { !ids.contains($0) }
        for id in asked {
            XCTAssertEqual(lookup.character(geonameId: id, country: "DE"), table.character(geonameId: id, country: "DE"), "id \(id)")
        }
        XCTAssertNotNil(lookup.character(geonameId: ids.last!, country: "DE")?.warmestC, "the last line is found")
    }
}

import Foundation
import XCTest
@testable import TwinningCore

/// A small register with hand-computed report figures (see ReportTests).
///
/// Home: Düsseldorf. Today: 2026-06-15. Health rule 2 / 5 years.
/// - P1 Düsseldorf–Amiens, active: E1 2025-05-14…18 to Amiens, 60 (30 under 30), DE:30 FR:20;
///   E3 2024-03-01, 40 (10 under 30), DE:40.
/// - P2 Düsseldorf–Kraków, active: E2 2025-09 (month only), online, 10, no youth figure, no split.
/// - P3 Düsseldorf–東京, status dormant: E4 2019-07-01 online, 5 (5 under 30), JP:5.
/// - P4 Düsseldorf–Ełk, ended: E6 2010-06-01 in person, 20.
/// - P6 Düsseldorf–Dortmund, active, no events.
/// - P5 Dortmund–Amiens (not Düsseldorf's): E5 2025-01-01, 100 participants.
struct ReportFixture {
    let database: AppDatabase
    let home: Int64
    var partnership: [String: Int64] = [:]
    var event: [String: Int64] = [:]
    static let today = PartialDate(year: 2026, month: 6, day: 15)!

    init() throws {
        database = try Fixtures.database()
        home = try Fixtures.id(database, 2934246)
        let amiens = try Fixtures.id(database, 3037854), krakow = try Fixtures.id(database, 3094802)
        let tokyo = try Fixtures.id(database, 1850147), elk = try Fixtures.id(database, 776029)
        let dortmund = try Fixtures.id(database, 2935517)
        func add(_ key: String, _ a: Int64, _ b: Int64, _ status: PartnershipStatus) throws {
            partnership[key] = try database.addPartnership(Partnership(between: a, and: b, status: status)).id!
        }
        try add("P1", home, amiens, .active)
        try add("P2", home, krakow, .active)
        try add("P3", home, tokyo, .dormant)
        try add("P4", home, elk, .ended)
        try add("P5", dortmund, amiens, .active)
        try add("P6", home, dortmund, .active)
        func date(_ s: String) -> PartialDate { PartialDate.parse(s)! }
        func add(_ key: String, _ p: String, _ e: Event) throws {
            var e = e
            e.partnershipId = partnership[p]!
            event[key] = try database.addEvent(e).id!
        }
        // Düsseldorf has the smaller id, so it is side A of its partnerships: to_b = to the partner.
        try add("E1", "P1", Event(partnershipId: 0, title: "Begegnung, Mai; \"Sommer\"", kind: .youth_exchange,
                                  startDate: date("2025-05-14"), endDate: date("2025-05-18"), direction: .to_b,
                                  participants: 60, youth: 30, participantsByCountry: ["DE": 30, "FR": 20],
                                  notes: "=HYPERLINK(\"http://evil\")\nzweite Zeile"))
        try add("E2", "P2", Event(partnershipId: 0, title: "Online", kind: .online_meeting, startDate: date("2025-09"),
                                  direction: .online, format: .online, participants: 10))
        try add("E3", "P1", Event(partnershipId: 0, startDate: date("2024-03-01"), participants: 40, youth: 10,
                                  participantsByCountry: ["DE": 40]))
        try add("E4", "P3", Event(partnershipId: 0, kind: .online_meeting, startDate: date("2019-07-01"), direction: .online,
                                  format: .online, participants: 5, youth: 5, participantsByCountry: ["JP": 5]))
        try add("E5", "P5", Event(partnershipId: 0, startDate: date("2025-01-01"), participants: 100))
        try add("E6", "P4", Event(partnershipId: 0, startDate: date("2010-06-01"), participants: 20))
    }

    func report(years: ClosedRange<Int> = 2025...2025, city: Bool = true) throws -> Report {
        try database.report(ReportScope(cityId: city ? home : nil, years: years), today: ReportFixture.today)
    }
}

/// Runs a script from Tests/Scripts with python3, or skips when python3 or a module is missing.
enum PythonScript {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts")

    /// The python3 on PATH first (where pip installs), then the usual places.
    static func python() -> String? {
        let env = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = env.split(separator: ":").map { "\($0)/python3" } + ["/usr/local/bin/python3", "/usr/bin/python3"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let python = python() else { throw XCTSkip("python3 is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Skips the test unless `python3 -c "import <module>"` works.
    static func require(module: String) throws {
        let (status, output) = try run(["-c", "import \(module)"])
        if status != 0 {
            throw XCTSkip("python3 module \(module) is not importable (pip install \(module)): \(output.prefix(200))")
        }
    }

    static func script(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run([scripts.appendingPathComponent(name).path] + arguments)
    }
}

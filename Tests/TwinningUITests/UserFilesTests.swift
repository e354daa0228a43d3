import Foundation
import TwinningTestSupport
import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// Issue 14: the settings file keeps what people wrote in it, and read-only
/// or kiosk sessions write no file besides reports.
final class UserFilesTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-userfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func config(_ text: String) throws -> UserConfig {
        let path = folder.appendingPathComponent("config").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return UserConfig.load(path: path)
    }

    func testTheREADMEsExampleWithInlineCommentsIsRead() throws {
        let c = try config("""
            home_city = 2935517     # GeoNames id of your association's city (set by the program)
            theme = high-contrast   # default, high-contrast, light, monochrome, or a file
            language = de
            export_folder = /srv/twinning/exports#2   # a '#' inside a value stays
            """)
        XCTAssertNil(c.warning)
        XCTAssertEqual(c["home_city"], "2935517")
        XCTAssertEqual(c["theme"], "high-contrast")
        XCTAssertEqual(c["language"], "de")
        XCTAssertEqual(c["export_folder"], "/srv/twinning/exports#2")
    }

    func testSavingKeepsCommentsOrderAndUnknownLines() throws {
        var c = try config("""
            # Settings of the Dortmund association — ask Anna before changing
            home_city = 3037854   # Amiens, for the French week
            # colours for the projector
            theme = light
            """)
        c["home_city"] = "2935517"
        c["language"] = "de"
        try c.save()
        let text = try String(contentsOfFile: c.path!, encoding: .utf8)
        XCTAssertEqual(text, """
            # Settings of the Dortmund association — ask Anna before changing
            home_city = 2935517   # Amiens, for the French week
            # colours for the projector
            theme = light
            language = de

            """)
        XCTAssertEqual(UserConfig.load(path: c.path!).values, ["home_city": "2935517", "theme": "light", "language": "de"])
    }

    func testAKeyGivenTwiceIsWrittenOnce() throws {
        var c = try config("theme = light\ntheme = monochrome\n")
        XCTAssertEqual(c["theme"], "monochrome", "the last line wins, as when reading")
        c["theme"] = "default"
        try c.save()
        XCTAssertEqual(try String(contentsOfFile: c.path!, encoding: .utf8), "theme = default\n")
    }

    /// `h` in a read-only or kiosk session: the city holds for the session, the file is not touched.
    func testTheHomeCityOfASessionOnlyRunIsNotWritten() throws {
        let path = folder.appendingPathComponent("kiosk/config").path
        let (_, fixture) = try UIFixtures.state()
        let runner = EffectRunner(database: fixture.database, config: UserConfig.load(path: path),
                                  weightsDirectory: UIFixtures.scratchWeights())
        runner.userFiles = .sessionOnly
        let amiens = try fixture.database.city(geonameId: 3037854)!.id!
        let actions = runner.perform(.setHomeCity(amiens), language: .de)
        XCTAssertEqual(actions.first, .homeCitySaved(amiens))
        guard case .notice(let note) = actions.last else { return XCTFail("\(actions)") }
        XCTAssertTrue(note.contains("Amiens") && note.contains("diese Sitzung"), note)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "no settings file was written")
        XCTAssertEqual(runner.config["home_city"], "3037854", "but the session uses it")
    }

    func testWeightsOfASessionOnlyRunAreNotSaved() throws {
        let (_, runner) = try UIFixtures.state()
        runner.userFiles = .sessionOnly
        let actions = runner.perform(.saveProfile(WeightProfile.builtIn(.learn)), language: .en)
        guard case .failed(let message, _) = actions.first else { return XCTFail("\(actions)") }
        XCTAssertTrue(message.contains("not saved"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: runner.weightsDirectory.path))
    }

    func testAProfileIsANameNotAPath() throws {
        let outside = folder.appendingPathComponent("x.weights")
        try "mode = learn\ndistance = 1\n".write(to: outside, atomically: true, encoding: .utf8)
        let weights = folder.appendingPathComponent("a/b/weights")
        for name in ["../../x", "/etc/passwd", "a/b", "..", "", "x.weights"] {
            XCTAssertThrowsError(try WeightProfile.load(named: name, directory: weights), name) { error in
                XCTAssertTrue("\(error)".contains("not a profile name"), "\(error)")
            }
        }
        var profile = WeightProfile.builtIn(.learn)
        profile.name = "../escape"
        XCTAssertThrowsError(try profile.save(to: weights))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/escape.weights").path))
        XCTAssertNoThrow(try WeightProfile.load(named: "learn", directory: weights), "plain names still work")
    }
}

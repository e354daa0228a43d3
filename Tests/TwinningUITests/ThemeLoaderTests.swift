import XCTest
@testable import TwinningUI

final class ThemeLoaderTests: XCTestCase {
    private var tempDir: URL!

    override func setUpWithError() throws {
        tempDir = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tempDir.appendingPathComponent("twinning/themes"),
                                                withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: tempDir)
    }

    private var environment: [String: String] { ["XDG_CONFIG_HOME": tempDir.path, "HOME": "/nonexistent"] }

    private func writeUserTheme(_ name: String, _ text: String) throws -> String {
        let path = tempDir.appendingPathComponent("twinning/themes/\(name).theme").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private var themesDirectory: URL { URL(fileURLWithPath: ThemeLoader.sourceTreeThemesDirectory) }

    func testShippedThemeFilesParseAndSelectHasReverse() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".theme") }.sorted()
        XCTAssertEqual(files, ["default.theme", "high-contrast.theme", "light.theme", "monochrome.theme"])
        for file in files {
            let text = try String(contentsOf: themesDirectory.appendingPathComponent(file), encoding: .utf8)
            let theme = try ThemeParser.parse(text, name: String(file.dropLast(6)), fileName: file)
            // The file itself says reverse, rather than relying on the parser adding it.
            XCTAssertTrue(text.split(separator: "\n").contains { $0.hasPrefix("selected") && $0.contains("reverse") }, file)
            XCTAssertTrue(theme.style(.selected).attributes.contains(.reverse), file)
            for role in StyleRole.allCases {
                XCTAssertNotNil(theme.styles[role], "\(file) sets \(role.rawValue)")
            }
        }
    }

    func testEmbeddedThemesEqualTheFiles() throws {
        XCTAssertEqual(BuiltInThemes.names, ["default", "high-contrast", "light", "monochrome"])
        for name in BuiltInThemes.names {
            let text = try String(contentsOf: themesDirectory.appendingPathComponent("\(name).theme"), encoding: .utf8)
            XCTAssertEqual(BuiltInThemes.files[name], text,
                           "\(name).theme differs from its embedded copy: run Scripts/embed-themes.sh")
            XCTAssertNotNil(ThemeLoader.builtIn(name))
        }
    }

    func testDefaultThemeUsesTerminalColoursForNormalText() {
        let theme = ThemeLoader.defaultTheme
        XCTAssertEqual(theme.name, "default")
        XCTAssertEqual(theme.style(.normal), ThemeStyle(fg: .default, bg: .default))
        XCTAssertTrue(StyleRole.allCases.allSatisfy { theme.style($0).bg == .default })
    }

    func testMonochromeHasNoColours() {
        let (theme, warning) = ThemeLoader.load(name: "monochrome", environment: environment)
        XCTAssertNil(warning)
        XCTAssertEqual(theme.name, "monochrome")
        XCTAssertFalse(theme.usesColour)
        XCTAssertTrue(ThemeLoader.load(name: "high-contrast", environment: environment).theme.usesColour)
    }

    func testLoadsShippedTheme() {
        let (theme, warning) = ThemeLoader.load(name: "light", environment: environment)
        XCTAssertNil(warning)
        XCTAssertEqual(theme.name, "light")
        XCTAssertEqual(theme.style(.normal), ThemeStyle(fg: .black, bg: .white))
    }

    func testUserThemeOverridesShippedOne() throws {
        _ = try writeUserTheme("light", "normal = red on black\n")
        let (theme, warning) = ThemeLoader.load(name: "light", environment: environment)
        XCTAssertNil(warning)
        XCTAssertEqual(theme.style(.normal), ThemeStyle(fg: .red, bg: .black))
    }

    func testHomeConfigIsUsedWithoutXDG() throws {
        let home = tempDir.appendingPathComponent("home")
        let dir = home.appendingPathComponent(".config/twinning/themes")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "normal = green\n".write(to: dir.appendingPathComponent("mine.theme"), atomically: true, encoding: .utf8)
        let (theme, warning) = ThemeLoader.load(name: "mine", environment: ["HOME": home.path])
        XCTAssertNil(warning)
        XCTAssertEqual(theme.style(.normal).fg, .green)
        XCTAssertEqual(ThemeLoader.searchDirectories(environment: ["HOME": home.path]).first, dir.path)
    }

    func testBrokenThemeGivesDefaultAndWarningWithFileAndLine() throws {
        let path = try writeUserTheme("mytheme", "normal = default\n# ok\ntitle = purpel\n")
        let (theme, warning) = ThemeLoader.load(name: "mytheme", environment: environment)
        XCTAssertEqual(theme, ThemeLoader.defaultTheme)
        let message = try XCTUnwrap(warning)
        XCTAssertTrue(message.hasPrefix("\(path):3: unknown colour \"purpel\""), message)
        XCTAssertTrue(message.contains("default theme"), message)
    }

    func testMissingThemeGivesDefaultAndWarning() {
        let (theme, warning) = ThemeLoader.load(name: "nosuchtheme", environment: environment)
        XCTAssertEqual(theme, ThemeLoader.defaultTheme)
        XCTAssertTrue(warning?.contains("\"nosuchtheme\" not found") ?? false, warning ?? "nil")
    }

    func testAThemeThatCannotBeUsedIsSaidInTheVolunteersLanguage() {
        let french = ThemeLoader.load(name: "nosuchtheme", environment: environment, language: .fr)
        XCTAssertEqual(french.theme, ThemeLoader.defaultTheme)
        XCTAssertTrue(french.warning?.hasPrefix("Le thème de couleurs « nosuchtheme » est introuvable (thèmes intégrés : ") ?? false,
                      french.warning ?? "nil")
        XCTAssertTrue(french.warning?.hasSuffix(") – les couleurs par défaut sont utilisées.") ?? false, french.warning ?? "nil")
        let german = ThemeLoader.load(name: "..", environment: environment, language: .de)
        XCTAssertEqual(german.warning, "„..“ ist kein gültiger Name eines Farbschemas (nur Buchstaben, Ziffern, - und _) – die Standardfarben werden benutzt.")
        XCTAssertEqual(ThemeLoader.load(name: "..", environment: environment).warning,
                       "Theme name \"..\" is not valid (letters, digits, - and _ only) – using the default theme.", "English as before")
    }

    func testInvalidNameIsRejected() {
        let (theme, warning) = ThemeLoader.load(name: "..", environment: environment)
        XCTAssertEqual(theme, ThemeLoader.defaultTheme)
        XCTAssertNotNil(warning)
    }

    func testExplicitPath() throws {
        let path = try writeUserTheme("byPath", "normal = magenta\n")
        let (theme, warning) = ThemeLoader.load(name: path, environment: [:])
        XCTAssertNil(warning)
        XCTAssertEqual(theme.name, "byPath")
        XCTAssertEqual(theme.style(.normal).fg, .magenta)
        let missing = ThemeLoader.load(name: tempDir.appendingPathComponent("gone.theme").path, environment: [:])
        XCTAssertEqual(missing.theme, ThemeLoader.defaultTheme)
        XCTAssertTrue(missing.warning?.contains("gone.theme: cannot read the file") ?? false, missing.warning ?? "nil")
    }

    func testNonUTF8FileIsReported() throws {
        let path = tempDir.appendingPathComponent("twinning/themes/latin1.theme").path
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x6E, 0x3D, 0xFF, 0xFE, 0x0A]))
        let (_, warning) = ThemeLoader.load(name: "latin1", environment: environment)
        XCTAssertTrue(warning?.contains("latin1.theme: not UTF-8 text") ?? false, warning ?? "nil")
    }

    func testSearchOrderPutsUserFolderFirstAndSourceTreeLast() {
        let dirs = ThemeLoader.searchDirectories(environment: ["XDG_CONFIG_HOME": "/x/config", "HOME": "/h"])
        XCTAssertEqual(dirs.first, "/x/config/twinning/themes")
        XCTAssertEqual(dirs.last, ThemeLoader.sourceTreeThemesDirectory)
        XCTAssertTrue(dirs.contains { $0.hasSuffix("/share/twinning/themes") })
        // A relative XDG_CONFIG_HOME is invalid per the XDG spec and ignored.
        XCTAssertEqual(ThemeLoader.searchDirectories(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]).first,
                       "/h/.config/twinning/themes")
    }

    func testEffectiveThemeName() {
        func name(_ requested: String?, flag: Bool = false, env: [String: String] = [:], colours: Bool = true) -> String {
            ThemeLoader.effectiveThemeName(requested: requested, noColorFlag: flag, environment: env, terminalHasColors: colours)
        }
        XCTAssertEqual(name(nil), "default")
        XCTAssertEqual(name(""), "default")
        XCTAssertEqual(name("light"), "light")
        XCTAssertEqual(name("light", env: ["NO_COLOR": "1"]), "monochrome")
        XCTAssertEqual(name(nil, env: ["NO_COLOR": "yes"]), "monochrome")
        // no-color.org: an empty NO_COLOR does not disable colour.
        XCTAssertEqual(name("light", env: ["NO_COLOR": ""]), "light")
        XCTAssertEqual(name("light", flag: true), "monochrome")
        XCTAssertEqual(name("high-contrast", colours: false), "monochrome")
    }
}

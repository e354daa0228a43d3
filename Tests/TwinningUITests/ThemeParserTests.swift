import XCTest
@testable import TwinningUI

final class ThemeParserTests: XCTestCase {
    private func parse(_ text: String) throws(ThemeError) -> Theme {
        try ThemeParser.parse(text, name: "mytheme", fileName: "mytheme.theme")
    }

    private func error(in text: String) -> ThemeError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    func testGoodFile() throws {
        let theme = try parse("""
            # comment line
            normal   = default on default
            selected = black on cyan, bold, reverse   # trailing comment
            title    = White on Blue, BOLD
            marker   = yellow
            header   = on bright-black, underline
            dim      = dim

            statusError = bright-red on default, bold, underline
            """)
        XCTAssertEqual(theme.name, "mytheme")
        XCTAssertEqual(theme.style(.normal), ThemeStyle())
        XCTAssertEqual(theme.style(.selected), ThemeStyle(fg: .black, bg: .cyan, attributes: [.bold, .reverse]))
        XCTAssertEqual(theme.style(.title), ThemeStyle(fg: .white, bg: .blue, attributes: [.bold]))
        XCTAssertEqual(theme.style(.marker), ThemeStyle(fg: .yellow))
        XCTAssertEqual(theme.style(.header), ThemeStyle(fg: .default, bg: .brightBlack, attributes: [.underline]))
        XCTAssertEqual(theme.style(.dim), ThemeStyle(attributes: [.dim]))
        XCTAssertEqual(theme.style(.statusError), ThemeStyle(fg: .brightRed, attributes: [.bold, .underline]))
        // Not in the file: the monochrome fallback.
        XCTAssertEqual(theme.style(.keyBarKey), Theme.fallbackStyle(for: .keyBarKey))
        XCTAssertNil(theme.styles[.keyBarKey])
    }

    func testWindowsLineEndings() throws {
        let theme = try parse("normal = red\r\nselected = blue, reverse\r\n")
        XCTAssertEqual(theme.style(.normal).fg, .red)
        XCTAssertEqual(theme.style(.selected).fg, .blue)
        XCTAssertEqual(error(in: "normal = red\r\n\r\ntitle = purpel\r\n")?.line, 3)
    }

    func testSelectedAlwaysGetsReverse() throws {
        let theme = try parse("selected = black on cyan, bold")
        XCTAssertEqual(theme.style(.selected).attributes, [.bold, .reverse])
        XCTAssertTrue(try parse("").style(.selected).attributes.contains(.reverse))
        XCTAssertTrue(Theme(name: "x", styles: [.selected: ThemeStyle(fg: .red)]).style(.selected).attributes.contains(.reverse))
    }

    func testUnknownColourNamesFileAndLine() {
        let err = error(in: "normal = default\n\n# c\n\n\n\ntitle = purpel on black\n")
        XCTAssertEqual(err, ThemeError(file: "mytheme.theme", line: 7, problem: "unknown colour \"purpel\""))
        XCTAssertEqual(err?.description, "mytheme.theme:7: unknown colour \"purpel\"")
        XCTAssertEqual(error(in: "title = black on blu")?.description, "mytheme.theme:1: unknown colour \"blu\"")
    }

    func testOtherErrorsNameFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("normal = red\nselcted = blue", 2, "unknown role \"selcted\""),
            ("normal = red, blinking", 1, "unknown attribute \"blinking\""),
            ("normal = red, blue", 1, "unknown attribute \"blue\""),
            ("\nnormal red", 2, "expected \"role = style\""),
            ("normal =", 1, "missing style for role \"normal\""),
            ("= red", 1, "missing role name"),
            ("normal = red\nnormal = blue", 2, "role \"normal\" is set twice"),
            ("normal = red,, bold", 1, "empty item"),
            ("normal = red on", 1, "cannot read colours \"red on\""),
            ("normal = red blue green", 1, "cannot read colours"),
        ]
        for (text, line, problem) in cases {
            guard let err = error(in: text) else {
                XCTFail("no error for \(text.debugDescription)")
                continue
            }
            XCTAssertEqual(err.file, "mytheme.theme", text)
            XCTAssertEqual(err.line, line, text)
            XCTAssertTrue(err.problem.hasPrefix(problem), "\(err.problem) does not start with \(problem)")
            XCTAssertTrue(err.description.hasPrefix("mytheme.theme:\(line): "), err.description)
        }
    }

    func testErrorMessagesDoNotEchoControlCharacters() {
        let err = error(in: "normal = \u{1b}[31m")
        XCTAssertNotNil(err)
        XCTAssertFalse(err!.description.unicodeScalars.contains { $0.value == 0x1B })
    }

    func testAlternativeBrightSpellings() throws {
        XCTAssertEqual(try parse("normal = brightred on bright_blue").style(.normal),
                       ThemeStyle(fg: .brightRed, bg: .brightBlue))
    }

    func testStyleDescriptionIsValidThemeSyntax() throws {
        let style = ThemeStyle(fg: .brightYellow, bg: .black, attributes: [.reverse, .bold])
        XCTAssertEqual(style.description, "bright-yellow on black, bold, reverse")
        XCTAssertEqual(try parse("title = \(style)").style(.title), style)
    }

    func testFallbackStylesEqualTheMonochromeTheme() throws {
        let mono = try XCTUnwrap(ThemeLoader.builtIn("monochrome"))
        for role in StyleRole.allCases {
            XCTAssertEqual(mono.style(role), Theme.fallbackStyle(for: role), role.rawValue)
            XCTAssertNotNil(mono.styles[role], "monochrome.theme lists \(role.rawValue)")
        }
        XCTAssertFalse(mono.usesColour)
    }
}

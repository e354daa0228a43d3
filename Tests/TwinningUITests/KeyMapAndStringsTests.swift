import XCTest
@testable import TwinningUI
import TwinningCore

final class KeyMapAndStringsTests: XCTestCase {
    func testNoKeyIsBoundTwiceWhereContextsMeet() {
        for contexts in KeyContext.combinations {
            var seen: [Key: Command] = [:]
            for binding in KeyMap.bindings where contexts.contains(binding.context) {
                for key in binding.keys {
                    if let other = seen[key] {
                        XCTFail("\(key) is bound to both \(other) and \(binding.command) in \(contexts)")
                    }
                    seen[key] = binding.command
                }
            }
        }
    }

    func testEveryCommandHasAKeyAndHelpText() {
        for command in Command.allCases {
            let bindings = KeyMap.bindings.filter { $0.command == command }
            XCTAssertFalse(bindings.isEmpty, "\(command) has no key")
            for binding in bindings {
                XCTAssertFalse(binding.keys.isEmpty, "\(command) has an empty key list")
                for language in Language.allCases {
                    XCTAssertFalse(tr(binding.help, language).isEmpty, "\(command) lacks help text")
                    if let bar = binding.bar { XCTAssertFalse(tr(bar, language).isEmpty, "\(command) lacks a bar label") }
                }
            }
        }
        // The contexts that show a bar must offer a way out in it.
        XCTAssertTrue(KeyMap.bar(for: [.form]).contains { $0.command == .cancel })
        XCTAssertTrue(KeyMap.bar(for: [.cities, .list, .global]).contains { $0.command == .quit })
        XCTAssertTrue(KeyMap.bar(for: [.help]).contains { $0.command == .closeHelp })
    }

    func testLookupUsesTheMostSpecificContext() {
        XCTAssertEqual(KeyMap.command(for: .char("n"), in: [.cities, .list, .global]), .newCity)
        XCTAssertEqual(KeyMap.command(for: .char("n"), in: [.partnerships, .list, .global]), .newPartnership)
        XCTAssertEqual(KeyMap.command(for: .char("n"), in: [.confirm]), .no)
        XCTAssertEqual(KeyMap.command(for: .escape, in: [.form]), .cancel)
        XCTAssertNil(KeyMap.command(for: .char("x"), in: [.cities, .list, .global]))
        XCTAssertEqual(KeyMap.keyLabel(KeyMap.bindings.first { $0.command == .help }!), "F1/?")
    }

    func testEveryStringExistsInEveryLanguage() {
        // The whole catalogue is checked in CatalogueTests; this is the screens' share.
        for key in S.allCases {
            for language in Language.allCases {
                XCTAssertNotNil(Catalogue.shared.texts[language.rawValue]?[key.catalogueKey], "\(key) has no \(language) text")
            }
        }
        XCTAssertEqual(tr(.homeSet, .de, "Köln"), "Unsere Stadt ist jetzt Köln.")
        XCTAssertEqual(tr(.homeSet, .fr, "Amiens"), "Notre ville est maintenant Amiens.")
    }

    func testLanguageComesFromOptionThenLocale() {
        XCTAssertEqual(Language.detect(option: "de", environment: ["LANG": "en_US.UTF-8"]), .de)
        XCTAssertEqual(Language.detect(option: nil, environment: ["LC_ALL": "de_AT.UTF-8", "LANG": "en_US.UTF-8"]), .de)
        XCTAssertEqual(Language.detect(option: nil, environment: ["LC_MESSAGES": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"]), .en)
        XCTAssertEqual(Language.detect(option: nil, environment: ["LANG": "de_DE.UTF-8"]), .de)
        XCTAssertEqual(Language.detect(option: nil, environment: [:]), .en)
    }

    func testDatesAndNumbersFollowTheLanguage() {
        let date = TwinningCoreDate.parse("2026-05-14")!
        XCTAssertEqual(date.display(.de), "14.05.2026")
        XCTAssertEqual(date.display(.en), "2026-05-14")
        XCTAssertEqual(Formatting.longDate(date, .en), "Thu 14 May 2026")
        XCTAssertEqual(Formatting.longDate(date, .de), "Do 14. Mai 2026")
        XCTAssertEqual(Formatting.number(588462, .de), "588.462")
        XCTAssertEqual(Formatting.number(8336599, .en), "8,336,599")
        XCTAssertEqual(Formatting.number(12, .en), "12")
    }
}

import TwinningCore
typealias TwinningCoreDate = PartialDate

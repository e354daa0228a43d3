import XCTest
@testable import TwinningCore
@testable import TwinningUI

/// `{1|one form|other form}` in the texts: no screen or command says "1 events".
final class CountFormsTests: XCTestCase {
    func testTheFormFollowsTheNumberInEachLanguage() {
        let text = "The filters hide {1|the one event|all # events}."
        XCTAssertEqual(Catalogue.choosingForms(text, language: "en", ["1"]), "The filters hide the one event.")
        XCTAssertEqual(Catalogue.choosingForms(text, language: "en", ["0"]), "The filters hide all 0 events.")
        XCTAssertEqual(Catalogue.choosingForms(text, language: "en", ["1,234"]), "The filters hide all 1,234 events.")
        let french = "{1|# rencontre|# rencontres}"
        XCTAssertEqual(Catalogue.choosingForms(french, language: "fr", ["0"]), "0 rencontre", "French counts zero as one")
        XCTAssertEqual(Catalogue.choosingForms(french, language: "fr", ["2"]), "2 rencontres")
    }

    func testOtherBracesAndBarsAreLeftAlone() {
        XCTAssertEqual(Catalogue.choosingForms("| a | b | {1} {x|y|z} {1|a}", language: "en", ["1"]), "| a | b | {1} {x|y|z} {1|a}")
        XCTAssertEqual(Catalogue.choosingForms("{2|one|# two} {", language: "en", ["x"]), " two {",
                       "a missing argument takes the other form")
        XCTAssertEqual(Catalogue.placeholders("{1|a|b} and {2}"), ["{1}", "{2}"])
    }

    func testEveryCountedTextReadsRightWithOne() {
        for language in Language.allCases {
            for key in [S.eventsHidden, S.projectsHidden, S.confirmDeletePartnership] {
                let text = tr(key, language, "1", "1", "1")
                XCTAssertFalse(text.contains("|") || text.contains("#") || text.contains("{"), "\(language) \(key): \(text)")
                XCTAssertFalse(text.contains("1 events") || text.contains("1 Begegnungen") || text.contains("1 rencontres"), text)
            }
        }
    }
}

/// A translator's slip in a count form (`{1|a}`, a missing `}`) would show the
/// braces on screen: every `{N|` in every language has exactly two forms.
final class CountFormsCatalogueTests: XCTestCase {
    func testEveryCountFormHasTwoFormsAndCloses() {
        for (language, texts) in Catalogue.shared.texts {
            for (key, text) in texts {
                var rest = Substring(text)
                while let open = rest.range(of: #"\{[0-9]+\|"#, options: .regularExpression) {
                    let after = rest[open.lowerBound...]
                    guard let close = after.firstIndex(of: "}") else {
                        XCTFail("\(language).txt \(key): a count form does not close: \(text)")
                        break
                    }
                    let parts = after[after.index(after: after.startIndex)..<close].split(separator: "|", omittingEmptySubsequences: false)
                    XCTAssertEqual(parts.count, 3, "\(language).txt \(key): \(after[...close])")
                    rest = after[after.index(after: close)...]
                }
                let shown = Catalogue.choosingForms(text, language: language, ["1", "2", "3", "4", "5", "6"])
                XCTAssertNil(shown.range(of: #"\{[0-9]+\|"#, options: .regularExpression), "\(language).txt \(key): \(shown)")
            }
        }
    }
}

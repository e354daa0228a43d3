import XCTest
@testable import TwinningCore

/// The catalogue read language by language gives every text exactly as the
/// catalogue read whole does, fallbacks and placeholders included.
final class LazyCatalogueTests: XCTestCase {
    func testEveryTextIsTheSameAsInTheWholeCatalogue() {
        let whole = Catalogue.shared
        let lazy = LazyCatalogue()
        let keys = Set(whole.texts.values.flatMap(\.keys))
        XCTAssertGreaterThan(keys.count, 100)
        for language in Catalogue.languages + ["xx"] {
            for key in keys {
                XCTAssertEqual(lazy.text(key, language, ["A", "B", "C"]), whole.text(key, language, ["A", "B", "C"]), "\(language) \(key)")
            }
        }
        XCTAssertEqual(lazy.text("no.such.key", "de", []), "no.such.key")
    }
}

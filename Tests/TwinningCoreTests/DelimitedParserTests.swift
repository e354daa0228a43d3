import XCTest
import CSV
@testable import TwinningCore

/// The byte reader of import files splits every input exactly as CSV.swift's
/// `CSVReader` did, so no file reads differently after the change of reader.
final class DelimitedParserTests: XCTestCase {
    private func reference(_ text: String, _ delimiter: UnicodeScalar) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    private func check(_ text: String, _ delimiter: UnicodeScalar = ",", file: StaticString = #filePath, line: UInt = #line) throws {
        let ours = DelimitedParser.rows(Array(text.utf8), delimiter: UInt8(ascii: delimiter))
        XCTAssertEqual(ours, try reference(text, delimiter), "\(text.debugDescription)", file: file, line: line)
    }

    func testAwkwardInputsReadAsBefore() throws {
        let cases = [
            "a,b,c\n1,2,3\n", "a,b\n1,2", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a\n\n\nb\n", "\n", ",", ",,\n,",
            "a,\"b,c\",d\n", "\"x\"\"y\",z\n", "\"multi\nline\",2\n", "\"multi\r\nline\"\r\n", "\"open,1\n2,3\n",
            "\"a\"b,c\n", "\"a\"é,c\n", "\"a\"€x,c\n", "\"\",\"\"\n", "\"a\"\r", "\"a\"", "x\"y,z\n", "Zürich,Łódź,東京\n",
            "\"\"\"\"\n", "a,b\n\"c\n",
        ]
        for text in cases { try check(text) }
        try check("a\tb\n\"1\t2\"\t3\n", "\t")
        try check("name\tpop\nKöln\t1000\r\n", "\t")
    }

    func testRandomInputsReadAsBefore() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", ",", "\"", "\n", "\r", "\t", "é", "€", " ", "\"\"", "\r\n"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            try check(text)
            try check(text, "\t")
        }
    }
}

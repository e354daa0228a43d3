import Foundation
import TwinningCore
import TwinningTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

// Locating the binary, running the CLI and the prepared databases are in
// Tests/TwinningTestSupport, shared with the other end-to-end targets.

// MARK: - Base test case

class EndToEndTestCase: XCTestCase {
    /// A fresh folder for this test, removed afterwards.
    var workDir: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        _ = try Binary.require()
        workDir = FileManager.default.temporaryDirectory.appendingPathComponent("twinning-e2e-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let workDir {
            TempFolders.makeWritable(workDir)
            try? FileManager.default.removeItem(at: workDir)
        }
        workDir = nil
        try super.tearDownWithError()
    }

    /// The shared demo database: only for commands that do not write.
    func demoDB() throws -> String { try DemoDatabase.shared.get().demo.path }

    /// A private copy of the demo database, for commands that write.
    func demoCopy(_ name: String = "demo-copy.sqlite") throws -> String {
        try copy(DemoDatabase.shared.get().demo, to: name)
    }

    /// A private copy of the `init --empty` database (gazetteer only).
    func emptyCopy(_ name: String = "empty-copy.sqlite") throws -> String {
        try copy(DemoDatabase.shared.get().empty, to: name)
    }

    /// Copies through the support kit, which leaves the shared file's -shm alone.
    private func copy(_ source: URL, to name: String) throws -> String {
        try DemoDatabase.copy(source, to: workDir.appendingPathComponent(name))
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws -> String {
        let url = workDir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Counts read straight from the file through TwinningCore.
    func counts(_ path: String) throws -> AppDatabase.Counts {
        let database = try AppDatabase.open(path: path, readOnly: true)
        return try database.counts()
    }

    func json(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: result.stdoutData)
        } catch {
            XCTFail("stdout is not JSON: \(result.summary)", file: file, line: line)
            throw error
        }
    }

    func jsonArray(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let value = try json(result, file: file, line: line)
        guard let array = value as? [[String: Any]] else {
            XCTFail("stdout is not a JSON array of objects: \(result.summary)", file: file, line: line)
            throw TestSupportError("not an array")
        }
        return array
    }

    /// Adds a partnership through the CLI and returns its id, found again with `partnerships list --format json`.
    func addPartnership(_ first: String, _ second: String, db: String, extra: [String] = [],
                        file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let added = try CLI.ok(["partnerships", "add", first, second, "--db", db] + extra, file: file, line: line)
        let match = added.stdout.firstMatch(of: /partnership (\d+)/)
        guard let match, let id = Int(match.1) else {
            XCTFail("no partnership id in: \(added.summary)", file: file, line: line)
            throw TestSupportError("no id")
        }
        return id
    }
}

// MARK: - CSV / TSV

enum CSV {
    /// A small RFC 4180 reader, enough to compare exports field by field.
    static func parse(_ text: String, separator: Character = ",") -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == separator {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else if c == "\r" {
                continue
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Drops the named columns from a table whose first row is the header.
    static func dropping(_ columns: Set<String>, from table: [[String]]) -> [[String]] {
        guard let header = table.first else { return table }
        let keep = header.indices.filter { !columns.contains(header[$0]) }
        return table.map { row in keep.map { $0 < row.count ? row[$0] : "<missing>" } }
    }
}

extension Data {
    func containsByte(_ byte: UInt8) -> Bool { contains(byte) }
}

import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

/// An error already phrased for the user; printed as one line on stderr.
struct UserError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Runs a command body and turns every expected failure into one plain line on
/// stderr and a non-zero exit, instead of a stack of Swift error text.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        let message: String
        switch error {
        case let e as UserError: message = e.message
        // Said in the language of the other messages (--lang, the config, LANG).
        case let e as any SayableError: message = e.text(CommandLineLanguage.current.rawValue)
        default: message = "\(error)"
        }
        // Each line is cleaned on its own: a candidate list keeps its line breaks,
        // but no control character from data reaches the terminal.
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { TextSafety.sanitized(String($0)) }
        Console.error("twinning: " + lines.joined(separator: "\n"))
        throw ExitCode(1)
    }
}

enum Console {
    /// One message on stderr; on a terminal cleaned like stdout (see `out`).
    static func error(_ line: String) {
        let shown = stderrIsTerminal ? TextSafety.forTerminal(line) : line
        FileHandle.standardError.write(Data((shown + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// Asks a yes/no question on the terminal; the default answer is No.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data((TextSafety.forTerminal(question) + " ").utf8))
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return ["y", "yes", "j", "ja", "o", "oui"].contains(answer)
    }
}

/// Destructive commands ask on a terminal (default No) and need --yes in scripts.
/// Returns false when the user said no.
func confirmDeletion(of what: String, yes: Bool) throws -> Bool {
    if yes { return true }
    guard Console.stdinIsTerminal else { throw UserError(t(.needsYes, what)) }
    guard Console.confirm(t(.confirmDelete, what)) else {
        print(t(.nothingDeleted))
        return false
    }
    return true
}

/// Opens the database, creating and filling it on the first run.
func openDatabase(_ options: GlobalOptions, demo: Bool = true) throws -> AppDatabase {
    let path = options.databasePath
    let isNew = !FileManager.default.fileExists(atPath: path)
    let database = try AppDatabase.open(path: path, busyWait: commandLineBusyWait())
    if isNew {
        try populate(database, path: path, demo: demo)
    }
    if let warning = FilePermissions.warningPhrase(forDatabaseAt: path) {
        Console.error(t(.warning, warning.text(CommandLineLanguage.current.rawValue)))
    }
    if let reason = database.readOnlyPhrase { Console.error(t(.warning, reason.text(CommandLineLanguage.current.rawValue))) }
    return database
}

/// A command waits up to a minute for another volunteer's write, and says
/// once on a terminal that it is waiting.
func commandLineBusyWait() -> BusyWait {
    let told = ToldOnce()
    return BusyWait(limit: 60) { _ in
        guard Console.stderrIsTerminal, told.first() else { return }
        Console.error(t(.waiting))
    }
}

final class ToldOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func first() -> Bool { lock.withLock { defer { done = true }; return !done } }
}

/// Loads the gazetteer (and demo data) with a progress line on stderr.
func populate(_ database: AppDatabase, path: String, demo: Bool) throws {
    let interactive = Console.stderrIsTerminal
    Console.error(t(.creating, path))
    let report = try Setup.populate(database, demo: demo) { step, done, total in
        guard interactive, total > 0 else { return }
        let label = ["cities": t(.loadingGazetteer), "partnerships": t(.loadingTwinnings),
                     "events": t(.addingDemoEvents)]["\(step)"] ?? "\(step)"
        let percent = done * 100 / total
        FileHandle.standardError.write(Data("\r\(label): \(percent)%   ".utf8))
    }
    if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    let seconds = Formatting.decimal(report.seconds, digits: 1, CommandLineLanguage.current)
    Console.error(demo ? t(.loadedDemo, Format.number(report.cities.added), Format.number(report.partnerships.added),
                           Format.number(report.events.added), seconds)
                       : t(.loaded, Format.number(report.cities.added), seconds))
}

/// Resolves a CITY argument or fails with the candidates listed.
func resolveCity(_ reference: String, in database: AppDatabase) throws -> City {
    switch try database.lookupCity(reference) {
    case .found(let city):
        return city
    case .notFound:
        let name = reference.split(separator: ",").first.map(String.init) ?? reference
        var suggestions = try database.searchCityMatches(name, limit: 5)
        if suggestions.isEmpty { suggestions = try database.closestCities(name, limit: 5) }
        var message = t(.noCityMatches, TextSafety.excerpt(reference))
        if !suggestions.isEmpty {
            message += " " + t(.didYouMean, didYouMean(suggestions))
        }
        throw UserError(message)
    case .ambiguous(let cities):
        var lines = [t(.ambiguousCity, TextSafety.excerpt(reference), String(cities.count))]
        let table = TextTable(headers: [t(.colName), t(.colRegion), t(.colCountry), t(.colPopulation), t(.colId)],
                              rightAligned: [3, 4])
        // A city someone added has no GeoNames id; its own id is what `lookupCity` accepts then.
        lines += table.render(cities.prefix(20).map { c in
            [c.name, c.admin1Name ?? "", c.countryCode, Format.number(c.population),
             c.geonameId.map(String.init) ?? c.id.map(String.init) ?? "-"]
        })
        throw UserError(lines.joined(separator: "\n"))
    }
}

/// "Wrocław, PL (Breslau); Dortmund, DE": what to type to get each city.
func didYouMean(_ matches: [CityMatch]) -> String {
    matches.map { m in "\(m.city.name), \(m.city.countryCode)" + (m.matchedName.map { " (\($0))" } ?? "") }
        .joined(separator: "; ")
}

func parseDate(_ text: String, option: String) throws -> PartialDate {
    // People type options: "14. Mai 2026", "May 2026", "tomorrow" work as in the forms.
    guard let date = NaturalDate.parse(text, today: .today()) else {
        throw UserError(t(.errDate, option, TextSafety.excerpt(text), t(.dateForms)))
    }
    return date
}

func parseChoice<V: Vocabulary>(_ text: String, _ type: V.Type, option: String) throws -> V {
    guard let value = V.parse(text) else {
        throw UserError(t(.errChoice, option, TextSafety.excerpt(text), V.choices))
    }
    return value
}

/// Writes command output to stdout (cleaned on a terminal), or to a file when
/// asked: through `SafeFileWriter`, so an existing file is replaced only with
/// --force, the database (`database`) never, and a file appears only complete.
func emit(_ text: String, to output: String?, force: Bool = false, database: String? = nil) throws {
    guard let output else {
        Console.out(text)
        return
    }
    do {
        try SafeFileWriter(protecting: [database]).write(Data(text.utf8), to: output, existing: force ? .replace : .refuse)
    } catch let error as SafeWriteError {
        throw UserError(outputMessage(error))
    }
}

/// Refuses an --output target before any work is done (and before the
/// database is opened, which may create it).
func checkOutput(_ output: String?, force: Bool, database: String?) throws {
    guard let output else { return }
    do {
        try SafeFileWriter(protecting: [database]).checkTarget(output, existing: force ? .replace : .refuse)
    } catch let error as SafeWriteError {
        throw UserError(outputMessage(error))
    }
}

/// The CLI's words for a refused file: `.exists` names the way out.
func outputMessage(_ error: SafeWriteError) -> String {
    switch error {
    case .exists(let path): return t(.errOutputExists, path)
    case .isFolder(let path): return t(.errOutputIsFolder, path)
    default: return error.text(CommandLineLanguage.current.rawValue)
    }
}

func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}

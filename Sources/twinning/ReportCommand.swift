import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI

/// `twinning report`: the annual report for a council or funder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: t(.aboutReport),
        discussion: t(.discussReport))
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(t(.hReportOnThisCityPartnerships))) var city: String?
    @Option(help: ArgumentHelp(t(.hTheYearOrARange))) var year: String?
    @Option(help: ArgumentHelp(t(.hMdHtmlOrCsv))) var format: String = "md"
    @Option(help: ArgumentHelp(t(.hWriteToThisFileInstead))) var output: String?
    @Flag(help: ArgumentHelp(t(.hReplaceAnExistingOutputFile))) var force = false

    func run() throws {
        try runReporting {
            guard let reportFormat = ReportFormat(rawValue: format.lowercased()) else {
                throw UserError(t(.errChoice, "--format", TextSafety.excerpt(format), "md, html, csv"))
            }
            let environment = ProcessInfo.processInfo.environment
            let config = UserConfig.load(path: UserConfig.defaultPath(environment: environment))
            let language = Language.detect(option: global.lang ?? config["language"], environment: environment).report
            let today = PartialDate.today()
            let years = try year.map(ReportCommand.parseYears) ?? (today.year...today.year)
            try checkOutput(output, force: force, database: global.databasePath)
            let database = try openDatabase(global)
            let cityId = try city.map { try resolveCity($0, in: database).id }
            let rule = HealthRule(activeYears: config["health_active_years"].flatMap { Int($0) } ?? 2,
                                  quietYears: config["health_quiet_years"].flatMap { Int($0) } ?? 5)
            let report = try database.report(ReportScope(cityId: cityId ?? nil, years: years), today: today, rule: rule)
            let text = try ReportDocument.render(report, format: reportFormat, language: language)
            try emit(text, to: output, force: force, database: global.databasePath)
            if let output { Console.error(t(.wrote, output)) }
        }
    }

    /// "2025", "2020-2025" or "2020–2025".
    static func parseYears(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == ":" }).map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { Int($0) }.filter { (1000...9999).contains($0) }
        guard numbers.count == parts.count, (1...2).contains(numbers.count) else {
            throw UserError(t(.errYear, TextSafety.excerpt(text)))
        }
        guard numbers.first! <= numbers.last! else {
            throw UserError(t(.errYearRange, text))
        }
        return numbers.first!...numbers.last!
    }
}

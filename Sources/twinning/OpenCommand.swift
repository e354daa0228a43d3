import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI
import TwinningTerminal

/// `twinning` with no subcommand: the full-screen program.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: t(.aboutOpen))
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(t(.hColourThemeDefaultHighContrast))) var theme: String?
    @Flag(name: .customLong("no-color"), help: ArgumentHelp(t(.hNoColoursAsWithNo))) var noColor = false
    @Flag(name: .customLong("read-only"), help: ArgumentHelp(t(.hBrowseOnlyNothingCanBe))) var readOnly = false
    @Flag(help: ArgumentHelp(t(.hForAnSshForcecommandAccount)))
    var kiosk = false

    func run() throws {
        try runReporting {
            let environment = ProcessInfo.processInfo.environment
            var config = UserConfig.load(path: UserConfig.defaultPath(environment: environment))
            let language = Language.detect(option: global.lang ?? config["language"], environment: environment)
            let database: AppDatabase
            if readOnly {
                database = try AppDatabase.open(path: global.databasePath, readOnly: true)
            } else {
                database = try openDatabase(global)
            }
            let terminal: NcursesTerminal
            do {
                var crashMessage = tr(.crashed, language)
                if let folder = Backtraces.reportFolder(environment: environment) { crashMessage += " " + tr(.crashReportIn, language, folder) }
                terminal = try NcursesTerminal.start(theme: ThemeLoader.defaultTheme, environment: environment,
                                                     crashMessage: crashMessage)
            } catch let error as TerminalError {
                throw UserError(error.text(language))
            } catch {
                throw UserError("\(error)")
            }
            defer { terminal.stop() }
            let themeName = ThemeLoader.effectiveThemeName(requested: theme ?? config["theme"], noColorFlag: noColor,
                                                           environment: environment, terminalHasColors: terminal.hasColors)
            let (chosen, warning) = ThemeLoader.load(name: themeName, environment: environment, language: language)
            terminal.apply(theme: chosen)

            // Reports are written to the export_folder setting; outside kiosk mode
            // the current folder is the default, in kiosk mode nothing is.
            let kioskMode = kiosk || Kiosk.isOn(environment)
            let exportFolder = config["export_folder"].map { DatabaseLocation.resolve(option: $0) }
                ?? (kioskMode ? nil : FileManager.default.currentDirectoryPath)
            let runner = EffectRunner(database: database, config: config, exportFolder: exportFolder)
            // Read-only and kiosk sessions write no settings and no weights:
            // "nothing is written" must hold for files outside the database too.
            runner.userFiles = database.isReadOnly || kioskMode ? .sessionOnly : .writable
            // A volunteer's save waits for someone else's long write (minutes,
            // visibly) instead of failing after 15 s.
            database.busyWait.limit = 300
            var state = AppState(size: terminal.size, language: language)
            state.readOnly = database.isReadOnly
            state.today = PartialDate.today()
            // A terminal whose locale is not UTF-8 may not show braille or block characters.
            let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
                ?? environment["LANG"] ?? ""
            state.asciiOnly = !(locale.lowercased().contains("utf-8") || locale.lowercased().contains("utf8"))
            state.healthRule = HealthRule(activeYears: config["health_active_years"].flatMap { Int($0) } ?? 2,
                                          quietYears: config["health_quiet_years"].flatMap { Int($0) } ?? 5)
            state.homeCityId = runner.homeCityId()
            let saved = runner.savedProfiles()
            state.matches.savedProfiles = saved.profiles
            if let warning = warning ?? config.warning ?? saved.warning { state.status = StatusMessage(warning, kind: .warning) }
            if database.readOnlyReason != nil { state.status = StatusMessage(tr(.newerDatabase, language), kind: .warning) }
            if state.homeCityId == nil && !state.readOnly { state.form = Forms.homeCity() }
            config = runner.config
            let loop = AppLoop(state: state, terminal: terminal, runner: runner)
            // For the proof tests of the crash guard: a deliberate trap once the first screen is up.
            loop.crashAfterFirstFrame = environment["TWINNING_TEST_CRASH"] == "after-first-frame"
            loop.run(initialEffects: [.loadData(select: nil)], prepareAhead: true)
        }
    }
}

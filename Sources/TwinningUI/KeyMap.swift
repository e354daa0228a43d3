/// Everything the user can ask for with a key.
public enum Command: String, CaseIterable, Sendable {
    case help, quit, nextPane, prevPane, goToPane, redraw, chooseHome
    case up, down, pageUp, pageDown, top, bottom, filter, open, back
    case newCity, editCity, toggleScope
    case newPartnership, editPartnership, deletePartnership, sort, healthFilter
    case newEvent, editEvent, deleteEvent, yearFilter, kindFilter, ourCityFilter, undo
    case reload, overwrite
    case exportReport, history, exportCalendar
    case accept, reject, snooze, whyNot, weights, toggleMode, reviews, explorerHome, matchFilters, clearMatchFilters
    case toggleDomestic
    case applyFilters, emptyFilterFields
    case weightUp, weightDown, weightMore, weightLess, saveProfile, closeWeights, acceptAsPartnership, acceptAsContact
    case previousYear, nextYear, reportScope, showMap, showReport, panUp, panDown, panLeft, panRight, zoomIn, zoomOut, fitMap
    case filterDone, filterClear
    case save, cancel, nextField, prevField, changeChoice, formEnter
    case yes, no, confirmDefault, switchAnswer
    case closeHelp
    case newProject, editProject, deleteProject, newAction, editAction, actionDone, deleteAction, statusFilter, themeFilter
}

extension Command {
    /// Commands that change the database: refused in a read-only session, so
    /// the help leaves them out there (`writable` says so when pressed).
    public static let changesData: Set<Command> = [
        .newCity, .editCity, .newPartnership, .editPartnership, .deletePartnership,
        .newEvent, .editEvent, .deleteEvent, .undo, .accept, .reject, .snooze,
        .acceptAsPartnership, .acceptAsContact, .overwrite,
        .newProject, .editProject, .deleteProject, .newAction, .editAction, .actionDone, .deleteAction,
    ]
}

/// Where a key is looked up. The screen combines several (global + list + the
/// pane), or uses one alone (a form, a question, the help screen).
public enum KeyContext: String, CaseIterable, Sendable {
    case global, list, cities, partnerships, events, matches, weights, accept, reports, map, filter, form, filterDialog, confirm, conflict, help
    case projects, projectDetail

    /// The contexts that are active together; a key may be bound once among them.
    public static let combinations: [[KeyContext]] = [
        [.cities, .list, .global], [.partnerships, .list, .global], [.events, .list, .global],
        [.matches, .list, .global], [.weights], [.accept], [.reports, .global], [.map, .global],
        [.filter], [.form], [.filterDialog], [.confirm], [.conflict], [.help],
        [.projects, .list, .global], [.projectDetail, .global],
    ]
}

public struct KeyBinding: Sendable {
    public let command: Command
    public let keys: [Key]
    public let context: KeyContext
    /// The short label in the bottom bar; nil keeps it out of the bar (still in help).
    public let bar: S?
    public let help: S
}

/// The single key table (as in calcurse): it feeds the reducer, the bottom
/// bar, the help screen and the key list in the README.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        // Everywhere outside forms and questions
        KeyBinding(command: .help, keys: [.function(1), .char("?")], context: .global, bar: .barHelp, help: .helpHelp),
        KeyBinding(command: .quit, keys: [.char("q"), .function(10), .ctrl("c")], context: .global, bar: .barQuit, help: .helpQuit),
        KeyBinding(command: .nextPane, keys: [.tab], context: .global, bar: nil, help: .helpNextPane),
        KeyBinding(command: .prevPane, keys: [.backTab], context: .global, bar: nil, help: .helpPrevPane),
        KeyBinding(command: .goToPane, keys: [.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6")], context: .global, bar: nil, help: .helpPaneNumber),
        KeyBinding(command: .undo, keys: [.char("u")], context: .global, bar: .barUndo, help: .helpUndo),
        KeyBinding(command: .history, keys: [.char("L")], context: .global, bar: nil, help: .helpHistory),
        KeyBinding(command: .redraw, keys: [.ctrl("l")], context: .global, bar: nil, help: .helpRedraw),
        KeyBinding(command: .chooseHome, keys: [.char("h")], context: .global, bar: nil, help: .helpHomeCity),
        // Lists
        KeyBinding(command: .up, keys: [.up, .char("k")], context: .list, bar: nil, help: .helpUp),
        KeyBinding(command: .down, keys: [.down, .char("j")], context: .list, bar: nil, help: .helpDown),
        KeyBinding(command: .pageUp, keys: [.pageUp], context: .list, bar: nil, help: .helpPageUp),
        KeyBinding(command: .pageDown, keys: [.pageDown], context: .list, bar: nil, help: .helpPageDown),
        KeyBinding(command: .top, keys: [.home], context: .list, bar: nil, help: .helpHome),
        KeyBinding(command: .bottom, keys: [.end], context: .list, bar: nil, help: .helpEnd),
        KeyBinding(command: .open, keys: [.enter], context: .list, bar: .barOpen, help: .helpOpen),
        KeyBinding(command: .back, keys: [.escape], context: .list, bar: nil, help: .helpBack),
        // Cities pane
        KeyBinding(command: .newCity, keys: [.char("n")], context: .cities, bar: .barNew, help: .helpNewCity),
        KeyBinding(command: .editCity, keys: [.char("e")], context: .cities, bar: .barEdit, help: .helpEditCity),
        KeyBinding(command: .toggleScope, keys: [.char("a")], context: .cities, bar: .barScope, help: .helpScope),
        KeyBinding(command: .filter, keys: [.char("/")], context: .cities, bar: .barFilter, help: .helpFilter),
        // Partnerships pane
        KeyBinding(command: .newPartnership, keys: [.char("n")], context: .partnerships, bar: .barNew, help: .helpNewPartnership),
        KeyBinding(command: .editPartnership, keys: [.char("e")], context: .partnerships, bar: .barEdit, help: .helpEditPartnership),
        KeyBinding(command: .deletePartnership, keys: [.char("d"), .delete], context: .partnerships, bar: .barDelete, help: .helpDeletePartnership),
        KeyBinding(command: .sort, keys: [.char("s")], context: .partnerships, bar: .barSort, help: .helpSort),
        KeyBinding(command: .healthFilter, keys: [.char("f")], context: .partnerships, bar: .barHealth, help: .helpHealthFilter),
        KeyBinding(command: .filter, keys: [.char("/")], context: .partnerships, bar: .barFilter, help: .helpFilter),
        // Events pane
        KeyBinding(command: .newEvent, keys: [.char("n")], context: .events, bar: .barNew, help: .helpNewEvent),
        KeyBinding(command: .editEvent, keys: [.char("e")], context: .events, bar: .barEdit, help: .helpEditEvent),
        KeyBinding(command: .deleteEvent, keys: [.char("d"), .delete], context: .events, bar: .barDelete, help: .helpDeleteEvent),
        KeyBinding(command: .yearFilter, keys: [.char("y")], context: .events, bar: .barYear, help: .helpYearFilter),
        KeyBinding(command: .kindFilter, keys: [.char("t")], context: .events, bar: .barKind, help: .helpKindFilter),
        KeyBinding(command: .ourCityFilter, keys: [.char("o")], context: .events, bar: .barOurs, help: .helpOurCity),
        KeyBinding(command: .filter, keys: [.char("/")], context: .events, bar: .barFilter, help: .helpFilter),
        // Projects pane: the list
        KeyBinding(command: .newProject, keys: [.char("n")], context: .projects, bar: .barNew, help: .helpNewProject),
        KeyBinding(command: .newAction, keys: [.char("a")], context: .projects, bar: .barAddAction, help: .helpNewAction),
        KeyBinding(command: .actionDone, keys: [.char("d"), .char(" ")], context: .projects, bar: .barDone, help: .helpActionDoneNext),
        KeyBinding(command: .editProject, keys: [.char("e")], context: .projects, bar: .barEdit, help: .helpEditProject),
        KeyBinding(command: .filter, keys: [.char("/")], context: .projects, bar: .barFilter, help: .helpFilter),
        KeyBinding(command: .deleteProject, keys: [.char("D"), .delete], context: .projects, bar: nil, help: .helpDeleteProject),
        KeyBinding(command: .statusFilter, keys: [.char("s")], context: .projects, bar: .barStatus, help: .helpStatusFilter),
        KeyBinding(command: .themeFilter, keys: [.char("t")], context: .projects, bar: .barTheme, help: .helpThemeFilter),
        KeyBinding(command: .ourCityFilter, keys: [.char("o")], context: .projects, bar: .barOurs, help: .helpOurProjects),
        // Projects pane: the detail with its actions (Enter)
        KeyBinding(command: .up, keys: [.up, .char("k")], context: .projectDetail, bar: nil, help: .helpActionUp),
        KeyBinding(command: .down, keys: [.down, .char("j")], context: .projectDetail, bar: nil, help: .helpActionDown),
        KeyBinding(command: .newAction, keys: [.char("a")], context: .projectDetail, bar: .barAddAction, help: .helpNewAction),
        KeyBinding(command: .actionDone, keys: [.char("d"), .char(" ")], context: .projectDetail, bar: .barDone, help: .helpActionDone),
        KeyBinding(command: .editAction, keys: [.char("e"), .enter], context: .projectDetail, bar: .barEdit, help: .helpEditAction),
        KeyBinding(command: .back, keys: [.escape], context: .projectDetail, bar: .barBack, help: .helpBackToProjects),
        KeyBinding(command: .deleteAction, keys: [.char("D"), .delete], context: .projectDetail, bar: .barDelete, help: .helpDeleteAction),
        KeyBinding(command: .editProject, keys: [.char("p")], context: .projectDetail, bar: .barEditProject, help: .helpEditProject),
        KeyBinding(command: .exportCalendar, keys: [.char("x")], context: .events, bar: .barCalendar, help: .helpExportCalendar),
        // Typing a filter
        KeyBinding(command: .filterDone, keys: [.enter, .down], context: .filter, bar: .barBack, help: .helpFilterDone),
        KeyBinding(command: .filterClear, keys: [.escape], context: .filter, bar: .barCancel, help: .helpFilterClear),
        // Forms
        KeyBinding(command: .save, keys: [.function(2), .ctrl("s")], context: .form, bar: .barSave, help: .helpSave),
        KeyBinding(command: .cancel, keys: [.escape, .ctrl("c")], context: .form, bar: .barCancel, help: .helpCancel),
        KeyBinding(command: .nextField, keys: [.tab, .down], context: .form, bar: .barNext, help: .helpNextField),
        KeyBinding(command: .prevField, keys: [.backTab, .up], context: .form, bar: nil, help: .helpPrevField),
        KeyBinding(command: .changeChoice, keys: [.left, .right], context: .form, bar: .barToggle, help: .helpChoice),
        KeyBinding(command: .formEnter, keys: [.enter], context: .form, bar: .barPick, help: .helpPick),
        // Questions
        KeyBinding(command: .yes, keys: [.char("y"), .char("j")], context: .confirm, bar: .barYes, help: .helpYes),
        KeyBinding(command: .no, keys: [.char("n"), .escape], context: .confirm, bar: .barNo, help: .helpNo),
        KeyBinding(command: .switchAnswer, keys: [.left, .right, .tab], context: .confirm, bar: nil, help: .helpChoice),
        KeyBinding(command: .confirmDefault, keys: [.enter], context: .confirm, bar: nil, help: .helpConfirmDefault),
        // Match explorer
        KeyBinding(command: .accept, keys: [.char("a")], context: .matches, bar: .barAccept, help: .helpAccept),
        KeyBinding(command: .reject, keys: [.char("r")], context: .matches, bar: .barReject, help: .helpReject),
        KeyBinding(command: .snooze, keys: [.char("s")], context: .matches, bar: .barSnooze, help: .helpSnooze),
        KeyBinding(command: .whyNot, keys: [.char("w")], context: .matches, bar: .barWhyNot, help: .helpWhyNot),
        KeyBinding(command: .weights, keys: [.char("g")], context: .matches, bar: .barWeights, help: .helpWeights),
        KeyBinding(command: .toggleMode, keys: [.char("m")], context: .matches, bar: .barMode, help: .helpMode),
        KeyBinding(command: .reviews, keys: [.char("R")], context: .matches, bar: nil, help: .helpReviews),
        KeyBinding(command: .explorerHome, keys: [.char("c")], context: .matches, bar: nil, help: .helpExplorerHome),
        KeyBinding(command: .matchFilters, keys: [.char("/")], context: .matches, bar: .barFilters, help: .helpMatchFilters),
        KeyBinding(command: .clearMatchFilters, keys: [.char("x")], context: .matches, bar: .barClearFilters, help: .helpClearMatchFilters),
        KeyBinding(command: .toggleDomestic, keys: [.char("d")], context: .matches, bar: nil, help: .helpToggleDomestic),
        // The match explorer's filter dialog: Enter applies from any field, Esc leaves the filters as they were.
        KeyBinding(command: .applyFilters, keys: [.enter, .function(2), .ctrl("s")], context: .filterDialog, bar: .barApply, help: .helpApplyFilters),
        KeyBinding(command: .emptyFilterFields, keys: [.function(8), .ctrl("r")], context: .filterDialog, bar: .barEmptyAll, help: .helpEmptyFilterFields),
        KeyBinding(command: .cancel, keys: [.escape, .ctrl("c")], context: .filterDialog, bar: .barCancel, help: .helpCancelFilters),
        KeyBinding(command: .nextField, keys: [.tab, .down], context: .filterDialog, bar: .barNext, help: .helpNextField),
        KeyBinding(command: .prevField, keys: [.backTab, .up], context: .filterDialog, bar: nil, help: .helpPrevField),
        KeyBinding(command: .weightUp, keys: [.up, .char("k")], context: .weights, bar: nil, help: .helpWeightUp),
        KeyBinding(command: .weightDown, keys: [.down, .char("j"), .tab], context: .weights, bar: nil, help: .helpWeightDown),
        KeyBinding(command: .weightLess, keys: [.left, .char("-")], context: .weights, bar: .helpWeightLess, help: .helpWeightLess),
        KeyBinding(command: .weightMore, keys: [.right, .char("+")], context: .weights, bar: .helpWeightMore, help: .helpWeightMore),
        KeyBinding(command: .saveProfile, keys: [.char("s"), .function(2)], context: .weights, bar: .barSave, help: .helpSaveProfile),
        KeyBinding(command: .closeWeights, keys: [.escape, .char("g")], context: .weights, bar: .barBack, help: .helpCloseWeights),
        KeyBinding(command: .acceptAsPartnership, keys: [.char("p")], context: .accept, bar: .acceptPartnership, help: .acceptPartnership),
        KeyBinding(command: .acceptAsContact, keys: [.char("c")], context: .accept, bar: .acceptContact, help: .acceptContact),
        KeyBinding(command: .cancel, keys: [.escape], context: .accept, bar: .barCancel, help: .helpCancel),
        // Reports pane
        KeyBinding(command: .previousYear, keys: [.left, .char("<")], context: .reports, bar: .barPrevYear, help: .helpPrevYear),
        KeyBinding(command: .nextYear, keys: [.right, .char(">")], context: .reports, bar: .barNextYear, help: .helpNextYear),
        KeyBinding(command: .reportScope, keys: [.char("c")], context: .reports, bar: .barScopeAll, help: .helpReportScope),
        KeyBinding(command: .showMap, keys: [.char("m")], context: .reports, bar: .barMap, help: .helpMap),
        KeyBinding(command: .exportReport, keys: [.char("x")], context: .reports, bar: .barExport, help: .helpExport),
        KeyBinding(command: .down, keys: [.down, .char("j")], context: .reports, bar: nil, help: .helpDown),
        KeyBinding(command: .up, keys: [.up, .char("k")], context: .reports, bar: nil, help: .helpUp),
        KeyBinding(command: .pageDown, keys: [.pageDown], context: .reports, bar: nil, help: .helpPageDown),
        KeyBinding(command: .pageUp, keys: [.pageUp], context: .reports, bar: nil, help: .helpPageUp),
        KeyBinding(command: .top, keys: [.home], context: .reports, bar: nil, help: .helpHome),
        KeyBinding(command: .bottom, keys: [.end], context: .reports, bar: nil, help: .helpEnd),
        // The map
        KeyBinding(command: .showReport, keys: [.char("m"), .escape], context: .map, bar: .barReport, help: .helpBackToReport),
        KeyBinding(command: .zoomIn, keys: [.char("+"), .char("=")], context: .map, bar: .barZoomIn, help: .helpZoomIn),
        KeyBinding(command: .zoomOut, keys: [.char("-")], context: .map, bar: .barZoomOut, help: .helpZoomOut),
        KeyBinding(command: .fitMap, keys: [.char("0")], context: .map, bar: .barFit, help: .helpFit),
        KeyBinding(command: .reportScope, keys: [.char("c")], context: .map, bar: .barScopeAll, help: .helpReportScope),
        KeyBinding(command: .panUp, keys: [.up, .char("k")], context: .map, bar: nil, help: .helpPan),
        KeyBinding(command: .panDown, keys: [.down, .char("j")], context: .map, bar: nil, help: .helpPan),
        KeyBinding(command: .panLeft, keys: [.left], context: .map, bar: nil, help: .helpPan),
        KeyBinding(command: .panRight, keys: [.right], context: .map, bar: nil, help: .helpPan),
        // Someone else saved the record being edited
        KeyBinding(command: .reload, keys: [.char("r")], context: .conflict, bar: .conflictReload, help: .conflictReload),
        KeyBinding(command: .overwrite, keys: [.char("o")], context: .conflict, bar: .conflictOverwrite, help: .conflictOverwrite),
        KeyBinding(command: .cancel, keys: [.escape], context: .conflict, bar: .conflictBack, help: .conflictBack),
        // Help screen
        KeyBinding(command: .closeHelp, keys: [.escape, .char("q"), .function(1), .char("?")], context: .help, bar: .barBack, help: .helpClose),
    ]

    /// The command bound to `key` in the first of `contexts` that has it.
    public static func command(for key: Key, in contexts: [KeyContext]) -> Command? {
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.command
            }
        }
        return nil
    }

    /// Commands that change data; a read-only session does not offer them.
    public static let editingCommands: Set<Command> = [
        .newCity, .editCity, .newPartnership, .editPartnership, .deletePartnership,
        .newEvent, .editEvent, .deleteEvent, .undo, .accept, .reject, .snooze,
        .newProject, .editProject, .deleteProject, .newAction, .editAction, .actionDone, .deleteAction,
    ]

    /// The bar entries for the active contexts, most specific first.
    public static func bar(for contexts: [KeyContext], readOnly: Bool = false) -> [KeyBinding] {
        contexts.flatMap { context in
            bindings.filter { $0.context == context && $0.bar != nil && !(readOnly && editingCommands.contains($0.command)) }
        }
    }

    /// "F1/?" — the keys of a binding as the help shows them.
    public static func keyLabel(_ binding: KeyBinding, limit: Int = 2, _ language: Language = .en) -> String {
        binding.keys.prefix(limit).map { $0.name(language) }.joined(separator: "/")
    }

    /// The keys the bar shows: at most two, leaving out the quiet
    /// alternatives (arrows for Tab, Ctrl-C, Del), so that an F-key always
    /// comes with its letter, because many SSH clients lose F-keys.
    public static func barKeyLabel(_ binding: KeyBinding, _ language: Language = .en) -> String {
        let quiet: Set<Key> = [.down, .up, .delete, .ctrl("c"), .char("j"), .char("k"), .escape, .enter]
        var keys = [binding.keys[0]]
        keys += binding.keys.dropFirst().filter { !quiet.contains($0) }.prefix(1)
        return keys.map { $0.name(language) }.joined(separator: "/")
    }
}

extension KeyMap {
    /// The key list of the README, made from the same table as the bar and the help screen.
    public static func markdownTable(_ language: Language = .en) -> String {
        let names: [KeyContext: String] = [
            .global: "Everywhere", .list: "Lists", .cities: "Cities pane", .partnerships: "Partnerships pane",
            .events: "Events pane", .conflict: "Record changed by someone else", .reports: "Reports pane", .map: "Map",
            .matches: "Match explorer", .weights: "Weights dialog", .accept: "Accepting a suggestion",
            .filter: "While typing a filter", .form: "Forms", .filterDialog: "Filters of the match explorer",
            .confirm: "Questions", .help: "Help screen",
            .projects: "Projects pane", .projectDetail: "Project detail (Enter)",
        ]
        var lines = ["| where | keys | what it does |", "| --- | --- | --- |"]
        for context in KeyContext.allCases {
            for binding in bindings where binding.context == context {
                let keys = binding.keys.map { "`\($0.description)`" }.joined(separator: " ")
                lines.append("| \(names[context]!) | \(keys) | \(tr(binding.help, language)) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation

/// The report's project tables (what a council or funder asks for) and the
/// register as a whole (the Brexit and pandemic questions). Markdown, HTML
/// and CSV all write these tables, so the three formats say the same.
extension ReportDocument {
    public static func projectStatus(_ status: ProjectStatus) -> LocalizedText {
        switch status {
        case .idea: return t(.projectStatusIdea)
        case .planned: return t(.projectStatusPlanned)
        case .running: return t(.projectStatusRunning)
        case .completed: return t(.projectStatusCompleted)
        case .paused: return t(.projectStatusPaused)
        case .abandoned: return t(.projectStatusAbandoned)
        }
    }

    public static func fundingState(_ state: FundingState) -> LocalizedText {
        switch state {
        case .applied: return t(.fundingStateApplied)
        case .granted: return t(.fundingStateGranted)
        case .refused: return t(.fundingStateRefused)
        case .paid: return t(.fundingStatePaid)
        }
    }

    /// One line for a table cell: line breaks of multi-line fields become spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "42 young people; 1,200 trees planted" with the language's number grouping.
    public static func indicators(_ project: Project, _ language: ReportLanguage) -> String {
        project.indicators.map { i in
            let whole = i.value.rounded() == i.value && abs(i.value) < 1e15
            let number = whole ? ReportWords.number(Int(i.value), language) : ReportWords.decimal(i.value, digits: 2, language)
            return "\(number) \(i.unit)"
        }.joined(separator: ReportText.listSeparator.text(language.rawValue))
    }

    static func themes(_ project: Project, _ language: ReportLanguage) -> String {
        project.themes.map { ThemeVocabulary.parse($0).display(language.rawValue) }
            .joined(separator: ReportText.listSeparator.text(language.rawValue))
    }

    static func projectTables(_ report: Report, language: ReportLanguage) -> [ReportTable] {
        let section = report.projects
        let separator = ReportText.listSeparator.text(language.rawValue)
        return [
            ReportTable(key: "projects", title: t(.projectsInPeriod),
                        columns: [t(.title), t(.projectCities), t(.status), t(.projectStart), t(.projectEnd), t(.projectThemes)],
                        rows: section.projects.map { p in
                            [.text(p.project.title), .text(p.cityNames.joined(separator: separator)),
                             .text(projectStatus(p.project.status).text(language)), .date(p.project.startDate),
                             .date(p.project.endDate), .text(themes(p.project, language))]
                        },
                        note: t(.projectsNote)),
            ReportTable(key: "projects_by_theme", title: t(.projectsByTheme),
                        columns: [t(.projectTheme), t(.projectStatusRunning), t(.projectStatusCompleted), t(.projectsColumn)],
                        rows: section.byTheme.map { theme in
                            [.text(theme.label(language)), .number(theme.running), .number(theme.completed),
                             .text(theme.titles.joined(separator: separator))]
                        },
                        note: t(.projectsByThemeNote)),
            ReportTable(key: "project_funding", title: t(.projectFunding),
                        columns: [t(.fundingProgramme), t(.fundingState), t(.fundingAmount), t(.fundingLines)],
                        rows: section.funding.map { f in
                            [.text(f.programme), .text(fundingState(f.state).text(language)),
                             .money(f.amountMinor, currency: f.currency), .number(f.lines)]
                        },
                        note: t(.projectFundingNote)),
            ReportTable(key: "project_results", title: t(.projectResults),
                        columns: [t(.title), t(.status), t(.projectIndicators), t(.projectResultsColumn)],
                        rows: section.projects.filter { !$0.project.indicators.isEmpty || !oneLine($0.project.results).isEmpty }.map { p in
                            [.text(p.project.title), .text(projectStatus(p.project.status).text(language)),
                             .text(indicators(p.project, language)), .text(oneLine(p.project.results))]
                        }),
            ReportTable(key: "overdue_actions", title: t(.overdueActions),
                        columns: [t(.actionOwner), t(.actionWhat), t(.actionProject), t(.actionDue)],
                        rows: section.overdue.map { o in
                            [.text(o.owner.isEmpty ? t(.actionNoOwner).text(language) : o.owner), .text(o.action.what),
                             .text(o.projectTitle), .date(o.action.due)]
                        },
                        note: t(.overdueActionsNote, cells: [.date(report.today)])),
        ]
    }

    static func registerTables(_ report: Report, language: ReportLanguage) -> [ReportTable] {
        let years = Array(report.scope.historyRange)
        let yearColumns = years.map { t(.yearColumn, cells: [.text(String($0))]) }
        return [
            ReportTable(key: "partner_countries", title: t(.partnerCountries),
                        columns: [t(.country), t(.partnerships)] + Health.allCases.map(\.text) + [t(.statusEnded)] + yearColumns,
                        rows: report.countries.map { c in
                            [.text(c.country), .number(c.partnerships)] + c.health.map { .number($0) } + [.number(c.ended)]
                                + c.eventsPerYear.map { .number($0) }
                        },
                        note: t(report.city == nil ? .partnerCountriesNoteAll : .partnerCountriesNote)),
            ReportTable(key: "formats_per_year", title: t(.formatsPerYear),
                        columns: [t(.year), t(.events), t(.formatInPerson), t(.formatOnline), t(.formatHybrid), t(.shareRemote)],
                        rows: report.years.map { y in
                            [.text(String(y.year)), .number(y.events), .number(max(0, y.events - y.online - y.hybrid)),
                             .number(y.online), .number(y.hybrid), .percent(y.remoteShare)]
                        },
                        note: t(.formatsPerYearNote)),
        ]
    }
}

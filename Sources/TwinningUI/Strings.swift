import TwinningCore

/// The keys of every user-visible text of the full-screen program. The texts
/// are in the catalogue (`Resources/Texts/<language>.txt`, key `ui.<case>`);
/// `{1}`, `{2}` … are filled in by `tr(_:_:)`. A test fails when a language
/// lacks a key or uses other placeholders.
public enum S: String, CaseIterable, Sendable {
    // Frame
    case appTitle, paneCities, panePartnerships, homeLabel, noHome, enlarge, readOnlyMark
    // Key bar labels
    case barHelp, barQuit, barFilter, barNew, barEdit, barDelete, barPane, barOpen, barBack, barSave, barCancel
    case barScope, barSort, barHome, barYes, barNo, barNext, barPick, barToggle, barRedraw
    // Help texts
    case helpUp, helpDown, helpPageUp, helpPageDown, helpHome, helpEnd, helpNextPane, helpPrevPane, helpPaneNumber
    case helpFilter, helpOpen, helpBack, helpQuit, helpRedraw, helpHelp, helpNewCity, helpEditCity, helpScope
    case helpNewPartnership, helpEditPartnership, helpDeletePartnership, helpSort, helpHomeCity
    case helpSave, helpCancel, helpNextField, helpPrevField, helpChoice, helpToggle, helpPick
    case helpYes, helpNo, helpConfirmDefault, helpFilterDone, helpFilterClear
    case helpTitle, helpContextGeneral, helpContextForms, helpClose, overlayClose
    // Cities pane
    case scopeRegister, scopeGazetteer, colName, colRegion, colCountry, colPopulation, colPartners
    case detailRegion, detailCountry, detailPopulation, detailInhabitants, detailCoordinates, detailThemes, detailStrengths
    case detailChallenges, detailSeeking, detailNotes, detailPartners, detailEvents, detailContacts, detailNoPartners
    case detailEnterPartners, yes, no, filterPrompt, filterEmpty, noMatches, citiesCount
    // Partnerships pane
    case colPartnership, colType, colStatus, colSince, colLastEvent, sortName, sortSince, sortLastEvent
    case detailSinceUntil, detailSource, detailNoEvents, partnershipsCount, sortedBy
    // Forms
    case formNewCity, formEditCity, formNewPartnership, formEditPartnership, formHomeCity
    case fieldName, fieldCountry, fieldRegion, fieldLatitude, fieldLongitude, fieldPopulation, fieldThemes
    case fieldStrengths, fieldChallenges, fieldNotes, fieldSeeking, fieldCityA, fieldCityB, fieldType, fieldStatus
    case fieldSince, fieldUntil, formHint, pickerHint, pickerTypeToSearch
    case errRequired, errNotNumber, errNotWholeNumber, errDate, errPickCity, errCountry, errSameCity
    case understoodDate
    // Dialogs and messages
    case confirmTitle, confirmDeletePartnership, confirmDeletePartnershipNone, discardTitle, discardQuestion, quitTitle, quitQuestion
    case savedCity, addedCity, savedPartnership, addedPartnership, deletedPartnership, homeSet, homeQuestion
    case welcomeTitle, welcomeText, conflictChanged, readOnlyRefused, errorPrefix, loading
    // Events pane and form
    case paneEvents, colDate, colKind, colFormat, colPeople, colYouth, colHealth, eventsOf, allYears, allKinds
    case filterYear, filterKind, filterOurCity, filterHealth, barUndo, barYear, barKind, barOurs, barHealth, barEvents
    case helpUndo, helpYearFilter, helpKindFilter, helpOurCity, helpNewEvent, helpEditEvent, helpDeleteEvent
    case helpEventsOfPartnership, helpHealthFilter
    case formNewEvent, formEditEvent, fieldPartnership, fieldTitle, fieldKind, fieldStart, fieldEnd, fieldDirection
    case fieldFormat, fieldParticipants, fieldYouth, fieldByCountry, errYouthExceeds, errByCountry, errByCountryExceeds
    case errEndBeforeStart, errPickPartnership, confirmDeleteEvent, deletedEvent, addedEvent, savedEvent
    case detailDirection, detailFormat, detailParticipants, detailByCountry, detailYouthShare, noEvents
    case undone, nothingToUndo, conflictTitle, conflictQuestion, conflictReload, conflictOverwrite, conflictBack
    case deletedMeanwhile, reloaded
    case healthActive, healthQuiet, healthDormant
    case kindVisit, kindYouthExchange, kindSchoolExchange, kindCulture, kindSport, kindOfficialDelegation
    case kindOnlineMeeting, kindConference, kindProjectWork, kindOther
    case formatInPerson, formatOnline, formatHybrid, directionToA, directionToB, directionBoth, directionOnline
    // Reports pane and map
    case paneReports, reportTitleCity, reportTitleAll, reportPartnerships, reportHealth, reportYears, reportYear
    case reportEvents, reportParticipants, reportYouthShare, reportByCountry, reportDormant, reportNeverVisited, reportNoEvents
    case reportUnknownCountry, reportNever, barPrevYear, barNextYear, barScopeAll, barMap, barReport, barZoomIn, barZoomOut, barFit
    case helpPrevYear, helpNextYear, helpReportScope, helpMap, helpBackToReport, helpPan, helpZoomIn, helpZoomOut, helpFit
    case mapTitleCity, mapTitleCountry, mapNoCoordinates, fundingLabel
    case barExport, helpExport, exported, exportRefused
    case helpHistory, historyTitle, historyEmpty, historyUndone, saving
    case historyReview, reviewAccepted, reviewRejected, reviewSnoozed
    case historyImport, importAdded, importUpdated, importUnchanged
    // Match filters
    case barFilters, barClearFilters, helpMatchFilters, helpClearMatchFilters
    case barApply, helpApplyFilters, barEmptyAll, helpEmptyFilterFields, helpCancelFilters
    case formMatchFilters, filtersIntro, fieldCountries, fieldDistanceFrom, fieldDistanceTo, fieldPopulationFrom, fieldPopulationTo
    case errFilterDistance, errFilterDistanceTooFar, errFilterPopulation, errFilterCountries, errFilterUnknownCountry, errFilterRange
    case filtersActive, filtersNone, filtersChange, filtersClear, filtersNothingPasses, filtersCleared, filtersNoneSet
    case unitInhabitants, understoodInhabitants
    // Match explorer
    case paneMatches, matchesTitle, modeSimilar, modeLearn, colRank, colScore, colReason, matchesNoHome, matchesCount
    case barAccept, barReject, barSnooze, barWhyNot, barWeights, barMode, barReviews, barExplorerHome
    case helpAccept, helpReject, helpSnooze, helpWhyNot, helpWeights, helpMode, helpReviews, helpExplorerHome
    case helpWeightUp, helpWeightDown, helpWeightMore, helpWeightLess, helpSaveProfile, helpCloseWeights
    case acceptTitle, acceptQuestion, acceptPartnership, acceptContact, accepted, rejected, snoozed
    case formReject, formSnooze, formWhyNot, formExplorerHome, fieldReason, fieldNote, fieldUntilDate, fieldCity
    case weightsTitle, weightsHint, profileSaved, whyNotTitle, reviewsTitle, reviewsEmpty, ranking, matchDetailScore
    // Safe values: limits said out loud
    case weightsAllZero, errFieldFull, errCountTooLarge
    // Volunteer-proof lists, help, forms; city character and abroad filter (issues 11, 13)
    case yesKey
    case pickerDidYouMean, eventsHidden, more, moreEnter, moreAbove, moreBelow, howTitle, howVisit
    case howPartnership, howReport, howDormant, howUndo, helpReadOnlyKeys, filtersAbroad, filtersDomestic, filtersNoneShort
    case filtersAbroadShort, helpToggleDomestic, detailCharacter, detailCharacterUnknown, freeTagsKept, formMoreAbove, formMoreBelow, askSaveTitle
    case askSaveHint, askInPersonOnline, askByCountrySum, askDuplicateEvent, askFarFuture, errSnoozeNotAhead
    // Vocabulary
    case typePartnership, typeFriendship, typeContact, typeProject
    case statusActive, statusDormant, statusProposed, statusSuspended, statusEnded
    // Safety: what is written where, waiting for others, newer databases
    case homeSessionOnly, profileSessionOnly, waitingForOthers, newerDatabase, filesChanged, crashed, crashReportIn
    // Texts that were `language == .de ?` switches in the code
    case errAlreadyPartners, whyNotIsHome, whyNotAlreadyPartner, whyNotReviewed, whyNotFilteredOut, whyNotHoldingBack
    // Projects pane, project and action forms, projects elsewhere (issue 12)
    case quickFormHint, projectsLate, detailAlso, detailAlsoEnter, errProjectCityAmbiguous
    case paneProjects, colProject, colCities, colThemes, colNextDue, barAddAction, barDone, barEditProject
    case barStatus, barTheme, helpNewProject, helpNewAction, helpActionDoneNext, helpEditProject, helpDeleteProject, helpStatusFilter
    case helpThemeFilter, helpOurProjects, helpActionUp, helpActionDown, helpActionDone, helpEditAction, helpDeleteAction, helpBackToProjects
    case helpContextProjectDetail, howAction, projectStatusIdea, projectStatusPlanned, projectStatusRunning, projectStatusCompleted, projectStatusPaused, projectStatusAbandoned
    case projectRoleLead, projectRolePartner, fundingApplied, fundingGranted, fundingRefused, fundingPaid, projectFrom, projectUntil
    case actionNoDue, detailGoals, detailActions, actionsEnterHint, actionBeforeStart, detailFunding, detailResults, detailProjectEvents
    case detailProjectPartnerships, detailDescription, detailProjects, projectsOverdue, noProjects, projectsHidden, noActionsYet, formNewProject
    case formEditProject, formNewAction, formEditAction, projectFormHint, fieldProjectCities, fieldProjectStart, fieldGoals, fieldSummary
    case fieldFunding, fieldResults, fieldIndicators, fieldWhat, fieldDue, fieldWho, fieldDone, fieldProject
    case projectNone, errProjectTwoCities, errProjectNoCity, errProjectNoCityGuess, errProjectCityTwice, errFundingCurrency, errFundingProgramme, errFundingAmount
    case errIndicator, errDoneInFuture, addedProject, savedProject, deletedProject, addedAction, savedAction, deletedAction
    case actionMarkedDone, actionAlreadyDone, confirmDeleteProject, confirmDeleteAction
    // The change log in the user's language (Shared/ChangeWords.swift), a date not read yet, the calendar export
    case changeCreate, changeUpdate, changeDelete, changeUndo, changeImport, changeCity, changePartnership, changeEvent
    case changeContact, changeProject, changeProjectAction, undoneChange, dateNotReadYet, barCalendar, helpExportCalendar, formCalendar, formCalendarOne, fieldCalendarFile
    case calendarWritten, calendarExists, calendarExistsTitle, calendarNoEvents, errCalendarFolder
    // A list read on first use that could not be read (App/DeferredLists.swift)
    case listUnreadable
    // The full-screen program cannot start in this terminal (TwinningTerminal/TerminalError.swift)
    case terminalNotInteractive, terminalNoTerm, terminalUnknown, terminalNoCursor, terminalNoHighlight, terminalNoCursorNoHighlight
    // A --theme (or theme setting) that cannot be used, in the status line at start (ThemeLoader.swift)
    case themeFallback, themeBadName, themeNotFound
}

extension S: CatalogueKey {
    public static let prefix = "ui"
}

/// The text of `key` in `language`, with `{1}`, `{2}` … replaced by `arguments`.
/// The texts are in `Sources/TwinningCore/Resources/Texts/<language>.txt` as `ui.<key>`.
public func tr(_ key: S, _ language: Language, _ arguments: String...) -> String {
    key.text(language.rawValue, arguments)
}

extension MatchReview {
    /// "rejected", "suggest again from 14.05.2026" … in the user's language.
    /// The reason in the user's language: an accept stores what it created as
    /// a fixed English word ("proposed partnership", "contact"; kept so old
    /// databases and the CLI read the same), shown here in the user's words.
    /// What a volunteer typed is shown as typed.
    public func reasonLabel(_ language: Language) -> String {
        guard decision == .accept else { return reason }
        switch reason {
        case "proposed partnership": return tr(.acceptPartnership, language)
        case "contact": return tr(.acceptContact, language)
        default: return reason
        }
    }

    public func decisionLabel(_ language: Language) -> String {
        switch decision {
        case .accept: return tr(.reviewAccepted, language)
        case .reject: return tr(.reviewRejected, language)
        case .snooze:
            let until = snoozeUntil.flatMap(PartialDate.parse)?.display(language) ?? snoozeUntil ?? ""
            return tr(.reviewSnoozed, language, until)
        }
    }
}

extension PartnershipType {
    public func label(_ language: Language) -> String {
        switch self {
        case .partnership: return tr(.typePartnership, language)
        case .friendship: return tr(.typeFriendship, language)
        case .contact: return tr(.typeContact, language)
        case .project: return tr(.typeProject, language)
        }
    }
}

extension PartnershipStatus {
    public func label(_ language: Language) -> String {
        switch self {
        case .active: return tr(.statusActive, language)
        case .dormant: return tr(.statusDormant, language)
        case .proposed: return tr(.statusProposed, language)
        case .suspended: return tr(.statusSuspended, language)
        case .ended: return tr(.statusEnded, language)
        }
    }
}

extension EventKind {
    public func label(_ language: Language) -> String {
        let key: S
        switch self {
        case .visit: key = .kindVisit
        case .youth_exchange: key = .kindYouthExchange
        case .school_exchange: key = .kindSchoolExchange
        case .culture: key = .kindCulture
        case .sport: key = .kindSport
        case .official_delegation: key = .kindOfficialDelegation
        case .online_meeting: key = .kindOnlineMeeting
        case .conference: key = .kindConference
        case .project_work: key = .kindProjectWork
        case .other: key = .kindOther
        }
        return tr(key, language)
    }
}

extension EventFormat {
    public func label(_ language: Language) -> String {
        switch self {
        case .in_person: return tr(.formatInPerson, language)
        case .online: return tr(.formatOnline, language)
        case .hybrid: return tr(.formatHybrid, language)
        }
    }
}

extension EventDirection {
    /// "to Amiens", "both ways" … with the pair's names.
    public func label(_ language: Language, a: String, b: String) -> String {
        switch self {
        case .to_a: return tr(.directionToA, language, a)
        case .to_b: return tr(.directionToB, language, b)
        case .both: return tr(.directionBoth, language)
        case .online: return tr(.directionOnline, language)
        }
    }
}

extension PartialDate {
    /// 14.05.2026 in German, 14/05/2026 in French, 2026-05-14 in English.
    public func display(_ language: Language) -> String { ReportWords.date(self, language.report) }
}

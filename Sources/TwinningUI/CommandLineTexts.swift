import TwinningCore

/// The keys of the command line's texts (`twinning …`): command descriptions,
/// messages and table headings, in the catalogue as `cli.<case>`. They live
/// here, beside `Language`, so the catalogue test sees them; the command line
/// is an executable that tests cannot import.
public enum CLIText: String, CatalogueKey {
    public static let prefix = "cli"

    case aboutTwinning, aboutTwinningMore, aboutOpen, aboutInit, aboutCities, aboutCitiesSearch, aboutCitiesShow
    case aboutCitiesAdd, aboutCitiesEdit, aboutPartnerships, aboutPartnershipsList, aboutPartnershipsAdd
    case aboutPartnershipsEdit, aboutPartnershipsRemove, aboutEvents, aboutEventsList, aboutEventsAdd, aboutEventsEdit
    case aboutEventsRemove, aboutMatch, aboutMatchSuggest, aboutMatchReview, aboutMatchReviews, aboutMatchProfile
    case aboutReport, aboutImport, aboutExport, aboutLog, aboutUndo, aboutBackup, aboutCheck, aboutStress
    case optionDb, optionLang
    // The longer help under a command's options
    case discussBackup, discussMatch, discussReport, discussImport, discussExport, discussUndo, hDomestic
    case errLang, warning, needsYes, confirmDelete, nothingDeleted, waiting, creating, loadingGazetteer
    case loadingTwinnings, addingDemoEvents, wrote, errDate, dateForms, errChoice, noEventsMatch, noPartnershipsMatch
    case cityHasNoPartnerships, noCityMatches, noCityMatchesIn, noPartnership, noEvent, noChanges, allChecksPassed
    case problem, loaded, loadedDemo, addedEvent, addedPartnership, eventWhat, deleted, partnershipWhat
    case partnershipWhatOne, deletedPartnership, deletedPartnershipOne
    case countPartnerships, countPartnershipsOne, countEvents, countEventsOne, didYouMean, ambiguousCity
    case colName, colRegion, colCountry, colPopulation, colId, colPartner, colType, colStatus, colSince, colLastEvent
    case showAddedByUser, showFaces, showFreeTag, showFreeTagsKept
    case colCity, colDate, colPartnership, colKind, colFormat, colPeople, colWhen, colWho, colWhat, colRecord
    // Help texts of the options
    case hOnlyChangesSinceThisDate, hOnlyChangesByThisLogin, hAtMostThisManyLines, hTextJsonOrTsv, hTheFileOrTheFolder
    case hReplaceAnExistingFileNever, hBackingUpIntoAFolder, hPartOfANameE, hOnlyThisCountryIsoCode, hAtMostThisManyResults
    case hGeonamesIdNameOrName, hTextOrJson, hCommaSeparatedThemesEG, hCommaSeparatedStrengths, hCommaSeparatedChallenges
    case hFreeText, hYesOrNoIsThe, hTheCityName, hIsoCountryCodeEG, hRegionStateProvince, hLatitudeInDegrees
    case hLongitudeInDegrees, hNumberOfInhabitants, hNewName, hOnlyEventsOfThisCity, hOnlyEventsOfThisPartnership
    case hOnlyEventsThatStartedIn, hShortTitle, hEndDateNoneClears, hNumberOfParticipants, hOfThemHowManyUnder
    case hParticipantsPerCountryEG, hThePartnershipIdSeePartnerships, hTheEventIdSeeEvents, hTheEventId
    case hDoNotAskNeededWhen, hTheHomeCityAName, hOnlyCandidatesInThisCountry, hSimilarSimilarChallengesOrLearn
    case hAWeightProfileNameDefault, hDistancePreferenceBusNoneOr, hOnlyCandidatesAtLeastThis, hOnlyCandidatesAtMostThis
    case hOnlyCandidatesWithAtLeast, hOnlyCandidatesWithAtMost, hHowManySuggestionsPerQuery, hExplainTheRankOfThis
    case hRankForEveryLineGeonameid, hTheHomeCity, hTheSuggestedCity, hAcceptTheSuggestion, hRejectTheSuggestionWithA
    case hSnoozeTheSuggestionUntilThis, hANoteForAcceptOr, hOnlyTheReviewsForThis, hAProfileNameSimilarLearn
    case hWriteItToTheProfile, hColourThemeDefaultHighContrast, hNoColoursAsWithNo, hBrowseOnlyNothingCanBe
    case hForAnSshForcecommandAccount, hOnlyThePartnersOfThis, hSinceWhenOrNoneClears, hUntilWhenNoneClears
    case hCommaSeparatedThemes, hTheFirstCity, hTheSecondCity, hThePartnershipId, hReportOnThisCityPartnerships
    case hTheYearOrARange, hMdHtmlOrCsv, hWriteToThisFileInstead, hReplaceAnExistingOutputFile, hHowManyWrites
    case hSeedOfTheRandomChoices, hCitiesPartnershipsOrEvents, hTheFileToRead, hCsvJsonOrIcsEvents
    case hCitiesTheWholeGazetteerNot, hOnlyWhatConcernsThisCity, hOnlyTheGazetteerNoDemo, hNotEvenTheGazetteerAn
    case hReplaceAnExistingDatabaseIts, hTheImportNumberInThe, hWhoTravelled, hOnlyThisStatus, hOnlyThisType, hStartDate
    // twinning match
    case matchAbroad
    case matchHeader, modeLearn, modeSimilar, noCityPassesFilters, colRank, colScore, colDistance, colTopReasons
    case colFeature, colLost, colHere, colTop10, colWhy, colHome, colCandidate, colDecision, colUntil, colReason
    case missingFeatures, standingRanked, standingIsHome, standingAlreadyPartner, standingReviewed
    case standingFilteredOut, whyScore, nothingHoldsBack, holdingBack, countingFor, notCountedMissing, noReviews
    // More messages
    case errKeep, errKeepFolder, backedUp, removedBackups, removedBackupOne, errLimit, errSeeking, errCityExists
    case addedCity, savedCity, noPartnershipSee, savedEvent, savedPartnership, errSameCity, errGiveCity, errBatch
    case allWeightsZero, errCountryCode, errNoCityInCountry, errOneDecision, errSnoozeDay, savedFile, errYear
    case errYearRange, loggedImport, errIcsEventsOnly, wroteEvents, wroteEventOne, errIsFolder, errExists
    case errCannotRemove, createdBare, undidImport, errNeedsCities, errCannotRead
    // Joint projects (issue 12)
    case aboutProjects, aboutProjectsAction, aboutProjectsActionAdd, aboutProjectsActionDone, aboutProjectsAdd
    case aboutProjectsEdit, aboutProjectsList, aboutProjectsRemove, aboutProjectsShow, actionBeforeStart
    case actionDone, addedAction, addedProject, beforeStartMark, colAmount, colCities, colDone, colDue, colNextDue
    case colProgramme, colState, colThemes, colTitle, countProjects, countProjectsOne, errCityTwice
    case errLeadNotInProject, errProjectCities, errProjectsCsvFolder, errProjectsCsvNotFolder, wroteProjectFiles, freeThemes, fundingApplied, fundingGranted
    case fundingPaid, fundingRefused, hActionDoneOn, hActionDue, hActionId, hActionWhat, hActionWho, hEventProject
    case hProjectCities, hProjectFunding, hProjectGoals, hProjectIdOrTitle, hProjectIndicator, hProjectLead
    case hProjectResults, hProjectStart, hProjectSummary, hProjectThemes, hProjectTitle, hProjectsOfCity
    case hProjectsOnTheme, hProjectsOverdue, hProjectsText, hProjectsWithCountry, hProjectsWithStatus, noAction
    case noProject, noProjectsMatch, overdueLegend, projectHeading, projectStatusAbandoned, projectStatusCompleted
    case projectStatusIdea, projectStatusPaused, projectStatusPlanned, projectStatusRunning, projectWhat, roleLead
    case savedProject, showActions, showCities, showContacts, showEvents, showFunding, showGoals, showIndicators
    case showNotes, showPartnerships, showResults, showStatus, showSummary, showThemes
    case errSnoozeNotAfter, reviewSaved, reviewWasAccepted, reviewWasRejected, reviewWasSnoozed, errBatchNotAnId, errBatchLine
    case errExportFormat
    // twinning import: the progress and the line that says what was imported
    case importing, importedCities, importedPartnerships, importedEvents, importedProjects, importedAndUpdated
    case importedUnchanged, importedFrom
    // Refusals of the command line itself
    case errOutputExists, errOutputIsFolder, kioskOnly, batchNoCity
}

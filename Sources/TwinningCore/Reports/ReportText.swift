/// The keys of the texts Core writes: report tables, health marks, the
/// funding check, calendar descriptions and the closed vocabularies. The
/// texts themselves are in `Resources/Texts/<language>.txt` as `report.<key>`.
public enum ReportText: String, CatalogueKey {
    public static let prefix = "report"

    // Vocabulary
    case statusActive, statusDormant, statusProposed, statusSuspended, statusEnded
    case kindVisit, kindYouthExchange, kindSchoolExchange, kindCulture, kindSport, kindOfficialDelegation
    case kindOnlineMeeting, kindConference, kindProjectWork, kindOther
    case formatInPerson, formatOnline, formatHybrid
    case healthActive, healthQuiet, healthDormant
    // Funding check
    case verdict, labelled, listSeparator, eligible, notEligible, participantsEnough, participantsTooFew, participantsMissing
    case byCountryMissing, invitedEnough, invitedTooFew
    // Report document
    case annualReport, report, allPartnerships, partnerships, status, health, eventsInPeriod, participants
    case shareUnder30, neverVisitedCount, partnership, partner, youthNote, overview, figure, value, healthNote
    case country, since, lastEvent, events, date, title, kind, format, under30, fundingCheck, fundingEligible
    case fundingNo, fundingNote, eventsPerYear, year, participantsByCountry, unknownCountry, countriesNote
    case dormantLongest, dormantNote, neverVisited, neverVisitedNote, none, madeWith
    // Calendar
    case icalPartnership, icalFormat, icalParticipants, icalUnder30, icalByCountry, icalApproximate
    case icalActionSummary, icalActionProject, icalActionOwner, icalActionCities, icalActionDueApproximate, icalActionCategory
    // Projects (ReportDocument+Projects.swift)
    case projectStatusIdea, projectStatusPlanned, projectStatusRunning, projectStatusCompleted, projectStatusPaused
    case projectStatusAbandoned, fundingStateApplied, fundingStateGranted, fundingStateRefused, fundingStatePaid
    case projectsInPeriod, projectCities, projectStart, projectEnd, projectThemes, projectsNote
    case projectsByTheme, projectTheme, projectsColumn, projectsByThemeNote
    case projectFunding, fundingProgramme, fundingState, fundingAmount, fundingLines, projectFundingNote
    case projectResults, projectIndicators, projectResultsColumn
    case overdueActions, actionOwner, actionWhat, actionProject, actionDue, actionNoOwner, overdueActionsNote
    // The register as a whole
    case yearColumn, partnerCountries, partnerCountriesNote, partnerCountriesNoteAll, formatsPerYear, shareRemote, formatsPerYearNote
}

import TwinningCore

/// Every user-visible text of the full-screen program, in English and German,
/// in one table. `{1}`, `{2}` … are filled in by `tr(_:_:)`.
/// A test fails when a key lacks either language.
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
    case detailRegion, detailCountry, detailPopulation, detailCoordinates, detailThemes, detailStrengths
    case detailChallenges, detailSeeking, detailNotes, detailPartners, detailEvents, detailContacts, detailNoPartners
    case detailEnterPartners, yes, no, filterPrompt, filterEmpty, noMatches, citiesCount
    // Partnerships pane
    case colPartnership, colType, colStatus, colSince, colLastEvent, sortName, sortSince, sortLastEvent
    case detailSinceUntil, detailSource, detailNoEvents, partnershipsCount, sortedBy
    // Forms
    case formNewCity, formEditCity, formNewPartnership, formEditPartnership, formHomeCity
    case fieldName, fieldCountry, fieldRegion, fieldLatitude, fieldLongitude, fieldPopulation, fieldThemes
    case fieldStrengths, fieldChallenges, fieldNotes, fieldSeeking, fieldCityA, fieldCityB, fieldType, fieldStatus
    case fieldSince, fieldUntil, formHint, pickerHint, pickerTypeToSearch, pickerDidYouMean
    case errRequired, errNotNumber, errNotWholeNumber, errDate, errPickCity, errCountry, errSameCity
    case understoodDate
    // Dialogs and messages
    case confirmTitle, confirmDeletePartnership, discardTitle, discardQuestion, quitTitle, quitQuestion
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
    case detailDirection, detailFormat, detailParticipants, detailByCountry, detailYouthShare, noEvents, eventsHidden, more, moreEnter, moreAbove, moreBelow
    case howTitle, howVisit, howPartnership, howReport, howDormant, howUndo, helpReadOnlyKeys
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
    // Abroad by default; city character
    case filtersAbroad, filtersDomestic, filtersNoneShort, filtersAbroadShort, helpToggleDomestic
    case detailCharacter, detailCharacterUnknown, freeTagsKept
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
    // Vocabulary
    case typePartnership, typeFriendship, typeContact, typeProject
    case statusActive, statusDormant, statusProposed, statusSuspended, statusEnded
    // Safety: what is written where, waiting for others, newer databases
    case homeSessionOnly, profileSessionOnly, waitingForOthers, newerDatabase, filesChanged, crashed, crashReportIn
    // Forms that scroll; contradictions asked about before saving
    case formMoreAbove, formMoreBelow
    case askSaveTitle, askSaveHint, askInPersonOnline, askByCountrySum, askDuplicateEvent, askFarFuture, errSnoozeNotAhead
}

private let table: [S: (en: String, de: String)] = [
    .appTitle: ("twinning — town twinning workbench", "twinning — Städtepartnerschaften"),
    .paneCities: ("Cities", "Städte"),
    .panePartnerships: ("Partnerships", "Partnerschaften"),
    .homeLabel: ("Our city: {1}", "Unsere Stadt: {1}"),
    .noHome: ("No home city yet (h)", "Noch keine Heimatstadt (h)"),
    .enlarge: ("Please enlarge the window to at least {1}×{2} (now {3}×{4}).",
               "Bitte das Fenster auf mindestens {1}×{2} vergrößern (jetzt {3}×{4})."),
    .readOnlyMark: ("read-only", "nur lesen"),

    .barHelp: ("Help", "Hilfe"), .barQuit: ("Quit", "Ende"), .barFilter: ("Filter", "Filter"),
    .barNew: ("New", "Neu"), .barEdit: ("Edit", "Ändern"), .barDelete: ("Delete", "Löschen"),
    .barPane: ("Pane", "Bereich"), .barOpen: ("Open", "Öffnen"), .barBack: ("Back", "Zurück"),
    .barSave: ("Save", "Speichern"), .barCancel: ("Cancel", "Abbrechen"), .barScope: ("All", "Alle"),
    .barSort: ("Sort", "Sortieren"), .barHome: ("Our city", "Heimatstadt"), .barYes: ("Yes", "Ja"), .barNo: ("No", "Nein"),
    .barNext: ("Next field", "Nächstes Feld"), .barPick: ("Choose", "Auswählen"), .barToggle: ("Change", "Ändern"),
    .barRedraw: ("Redraw", "Neu zeichnen"),

    .helpUp: ("Move up", "Nach oben"), .helpDown: ("Move down", "Nach unten"),
    .helpPageUp: ("One page up", "Eine Seite nach oben"), .helpPageDown: ("One page down", "Eine Seite nach unten"),
    .helpHome: ("To the first row", "Zur ersten Zeile"), .helpEnd: ("To the last row", "Zur letzten Zeile"),
    .helpNextPane: ("Next pane", "Nächster Bereich"), .helpPrevPane: ("Previous pane", "Vorheriger Bereich"),
    .helpPaneNumber: ("Go to pane 1 to 5", "Zu Bereich 1 bis 5 wechseln"),
    .helpFilter: ("Filter the list as you type", "Liste beim Tippen filtern"),
    .helpOpen: ("Open the selected row", "Ausgewählte Zeile öffnen"),
    .helpBack: ("Back, cancel", "Zurück, abbrechen"),
    .helpQuit: ("Quit the program", "Programm beenden"),
    .helpRedraw: ("Redraw the screen", "Bildschirm neu zeichnen"),
    .helpHelp: ("This help", "Diese Hilfe"),
    .helpNewCity: ("Add a city that is not in the list", "Eine Stadt hinzufügen, die fehlt"),
    .helpEditCity: ("Edit the city's profile", "Profil der Stadt bearbeiten"),
    .helpScope: ("Show all cities of the world, or only ours", "Alle Städte der Welt oder nur unsere zeigen"),
    .helpNewPartnership: ("Add a partnership", "Partnerschaft hinzufügen"),
    .helpEditPartnership: ("Edit the partnership", "Partnerschaft bearbeiten"),
    .helpDeletePartnership: ("Delete the partnership (asks first)", "Partnerschaft löschen (mit Rückfrage)"),
    .helpSort: ("Sort by name, since or last event", "Nach Name, Beginn oder letzter Begegnung sortieren"),
    .helpHomeCity: ("Choose our association's city", "Die Stadt unseres Vereins wählen"),
    .helpSave: ("Save", "Speichern"), .helpCancel: ("Cancel (asks if something was typed)", "Abbrechen (fragt, wenn etwas eingegeben wurde)"),
    .helpNextField: ("Next field", "Nächstes Feld"), .helpPrevField: ("Previous field", "Vorheriges Feld"),
    .helpChoice: ("Change the choice", "Auswahl ändern"), .helpToggle: ("Switch yes/no", "Ja/Nein umschalten"),
    .helpPick: ("Choose the highlighted city", "Markierte Stadt übernehmen"),
    .helpYes: ("Yes, do it", "Ja, ausführen"), .helpNo: ("No, keep everything", "Nein, nichts ändern"),
    .helpConfirmDefault: ("Enter takes the highlighted answer (No)", "Enter nimmt die markierte Antwort (Nein)"),
    .helpFilterDone: ("Keep the filter and go back to the list", "Filter behalten, zurück zur Liste"),
    .helpFilterClear: ("Clear the filter", "Filter löschen"),
    .helpTitle: ("Help — keys", "Hilfe — Tasten"),
    .helpContextGeneral: ("Everywhere", "Überall"),
    .helpContextForms: ("Forms", "Formulare"),
    .helpClose: ("Esc closes this help", "Esc schließt die Hilfe"),
    .overlayClose: ("Esc closes", "Esc schließt"),

    .scopeRegister: ("Our register", "Unser Register"), .scopeGazetteer: ("All cities of the world", "Alle Städte der Welt"),
    .colName: ("Name", "Name"), .colRegion: ("Region", "Region"), .colCountry: ("Country", "Land"),
    .colPopulation: ("Population", "Einwohner"), .colPartners: ("Partners", "Partner"),
    .detailRegion: ("Region", "Region"), .detailCountry: ("Country", "Land"), .detailPopulation: ("Population", "Einwohner"),
    .detailCoordinates: ("Coordinates", "Koordinaten"), .detailThemes: ("Themes", "Themen"),
    .detailStrengths: ("Strengths", "Stärken"), .detailChallenges: ("Challenges", "Herausforderungen"),
    .detailSeeking: ("Seeking partners", "Sucht Partner"), .detailNotes: ("Notes", "Notizen"),
    .detailPartners: ("Partners", "Partnerstädte"), .detailEvents: ("Latest events", "Letzte Begegnungen"),
    .detailContacts: ("Contacts", "Kontakte"), .detailNoPartners: ("No partnerships yet.", "Noch keine Partnerschaften."),
    .detailEnterPartners: ("Enter: choose a partner", "Enter: Partner auswählen"),
    .yes: ("yes", "ja"), .no: ("no", "nein"),
    .filterPrompt: ("Filter: ", "Filter: "), .filterEmpty: ("(type to filter, Enter to keep, Esc to clear)", "(tippen zum Filtern, Enter behält, Esc löscht)"),
    .noMatches: ("Nothing matches “{1}”.", "Nichts passt zu „{1}“."),
    .citiesCount: ("{1} of {2}", "{1} von {2}"),

    .colPartnership: ("Partnership", "Partnerschaft"), .colType: ("Type", "Art"), .colStatus: ("Status", "Status"),
    .colSince: ("Since", "Seit"), .colLastEvent: ("Last event", "Letzte Begegnung"),
    .sortName: ("name", "Name"), .sortSince: ("since", "Beginn"), .sortLastEvent: ("last event", "letzte Begegnung"),
    .detailSinceUntil: ("Since / until", "Seit / bis"), .detailSource: ("Source", "Quelle"),
    .detailNoEvents: ("No events logged yet.", "Noch keine Begegnungen erfasst."),
    .partnershipsCount: ("{1} of {2}", "{1} von {2}"), .sortedBy: ("sorted by {1}", "sortiert nach {1}"),

    .formNewCity: ("New city", "Neue Stadt"), .formEditCity: ("Edit {1}", "{1} bearbeiten"),
    .formNewPartnership: ("New partnership", "Neue Partnerschaft"), .formEditPartnership: ("Edit partnership", "Partnerschaft bearbeiten"),
    .formHomeCity: ("Which city is your association in?", "In welcher Stadt ist Ihr Verein?"),
    .fieldName: ("Name", "Name"), .fieldCountry: ("Country code", "Ländercode"), .fieldRegion: ("Region", "Region"),
    .fieldLatitude: ("Latitude", "Breitengrad"), .fieldLongitude: ("Longitude", "Längengrad"),
    .fieldPopulation: ("Population", "Einwohner"), .fieldThemes: ("Themes", "Themen"), .fieldStrengths: ("Strengths", "Stärken"),
    .fieldChallenges: ("Challenges", "Herausforderungen"), .fieldNotes: ("Notes", "Notizen"),
    .fieldSeeking: ("Seeking partners", "Sucht Partner"), .fieldCityA: ("City", "Stadt"), .fieldCityB: ("Partner city", "Partnerstadt"),
    .fieldType: ("Type", "Art"), .fieldStatus: ("Status", "Status"), .fieldSince: ("Since", "Seit"), .fieldUntil: ("Until", "Bis"),
    .formHint: ("Tab next field · F2 or Ctrl-S saves · Esc cancels", "Tab nächstes Feld · F2 oder Strg-S speichert · Esc bricht ab"),
    .pickerHint: ("Type a name · ↑↓ choose · Enter takes it", "Namen tippen · ↑↓ wählen · Enter übernimmt"),
    .pickerTypeToSearch: ("Type at least one letter of the name.", "Mindestens einen Buchstaben des Namens tippen."),
    .pickerDidYouMean: ("No city is called so. Did you mean:", "Keine Stadt heißt so. Meinten Sie:"),
    .errRequired: ("Please fill in {1}.", "Bitte {1} ausfüllen."),
    .errNotNumber: ("{1}: “{2}” is not a number.", "{1}: „{2}“ ist keine Zahl."),
    .errNotWholeNumber: ("{1}: “{2}” is not a whole number.", "{1}: „{2}“ ist keine ganze Zahl."),
    .errDate: ("{1}: “{2}” is not a date. Use 2026-05-14, 14.05.2026, 2026-05 or 2026.",
               "{1}: „{2}“ ist kein Datum. Bitte 14.05.2026, 2026-05-14, 05.2026 oder 2026."),
    .errPickCity: ("{1}: choose a city from the list (type, then ↑↓ and Enter).",
                   "{1}: bitte eine Stadt aus der Liste wählen (tippen, dann ↑↓ und Enter)."),
    .errCountry: ("Country code: two letters such as DE or FR.", "Ländercode: zwei Buchstaben wie DE oder FR."),
    .errSameCity: ("A city cannot be partnered with itself.", "Eine Stadt kann nicht mit sich selbst verschwistert sein."),
    .understoodDate: ("= {1}", "= {1}"),

    .confirmTitle: ("Please confirm", "Bitte bestätigen"),
    .confirmDeletePartnership: ("Delete the partnership {1} ↔ {2} and its {3} events?",
                                "Partnerschaft {1} ↔ {2} mit ihren {3} Begegnungen löschen?"),
    .discardTitle: ("Discard changes?", "Änderungen verwerfen?"),
    .discardQuestion: ("You typed something that is not saved. Discard it?", "Es gibt ungespeicherte Eingaben. Verwerfen?"),
    .quitTitle: ("Quit?", "Beenden?"),
    .quitQuestion: ("You typed something that is not saved. Quit anyway?", "Es gibt ungespeicherte Eingaben. Trotzdem beenden?"),
    .savedCity: ("Saved {1}.", "{1} gespeichert."), .addedCity: ("Added {1}.", "{1} hinzugefügt."),
    .savedPartnership: ("Saved the partnership {1} ↔ {2}.", "Partnerschaft {1} ↔ {2} gespeichert."),
    .addedPartnership: ("Added the partnership {1} ↔ {2}.", "Partnerschaft {1} ↔ {2} hinzugefügt."),
    .deletedPartnership: ("Deleted the partnership {1} ↔ {2} and {3} events.", "Partnerschaft {1} ↔ {2} und {3} Begegnungen gelöscht."),
    .homeSet: ("Our city is now {1}.", "Unsere Stadt ist jetzt {1}."),
    .homeQuestion: ("Which city is your association in? Type its name.", "In welcher Stadt ist Ihr Verein? Namen tippen."),
    .welcomeTitle: ("Welcome", "Willkommen"),
    .welcomeText: ("Choose your association's city once; it is remembered.", "Wählen Sie einmal die Stadt Ihres Vereins; sie wird gespeichert."),
    .conflictChanged: ("Someone else changed this record meanwhile; your change was not saved. Reopen it to see theirs.",
                       "Jemand anderes hat diesen Eintrag inzwischen geändert; Ihre Änderung wurde nicht gespeichert. Bitte neu öffnen."),
    .readOnlyRefused: ("The database is read-only: nothing can be changed here.", "Die Datenbank ist schreibgeschützt: hier kann nichts geändert werden."),
    .errorPrefix: ("Could not save: {1}", "Nicht gespeichert: {1}"),
    .loading: ("Loading …", "Lade …"),

    .paneEvents: ("Events", "Begegnungen"), .colDate: ("Date", "Datum"), .colKind: ("Kind", "Art"),
    .colFormat: ("Format", "Form"), .colPeople: ("People", "Pers."), .colYouth: ("<30", "<30"),
    .colHealth: ("Health", "Zustand"), .eventsOf: ("Events of {1}", "Begegnungen von {1}"),
    .allYears: ("all years", "alle Jahre"), .allKinds: ("all kinds", "alle Arten"),
    .filterYear: ("Year {1}", "Jahr {1}"), .filterKind: ("Kind: {1}", "Art: {1}"),
    .filterOurCity: ("our city only", "nur unsere Stadt"), .filterHealth: ("only {1}", "nur {1}"),
    .barUndo: ("Undo", "Rückgängig"), .barYear: ("Year", "Jahr"), .barKind: ("Kind", "Art"), .barOurs: ("Ours", "Unsere"),
    .barHealth: ("Health", "Zustand"), .barEvents: ("Events", "Begegnungen"),
    .helpUndo: ("Undo the last change made in this session", "Letzte Änderung dieser Sitzung rückgängig machen"),
    .helpYearFilter: ("Show one year after another, then all", "Ein Jahr nach dem anderen zeigen, dann alle"),
    .helpKindFilter: ("Show one kind of event after another, then all", "Eine Art von Begegnung nach der anderen, dann alle"),
    .helpOurCity: ("Only events of our city's partnerships", "Nur Begegnungen unserer Partnerschaften"),
    .helpNewEvent: ("Log a new event (visit, exchange, meeting)", "Neue Begegnung erfassen (Besuch, Austausch, Treffen)"),
    .helpEditEvent: ("Edit the event", "Begegnung bearbeiten"),
    .helpDeleteEvent: ("Delete the event (asks first)", "Begegnung löschen (mit Rückfrage)"),
    .helpEventsOfPartnership: ("Show the events of the partnership", "Begegnungen der Partnerschaft zeigen"),
    .helpHealthFilter: ("Show only active, quiet or dormant partnerships", "Nur lebendige, ruhige oder eingeschlafene zeigen"),
    .formNewEvent: ("New event", "Neue Begegnung"), .formEditEvent: ("Edit event", "Begegnung bearbeiten"),
    .fieldPartnership: ("Partnership", "Partnerschaft"), .fieldTitle: ("Title", "Titel"), .fieldKind: ("Kind", "Art"),
    .fieldStart: ("Date", "Datum"), .fieldEnd: ("Until", "Bis"), .fieldDirection: ("Who travelled", "Wer ist gereist"),
    .fieldFormat: ("Format", "Form"), .fieldParticipants: ("Participants", "Teilnehmende"),
    .fieldYouth: ("of them under 30", "davon unter 30"), .fieldByCountry: ("Per country", "Je Land"),
    .errYouthExceeds: ("Under-30s ({1}) cannot exceed participants ({2}).", "Unter 30 ({1}) können nicht mehr sein als Teilnehmende ({2})."),
    .errByCountry: ("Per country: write it like DE 20, FR 22.", "Je Land: bitte so schreiben: DE 20, FR 22."),
    .errByCountryExceeds: ("Per country adds up to {1}, more than the {2} participants.", "Je Land ergibt {1}, mehr als die {2} Teilnehmenden."),
    .errEndBeforeStart: ("The end ({1}) is before the start ({2}).", "Das Ende ({1}) liegt vor dem Beginn ({2})."),
    .errPickPartnership: ("Partnership: choose one from the list (type a city, then ↑↓ and Enter).",
                          "Partnerschaft: bitte aus der Liste wählen (Stadt tippen, dann ↑↓ und Enter)."),
    .confirmDeleteEvent: ("Delete the event “{1}” of {2} ({3})?", "Die Begegnung „{1}“ vom {2} ({3}) löschen?"),
    .deletedEvent: ("Deleted the event “{1}”. u undoes it.", "Begegnung „{1}“ gelöscht. u macht es rückgängig."),
    .addedEvent: ("Saved the event “{1}”.", "Begegnung „{1}“ gespeichert."),
    .savedEvent: ("Saved the changes to “{1}”.", "Änderungen an „{1}“ gespeichert."),
    .detailDirection: ("Who travelled", "Wer ist gereist"), .detailFormat: ("Format", "Form"),
    .detailParticipants: ("Participants", "Teilnehmende"), .detailByCountry: ("Per country", "Je Land"),
    .detailYouthShare: ("{1} under 30 ({2} %)", "{1} unter 30 ({2} %)"),
    .noEvents: ("No events yet: n logs the first one.", "Noch keine Begegnungen: n erfasst die erste."),
    .more: ("… {1} more", "… {1} weitere"),
    .howTitle: ("How do I …", "Wie mache ich …"),
    .howVisit: ("log a visit: 3 (Events), n, type the date (14. May), Tab, the kind (first letter), Tab, the participants, F2 saves.",
                "eine Begegnung erfassen: 3 (Begegnungen), n, Datum tippen (14. Mai), Tab, Art (Anfangsbuchstabe), Tab, Teilnehmende, F2 speichert."),
    .howPartnership: ("add a partnership: 2 (Partnerships), n, type both cities and pick them with Enter, F2 saves.",
                      "eine Partnerschaft anlegen: 2 (Partnerschaften), n, beide Städte tippen und mit Enter wählen, F2 speichert."),
    .howReport: ("make the council report: 5 (Reports), ← → choose the year, x saves it as a file for printing.",
                 "den Bericht für den Rat machen: 5 (Berichte), ← → wählt das Jahr, x speichert ihn als Datei zum Drucken."),
    .howDormant: ("find dormant partnerships: 2 (Partnerships), f until the filter says dormant; s sorts by last event.",
                  "eingeschlafene Partnerschaften finden: 2 (Partnerschaften), f bis der Filter „schläft“ zeigt; s sortiert nach letzter Begegnung."),
    .howUndo: ("undo a mistake: u undoes your last change; L shows what was changed, by whom and when.",
               "einen Fehler rückgängig machen: u nimmt Ihre letzte Änderung zurück; L zeigt, wer wann was geändert hat."),
    .helpReadOnlyKeys: ("This database is read-only: only keys that change nothing are listed.",
                        "Diese Datenbank ist schreibgeschützt: nur Tasten, die nichts ändern, sind aufgeführt."),
    .moreAbove: ("▲ {1} more lines above (↑ PgUp)", "▲ {1} weitere Zeilen darüber (↑ Bild↑)"),
    .moreBelow: ("▼ {1} more lines below (↓ PgDn)", "▼ {1} weitere Zeilen darunter (↓ Bild↓)"),
    .moreEnter: ("… {1} more (Enter lists all)", "… {1} weitere (Enter zeigt alle)"),
    .eventsHidden: ("The filters hide all {1} events. Esc clears the filters.",
                    "Die Filter verbergen alle {1} Begegnungen. Esc hebt die Filter auf."),
    .undone: ("Undone: {1}", "Rückgängig gemacht: {1}"), .nothingToUndo: ("Nothing to undo in this session.", "In dieser Sitzung gibt es nichts rückgängig zu machen."),
    .conflictTitle: ("Changed by someone else", "Von jemand anderem geändert"),
    .conflictQuestion: ("Someone else saved this record while you were editing it. Reload their version (your typing is lost) or overwrite it with yours?",
                        "Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben. Deren Fassung laden (Ihre Eingaben gehen verloren) oder mit Ihrer überschreiben?"),
    .conflictReload: ("Reload", "Neu laden"), .conflictOverwrite: ("Overwrite", "Überschreiben"), .conflictBack: ("Back", "Zurück"),
    .deletedMeanwhile: ("Someone else deleted this record meanwhile; nothing was saved.", "Jemand anderes hat diesen Eintrag inzwischen gelöscht; nichts gespeichert."),
    .reloaded: ("Loaded the current version; please make your change again.", "Aktuelle Fassung geladen; bitte die Änderung erneut eingeben."),
    .healthActive: ("active", "lebendig"), .healthQuiet: ("quiet", "ruhig"), .healthDormant: ("dormant", "schläft"),
    .kindVisit: ("visit", "Besuch"), .kindYouthExchange: ("youth exchange", "Jugendaustausch"),
    .kindSchoolExchange: ("school exchange", "Schüleraustausch"), .kindCulture: ("culture", "Kultur"), .kindSport: ("sport", "Sport"),
    .kindOfficialDelegation: ("official delegation", "offizielle Delegation"), .kindOnlineMeeting: ("online meeting", "Online-Treffen"),
    .kindConference: ("conference", "Konferenz"), .kindProjectWork: ("project work", "Projektarbeit"), .kindOther: ("other", "Sonstiges"),
    .formatInPerson: ("in person", "vor Ort"), .formatOnline: ("online", "online"), .formatHybrid: ("hybrid", "hybrid"),
    .directionToA: ("to {1}", "nach {1}"), .directionToB: ("to {1}", "nach {1}"), .directionBoth: ("both ways", "in beide Richtungen"),
    .directionOnline: ("nobody (online)", "niemand (online)"),
    .paneReports: ("Reports", "Berichte"),
    .reportTitleCity: ("Report for {1} · {2}", "Bericht für {1} · {2}"), .reportTitleAll: ("Report for all partnerships · {1}", "Bericht über alle Partnerschaften · {1}"),
    .reportPartnerships: ("Partnerships", "Partnerschaften"), .reportHealth: ("Health", "Zustand"),
    .reportYears: ("Year    Events  People  <30   participants", "Jahr  Begegn.  Pers.   <30   Teilnehmende"),
    .reportYear: ("in {1}", "im Jahr {1}"),
    .reportEvents: ("events", "Begegnungen"), .reportParticipants: ("participants", "Teilnehmende"),
    .reportYouthShare: ("under 30", "unter 30"), .reportByCountry: ("Participants by country", "Teilnehmende nach Land"),
    .reportDormant: ("Dormant longest", "Am längsten eingeschlafen"), .reportNeverVisited: ("Never visited: {1}", "Nie besucht: {1}"),
    .reportNoEvents: ("No events in these years.", "Keine Begegnungen in diesen Jahren."), .reportUnknownCountry: ("unknown", "unbekannt"),
    .reportNever: ("never", "nie"),
    .barPrevYear: ("Year -", "Jahr -"), .barNextYear: ("Year +", "Jahr +"), .barScopeAll: ("Ours/All", "Unsere/Alle"),
    .barMap: ("Map", "Karte"), .barReport: ("Report", "Bericht"), .barZoomIn: ("Zoom in", "Näher"), .barZoomOut: ("Zoom out", "Weiter"),
    .barFit: ("Fit", "Alles"),
    .helpPrevYear: ("The year before", "Das Jahr davor"), .helpNextYear: ("The year after", "Das Jahr danach"),
    .helpReportScope: ("Our city, or all partnerships", "Unsere Stadt oder alle Partnerschaften"),
    .helpMap: ("Show the partnerships on a map", "Partnerschaften auf einer Karte zeigen"),
    .helpBackToReport: ("Back to the report", "Zurück zum Bericht"),
    .helpPan: ("Move the map", "Karte verschieben"), .helpZoomIn: ("Zoom in", "Hineinzoomen"), .helpZoomOut: ("Zoom out", "Herauszoomen"),
    .helpFit: ("Show all partners", "Alle Partner zeigen"),
    .mapTitleCity: ("Partners of {1}", "Partner von {1}"), .mapTitleCountry: ("Partnerships of cities in {1}", "Partnerschaften der Städte in {1}"),
    .mapNoCoordinates: ("No coordinates to draw: choose our city first (h).", "Keine Koordinaten: bitte zuerst unsere Stadt wählen (h)."),
    .fundingLabel: ("EU funding", "EU-Förderung"),
    .helpHistory: ("Who changed what, and when", "Wer hat wann was geändert"),
    .historyTitle: ("History — who changed what", "Verlauf — wer hat was geändert"),
    .historyEmpty: ("No changes recorded yet.", "Noch keine Änderungen aufgezeichnet."),
    .historyUndone: ("(undone)", "(rückgängig gemacht)"),
    .historyReview: ("review of {1} for {2}: {3}", "Bewertung von {1} für {2}: {3}"),
    .historyImport: ("import of {1}: {2}", "Import von {1}: {2}"),
    .importAdded: ("{1} added", "{1} neu"),
    .importUpdated: ("{1} updated", "{1} geändert"),
    .importUnchanged: ("{1} unchanged", "{1} unverändert"),
    .barFilters: ("Filters", "Filter"), .barClearFilters: ("No filters", "Ohne Filter"),
    .helpMatchFilters: ("Filters: countries, distance, inhabitants", "Filter: Länder, Entfernung, Einwohner"),
    .helpClearMatchFilters: ("Clear all filters", "Alle Filter löschen"),
    .barApply: ("Apply", "Anwenden"), .helpApplyFilters: ("Apply the filters and rank again", "Filter anwenden und neu ordnen"),
    .barEmptyAll: ("Empty all", "Alle leeren"),
    .helpEmptyFilterFields: ("Empty every field (Enter then shows all cities)", "Alle Felder leeren (Enter zeigt dann alle Städte)"),
    .helpCancelFilters: ("Back; the filters stay as they were", "Zurück; die Filter bleiben, wie sie waren"),
    .formMatchFilters: ("Filters for the suggestions", "Filter für die Vorschläge"),
    .filtersIntro: ("An empty field means no limit.", "Ein leeres Feld heißt: keine Grenze."),
    .fieldCountries: ("Countries", "Länder"),
    .fieldDistanceFrom: ("Distance from (km)", "Entfernung ab km"), .fieldDistanceTo: ("Distance to (km)", "Entfernung bis km"),
    .fieldPopulationFrom: ("Inhabitants from", "Einwohner ab"), .fieldPopulationTo: ("Inhabitants to", "Einwohner bis"),
    .errFilterDistance: ("Distance must be a number of km, e.g. 800.", "Die Entfernung bitte als Zahl in km, z. B. 800."),
    .errFilterDistanceTooFar: ("No city is further away than 20,000 km.", "Keine Stadt ist weiter als 20.000 km entfernt."),
    .errFilterPopulation: ("Inhabitants must be a whole number, e.g. 20000.", "Einwohner bitte als ganze Zahl, z. B. 20000."),
    // Short: the message stands beside the field in a dialog of an 80-column window.
    .errFilterCountries: ("Use two-letter codes such as FR IT, not “{1}”.",
                          "Bitte Kürzel wie FR IT, nicht „{1}“."),
    .errFilterUnknownCountry: ("No city in the list has the country code {1}.", "Keine Stadt in der Liste hat das Länderkürzel {1}."),
    .errFilterRange: ("“To” ({1}) is smaller than “from” ({2}).", "„Bis“ ({1}) ist kleiner als „ab“ ({2})."),
    .filtersActive: ("Filters: {1}", "Filter: {1}"),
    .filtersNone: ("Filters: none · {1} chooses countries, distance, inhabitants", "Filter: keine · {1} wählt Länder, Entfernung, Einwohner"),
    .filtersChange: ("{1} change", "{1} ändern"), .filtersClear: ("{1} clear", "{1} löschen"),
    .filtersNothingPasses: ("No city passes these filters: {1} changes them, {2} clears them.",
                            "Keine Stadt erfüllt diese Filter: {1} ändert sie, {2} löscht sie."),
    .filtersCleared: ("Filters cleared: all cities are ranked again.", "Filter gelöscht: wieder alle Städte."),
    .filtersAbroad: ("Abroad only ({1} left out; {2} shows {1} too)", "Nur Ausland ({1} ausgelassen; {2} zeigt auch {1})"),
    .filtersDomestic: ("All countries, {1} included ({2}: abroad only)", "Alle Länder, auch {1} ({2}: nur Ausland)"),
    .filtersNoneShort: ("{1} filters", "{1} Filter"),
    .filtersAbroadShort: ("abroad only (not {1})", "nur Ausland (ohne {1})"),
    .helpToggleDomestic: ("Show cities of our own country too, or abroad only (the default)",
                          "Auch Städte im eigenen Land zeigen oder nur im Ausland (Standard)"),
    .detailCharacter: ("Character", "Charakter"),
    .detailCharacterUnknown: ("no facts about this city", "keine Daten zu dieser Stadt"),
    .freeTagsKept: ("Kept as free tags (not in the vocabulary): {1}", "Als freie Schlagwörter behalten (nicht im Vokabular): {1}"),
    .filtersNoneSet: ("No filters are set.", "Es sind keine Filter gesetzt."),
    .unitInhabitants: ("inhabitants", "Einwohner"), .understoodInhabitants: ("= {1} inhabitants", "= {1} Einwohner"),
    .reviewAccepted: ("accepted", "angenommen"), .reviewRejected: ("rejected", "abgelehnt"),
    .reviewSnoozed: ("suggest again from {1}", "ab {1} wieder vorschlagen"),
    .saving: ("Saving …", "Speichere …"),
    .crashed: ("twinning stopped because of an internal error. What was saved is safe; what was being typed in an open form is lost.",
               "twinning wurde wegen eines internen Fehlers beendet. Gespeichertes ist sicher; Eingaben in einem offenen Formular sind verloren."),
    .crashReportIn: ("A report for the developers is in {1}.", "Ein Bericht für die Entwickler liegt in {1}."),
    .homeSessionOnly: ("Our city is {1} for this session only (not saved here).",
                       "Unsere Stadt ist {1} nur für diese Sitzung (hier nicht gespeichert)."),
    .profileSessionOnly: ("Weights hold for this session; not saved here.",
                          "Gewichte gelten für diese Sitzung; hier nicht gespeichert."),
    .waitingForOthers: ("Someone else is saving a lot; waiting {1} s …", "Jemand speichert gerade viel; warte {1} s …"),
    .newerDatabase: ("Made by a newer twinning: only read. Please update.",
                     "Von neuerer twinning-Version: nur lesen. Bitte aktualisieren."),
    .filesChanged: ("Database files deleted or replaced: not saved. Restart twinning.",
                    "Datenbankdateien gelöscht/ersetzt: nicht gespeichert. Neu starten."),
    .paneMatches: ("Matches", "Vorschläge"),
    .matchesTitle: ("Suggested partners for {1} · {2}", "Vorgeschlagene Partner für {1} · {2}"),
    .modeSimilar: ("similar challenges", "ähnliche Herausforderungen"), .modeLearn: ("learn from", "voneinander lernen"),
    .colRank: ("#", "#"), .colScore: ("Score", "Wert"), .colReason: ("Why", "Warum"),
    .matchesNoHome: ("Choose our city first (h), or another home city for the explorer (c).",
                     "Bitte zuerst unsere Stadt wählen (h) oder eine andere Stadt für die Vorschläge (c)."),
    .matchesCount: ("{1} ranked", "{1} bewertet"),
    .barAccept: ("Accept", "Annehmen"), .barReject: ("Reject", "Ablehnen"), .barSnooze: ("Later", "Später"),
    .barWhyNot: ("Why not…", "Warum nicht…"), .barWeights: ("Weights", "Gewichte"), .barMode: ("Mode", "Modus"),
    .barReviews: ("Reviews", "Bewertungen"), .barExplorerHome: ("City", "Stadt"),
    .helpAccept: ("Accept: a proposed partnership or a contact", "Annehmen: als vorgeschlagene Partnerschaft oder Kontakt"),
    .helpReject: ("Reject, with a reason", "Ablehnen, mit Grund"), .helpSnooze: ("Ask again later (from a date)", "Später wieder vorschlagen (ab einem Datum)"),
    .helpWhyNot: ("Why does a city rank where it does?", "Warum steht eine Stadt dort, wo sie steht?"),
    .helpWeights: ("Change the weights and re-rank", "Gewichte ändern und neu ordnen"),
    .helpMode: ("Similar challenges, or learn from each other", "Ähnliche Herausforderungen oder voneinander lernen"),
    .helpReviews: ("Reviews made so far: who, when, what", "Bisherige Bewertungen: wer, wann, was"),
    .helpExplorerHome: ("Suggest partners for another city", "Partner für eine andere Stadt vorschlagen"),
    .helpWeightUp: ("Previous feature", "Vorheriges Merkmal"), .helpWeightDown: ("Next feature", "Nächstes Merkmal"),
    .helpWeightMore: ("More weight", "Mehr Gewicht"), .helpWeightLess: ("Less weight", "Weniger Gewicht"),
    .helpSaveProfile: ("Save these weights as the profile of this mode", "Diese Gewichte als Profil des Modus speichern"),
    .helpCloseWeights: ("Close the weights", "Gewichte schließen"),
    .acceptTitle: ("Accept {1}", "{1} annehmen"),
    .acceptQuestion: ("Add {1} as a proposed partnership, or as a contact?", "{1} als vorgeschlagene Partnerschaft oder als Kontakt aufnehmen?"),
    .acceptPartnership: ("Proposed partnership", "Vorgeschlagene Partnerschaft"), .acceptContact: ("Contact", "Kontakt"),
    .accepted: ("Accepted {1} as a {2}.", "{1} als {2} angenommen."), .rejected: ("Rejected {1}; it will not be suggested again.", "{1} abgelehnt; wird nicht mehr vorgeschlagen."),
    .snoozed: ("{1} will be suggested again from {2}.", "{1} wird ab {2} wieder vorgeschlagen."),
    .formReject: ("Reject {1}", "{1} ablehnen"), .formSnooze: ("Suggest {1} again later", "{1} später wieder vorschlagen"),
    .formWhyNot: ("Why not …?", "Warum nicht …?"), .formExplorerHome: ("Suggest partners for …", "Partner vorschlagen für …"),
    .fieldReason: ("Reason", "Grund"), .fieldNote: ("In your words", "In eigenen Worten"), .fieldUntilDate: ("Again from", "Wieder ab"),
    .fieldCity: ("City", "Stadt"),
    .weightsTitle: ("Weights — {1}", "Gewichte — {1}"),
    // Fits the weights dialog of an 80-column window (62 columns inside).
    .weightsHint: ("↑↓ feature · ←→ weight (list re-ranks) · s save · Esc close",
                   "↑↓ Merkmal · ←→ Gewicht · s speichern · Esc zurück"),
    .profileSaved: ("Saved the weights as {1}", "Gewichte gespeichert als {1}"),
    .weightsAllZero: ("Every weight is 0: all candidates score 0 and the order means nothing. Raise a weight with →.",
                      "Alle Gewichte sind 0: jeder Vorschlag hat den Wert 0, die Reihenfolge sagt nichts. Ein Gewicht mit → erhöhen."),
    .errFieldFull: ("{1} can hold at most {2} characters; the rest was not typed or pasted.",
                    "{1} fasst höchstens {2} Zeichen; der Rest wurde nicht übernommen."),
    .errCountTooLarge: ("{1}: at most {2}.", "{1}: höchstens {2}."),
    .whyNotTitle: ("Why not {1}?", "Warum nicht {1}?"), .reviewsTitle: ("Reviews", "Bewertungen"),
    .reviewsEmpty: ("No reviews yet.", "Noch keine Bewertungen."), .ranking: ("Ranking …", "Ordne …"),
    .matchDetailScore: ("score {1} · rank {2} of {3}", "Wert {1} · Rang {2} von {3}"),
    .barExport: ("HTML", "HTML"),
    .helpExport: ("Save this report as a printable HTML file", "Diesen Bericht als druckbare HTML-Datei speichern"),
    .exported: ("Saved the report as {1}", "Bericht gespeichert als {1}"),
    .exportRefused: ("Saving files is switched off here (no export folder is configured).",
                     "Dateien speichern ist hier abgeschaltet (kein Export-Ordner eingestellt)."),
    .typePartnership: ("partnership", "Partnerschaft"), .typeFriendship: ("friendship", "Freundschaft"),
    .typeContact: ("contact", "Kontakt"), .typeProject: ("project", "Projekt"),
    .statusActive: ("active", "aktiv"), .statusDormant: ("dormant", "ruhend"), .statusProposed: ("proposed", "vorgeschlagen"),
    .statusSuspended: ("suspended", "ausgesetzt"), .statusEnded: ("ended", "beendet"),

    .formMoreAbove: ("▲ {1} more", "▲ noch {1}"), .formMoreBelow: ("▼ {1} more", "▼ noch {1}"),
    .askSaveTitle: ("Save anyway?", "Trotzdem speichern?"),
    .askSaveHint: ("y saves as it is; n or Esc goes back to the form, nothing typed is lost.",
                   "j speichert so; n oder Esc führt zurück ins Formular, nichts Getipptes geht verloren."),
    .askInPersonOnline: ("The format is “{1}”, but who travelled says “{2}”.",
                         "Die Form ist „{1}“, aber bei „Wer ist gereist“ steht „{2}“."),
    .askByCountrySum: ("Per country adds up to {1}, but there are {2} participants.",
                       "Je Land ergibt {1}, es sind aber {2} Teilnehmende."),
    .askDuplicateEvent: ("{1} already has a “{2}” on {3}: the same event twice?",
                         "{1} hat am {3} schon „{2}“: dasselbe Ereignis zweimal?"),
    .askFarFuture: ("{1} is more than two years ahead: is it planned?",
                    "{1} liegt mehr als zwei Jahre in der Zukunft: ist es geplant?"),
    .errSnoozeNotAhead: ("{1}: {2} is not after today ({3}), so nothing would be put off. Choose a later date.",
                         "{1}: {2} liegt nicht nach heute ({3}), dann wird nichts zurückgestellt. Bitte ein späteres Datum."),
]

/// The text of `key` in `language`, with `{1}`, `{2}` … replaced by `arguments`.
public func tr(_ key: S, _ language: Language, _ arguments: String...) -> String {
    guard let entry = table[key] else { return key.rawValue }
    var text = language == .de ? entry.de : entry.en
    for (index, argument) in arguments.enumerated() {
        text = text.replacingOccurrences(of: "{\(index + 1)}", with: argument)
    }
    return text
}

/// For the test that every key has both languages.
public func translations(of key: S) -> (en: String, de: String)? { table[key] }

extension MatchReview {
    /// "rejected", "suggest again from 14.05.2026" … in the user's language.
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
    /// 14.05.2026 in German, 2026-05-14 in English.
    public func display(_ language: Language) -> String { language == .de ? german : iso }
}

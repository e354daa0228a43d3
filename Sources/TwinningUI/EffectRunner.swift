import Foundation
import TwinningCore

/// Performs effects against the database and answers with actions. This is
/// the only part of the UI that does I/O; the main loop and the tests both use it.
public final class EffectRunner {
    public let database: AppDatabase
    public private(set) var config: UserConfig
    /// The gazetteer, read when first used and kept across reloads (nil: read it again).
    private var gazetteer: Deferred<GazetteerLists>?
    private var revision = 0
    /// The match engine, built on first use (or ahead, `prepareAhead`) and
    /// rebuilt after the register changed. A failed build is kept as its error
    /// for this revision (it is said when the Matches pane asks).
    private var engine: Deferred<Result<MatchEngine, any Error>>?
    private var engineRevision = -1
    /// What `prepareAhead` reads of the data last loaded: all partner counts
    /// and the register's filter index (its first keystroke need not wait).
    private var ahead: (register: Deferred<RegisterLists>, counts: Deferred<[Int64: Int]>, registerIndex: Deferred<RegisterIndex>)?
    /// Rows of the register read for the first screen: more than a tall terminal shows.
    public static let registerHeadSize = 200
    /// As `registerHeadSize`; a test makes it smaller than its register.
    public var registerHeadRows = EffectRunner.registerHeadSize
    /// The whole Partnerships and Events lists of the data loaded last, read
    /// behind their first page when a pane is first shown (`Effect.readAhead`).
    private var lists: (partnerships: Deferred<PartnershipLists>, events: Deferred<EventLists>)?
    /// SQLite's `data_version` when the lists were last read, on the writer
    /// connection: it changes only when another connection commits.
    private var seenDataVersion: Int?

    /// Where the program may write files (reports). nil: it may not (kiosk
    /// mode without a configured folder).
    public var exportFolder: String?

    /// Where "save as profile" writes (tests pass a scratch folder, never the user's).
    public let weightsDirectory: URL

    /// What the program may write besides the database. Read-only: nothing at
    /// all; kiosk: only reports into the export folder, so one kiosk user's
    /// choice of home city does not become every kiosk user's.
    public enum UserFiles: Sendable, Equatable {
        case writable
        /// The home city and weights hold for this session only (read-only or kiosk mode).
        case sessionOnly
    }
    public var userFiles: UserFiles = .writable

    public init(database: AppDatabase, config: UserConfig, exportFolder: String? = nil,
                weightsDirectory: URL = WeightProfile.directory()) {
        self.database = database
        self.config = config
        self.exportFolder = exportFolder
        self.weightsDirectory = weightsDirectory
    }

    /// The user's saved weight profiles, one per mode, with a warning for a
    /// file that cannot be read (the built-in profile is used instead).
    public func savedProfiles() -> (profiles: [MatchMode: WeightProfile], warning: String?) {
        var profiles: [MatchMode: WeightProfile] = [:], warning: String?
        for mode in MatchMode.allCases
            where FileManager.default.fileExists(atPath: weightsDirectory.appendingPathComponent(mode.rawValue + ".weights").path) {
            do { profiles[mode] = try WeightProfile.load(named: mode.rawValue, directory: weightsDirectory) } catch {
                warning = "\(error)"
            }
        }
        return (profiles, warning)
    }

    /// The home city from the settings (a GeoNames id, or "id:N" for a city a user added).
    public func homeCityId() -> Int64? {
        guard let value = config["home_city"] else { return nil }
        if value.hasPrefix("id:"), let id = Int64(value.dropFirst(3)) { return (try? database.city(id: id))??.id }
        if let geonameId = Int64(value) { return (try? database.city(geonameId: geonameId))??.id }
        return nil
    }

    /// True when another process (another volunteer's session, the command
    /// line) committed since the lists were last read. Cheap: one PRAGMA.
    public func othersHaveWritten() -> Bool {
        guard let version = try? database.dataVersion() else { return false }
        defer { seenDataVersion = version }
        return seenDataVersion != nil && seenDataVersion != version
    }

    /// What the first screen needs, read now: the register's first page and
    /// count, and the project activity. Everything else (the whole register,
    /// its filter index and partner counts, the gazetteer, partnerships and
    /// events) is read later, ahead or when first asked (`AppData`), so the
    /// time to the first screen does not grow with the register.
    public func loadData() throws -> AppData {
        seenDataVersion = try? database.dataVersion()
        let database = self.database
        if gazetteer == nil {
            gazetteer = Deferred { (try? EffectRunner.readGazetteer(database)) ?? GazetteerLists() }
        }
        var data = AppData()
        revision += 1
        data.revision = revision
        data.gazetteerStore = gazetteer!
        // The first screen shows the register's first page; the whole
        // register is read after it (`prepareAhead`), or by the first key
        // that needs it; a failure then is said in the pane, as for the other lists.
        let home = homeCityId()
        let head = try database.registerHead(limit: registerHeadRows, leading: home)
        data.registerHead = ListHead(rows: head.cities, total: head.total, leading: home)
        let expected = head.total
        let registerStore = Deferred {
            readOrFailure(RegisterLists([]), \.failure) { RegisterLists(try database.registerCitySummaries(expected: expected)) }
        }
        data.registerStore = registerStore
        let registerCities: @Sendable () -> [CitySummary] = { registerStore.value.cities }
        // The filter index waits for the first filter keystroke (an empty
        // filter shows the register in its order); other names that cannot
        // be read only leave them out of the filter.
        let registerIndex = Deferred {
            let register = registerCities()
            let otherKeys = (try? database.registerOtherNameKeys()) ?? [:]
            let keys = register.map { NameIndex.key(for: $0, foldedOtherNames: otherKeys[$0.id] ?? []) }
            return RegisterIndex(index: NameIndex(keys: keys),
                                 keys: Dictionary(zip(register.map(\.id), keys), uniquingKeysWith: { first, _ in first }))
        }
        data.registerIndexStore = registerIndex
        // All counts after the first screen (`prepareAhead`); the rows on screen ask one by one until then.
        data.partnerCountStore = Deferred { (try? database.partnerCountsByCity()) ?? [:] }
        let counts = LookupCache { (try? database.partnerCount(cityId: $0)) ?? 0 }
        data.partnerCountLookup = { counts.value(id: $0) }
        ahead = (registerStore, data.partnerCountStore, registerIndex)
        // A reload (after a save, or someone else's): the program is on
        // screen already, so the whole register is read behind it at once.
        if revision > 1 { Thread.detachNewThread { _ = registerStore.value } }
        // Every city of a partnership is in the register: its key is made once, for both indexes.
        data.partnershipStore = Deferred {
            readOrFailure(PartnershipLists(), \.failure) {
                try EffectRunner.readPartnerships(database, register: registerCities(), cityKeys: { registerIndex.value.keys })
            }
        }
        data.eventStore = Deferred { readOrFailure(EventLists(), \.failure) { try EffectRunner.readEvents(database, register: registerCities()) } }
        // Their first pages, for the first switch to each pane (a failure: the whole list is read and says why).
        let rows = registerHeadRows
        data.partnershipHeadStore = Deferred { try? EffectRunner.partnershipHead(database, home: home, rows: rows) }
        data.eventHeadStore = Deferred { try? ListHead(rows: database.eventPage(limit: rows), total: database.eventCount(), leading: nil) }
        lists = (data.partnershipStore, data.eventStore)
        let lookup = LookupCache { (try? database.city(id: $0)).flatMap { $0 }.map { CitySummary($0) } }
        data.cityLookup = { lookup.value(id: $0) }
        // Project work keeps partnerships from dormant (the lists' health marks need it at once);
        // the report's project data waits until the Reports pane is shown. Both are grouped queries.
        data.projectActivity = try database.projectActivityByPartnership()
        data.reportProjectStore = Deferred { (try? database.reportProjects(cityId: nil)) ?? ReportProjectData(projects: [], openActions: []) }
        return data
    }

    /// The Partnerships list's first page: the home city's partnerships, then
    /// the first others, in the list's order. Nil when the home city has
    /// more than `maxOwn` (the whole list is read then; the most a real city has is about 100).
    static func partnershipHead(_ database: AppDatabase, home: Int64?, rows: Int, maxOwn: Int = 1_000) throws -> ListHead<PartnershipDetail>? {
        var ours: [PartnershipDetail] = []
        if let home {
            ours = try database.partnershipPage(PartnershipFilter(cityId: home), limit: maxOwn + 1)
            if ours.count > maxOwn { return nil }
        }
        let others = try database.partnershipPage(limit: rows + ours.count).filter { p in home.map { !p.partnership.involves($0) } ?? true }
        return ListHead(rows: ours + others.prefix(rows), total: try database.partnershipCount(), leading: home)
    }

    static func readGazetteer(_ database: AppDatabase) throws -> GazetteerLists {
        var lists = GazetteerLists()
        lists.cities = try database.allCitySummaries()
        lists.otherNames = try database.otherNamesByCity()
        lists.index = NameIndex(keys: lists.cities.map { NameIndex.key(for: $0, otherNames: lists.otherNames[$0.id] ?? []) })
        lists.position = AppData.positions(lists.cities)
        lists.countryCodes = Set(lists.cities.map(\.countryCode))
        return lists
    }

    /// The cities of the partnerships and events come from `register` (read for the first screen), not from a join per row.
    static func readPartnerships(_ database: AppDatabase, register: [CitySummary],
                                 cityKeys: @escaping @Sendable () -> [Int64: String]) throws -> PartnershipLists {
        var lists = PartnershipLists()
        let partnerships = try database.partnerships(register: register)
        lists.partnerships = partnerships
        lists.indexStore = Deferred {
            var keys = CityKeyBytes(known: cityKeys())
            return NameIndex(count: partnerships.count) { i, out in
                out += keys.key(partnerships[i].cityA.id) { partnerships[i].cityA }
                out.append(NameIndex.mainSeparator)
                out += keys.key(partnerships[i].cityB.id) { partnerships[i].cityB }
            }
        }
        return lists
    }

    static func readEvents(_ database: AppDatabase, register: [CitySummary]) throws -> EventLists {
        var lists = EventLists()
        let events = try database.events(register: register)
        lists.events = events
        lists.indexStore = Deferred {
            // Titles are folded each time: hashing them to look up a folded
            // copy cost more than folding (most titles differ).
            var keys = CityKeyBytes()
            return NameIndex(count: events.count) { i, out in
                out += keys.key(events[i].cityA.id) { events[i].cityA }
                out.append(NameIndex.mainSeparator)
                out += keys.key(events[i].cityB.id) { events[i].cityB }
                out.append(NameIndex.mainSeparator)
                out += SearchKey.fold(events[i].event.title).utf8
            }
        }
        return lists
    }

    public func perform(_ effect: Effect, language: Language) -> [Action] {
        do {
            switch effect {
            case .saveEvent(let event):
                let isNew = event.id == nil
                let saved = isNew ? try database.addEvent(event) : try database.updateEvent(event)
                let what = saved.title.isEmpty ? saved.kind.label(language) : saved.title
                return [.saved(tr(isNew ? .addedEvent : .savedEvent, language, what), select: .event(saved.id!))]
            case .deleteEvent(let id):
                let event = try database.event(id: id)
                try database.removeEvent(id: id)
                let what = event.map { $0.title.isEmpty ? $0.kind.label(language) : $0.title } ?? ""
                return [.saved(tr(.deletedEvent, language, what), select: nil)]
            case .undo:
                guard let change = try database.undoLast() else {
                    return [.failed(tr(.nothingToUndo, language), field: nil)]
                }
                // Said in the user's language from the record's copy, not the stored English summary.
                let database = self.database
                return [.saved(ChangeWords.undone(change, language) { id in (try? database.city(id: id))??.name }, select: nil)]
            case .overwrite(let save):
                return perform(try withCurrentVersion(save), language: language)
            case .reload(let kind):
                return [try reload(kind, language: language)]
            case .rankMatches(let home, let profile, let filters, let key):
                let ranking = try matchEngine().rank(home: home, profile: profile, filters: filters)
                return [.matchesRanked(ranking.top(200), total: ranking.count, key: key)]
            case .review(let review, let create, let name):
                var message: String
                switch review.decision {
                case .accept:
                    // The review and the partnership it creates: one transaction, two lines in the history.
                    let type = create ?? .partnership
                    try database.addReview(review, creating: Partnership(between: review.homeCityId, and: review.candidateCityId, type: type,
                                                                         status: type == .partnership ? .proposed : .active,
                                                                         source: "match explorer"))
                    message = tr(.accepted, language, name, tr(type == .partnership ? .acceptPartnership : .acceptContact, language))
                case .reject:
                    try database.addReview(review)
                    message = tr(.rejected, language, name)
                case .snooze:
                    try database.addReview(review)
                    message = tr(.snoozed, language, name, review.snoozeUntil.flatMap(PartialDate.parse)?.display(language) ?? "")
                }
                engine = nil
                return [.saved(message, select: nil)]
            case .explainWhyNot(let home, let other, let profile, let filters):
                let why = try matchEngine().whyNot(home: home, other: other, profile: profile, filters: filters)
                return [.overlayLoaded(whyNotOverlay(why, language: language))]
            case .loadReviews(let home):
                let reviews = try database.reviews(home: home)
                var lines = reviews.map { r -> String in
                    let name = (try? database.city(id: r.candidateCityId))??.name ?? "?"
                    var text = "\(LocalTime.dateTime(r.at, language.report))  \(DisplayWidth.pad(r.user, to: 10))  \(name): \(r.decisionLabel(language))"
                    if !r.reason.isEmpty { text += " — \(r.reasonLabel(language))" }
                    return text
                }
                if lines.isEmpty { lines = [tr(.reviewsEmpty, language)] }
                return [.overlayLoaded(TextOverlay(title: tr(.reviewsTitle, language), lines: lines))]
            case .saveProfile(let profile):
                guard userFiles == .writable else { return [.failed(tr(.profileSessionOnly, language), field: nil)] }
                let url = try profile.save(to: weightsDirectory)
                return [.saved(tr(.profileSaved, language, url.path), select: nil)]
            case .projects(let request):
                return try performProjects(request, language: language)
            case .loadHistory:
                return [.historyLoaded(try database.changes(limit: 500))]
            case .exportReport(let cityId, let year):
                guard let folder = exportFolder else { return [.failed(tr(.exportRefused, language), field: nil)] }
                let report = try database.report(ReportScope(cityId: cityId, year: year), today: .today())
                let html = try ReportDocument.render(report, format: .html, language: language.report)
                let name = (report.city.map { SearchKey.fold($0.asciiKey.isEmpty ? $0.name : $0.asciiKey) } ?? "all")
                    .filter { $0.isLetter || $0.isNumber } 
                let path = (folder as NSString).appendingPathComponent("twinning-report-\(name.isEmpty ? "city" : name)-\(year).html")
                // An earlier report of the same name is kept: the new one gets the next
                // free name (…-2025-2.html) and the message names the file written.
                let written: String
                do {
                    written = try SafeFileWriter(protecting: [database.path]).write(Data(html.utf8), to: path, existing: .newName)
                } catch {
                    return [.failed(tr(.errorPrefix, language, Phrase(error).text(language.rawValue)), field: nil)]
                }
                return [.saved(tr(.exported, language, written), select: nil)]
            case .exportCalendar(let ids, let file, let home, let replace):
                return try exportCalendar(eventIds: ids, file: file, home: home, replace: replace, language: language)
            case .loadData(let select):
                return [.dataLoaded(try loadData(), select: select)]
            case .loadCityDetail(let id):
                guard let city = try database.city(id: id) else { return [] }
                return [.cityDetailLoaded(CityDetail(
                    city: city, partners: try database.partnerships(PartnershipFilter(cityId: id)),
                    events: try database.events(EventFilter(cityId: id), limit: 5), contacts: try database.contacts(cityId: id),
                    // One row of the character file, not the whole table (the first screen waited for it).
                    character: CharacterLookup.shared.character(geonameId: city.geonameId, country: city.countryCode)))]
            case .loadPartnershipInfo(let id):
                let events = try database.events(EventFilter(partnershipId: id))
                return [.partnershipInfoLoaded(PartnershipInfo(
                    partnershipId: id, events: Array(events.prefix(8)),
                    contacts: try database.contacts(partnershipId: id), eventCount: events.count))]
            case .saveCity(let city):
                if city.id == nil {
                    let saved = try database.addCity(city)
                    gazetteer = nil // the new city must appear in pickers too
                    return [.saved(tr(.addedCity, language, saved.name) + freeTagNote(saved, language), select: .city(saved.id!))]
                }
                let saved = try database.updateCity(city)
                return [.saved(tr(.savedCity, language, saved.name) + freeTagNote(saved, language), select: .city(saved.id!))]
            case .savePartnership(let partnership):
                let isNew = partnership.id == nil
                let saved = isNew ? try database.addPartnership(partnership) : try database.updatePartnership(partnership)
                let detail = try database.partnership(id: saved.id!)
                let a = detail?.cityA.name ?? "", b = detail?.cityB.name ?? ""
                return [.saved(tr(isNew ? .addedPartnership : .savedPartnership, language, a, b), select: .partnership(saved.id!))]
            case .deletePartnership(let id):
                let detail = try database.partnership(id: id)
                let events = try database.removePartnership(id: id)
                return [.saved(tr(.deletedPartnership, language, detail?.cityA.name ?? "", detail?.cityB.name ?? "", String(events)), select: nil)]
            case .setHomeCity(let id):
                guard let city = try database.city(id: id) else { return [] }
                config["home_city"] = city.geonameId.map(String.init) ?? "id:\(id)"
                guard userFiles == .writable else {
                    return [.homeCitySaved(id), .notice(tr(.homeSessionOnly, language, city.name))]
                }
                try config.save()
                return [.homeCitySaved(id)]
            case .readAhead(let pane):
                if let lists {
                    switch pane {
                    case .partnerships: Thread.detachNewThread { _ = lists.partnerships.value }
                    case .events: Thread.detachNewThread { _ = lists.events.value }
                    default: break
                    }
                }
                return []
            case .prepareFilter(let pane):
                // The list first if it is still being read, then its index; the
                // first letter waits only for what is left of them.
                if let lists {
                    switch pane {
                    case .partnerships: Thread.detachNewThread { _ = lists.partnerships.value.indexStore.value }
                    case .events: Thread.detachNewThread { _ = lists.events.value.indexStore.value }
                    default: break
                    }
                }
                return []
            case .redraw, .quit:
                return []
            }
        } catch let error as AppError {
            if case .conflict = error {
                if case .undo = effect { return [.failed(error.text(language.rawValue), field: nil)] }
                // Marking done or deleting opens no form to reload: say it, the lists show theirs.
                if case .projects(let request) = effect, !request.fromForm { return [.failed(tr(.conflictChanged, language), field: nil)] }
                if recordIsGone(effect) { return [.formClosed(tr(.deletedMeanwhile, language))] }
                return [.conflict]
            }
            if case .readOnly = error {
                return [.failed(tr(database.readOnlyReason == nil ? .readOnlyRefused : .newerDatabase, language), field: nil)]
            }
            if case .filesChanged = error { return [.failed(tr(.filesChanged, language), field: nil)] }
            if case .invalid(let validation) = error {
                return [.failed(tr(.errorPrefix, language, validation.text(language.rawValue)), field: FieldID(rawValue: validation.field) ?? (validation.field == "cities" ? .cityB : nil))]
            }
            return [.failed(tr(.errorPrefix, language, error.text(language.rawValue)), field: nil)]
        } catch let error as ValidationError {
            return [.failed(tr(.errorPrefix, language, error.text(language.rawValue)), field: FieldID(rawValue: error.field))]
        } catch {
            // An import's error names its file and line; anything else says itself.
            return [.failed(tr(.errorPrefix, language, Phrase(error).text(language.rawValue)), field: nil)]
        }
    }

    /// The save again, carrying the version now in the database, so it replaces
    /// the other person's version (the user chose to overwrite).
    private func withCurrentVersion(_ save: Effect) throws -> Effect {
        switch save {
        case .saveCity(var city):
            if let id = city.id, let current = try database.city(id: id) { city.version = current.version }
            return .saveCity(city)
        case .savePartnership(var partnership):
            if let id = partnership.id, let current = try database.partnership(id: id) { partnership.version = current.partnership.version }
            return .savePartnership(partnership)
        case .saveEvent(var event):
            if let id = event.id, let current = try database.event(id: id) { event.version = current.version }
            return .saveEvent(event)
        case .projects(let request):
            return .projects(try projectsWithCurrentVersion(request))
        default:
            return save
        }
    }

    private func recordIsGone(_ effect: Effect) -> Bool {
        switch effect {
        case .saveCity(let city): return city.id != nil && (try? database.city(id: city.id!)) ?? nil == nil
        case .savePartnership(let p): return p.id != nil && (try? database.partnership(id: p.id!)) ?? nil == nil
        case .saveEvent(let e): return e.id != nil && (try? database.event(id: e.id!)) ?? nil == nil
        case .overwrite(let inner): return recordIsGone(inner)
        case .projects(let request): return projectsRecordIsGone(request)
        default: return false
        }
    }

    /// The form again, filled from the record as it is now in the database.
    private func reload(_ kind: FormKind, language: Language) throws -> Action {
        switch kind {
        case .editCity(let city):
            guard let current = try database.city(id: city.id!) else { return .formClosed(tr(.deletedMeanwhile, language)) }
            return .reloaded(Forms.editCity(current))
        case .editPartnership(let partnership):
            guard let current = try database.partnership(id: partnership.id!) else { return .formClosed(tr(.deletedMeanwhile, language)) }
            return .reloaded(Forms.editPartnership(current, language: language))
        case .editEvent(let event):
            guard let current = try database.event(id: event.id!) else { return .formClosed(tr(.deletedMeanwhile, language)) }
            return .reloaded(Forms.editEvent(current, partnership: try database.partnership(id: current.partnershipId), language: language))
        case .editProject, .editAction:
            return try reloadProjectForm(kind, language: language) ?? .formClosed(tr(.deletedMeanwhile, language))
        default:
            return .formClosed(tr(.deletedMeanwhile, language))
        }
    }

    /// The engine over the current register; rebuilt when the data changed.
    private func matchEngine() throws -> MatchEngine {
        try currentEngine().value.get()
    }

    private func currentEngine() -> Deferred<Result<MatchEngine, any Error>> {
        if let engine, engineRevision == revision { return engine }
        let database = self.database
        let fresh = Deferred { Result { try MatchEngine(database: database) } }
        engine = fresh
        engineRevision = revision
        return fresh
    }

    /// Builds the match engine on another thread while the user looks at the
    /// first screen, so the Matches pane opens without the build's wait
    /// (the build reads every city and partnership: most of a second on the
    /// demo); before it, the Cities list's partner counts and filter index.
    public func prepareAhead() {
        // One thread, one after the other: the user's keys keep the other core.
        let ahead = self.ahead, engine = currentEngine()
        Thread.detachNewThread {
            _ = ahead?.register.value
            _ = ahead?.counts.value
            _ = ahead?.registerIndex.value
            _ = engine.value
        }
    }

    private func whyNotOverlay(_ why: WhyNot, language: Language) -> TextOverlay {
        let lang = language.rawValue
        let s = why.suggestion
        var lines: [String] = []
        switch why.standing {
        case .ranked(let rank, let total):
            lines.append(tr(.matchDetailScore, language, Formatting.fixed(Double(s.score), digits: 2, language), String(rank), Formatting.number(total, language)))
        case .isHome: lines.append(tr(.whyNotIsHome, language))
        case .alreadyPartner: lines.append(tr(.whyNotAlreadyPartner, language))
        case .reviewed: lines.append(tr(.whyNotReviewed, language))
        case .filteredOut: lines.append(tr(.whyNotFilteredOut, language))
        }
        if !why.holdingBack.isEmpty {
            lines.append("")
            lines.append(tr(.whyNotHoldingBack, language))
            for gap in why.holdingBack {
                lines.append("  \(gap.feature.label(lang))\(colon(language))\(gap.value.map { Formatting.fixed(Double($0), digits: 2, language) } ?? "–") / \(Formatting.fixed(Double(gap.topValue), digits: 2, language))  — \(s.explanation(gap.feature).text(lang))")
            }
        }
        for missing in why.missing { lines.append("  " + missing.text(lang)) }
        return TextOverlay(title: tr(.whyNotTitle, language, s.name), lines: lines)
    }
}

extension EffectRunner {
    /// " Kept as free tags (not in the vocabulary): …" after a save, or nothing.
    func freeTagNote(_ city: City, _ language: Language) -> String {
        let free = city.freeProfileTags
        return free.isEmpty ? "" : " " + tr(.freeTagsKept, language, free.joined(separator: ", "))
    }
}

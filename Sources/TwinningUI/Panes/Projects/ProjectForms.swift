import TwinningCore

/// The project form: title, cities (the first leads unless one is marked
/// "(lead)"), status, dates, themes, goals, description, funding lines,
/// results and indicators, notes. Everything is checked here in the user's
/// words before the store checks it again.
extension Forms {
    public static func newProject(home: CitySummary?, language: Language) -> FormState {
        var form = FormState(kind: .newProject, fields: projectFields(nil, cities: home.map { "\($0.name); " } ?? "", language: language))
        form.subtitle = tr(.projectFormHint, language)
        return form
    }

    public static func editProject(_ detail: ProjectDetail, language: Language) -> FormState {
        let p = detail.project
        let roles = Dictionary(p.cities.map { ($0.cityId, $0.role) }, uniquingKeysWith: { first, _ in first })
        let cities = detail.cities.map { c -> String in
            // The lead is marked only where the rule "the first leads" would not say it.
            let marked = roles[c.city.id] == .lead && !(detail.cities.first?.city.id == c.city.id && p.leadCityIds.count == 1)
            return c.city.name + (marked ? " (\(tr(.projectRoleLead, language)))" : "")
        }.joined(separator: "; ")
        var form = FormState(kind: .editProject(p), fields: projectFields(p, cities: cities, language: language))
        form.subtitle = tr(.projectFormHint, language)
        return form
    }

    static func projectFields(_ p: Project?, cities: String, language: Language) -> [FormField] {
        [
            FormField(.title, .fieldTitle, .text, text: p?.title ?? "", required: true),
            FormField(.projectCities, .fieldProjectCities, .text, text: cities, required: true),
            choice(.projectStatus, .fieldStatus, ProjectStatus.self, p?.status ?? .planned),
            FormField(.start, .fieldProjectStart, .date, text: p?.startDate?.display(language) ?? ""),
            FormField(.end, .fieldEnd, .date, text: p?.endDate?.display(language) ?? ""),
            FormField(.themes, .fieldThemes, .text, text: tagText(p?.themes, language)),
            FormField(.goals, .fieldGoals, .text, text: oneLine(p?.goals)),
            FormField(.summary, .fieldSummary, .text, text: oneLine(p?.summary)),
            FormField(.funding, .fieldFunding, .text, text: (p?.funding ?? []).map { ProjectForms.fundingText($0, language) }
                .joined(separator: "; ")),
            FormField(.results, .fieldResults, .text, text: oneLine(p?.results)),
            FormField(.indicators, .fieldIndicators, .text, text: (p?.indicators ?? []).map { ProjectForms.indicatorText($0, language) }
                .joined(separator: "; ")),
            FormField(.notes, .fieldNotes, .text, text: oneLine(p?.notes)),
        ]
    }

    /// Form fields are one line; line breaks from an import read back as " / ".
    static func oneLine(_ text: String?) -> String {
        (text ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: " / ")
    }
}

enum ProjectForms {
    /// The form field a store error names (`ValidationError.field`).
    static func field(for storeField: String) -> FieldID? {
        switch storeField {
        case "cities", "partnerships": return .projectCities
        case "what": return .what
        case "who": return .who
        case "due": return .due
        case "done": return .done
        default: return FieldID(rawValue: storeField)
        }
    }

    static func submit(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
        let language = input.language
        var project: Project
        if case .editProject(let original) = input.form.kind { project = original } else { project = Project(title: "") }
        project.title = input.text(.title)
        project.status = input.choice(.projectStatus, ProjectStatus.self)
        project.startDate = input.date(.start)
        project.endDate = input.date(.end)
        project.themes = input.tags(.themes)
        project.goals = input.text(.goals)
        project.summary = input.text(.summary)
        project.results = input.text(.results)
        project.notes = input.text(.notes)
        if let start = project.startDate, let end = project.endDate, end < start {
            input.fail(.end, tr(.errEndBeforeStart, language, end.display(language), start.display(language)))
        }
        switch cities(input.text(.projectCities), state: state, language: language) {
        case .success(let cities):
            if cities.count < 2 { input.fail(.projectCities, tr(.errProjectTwoCities, language)) }
            // Leads first, the way lists and the detail name them; otherwise as typed.
            project.cities = cities.filter { $0.role == .lead } + cities.filter { $0.role != .lead }
        case .failure(let problem):
            input.fail(.projectCities, problem.message)
        }
        switch funding(input.text(.funding), language: language) {
        case .success(let lines): project.funding = lines
        case .failure(let problem): input.fail(.funding, problem.message)
        }
        switch indicators(input.text(.indicators), language: language) {
        case .success(let lines): project.indicators = lines
        case .failure(let problem): input.fail(.indicators, problem.message)
        }
        guard !input.hasErrors else { return .none }
        // The partnerships it belongs to: those kept that still join two of its
        // cities, and every partnership between two of its cities.
        let ids = Set(project.cityIds)
        let joining = state.data.partnerships.filter { ids.contains($0.cityA.id) && ids.contains($0.cityB.id) }.map(\.id)
        let kept = project.partnershipIds.filter { joining.contains($0) }
        project.partnershipIds = kept + joining.filter { !kept.contains($0) }
        try project.validate()
        return .save(.projects(.save(project)))
    }

    struct Problem: Error { let message: String }

    // MARK: Cities

    /// "Dortmund; Amiens (lead); Kraków" → the cities with their roles. A name
    /// is looked up in the register first, then in the whole gazetteer
    /// (largest first), by its main or other name; the first city leads when
    /// none is marked (the edit form marks leads wherever that rule would not say it).
    static func cities(_ text: String, state: AppState, language: Language)
        -> Result<[ProjectCity], Problem> {
        let leadWords = Set(Language.allCases.map { SearchKey.fold(tr(.projectRoleLead, $0)) })
        var result: [ProjectCity] = []
        var anyMarked = false
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            var name = part.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            var lead = false
            if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
                let word = SearchKey.fold(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
                if leadWords.contains(word) {
                    lead = true
                    anyMarked = true
                    name = name[..<open].trimmingCharacters(in: .whitespaces)
                }
            }
            // "Frankfurt, DE": a country code after a comma says which one.
            var country: String?
            if let comma = name.lastIndex(of: ","), case let code = name[name.index(after: comma)...].trimmingCharacters(in: .whitespaces),
               code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                country = code.uppercased()
                name = name[..<comma].trimmingCharacters(in: .whitespaces)
            }
            let same = state.data.register.filter { SearchKey.fold($0.name) == SearchKey.fold(name) && (country == nil || $0.countryCode == country) }
            if same.count > 1 {
                let choices = same.map { "\($0.name), \($0.countryCode)" + ($0.admin1Name.map { " (\($0))" } ?? "") }
                return .failure(Problem(message: tr(.errProjectCityAmbiguous, language, name, choices.joined(separator: "; "))))
            }
            guard let city = same.first ?? lookupCity(name, state, country: country) else {
                let guesses = state.data.gazetteerIndex.closest(name, limit: 3).map { state.data.gazetteer[$0].name }
                let message = guesses.isEmpty ? tr(.errProjectNoCity, language, name)
                    : tr(.errProjectNoCityGuess, language, name, guesses.joined(separator: ", "))
                return .failure(Problem(message: message))
            }
            if result.contains(where: { $0.cityId == city.id }) {
                return .failure(Problem(message: tr(.errProjectCityTwice, language, city.name)))
            }
            result.append(ProjectCity(cityId: city.id, role: lead ? .lead : .partner))
        }
        // Marked cities lead; with no mark, the first one does.
        if !anyMarked {
            for i in result.indices { result[i].role = i == 0 ? .lead : .partner }
        }
        return .success(result)
    }

    /// A city of the register by its name (accents and case ignored), else
    /// the largest city of the world that is called so.
    static func lookupCity(_ name: String, _ state: AppState, country: String? = nil) -> CitySummary? {
        let key = SearchKey.fold(name)
        guard !key.isEmpty else { return nil }
        let hits = state.data.gazetteerIndex.filter(name)
        for index in hits.prefix(200) {
            let city = state.data.gazetteer[index]
            if let country, city.countryCode != country { continue }
            if SearchKey.fold(city.name) == key { return city }
            if (state.data.otherNames[city.id] ?? []).contains(where: { SearchKey.fold($0) == key }) { return city }
        }
        return nil
    }

    // MARK: Funding

    /// "CERV town twinning 22000 EUR granted" — as the form shows a funding line.
    static func fundingText(_ line: FundingLine, _ language: Language) -> String {
        var parts = [TextSafety.sanitized(line.programme)]
        if let minor = line.amountMinor { parts.append(Currency.plain(minor, currency: line.currency)) }
        parts.append(line.currency)
        parts.append(line.state.label(language))
        return parts.joined(separator: " ")
    }

    /// Reads "CERV 22.000 EUR granted; own budget 3000 EUR paid": programme,
    /// amount, ISO currency (€ is EUR), state in any of the three languages (applied when left out).
    static func funding(_ text: String, language: Language) -> Result<[FundingLine], Problem> {
        var lines: [FundingLine] = []
        for part in text.split(separator: ";") {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            var words = item.replacingOccurrences(of: "€", with: " EUR ").split(separator: " ").map(String.init)
            var state = FundingState.applied
            if let last = words.last, let found = fundingState(last) {
                state = found
                words.removeLast()
            }
            guard let currencyAt = words.lastIndex(where: { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isUppercase } }) else {
                return .failure(Problem(message: tr(.errFundingCurrency, language, item)))
            }
            let currency = words.remove(at: currencyAt)
            var amount: Int64?
            // The amount stands next to the currency: "22000 EUR" or "EUR 22000".
            for index in [currencyAt - 1, currencyAt] where words.indices.contains(index) {
                if let minor = Currency.parseAmount(words[index], currency: currency) {
                    amount = minor
                    words.remove(at: index)
                    break
                }
            }
            let programme = words.joined(separator: " ")
            guard !programme.isEmpty else { return .failure(Problem(message: tr(.errFundingProgramme, language, item))) }
            if amount == nil, words.contains(where: { $0.first?.isNumber == true && Currency.parseAmount($0, currency: currency) == nil }) {
                return .failure(Problem(message: tr(.errFundingAmount, language, item)))
            }
            lines.append(FundingLine(programme: programme, amountMinor: amount, currency: currency, state: state))
        }
        return .success(lines)
    }

    static func fundingState(_ word: String) -> FundingState? {
        let key = SearchKey.fold(word)
        for state in FundingState.allCases {
            if key == state.rawValue { return state }
            if Language.allCases.contains(where: { SearchKey.fold(state.label($0)) == key }) { return state }
        }
        return nil
    }

    // MARK: Indicators

    static func indicatorText(_ indicator: ResultIndicator, _ language: Language) -> String {
        ProjectWords.indicator(indicator, language)
    }

    /// Reads "42 young people; 1,200 trees planted" (numbers as the language writes them).
    static func indicators(_ text: String, language: Language) -> Result<[ResultIndicator], Problem> {
        var result: [ResultIndicator] = []
        for part in text.split(separator: ";") {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            let number = item.prefix { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" || $0 == "\u{202F}" || $0 == "\u{00A0}" }
            let unit = item.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
            guard let value = parseNumber(String(number), language), !unit.isEmpty else {
                return .failure(Problem(message: tr(.errIndicator, language, item)))
            }
            result.append(ResultIndicator(value: value, unit: unit))
        }
        return .success(result)
    }

    /// "1,200.5" in English, "1.200,5" in German, "1 200,5" in French.
    static func parseNumber(_ text: String, _ language: Language) -> Double? {
        var t = text.replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        guard !t.isEmpty else { return nil }
        if language == .en {
            t = t.replacingOccurrences(of: ",", with: "")
        } else {
            t = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        return Double(t)
    }
}

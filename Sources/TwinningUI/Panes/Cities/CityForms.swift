import TwinningCore

/// The city forms: a new city (name, country, coordinates and profile) and
/// the profile of an existing one.
extension Forms {
    /// Profile tags as a volunteer types them: their own words, or the
    /// vocabulary label ("Climate action", not "sdg13"); saved, they read back the same.
    static func tagText(_ tags: [String]?, _ language: Language) -> String {
        (tags ?? []).map { ThemeVocabulary.parse($0).editable(language.rawValue) }.joined(separator: ", ")
    }

    static func profileFields(_ city: City?, language: Language = .en) -> [FormField] {
        [
            FormField(.themes, .fieldThemes, .text, text: tagText(city?.themes, language)),
            FormField(.strengths, .fieldStrengths, .text, text: tagText(city?.strengths, language)),
            FormField(.challenges, .fieldChallenges, .text, text: tagText(city?.challenges, language)),
            FormField(.notes, .fieldNotes, .text, text: city?.notes ?? ""),
            FormField(.seeking, .fieldSeeking, .toggle, choice: city?.seekingPartners == true ? 1 : 0),
        ]
    }

    public static func newCity(name: String = "") -> FormState {
        FormState(kind: .newCity, fields: [
            FormField(.name, .fieldName, .text, text: name, required: true),
            FormField(.country, .fieldCountry, .text, required: true),
            FormField(.region, .fieldRegion, .text),
            FormField(.population, .fieldPopulation, .integer),
            FormField(.latitude, .fieldLatitude, .decimal),
            FormField(.longitude, .fieldLongitude, .decimal),
        ] + profileFields(nil))
    }

    public static func editCity(_ city: City, language: Language = .en) -> FormState {
        FormState(kind: .editCity(city), fields: profileFields(city, language: language))
    }
}

enum CityForms {
    static func submit(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
        let form = input.form
        if let country = form.field(.country)?.text, form.kind == .newCity {
            let code = country.trimmingCharacters(in: .whitespaces).uppercased()
            if !code.isEmpty && !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isLetter }) {
                input.fail(.country, tr(.errCountry, input.language))
            }
        }
        guard !input.hasErrors else { return .none }
        let seeking = form.field(.seeking)?.choice == 1
        switch form.kind {
        case .newCity:
            let text = input.text
            var city = City(name: text(.name), countryCode: text(.country).uppercased(),
                            admin1Name: text(.region).isEmpty ? nil : text(.region),
                            latitude: Double(text(.latitude).replacingOccurrences(of: ",", with: ".")),
                            longitude: Double(text(.longitude).replacingOccurrences(of: ",", with: ".")),
                            population: Int(text(.population).replacingOccurrences(of: ".", with: "")),
                            addedByUser: true)
            city.themes = input.tags(.themes); city.strengths = input.tags(.strengths); city.challenges = input.tags(.challenges)
            city.notes = text(.notes); city.seekingPartners = seeking
            try city.validate()
            return .save(.saveCity(city))
        case .editCity(var city):
            city.themes = input.tags(.themes); city.strengths = input.tags(.strengths); city.challenges = input.tags(.challenges)
            city.notes = input.text(.notes); city.seekingPartners = seeking
            try city.validate()
            return .save(.saveCity(city))
        default:
            return .none
        }
    }
}

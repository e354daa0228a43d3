import Foundation
import TwinningCore

/// What a city faces, for `twinning cities show`: the derived challenges
/// (from its facts) and the profile's, on the shared vocabulary.
enum CharacterOutput {
    /// One challenge of the JSON output: `source` "derived" (from the facts,
    /// with `challenge` its kind) or "profile" (typed; `code` null for a free tag).
    struct ChallengeJSON: Encodable {
        let source: String
        let challenge: String?
        /// The main vocabulary term; `codes` lists every term a derived challenge stands for.
        let code: String?
        let label: String
        let codes: [String]
        let text: String
        let free: Bool
    }

    struct CharacterJSON: Encodable {
        let facts: CityCharacter
        let line: String
        let unknown: [String]
    }

    /// One city's facts: its line looked up in the file (`cities show` needs no
    /// whole table), or the table once the match engine has read it.
    static func character(of city: City) -> CityCharacter? {
        CharacterLookup.shared.character(geonameId: city.geonameId, country: city.countryCode)
    }

    static func challenges(of city: City, lang: String) -> [ChallengeJSON] {
        var out: [ChallengeJSON] = []
        if let facts = character(of: city) {
            for c in CityChallenges(facts).present {
                out.append(ChallengeJSON(source: "derived", challenge: c.rawValue, code: c.terms.first?.rawValue,
                                         label: c.terms.first?.label(lang) ?? "", codes: c.terms.map(\.rawValue),
                                         text: c.sentence(facts, lang), free: false))
            }
        }
        for tag in ThemeVocabulary.parseList(city.challenges) {
            out.append(ChallengeJSON(source: "profile", challenge: nil, code: tag.term?.rawValue,
                                     label: tag.term?.label(lang) ?? tag.editable(lang), codes: tag.term.map { [$0.rawValue] } ?? [],
                                     text: tag.editable(lang), free: tag.term == nil))
        }
        return out
    }

    static func characterJSON(of city: City, lang: String) -> CharacterJSON? {
        guard let facts = character(of: city) else { return nil }
        let c = CityChallenges(facts)
        return CharacterJSON(facts: facts, line: c.line(lang), unknown: c.unknown.map(\.rawValue))
    }

    /// "Climate action (climate adaptation), Culture, gardening (free tag)".
    static func tags(_ tags: [String], lang: String) -> String {
        ThemeVocabulary.parseList(tags).map { tag in
            tag.term == nil ? tag.display(lang) + t(.showFreeTag) : tag.display(lang)
        }.joined(separator: ", ")
    }

    /// After an edit: the tags the vocabulary did not know, said plainly.
    static func freeTagNote(_ city: City) -> String? {
        let free = city.freeProfileTags
        guard !free.isEmpty else { return nil }
        return t(.showFreeTagsKept, free.joined(separator: ", "))
    }
}

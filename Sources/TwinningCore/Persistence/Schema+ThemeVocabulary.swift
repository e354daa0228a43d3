import Foundation
import GRDB

/// v7: city profiles (themes, strengths, challenges) move onto the shared
/// vocabulary (Model/ThemeVocabulary.swift). Each tag becomes its canonical
/// stored form: a term's code when the tag was just a name of it ("Klima" →
/// "sdg13"), the code with the user's own words when they said more
/// ("climate adaptation" → "sdg13: climate adaptation"), and any other tag
/// stays exactly as typed (a free tag). Nothing typed is lost: the words are
/// kept whenever they differ from a name of the term.
extension Schema {
    static func themeVocabulary(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, themes, strengths, challenges FROM city
            WHERE themes <> '[]' OR strengths <> '[]' OR challenges <> '[]'
            """)
        for row in rows {
            var changed: [String: String] = [:]
            for column in ["themes", "strengths", "challenges"] {
                let json: String = row[column]
                let tags = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
                let canonical = City.canonicalTags(tags)
                if canonical != tags { changed[column] = String(decoding: try JSONEncoder().encode(canonical), as: UTF8.self) }
            }
            guard !changed.isEmpty else { continue }
            let columns = changed.keys.sorted()
            try db.execute(sql: "UPDATE city SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                           arguments: StatementArguments(columns.map { changed[$0]! } + [row["id"] as Int64]))
        }
    }
}

extension City {
    /// The stored forms of typed tags (see `ThemeTag.stored`), each once. A
    /// term with words that would not fit a tag (60 characters) keeps the
    /// words alone: read back, they still mean the term.
    public static func canonicalTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.compactMap { tag in
            var stored = ThemeVocabulary.parse(tag).stored
            if stored.count > Validation.maxTagLength { stored = tag.trimmingCharacters(in: .whitespaces) }
            return stored.isEmpty || !seen.insert(SearchKey.fold(stored)).inserted ? nil : stored
        }
    }

    /// Puts the profile's tags into their stored forms (before every save).
    public mutating func canonicalizeProfileTags() {
        themes = City.canonicalTags(themes)
        strengths = City.canonicalTags(strengths)
        challenges = City.canonicalTags(challenges)
    }

    /// Typed tags of the profile the vocabulary does not know (kept as free tags), to say so.
    public var freeProfileTags: [String] {
        ThemeVocabulary.freeTags(themes + strengths + challenges)
    }
}

import Foundation
import GRDB

/// A completed joint project as evidence of a strength for the match
/// explorer's *learn from* mode: "Amiens completed “Jeunes pour le climat” on
/// climate action in 2024". Its themes count like the city's profile
/// strengths in the themes feature (no new weight, so the fitted weights of
/// the other features stay as they are; without projects nothing changes).
public struct ProjectEvidence: Sendable, Codable, Equatable, Hashable {
    public var title: String
    /// The year it ended (or, without an end, started); nil when neither is known.
    public var year: Int?
    public var terms: [ThemeTerm]

    public init(title: String, year: Int?, terms: [ThemeTerm]) {
        self.title = title
        self.year = year
        self.terms = terms
    }

    /// The sentence in `language`, naming the terms that were met.
    public func text(city: String, terms shown: [ThemeTerm], language: ReportLanguage) -> String {
        let labels = shown.map { Explanation.running($0.label(language.rawValue), language) }
        let list = labels.joined(separator: ReasonText.evidenceAnd.text(language.rawValue))
        let safeTitle = TextSafety.sanitized(title)
        if let year {
            return ReasonText.projectEvidence.text(language.rawValue, [city, safeTitle, list, String(year)])
        }
        return ReasonText.projectEvidenceNoYear.text(language.rawValue, [city, safeTitle, list])
    }
}

extension MatchIndex {
    /// Completed projects per city id, with vocabulary themes only; one query. Empty without project tables.
    static func projectEvidence(_ db: Database) throws -> [Int64: [ProjectEvidence]] {
        guard try db.tableExists("project") else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT pc.cityId, p.title, p.startDate, p.endDate, p.themes FROM project p
            JOIN project_city pc ON pc.projectId = p.id
            WHERE p.status = 'completed' AND p.themes <> '[]'
            ORDER BY pc.cityId, p.endDate DESC, p.id
            """)
        var result: [Int64: [ProjectEvidence]] = [:]
        for row in rows {
            let terms = ThemeTerm.allCases.filter(ThemeVocabulary.terms(MatchIndex.tags(row.lenientText("themes") ?? "[]")).contains)
            guard !terms.isEmpty else { continue }
            let end = row.lenientText("endDate").flatMap(PartialDate.parse), start = row.lenientText("startDate").flatMap(PartialDate.parse)
            result[row["cityId"], default: []].append(
                ProjectEvidence(title: row.lenientText("title") ?? "", year: (end ?? start)?.year, terms: terms))
        }
        return result
    }
}

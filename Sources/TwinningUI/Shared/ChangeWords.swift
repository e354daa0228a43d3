import Foundation
import TwinningCore

/// A change-log line told in the user's language from its structured record
/// (action, entity and the JSON copy of the record), not from the English
/// `summary` stored beside it — that stays as it is, readable with any
/// SQLite tool. The summary is the fallback when the copy cannot be read.
public enum ChangeWords {
    /// "created", "angelegt", "créé" … for the history's verb column.
    public static func verb(_ action: ChangeRecord.Action, _ language: Language) -> String {
        switch action {
        case .create: return tr(.changeCreate, language)
        case .update: return tr(.changeUpdate, language)
        case .delete: return tr(.changeDelete, language)
        case .undo: return tr(.changeUndo, language)
        case .import: return tr(.changeImport, language)
        }
    }

    /// The widest verb, so the history's columns line up in every language.
    static func verbWidth(_ language: Language) -> Int {
        [ChangeRecord.Action.create, .update, .delete, .undo, .import].map { DisplayWidth.of(verb($0, language)) }.max() ?? 7
    }

    /// A deleted partnership's copy holds its events and contacts too.
    private struct Snapshot: Decodable { var partnership: Partnership }
    /// A deleted project's copy: the project with its actions and linked events.
    private struct ProjectCopy: Decodable { var project: Project }

    /// What the line is about: "Partnerschaft Dortmund ↔ Leeds", "Begegnung 14.05.2026 Jugendaustausch, Dortmund ↔ Leeds".
    /// `cityName` finds a city's name by id (the loaded lists, or the database).
    public static func subject(_ change: ChangeRecord, _ language: Language, cityName: (Int64) -> String?) -> String {
        if let summary = change.importSummary { return importText(summary, language) }
        guard let text = change.after ?? change.before else { return TextSafety.sanitized(change.summary) }
        let data = Data(text.utf8)
        let decoder = JSONDecoder()
        func name(_ id: Int64) -> String { cityName(id).map { TextSafety.sanitized($0) } ?? "?" }
        switch change.entity {
        case .city:
            if let city = try? decoder.decode(City.self, from: data) { return tr(.changeCity, language, TextSafety.sanitized(city.name)) }
        case .partnership:
            let partnership = (try? decoder.decode(Partnership.self, from: data)) ?? (try? decoder.decode(Snapshot.self, from: data))?.partnership
            if let partnership { return tr(.changePartnership, language, name(partnership.cityA), name(partnership.cityB)) }
        case .event:
            if let event = try? decoder.decode(Event.self, from: data) {
                let what = event.title.isEmpty ? event.kind.label(language) : TextSafety.sanitized(event.title)
                let pair = pairNames(change, event.partnershipId, cityName: cityName) ?? ""
                return tr(.changeEvent, language, event.startDate.display(language), what, pair).trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            }
        case .project:
            // A deleted project's copy holds its actions too (ProjectSnapshot).
            let project = (try? decoder.decode(Project.self, from: data)) ?? (try? decoder.decode(ProjectCopy.self, from: data))?.project
            if let project { return tr(.changeProject, language, TextSafety.sanitized(project.title)) }
        case .projectAction:
            if let action = try? decoder.decode(ProjectAction.self, from: data) {
                return tr(.changeProjectAction, language, TextSafety.excerpt(action.what, max: 60))
            }
        case .contact:
            if let contact = try? decoder.decode(Contact.self, from: data) { return tr(.changeContact, language, TextSafety.sanitized(contact.name)) }
        case .review:
            if let review = change.review, let candidate = cityName(review.candidateCityId), let home = cityName(review.homeCityId) {
                var words = tr(.historyReview, language, TextSafety.sanitized(candidate), TextSafety.sanitized(home), review.decisionLabel(language))
                if !review.reason.isEmpty { words += " (\(TextSafety.excerpt(review.reasonLabel(language), max: 80)))" }
                return words
            }
        }
        return TextSafety.sanitized(change.summary)
    }

    /// The pair's names for an event: from the stored summary's tail ("…, Dortmund ↔ Leeds"),
    /// which names the partnership as it was even after it was deleted.
    private static func pairNames(_ change: ChangeRecord, _ partnershipId: Int64, cityName: (Int64) -> String?) -> String? {
        guard let comma = change.summary.range(of: ", ", options: .backwards) else { return nil }
        let tail = String(change.summary[comma.upperBound...])
        return tail.contains("↔") ? TextSafety.sanitized(tail) : nil
    }

    /// "Undone: partnership Dortmund ↔ Leeds (created)" for the status line, at once after u.
    static func undone(_ change: ChangeRecord, _ language: Language, cityName: (Int64) -> String?) -> String {
        tr(.undoneChange, language, subject(change, language, cityName: cityName), verb(change.action, language))
    }
}

import Foundation
import TwinningCore

// The calendar export from the Events pane (x), as `twinning export events
// --format ics` does on the command line: the events shown (the filters
// apply) into a file the user names, in the export folder unless a path is
// given; an existing file is replaced only after a yes.

extension Forms {
    static func exportCalendar(count: Int, file: String) -> FormState {
        FormState(kind: .exportCalendar(count: count), fields: [FormField(.file, .fieldCalendarFile, .text, text: file, required: true)])
    }
}

/// The suggested file name: twinning-events.ics, or with the year shown.
func openCalendarExport(_ state: inout AppState) {
    let count = state.events.visible.count
    guard count > 0 else {
        state.status = StatusMessage(tr(.calendarNoEvents, state.language), kind: .warning)
        return
    }
    let name = "twinning-events" + (state.events.year.map { "-\($0)" } ?? "") + ".ics"
    state.form = Forms.exportCalendar(count: count, file: name)
}

enum CalendarExportForm {
    static func submit(_ input: inout FormInput, _ state: inout AppState) throws -> FormSubmission {
        guard !input.hasErrors else { return .none }
        var file = input.form.field(.file)?.text.trimmingCharacters(in: .whitespaces) ?? ""
        if !file.lowercased().hasSuffix(".ics") { file += ".ics" }
        let ids = state.events.visible.compactMap { state.data.events.indices.contains($0) ? state.data.events[$0].id : nil }
        return .save(.exportCalendar(eventIds: ids, file: file, home: state.homeCityId, replace: false))
    }
}

/// "…ics exists already. Replace it?": yes writes over it, no goes back to the form.
func askReplaceCalendar(_ state: inout AppState, file: String, count: Int, replace: Effect) {
    state.pendingSave = nil
    state.confirmation = Confirmation(title: tr(.calendarExistsTitle, state.language),
                                      message: tr(.calendarExists, state.language, TextSafety.sanitized(file),
                                                  Formatting.number(count, state.language)),
                                      purpose: .saveDespite(replace))
}

extension EffectRunner {
    /// Writes the calendar; never over an existing file unless `replace` (said yes to).
    func exportCalendar(eventIds: [Int64], file: String, home: Int64?, replace: Bool, language: Language) throws -> [Action] {
        guard let folder = exportFolder else { return [.failed(tr(.exportRefused, language), field: .file)] }
        let path: String
        if file.contains("/") {
            // A session that may only write into the export folder (kiosk) takes a name, not a path.
            guard userFiles == .writable else { return [.failed(tr(.errCalendarFolder, language, folder), field: .file)] }
            path = (file as NSString).expandingTildeInPath
        } else {
            path = (folder as NSString).appendingPathComponent(file)
        }
        if !replace && FileManager.default.fileExists(atPath: path) {
            return [.calendarExists(file: path, count: eventIds.count,
                                    replace: .exportCalendar(eventIds: eventIds, file: file, home: home, replace: true))]
        }
        let wanted = Set(eventIds)
        let events = try database.events(EventFilter()).filter { wanted.contains($0.id) }
        let text = ICalendar.document(events: events, databaseId: try database.stableIdentifier(), language: language.report,
                                      calendarName: "twinning", home: home)
        let written: String
        do {
            written = try SafeFileWriter(protecting: [database.path]).write(Data(text.utf8), to: path, existing: replace ? .replace : .refuse)
        } catch {
            return [.failed(tr(.errorPrefix, language, Phrase(error).text(language.rawValue)), field: .file)]
        }
        return [.saved(tr(.calendarWritten, language, Formatting.number(events.count, language), written), select: nil)]
    }
}

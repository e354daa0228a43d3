import Foundation

/// Events as an iCalendar file (RFC 5545) for the volunteers' calendars.
///
/// - Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 sequence.
/// - TEXT values escape backslash, semicolon, comma and line breaks.
/// - Events are all-day: `DTSTART;VALUE=DATE:20260514`, `DTEND` the day after the
///   last day (exclusive). A date known only to the month or year is placed on
///   its first day, and the description says so.
/// - `UID` is `event-<id>-<database id>@twinning`: stable across exports of one
///   database, so a calendar that subscribes updates events instead of doubling them.
/// - `DTSTAMP` is the export time in UTC.
/// - Open project actions with a due date are all-day VEVENTs on the due day
///   (`ICalendar+Actions.swift`), not VTODOs: many calendar programs (Google
///   Calendar, Outlook's subscribed calendars, Apple Calendar) ignore VTODO in
///   a subscribed .ics, so a due date there would never remind anyone.
public enum ICalendar {
    public static let productId = "-//twinning//Town twinning workbench//EN"

    /// The whole calendar. `databaseId` goes into every UID (see `AppDatabase.stableIdentifier()`).
    public static func document(events: [EventDetail], databaseId: String, now: Date = Date(),
                                language: ReportLanguage = .en, calendarName: String? = nil,
                                home: Int64? = nil, actions: [ProjectActionDue] = []) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productId, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let calendarName { lines.append("X-WR-CALNAME:" + escape(calendarName)) }
        let stamp = utcStamp(now)
        for detail in events.sorted(by: { ($0.event.startDate, $0.id) < ($1.event.startDate, $1.id) }) {
            lines += eventLines(detail, databaseId: databaseId, stamp: stamp, language: language, home: home)
        }
        for due in actions.sorted(by: { ($0.action.due?.lastDay.iso ?? "", $0.action.id ?? 0) < ($1.action.due?.lastDay.iso ?? "", $1.action.id ?? 0) }) {
            lines += actionLines(due, databaseId: databaseId, stamp: stamp, language: language)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    static func eventLines(_ detail: EventDetail, databaseId: String, stamp: String, language: ReportLanguage,
                           home: Int64?) -> [String] {
        let e = detail.event
        let (start, end) = dayRange(e)
        var lines = ["BEGIN:VEVENT",
                     "UID:" + uid(detail, databaseId: databaseId),
                     "DTSTAMP:" + stamp,
                     "DTSTART;VALUE=DATE:" + basic(start),
                     "DTEND;VALUE=DATE:" + basic(end),
                     "SUMMARY:" + escape(summary(detail, language, home: home)),
                     "DESCRIPTION:" + escape(description(detail, language))]
        if let place = location(detail) { lines.append("LOCATION:" + escape(place)) }
        lines.append("CATEGORIES:" + escape(ReportWords.kind(e.kind).text(language)))
        lines.append("TRANSP:TRANSPARENT")
        lines.append("END:VEVENT")
        return lines
    }

    public static func uid(_ detail: EventDetail, databaseId: String) -> String {
        "event-\(detail.id)-\(databaseId)@twinning"
    }

    /// "Jugendbegegnung Sommer 2025 (youth exchange) – Dortmund ↔ Amiens", the home city first.
    public static func summary(_ detail: EventDetail, _ language: ReportLanguage, home: Int64? = nil) -> String {
        let (a, b) = PartnershipDetail.orient(detail.cityA, detail.cityB, home: home)
        let kind = ReportWords.kind(detail.event.kind).text(language)
        let what = detail.event.title.isEmpty ? kind : "\(detail.event.title) (\(kind))"
        return "\(what) – \(a.name) ↔ \(b.name)"
    }

    public static func description(_ detail: EventDetail, _ language: ReportLanguage, home: Int64? = nil) -> String {
        let e = detail.event
        let (a, b) = PartnershipDetail.orient(detail.cityA, detail.cityB, home: home)
        var parts: [String] = []
        func line(_ key: ReportText, _ values: String...) -> String { key.text(language.rawValue, values) }
        if let note = partialDateNote(e, language) { parts.append(note) }
        parts.append(line(.icalPartnership, "\(a.name) (\(a.countryCode)) ↔ \(b.name) (\(b.countryCode))"))
        parts.append(line(.icalFormat, ReportWords.format(e.format).text(language)))
        if let p = e.participants {
            var text = line(.icalParticipants, "\(p)")
            if let y = e.youth { text += line(.icalUnder30, "\(y)") }
            parts.append(text)
        }
        if !e.participantsByCountry.isEmpty {
            parts.append(line(.icalByCountry, CountryCounts.format(e.participantsByCountry)))
        }
        if !e.notes.isEmpty { parts.append(e.notes) }
        return parts.joined(separator: "\n")
    }

    static func partialDateNote(_ e: Event, _ language: ReportLanguage) -> String? {
        let partial = [e.startDate] + (e.endDate.map { [$0] } ?? [])
        guard partial.contains(where: { !$0.isFullDate }) else { return nil }
        let shown = e.endDate.map { "\(e.startDate.iso) – \($0.iso)" } ?? e.startDate.iso
        return ReportText.icalApproximate.text(language.rawValue, [shown])
    }

    /// The city travelled to, when the direction says so.
    public static func location(_ detail: EventDetail) -> String? {
        guard detail.event.format != .online else { return nil }
        switch detail.event.direction {
        case .to_a: return "\(detail.cityA.name), \(detail.cityA.countryCode)"
        case .to_b: return "\(detail.cityB.name), \(detail.cityB.countryCode)"
        case .both, .online: return nil
        }
    }

    /// First day and the exclusive end day (the day after the last day).
    public static func dayRange(_ e: Event) -> (start: DateComponents, end: DateComponents) {
        let start = firstDay(e.startDate)
        let last = e.endDate.map(firstDay) ?? start
        return (start, nextDay(max(last, start, by: { ($0.year!, $0.month!, $0.day!) < ($1.year!, $1.month!, $1.day!) })))
    }

    static func max(_ a: DateComponents, _ b: DateComponents, by less: (DateComponents, DateComponents) -> Bool) -> DateComponents {
        less(a, b) ? b : a
    }

    static func firstDay(_ d: PartialDate) -> DateComponents {
        DateComponents(year: d.year, month: d.month ?? 1, day: d.day ?? 1)
    }

    static func nextDay(_ d: DateComponents) -> DateComponents {
        var (y, m, day) = (d.year!, d.month!, d.day! + 1)
        if day > PartialDate.daysIn(month: m, year: y) { day = 1; m += 1 }
        if m > 12 { m = 1; y += 1 }
        return DateComponents(year: y, month: m, day: day)
    }

    static func basic(_ d: DateComponents) -> String {
        String(format: "%04d%02d%02d", d.year!, d.month!, d.day!)
    }

    static func utcStamp(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT escaping (RFC 5545 §3.3.11). Control characters other than line
    /// breaks and tabs are dropped; CRLF, CR and LF all become `\n`.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if TextSafety.isUnsafe(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds one content line at 75 octets (continuation lines start with a
    /// space, which counts), splitting only between Unicode scalars, and ends
    /// every physical line with CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var current = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if current + size > 75 {
                out += "\r\n "
                current = 1
            }
            out.unicodeScalars.append(scalar)
            current += size
        }
        return out + "\r\n"
    }
}

extension AppDatabase {
    /// A short random id kept in the database's meta table, so exports (calendar
    /// UIDs) can tell this database's event 7 from another's. Made on first use;
    /// a read-only database without one gets an id derived from its creation time.
    public func stableIdentifier() throws -> String {
        if let existing = try meta("uid"), !existing.isEmpty { return existing }
        let fresh = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12))
        do {
            try setMeta("uid", fresh)
            return try meta("uid") ?? fresh
        } catch {
            let created = (try? meta("created")) ?? nil
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in (created ?? "twinning").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return String(String(hash, radix: 16).prefix(12))
        }
    }
}

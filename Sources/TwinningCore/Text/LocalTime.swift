import Foundation

/// Instants as a reader expects them: in the local time zone and the
/// language's order — "02.12.2026 05:39" (German), "02/12/2026 05:39"
/// (French), "2026-12-02 05:39" (English). The database and the machine
/// formats keep ISO 8601 in UTC; only what people read goes through here.
public enum LocalTime {
    public static func dateTime(_ date: Date, _ language: ReportLanguage, timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")   // fixed digits and pattern, not the machine's settings
        formatter.timeZone = timeZone
        switch language {
        case .en: formatter.dateFormat = "yyyy-MM-dd HH:mm"
        case .de: formatter.dateFormat = "dd.MM.yyyy HH:mm"
        case .fr: formatter.dateFormat = "dd/MM/yyyy HH:mm"
        }
        return formatter.string(from: date)
    }

    /// The same for an ISO 8601 text from the database; a text that is not
    /// one is shown as it is (sanitised by the caller).
    public static func dateTime(_ iso: String, _ language: ReportLanguage, timeZone: TimeZone = .current) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        guard let date = parser.date(from: iso) else { return iso }
        return dateTime(date, language, timeZone: timeZone)
    }
}

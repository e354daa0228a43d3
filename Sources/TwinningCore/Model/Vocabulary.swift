import Foundation

/// The closed vocabularies of the register. Raw values are what the database
/// stores and what the command line accepts; CHECK constraints list the same.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {}

extension Vocabulary {
    /// Accepts the raw value, case-insensitively, with spaces or dashes for underscores.
    public static func parse(_ text: String) -> Self? {
        if let exact = Self(rawValue: text) { return exact }  // as stored and exported: no folding needed
        let key = text.trimmingSpaces.lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        return allCases.first { $0.rawValue == key }
    }

    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The SQL list for a CHECK constraint: 'a','b','c'.
    static var sqlList: String { allCases.map { "'\($0.rawValue)'" }.joined(separator: ",") }

    /// Human form of the raw value: "youth_exchange" → "youth exchange".
    public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

public enum PartnershipType: String, Vocabulary {
    case partnership, friendship, contact, project
}

public enum PartnershipStatus: String, Vocabulary {
    case active, dormant, proposed, suspended, ended
}

public enum EventKind: String, Vocabulary {
    case visit, youth_exchange, school_exchange, culture, sport, official_delegation
    case online_meeting, conference, project_work, other
}

/// Who travelled: delegates from A went to B ("to_b"), the other way, both, or nobody (online).
public enum EventDirection: String, Vocabulary {
    case to_a, to_b, both, online
}

public enum EventFormat: String, Vocabulary {
    case in_person, online, hybrid
}

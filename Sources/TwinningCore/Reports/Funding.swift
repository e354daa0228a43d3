import Foundation

/// The thresholds of a funding programme. The defaults are the EU's town-twinning
/// strand (CERV): a meeting needs at least 50 participants, of whom at least 25
/// are "invited participants" from the partner towns abroad.
public struct FundingRules: Equatable, Sendable {
    public var minParticipants: Int
    public var minInvited: Int
    public init(minParticipants: Int = 50, minInvited: Int = 25) {
        self.minParticipants = minParticipants
        self.minInvited = minInvited
    }
    public static let euTownTwinning = FundingRules()
}

/// One condition of a funding check, met or not, in words.
public struct FundingCriterion: Equatable, Sendable {
    public var met: Bool
    public var text: LocalizedText
}

/// Whether an event meets the funding thresholds, and why.
///
/// Interpretation: *invited participants* are those whose country (from the
/// event's split by country) differs from the host country — the country of
/// the city where the event took place, or of the home city when the event's
/// direction does not say (both ways, online). Participants without a country
/// are not counted as invited. Two cities of the same country can therefore
/// never reach the invited threshold, as under the EU rules.
public struct FundingCheck: Equatable, Sendable {
    public var eligible: Bool
    public var participants: Int?
    /// Participants from countries other than `hostCountry`; nil when the event has no split by country.
    public var invited: Int?
    public var hostCountry: String
    public var rules: FundingRules
    /// Every condition, met or not, in the order they are checked.
    public var criteria: [FundingCriterion]
    /// The conditions that were not met; empty when eligible.
    public var reasons: [LocalizedText] { criteria.filter { !$0.met }.map(\.text) }

    /// A one-line verdict: "Eligible: …" / "Not eligible: …".
    public func summary(_ language: ReportLanguage) -> String {
        let head = LocalizedText(eligible ? .eligible : .notEligible)
        let shown = eligible ? criteria.map(\.text) : reasons
        return LocalizedText(.verdict, head.text(language), LocalizedText.list(shown, language)).text(language)
    }

    /// Checks `event` against `rules` with the given host country.
    public static func check(_ event: Event, hostCountry: String, rules: FundingRules = FundingRules()) -> FundingCheck {
        let host = hostCountry.uppercased()
        var criteria: [FundingCriterion] = []
        let participants = event.participants
        let minParticipants = ReportCell.number(rules.minParticipants), minInvited = ReportCell.number(rules.minInvited)
        if let p = participants {
            let ok = p >= rules.minParticipants
            criteria.append(FundingCriterion(met: ok, text: LocalizedText(ok ? .participantsEnough : .participantsTooFew,
                                                                          cells: [.number(p), minParticipants])))
        } else {
            criteria.append(FundingCriterion(met: false, text: LocalizedText(.participantsMissing, cells: [minParticipants])))
        }
        var invited: Int?
        if event.participantsByCountry.isEmpty {
            criteria.append(FundingCriterion(met: false, text: LocalizedText(.byCountryMissing, cells: [minInvited])))
        } else {
            let count = event.participantsByCountry.filter { $0.key.uppercased() != host }.values.filter { $0 > 0 }.reduce(0, SafeMath.add)
            invited = count
            let ok = count >= rules.minInvited
            criteria.append(FundingCriterion(met: ok, text: LocalizedText(ok ? .invitedEnough : .invitedTooFew,
                                                                          cells: [.number(count), .text(host), minInvited])))
        }
        return FundingCheck(eligible: criteria.allSatisfy(\.met), participants: participants, invited: invited,
                            hostCountry: host, rules: rules, criteria: criteria)
    }

    /// The host of an event: the city travelled to (direction `to_a`/`to_b`),
    /// else the home city if it is one of the pair, else side A.
    public static func host(of event: EventDetail, home: Int64?) -> CitySummary {
        switch event.event.direction {
        case .to_a: return event.cityA
        case .to_b: return event.cityB
        case .both, .online: return home == event.cityB.id ? event.cityB : event.cityA
        }
    }

    /// Checks an event with the host worked out by `host(of:home:)`.
    public static func check(_ event: EventDetail, home: Int64?, rules: FundingRules = FundingRules()) -> FundingCheck {
        check(event.event, hostCountry: host(of: event, home: home).countryCode, rules: rules)
    }
}

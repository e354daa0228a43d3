import TwinningCore

extension MatchMode {
    var label: S { self == .learn ? .modeLearn : .modeSimilar }
}

public struct MatchesPaneState: Equatable, Sendable {
    /// The city suggestions are for; nil: the association's city.
    public var home: Int64?
    public var mode = MatchMode.learn
    /// Weights being tried; nil: the profile of the mode.
    public var profile: WeightProfile?
    /// The user's saved profiles (`~/.config/twinning/weights/MODE.weights`),
    /// read at start and replaced on "save": they come before the built-in
    /// ones, as in `twinning match`.
    public var savedProfiles: [MatchMode: WeightProfile] = [:]

    /// The profile of a mode: the user's saved one, else the built-in.
    public func profile(of mode: MatchMode) -> WeightProfile { savedProfiles[mode] ?? WeightProfile.builtIn(mode) }
    /// Which candidates may be suggested: countries, distance and inhabitants (the `/` dialog).
    /// Abroad by default: 96 % of real twinnings cross a border (`d` brings the home country back).
    public var filters = MatchFilters(leaveOutHomeCountry: true)
    public var rows: [Suggestion] = []
    public var total = 0
    /// What `rows` were ranked for, so a pane switch does not rank again.
    public var rankedKey: String?
    public var list = ListPosition()
    public var weightsOpen = false
    public var weightFocus = 0
    /// The candidate waiting for "proposed partnership or contact?".
    public var accepting: Suggestion?
    public init() {}
}

extension AppState {
    /// The city the match explorer suggests partners for.
    public var matchHome: Int64? { matches.home ?? homeCityId }

    public var matchProfile: WeightProfile { matches.profile ?? matches.profile(of: matches.mode) }

    /// Identifies a ranking: home, weights and filters.
    public var matchKey: String? {
        guard let home = matchHome else { return nil }
        return "\(home)|\(matchProfile.serialized())|\(matches.filters.key)|\(data.revision)"
    }

    public var selectedMatch: Suggestion? {
        matches.rows.indices.contains(matches.list.selection) ? matches.rows[matches.list.selection] : nil
    }
}

import TwinningCore

/// Dates as volunteers type them in a form: see `NaturalDate` (Core), which the
/// command line shares.
public enum DateInput {
    public static func parse(_ raw: String, today: PartialDate) -> PartialDate? {
        NaturalDate.parse(raw, today: today)
    }

}

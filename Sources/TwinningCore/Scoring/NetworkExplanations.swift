import Foundation

// The sentences of the features of NetworkFeatures.swift: one sentence each,
// with the numbers behind the value, in German or English.
extension Explanation {
    func addedFeatureText(german de: Bool) -> String {
        func n(_ x: Int) -> String { Explanation.number(x, german: de) }
        let f = facts
        switch feature {
        case .networkReach:
            // Paths of 2 and 3 steps are what a volunteer can check by hand; longer ones are said as a distance.
            let short = f.sharedPartners + f.partnersOfPartners
            if short > 0 {
                return de ? "über das Netz Ihrer Partner erreichbar: \(short == 1 ? "1 kurzer Weg" : "\(n(short)) kurze Wege")"
                          : "reachable through your partners' network: \(short == 1 ? "1 short path" : "\(n(short)) short paths")"
            }
            if let steps = f.networkSteps {
                return de ? "über das Netz Ihrer Partner erreichbar: \(steps) Schritte" : "reachable through your partners' network: \(steps) steps"
            }
            return de ? "über das Netz Ihrer Partner nicht erreichbar" : "not reachable through your partners' network"
        case .theirPartnerSizes:
            guard let v = value, let typical = f.candidatePartnersTypicalPopulation else {
                return de ? "keine Partner von \(f.candidateName) mit Einwohnerzahl zum Vergleich"
                          : "no partners of \(f.candidateName) with a population to compare"
            }
            return v >= 0.8   // within a factor of about 3, as for similar size
                ? (de ? "ihre Partner: Ihre Größe (typisch \(n(typical)))" : "its partners: your size (typically \(n(typical)))")
                : (de ? "ihre Partner: andere Größe (typisch \(n(typical)))" : "its partners: not your size (typically \(n(typical)))")
        case .countryAffinity:
            let from = f.affinitySource == f.homeCountry
                ? CountryNames.name(code: f.homeCountryCode, fallback: f.homeCountry, de ? .de : .en) : f.affinitySource
            guard f.affinityTotal > 0 else {
                return de ? "noch keine Partnerschaften aus \(from) zum Vergleich"
                          : "no twinnings from \(from) yet to compare"
            }
            let percent = Double(f.affinityLinks) / Double(f.affinityTotal) * 100
            let share = f.affinityLinks == 0 ? "0" : percent < 1 ? (de ? "unter 1" : "under 1") : String(Int(percent.rounded()))
            // Short enough for the detail column at 80 columns; the README says the value is per town.
            let country = CountryNames.name(code: f.candidateCountryCode, fallback: f.candidateCountry, de ? .de : .en)
            // The source (`from`) is the home region, or the home country when the region is unknown (then named through ICU too).
            return de ? "\(share) % der Partnerschaften aus \(from) gehen nach \(country)"
                      : "\(share) % of twinnings from \(from) go to \(country)"
        default:
            return ""
        }
    }
}

import Foundation

// The sentences of the features of NetworkFeatures.swift: one sentence each,
// with the numbers behind the value, from the catalogue (`reason.reach…` …).
extension Explanation {
    func addedFeatureText(_ language: ReportLanguage) -> String {
        func t(_ key: ReasonText, _ arguments: String...) -> String { key.text(language.rawValue, arguments) }
        func n(_ x: Int) -> String { ReportWords.number(x, language) }
        let f = facts
        switch feature {
        case .networkReach:
            // Paths of 2 and 3 steps are what a volunteer can check by hand; longer ones are said as a distance.
            let short = f.sharedPartners + f.partnersOfPartners
            if short > 0 { return short == 1 ? t(.reachShortOne) : t(.reachShortMany, n(short)) }
            if let steps = f.networkSteps { return t(.reachSteps, n(steps)) }
            return t(.reachNone)
        case .theirPartnerSizes:
            guard let v = value, let typical = f.candidatePartnersTypicalPopulation else { return t(.theirSizesUnknown, f.candidateName) }
            // Within a factor of about 3, as for similar size.
            return t(v >= 0.8 ? .theirSizesLike : .theirSizesUnlike, n(typical))
        case .countryAffinity:
            // The source (`from`) is the home region, or the home country when the region is unknown (then named through ICU too).
            let from = f.affinitySource == f.homeCountry
                ? CountryNames.name(code: f.homeCountryCode, fallback: f.homeCountry, language) : f.affinitySource
            guard f.affinityTotal > 0 else { return t(.affinityNone, from) }
            let percent = Double(f.affinityLinks) / Double(f.affinityTotal) * 100
            let share = f.affinityLinks == 0 ? "0" : percent < 1 ? t(.underOne) : String(Int(percent.rounded()))
            // Short enough for the detail column at 80 columns; the README says the value is per town.
            let country = CountryNames.name(code: f.candidateCountryCode, fallback: f.candidateCountry, language)
            return t(.affinityShare, share, from, country)
        default:
            return ""
        }
    }
}

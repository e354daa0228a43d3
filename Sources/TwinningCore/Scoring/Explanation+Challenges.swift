import Foundation

/// The sentences of the challenge and theme features, with the figures of
/// both cities: "Both are former coal regions (3.0 GW and 4.1 GW of coal
/// plants within 30 km)", "Both lie on a river", "Leeds lists climate action
/// as a strength; it is one of your challenges".
extension Explanation {
    func challengeText(_ lang: String) -> String {
        let language = Explanation.language(lang)
        func t(_ key: ReasonText, _ arguments: String...) -> String { key.text(language.rawValue, arguments) }
        let f = facts
        switch feature {
        case .sharedChallenges:
            guard value != nil, let h = f.homeCharacter, let c = f.candidateCharacter else { return t(.challengesUnknown) }
            guard let first = f.sharedChallenges.first else { return t(.challengesNone) }
            let more = f.sharedChallenges.count - 1
            return Explanation.both(first, h, c, lang) + (more == 0 ? "" : t(.challengesMore, String(more)))
        case .furtherAlong:
            guard value != nil, let h = f.homeCharacter, let c = f.candidateCharacter else { return t(.furtherUnknown) }
            guard let first = f.furtherAlong.first else { return t(.furtherNone) }
            return Explanation.further(first, f.candidateName, h, c, lang)
        case .themes:
            guard value != nil else { return t(mode == .learn ? .strengthsNoProfile : .themesNoProfile) }
            let labels = f.themeTerms.map { Explanation.running($0.label(lang), language) }
            let list = labels.joined(separator: t(.evidenceAnd))
            switch mode {
            case .similar:
                return labels.isEmpty ? t(.themesNone) : t(.themesBoth, list)
            case .learn:
                if labels.isEmpty { return t(.strengthsNone) }
                if !f.projectEvidence.isEmpty { return evidenceText(lang) }
                return t(labels.count == 1 ? .strengthOne : .strengthMany, f.candidateName, list)
            }
        default:
            return ""
        }
    }

    /// Learn mode with completed projects: the project first ("Amiens completed
    /// “Jeunes pour le climat” on climate action in 2024"), then the terms only
    /// the profile lists, in the profile's sentence.
    func evidenceText(_ lang: String) -> String {
        let language = ReportLanguage(rawValue: String(lang.lowercased().prefix(2))) ?? .en
        let f = facts
        let met = Set(f.themeTerms)
        guard let first = f.projectEvidence.first else { return "" }
        var text = first.text(city: f.candidateName, terms: first.terms.filter(met.contains), language: language)
        if f.projectEvidence.count > 1 { text += " (+\(f.projectEvidence.count - 1))" }
        let evidenced = Set(f.projectEvidence.flatMap(\.terms))
        let rest = f.themeTerms.filter { !evidenced.contains($0) }
        if !rest.isEmpty {
            let profile = Explanation(feature: feature, value: value, facts: {
                var x = f
                x.themeTerms = rest
                x.projectEvidence = []
                return x
            }(), mode: mode, preference: preference)
            text += "; " + profile.challengeText(lang)
        }
        return text
    }

    /// English and French labels start lower case inside a sentence; German nouns keep their capital.
    static func running(_ label: String, _ language: ReportLanguage) -> String {
        language == .de ? label : label.prefix(1).lowercased() + label.dropFirst()
    }

    /// "Both are former coal regions (3.0 GW and 4.1 GW of coal plants within 30 km)".
    static func both(_ c: Challenge, _ h: CityCharacter, _ x: CityCharacter, _ lang: String) -> String {
        let n = ChallengeText(lang)
        func t(_ key: ReasonText, _ arguments: String...) -> String { key.text(n.language.rawValue, arguments) }
        /// The sentence with both cities' figures, when both are known.
        func figures(_ key: ReasonText, _ a: String?, _ b: String?, _ tail: ReasonText) -> String {
            guard let a, let b else { return t(key) }
            return t(key) + t(.bothFigures, a, b, t(tail))
        }
        switch c {
        case .adminSeat: return t(h.role == .capital && x.role == .capital ? .bothCapitals : .bothSeats)
        case .lowLyingCoast: return figures(.bothLowCoast, n.metres(h.elevationM), n.metres(x.elevationM), .tailAboveSea)
        case .seaPort: return t(.bothPorts)
        case .riverTown: return t(.bothRiver)
        case .mountainTown: return figures(.bothMountain, n.metres(h.reliefM), n.metres(x.reliefM), .tailRelief)
        case .hotSummers: return figures(.bothHot, n.celsius(h.warmestC), n.celsius(x.warmestC), .tailWarmest)
        case .dryClimate: return figures(.bothDry, n.rain(h.rainMm), n.rain(x.rainMm), .tailRain)
        case .coldWinters: return figures(.bothCold, n.celsius(h.coldestC), n.celsius(x.coldestC), .tailColdest)
        case .coalRegion: return figures(.bothCoal, n.gigawatts(h.coalMW), n.gigawatts(x.coalMW), .tailCoal)
        case .ageingCountry: return figures(.bothAgeing, n.percent(h.share65in2050), n.percent(x.share65in2050), .tailAged2050)
        case .shrinkingCountry:
            return figures(.bothShrinking, n.signedPercent(h.popChange2020to2050), n.signedPercent(x.popChange2020to2050), .tailBy2050)
        }
    }

    /// "Further along: hotter summers already (31 °C against your 27 °C)".
    static func further(_ c: Challenge, _ name: String, _ h: CityCharacter, _ x: CityCharacter, _ lang: String) -> String {
        let n = ChallengeText(lang)
        func t(_ key: ReasonText, _ arguments: String...) -> String { key.text(n.language.rawValue, arguments) }
        /// The sentence with the candidate's figure against the home city's, when both are known.
        func against(_ sentence: String, _ theirs: String?, _ yours: String?) -> String {
            guard let theirs, let yours else { return sentence }
            return sentence + t(.furtherAgainst, theirs, yours)
        }
        switch c {
        case .adminSeat: return t(.furtherCapital)
        case .mountainTown: return against(t(.furtherMountain), n.metres(x.reliefM).map { t(.reliefOf, $0) }, n.metres(h.reliefM))
        case .lowLyingCoast: return against(t(.furtherLowCoast), n.metres(x.elevationM), n.metres(h.elevationM))
        case .hotSummers: return against(t(.furtherHot), n.celsius(x.warmestC), n.celsius(h.warmestC))
        case .dryClimate: return against(t(.furtherDry), n.rain(x.rainMm), n.rain(h.rainMm))
        case .coldWinters: return against(t(.furtherCold), n.celsius(x.coldestC), n.celsius(h.coldestC))
        case .coalRegion: return against(t(.furtherCoal), n.gigawatts(x.coalMW), n.gigawatts(h.coalMW))
        case .ageingCountry:
            return against(t(.furtherAgeing, name), n.percent(x.share65in2020).map { t(.agedOver65, $0) }, n.percent(h.share65in2020))
        case .shrinkingCountry:
            return against(t(.furtherShrinking, name), n.signedPercent(x.popChange2000to2020), n.signedPercent(h.popChange2000to2020))
        case .seaPort, .riverTown:
            return t(.further)
        }
    }
}

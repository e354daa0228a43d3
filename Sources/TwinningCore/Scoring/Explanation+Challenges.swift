import Foundation

/// The sentences of the challenge and theme features, with the figures of
/// both cities: "Both are former coal regions (3.0 GW and 4.1 GW of coal
/// plants within 30 km)", "Both lie on a river", "Leeds lists climate action
/// as a strength; it is one of your challenges".
extension Explanation {
    func challengeText(_ lang: String) -> String {
        let de = Explanation.isGerman(lang)
        let f = facts
        switch feature {
        case .sharedChallenges:
            guard value != nil, let h = f.homeCharacter, let c = f.candidateCharacter else {
                return de ? "Herausforderungen unbekannt: keine Daten zu beiden Städten"
                          : "challenges not compared: no facts about both cities"
            }
            guard let first = f.sharedChallenges.first else {
                return de ? "keine Ihrer Herausforderungen gemeinsam" : "shares none of your challenges"
            }
            let more = f.sharedChallenges.count - 1
            let rest = more == 0 ? "" : (de ? " (+\(more) weitere)" : " (+\(more) more)")
            return Explanation.both(first, h, c, de: de) + rest
        case .furtherAlong:
            guard value != nil, let h = f.homeCharacter, let c = f.candidateCharacter else {
                return de ? "kein Vergleich, wie weit sie damit ist: Daten fehlen" : "no comparison of how far along it is: facts missing"
            }
            guard let first = f.furtherAlong.first else {
                return de ? "bei keiner Ihrer Herausforderungen schon weiter" : "not further along with any of your challenges"
            }
            return Explanation.further(first, f.candidateName, h, c, de: de)
        case .themes:
            guard value != nil else {
                return mode == .learn
                    ? (de ? "kein Profil mit Stärken zum Vergleich" : "no profile with strengths to compare")
                    : (de ? "kein Stadtprofil für einen Themenvergleich" : "no city profile to compare themes")
            }
            let labels = f.themeTerms.map { Explanation.running($0.label(lang), de: de) }
            let list = labels.joined(separator: de ? " und " : " and ")
            switch mode {
            case .similar:
                if labels.isEmpty { return de ? "keine gemeinsamen Themen im Profil" : "no themes in common in the profiles" }
                return de ? "beide arbeiten an: \(list)" : "both work on \(list)"
            case .learn:
                if labels.isEmpty {
                    return de ? "ihre Stärken treffen keine Ihrer Herausforderungen" : "its strengths meet none of your challenges"
                }
                if !f.projectEvidence.isEmpty { return evidenceText(lang) }
                if labels.count == 1 {
                    return de ? "\(f.candidateName) nennt \(list) als Stärke; das ist eine Ihrer Herausforderungen"
                              : "\(f.candidateName) lists \(list) as a strength; it is one of your challenges"
                }
                return de ? "\(f.candidateName) nennt \(list) als Stärken; das sind Ihre Herausforderungen"
                          : "\(f.candidateName) lists \(list) as strengths; they are among your challenges"
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

    /// English labels start lower case inside a sentence; German nouns keep their capital.
    static func running(_ label: String, de: Bool) -> String {
        de ? label : label.prefix(1).lowercased() + label.dropFirst()
    }

    /// "Both are former coal regions (3.0 GW and 4.1 GW of coal plants within 30 km)".
    static func both(_ c: Challenge, _ h: CityCharacter, _ x: CityCharacter, de: Bool) -> String {
        let t = ChallengeText(de ? "de" : "en")
        func pair(_ a: String?, _ b: String?, _ tail: String) -> String {
            guard let a, let b else { return "" }
            return " (\(a) \(de ? "und" : "and") \(b)\(tail))"
        }
        switch c {
        case .adminSeat:
            if h.role == .capital && x.role == .capital { return de ? "beide sind Hauptstädte" : "both are capitals" }
            return de ? "beide sind Sitz einer Region oder Hauptstadt" : "both are capitals or region seats"
        case .lowLyingCoast:
            return (de ? "beide liegen tief an der Küste" : "both lie low on the coast") + pair(t.metres(h.elevationM), t.metres(x.elevationM), de ? " ü. M." : " above the sea")
        case .seaPort: return de ? "beide sind Seehäfen" : "both are sea ports"
        case .riverTown: return de ? "beide liegen an einem Fluss" : "both lie on a river"
        case .mountainTown:
            return (de ? "beide sind Bergstädte" : "both are mountain towns") + pair(t.metres(h.reliefM), t.metres(x.reliefM), de ? " Relief" : " of relief")
        case .hotSummers:
            return (de ? "beide haben heiße Sommer" : "both have hot summers") + pair(t.celsius(h.warmestC), t.celsius(x.warmestC), de ? " im wärmsten Monat" : " in the warmest month")
        case .dryClimate:
            return (de ? "beide haben ein trockenes Klima" : "both have a dry climate") + pair(t.rain(h.rainMm), t.rain(x.rainMm), de ? " Regen im Jahr" : " of rain a year")
        case .coldWinters:
            return (de ? "beide haben kalte Winter" : "both have cold winters") + pair(t.celsius(h.coldestC), t.celsius(x.coldestC), de ? " im kältesten Monat" : " in the coldest month")
        case .coalRegion:
            return (de ? "beide sind ehemalige Kohleregionen" : "both are former coal regions")
                + pair(t.gigawatts(h.coalMW), t.gigawatts(x.coalMW), de ? " Kohlekraftwerke im Umkreis von 30 km" : " of coal plants within 30 km")
        case .ageingCountry:
            return (de ? "beide Länder altern" : "both countries are ageing") + pair(t.percent(h.share65in2050), t.percent(x.share65in2050), de ? " über 65 bis 2050" : " aged 65+ by 2050")
        case .shrinkingCountry:
            return (de ? "beide Länder schrumpfen" : "both countries are shrinking")
                + pair(t.signedPercent(h.popChange2020to2050), t.signedPercent(x.popChange2020to2050), de ? " bis 2050" : " by 2050")
        }
    }

    /// "Further along: hotter summers already (31 °C against your 27 °C)".
    static func further(_ c: Challenge, _ name: String, _ h: CityCharacter, _ x: CityCharacter, de: Bool) -> String {
        let t = ChallengeText(de ? "de" : "en")
        func against(_ theirs: String?, _ yours: String?) -> String {
            guard let theirs, let yours else { return "" }
            return de ? " (\(theirs), bei Ihnen \(yours))" : " (\(theirs) against your \(yours))"
        }
        switch c {
        case .adminSeat:
            return de ? "schon weiter: eine Hauptstadt (Sie: Sitz einer Region)" : "further along: a capital (you: a region seat)"
        case .mountainTown:
            return (de ? "schon weiter: noch steiler gelegen" : "further along: even steeper ground")
                + against(t.metres(x.reliefM).map { $0 + (de ? " Relief" : " of relief") }, t.metres(h.reliefM))
        case .lowLyingCoast:
            return (de ? "schon weiter: liegt noch tiefer am Meer" : "further along: lies even lower by the sea")
                + against(t.metres(x.elevationM), t.metres(h.elevationM))
        case .hotSummers:
            return (de ? "schon weiter: noch heißere Sommer" : "further along: even hotter summers") + against(t.celsius(x.warmestC), t.celsius(h.warmestC))
        case .dryClimate:
            return (de ? "schon weiter: noch trockener" : "further along: even drier") + against(t.rain(x.rainMm), t.rain(h.rainMm))
        case .coldWinters:
            return (de ? "schon weiter: noch kältere Winter" : "further along: even colder winters") + against(t.celsius(x.coldestC), t.celsius(h.coldestC))
        case .coalRegion:
            return (de ? "schon weiter: größerer Strukturwandel nach der Kohle" : "further along: a bigger coal past to change from")
                + against(t.gigawatts(x.coalMW), t.gigawatts(h.coalMW))
        case .ageingCountry:
            return (de ? "schon weiter: \(name)s Land ist heute schon älter" : "further along: \(name)'s country is older already")
                + against(t.percent(x.share65in2020).map { $0 + (de ? " über 65" : " aged 65+") }, t.percent(h.share65in2020))
        case .shrinkingCountry:
            return (de ? "schon weiter: \(name)s Land schrumpft schon seit 2000" : "further along: \(name)'s country has shrunk since 2000")
                + against(t.signedPercent(x.popChange2000to2020), t.signedPercent(h.popChange2000to2020))
        default:
            return de ? "schon weiter" : "further along"
        }
    }
}

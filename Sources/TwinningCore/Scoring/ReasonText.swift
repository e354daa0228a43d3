/// The keys of the sentences that explain a suggestion (`Explanation.text`);
/// the texts are in the catalogue as `reason.<case>`. Counts have a `…One`
/// and a `…Many` text, because "1 partner" and "2 partners" differ in every language.
public enum ReasonText: String, CatalogueKey {
    public static let prefix = "reason"

    case sizeUnknown, sizeSimilar, sizeDifferent, populationUnknown, population, distanceUnknown, distanceAway
    case reachableByBus, tooFarForBus, farAsWished, notFar, sharedNone, sharedOne, sharedMany, indirectNone
    case indirectOne, indirectMany, rareNone, rare, regionUnknown, regionNone, regionOne, regionMany, nearbyUnknown
    case nearbyNone, nearbyOne, nearbyMany, countryOne, countryMany, partnersNone, partnersOne, partnersMany
    case partnerSizesUnknown, partnerSizesLike, partnerSizesUnlike, newForThemNone, newForThemOne, newForThemMany
    case themesUnknown, similarNone, similarBoth, learnNone, learnMeet, languagesUnknown, languagesNone
    case languagesCommon, newCountryAlready, newCountryNone, seekingYes, seekingNo
    case projectEvidence, projectEvidenceNoYear, evidenceAnd
    // Challenges, themes and strengths (Explanation+Challenges.swift).
    case challengesUnknown, challengesNone, challengesMore, furtherUnknown, furtherNone, strengthsNoProfile
    case themesNoProfile, themesNone, themesBoth, strengthsNone, strengthOne, strengthMany
    case bothFigures, bothCapitals, bothSeats, bothLowCoast, bothPorts, bothRiver, bothMountain, bothHot, bothDry
    case bothCold, bothCoal, bothAgeing, bothShrinking
    case tailAboveSea, tailRelief, tailWarmest, tailRain, tailColdest, tailCoal, tailAged2050, tailBy2050
    case furtherAgainst, reliefOf, agedOver65, further, furtherCapital, furtherMountain, furtherLowCoast
    case furtherHot, furtherDry, furtherCold, furtherCoal, furtherAgeing, furtherShrinking
    // The network features (NetworkExplanations.swift).
    case reachShortOne, reachShortMany, reachSteps, reachNone, theirSizesUnknown, theirSizesLike, theirSizesUnlike
    case affinityNone, affinityShare, underOne
}

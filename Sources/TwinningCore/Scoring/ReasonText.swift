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
}

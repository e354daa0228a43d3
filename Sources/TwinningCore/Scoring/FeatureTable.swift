import Foundation

/// Every feature of every city for one home city, mode and distance
/// preference: `values[feature.slot * count + position]`, NaN where data is
/// missing. Computed once per home city (a few milliseconds); changing
/// weights or filters then only re-scores these numbers.
public struct FeatureTable: Sendable {
    public let home: Int
    public let mode: MatchMode
    public let preference: DistancePreference
    public let count: Int
    let values: [Float]
    /// Great-circle distance from the home city, NaN without coordinates (for the distance filter).
    let distanceKm: [Float]

    public func value(_ feature: MatchFeature, _ position: Int) -> Float? {
        let v = values[feature.slot * count + position]
        return v.isNaN ? nil : v
    }

    public func distance(_ position: Int) -> Double? {
        distanceKm[position].isNaN ? nil : Double(distanceKm[position])
    }
}

extension MatchIndex {
    /// Computes all features for `home` against every city. The network
    /// features come from a few walks over the adjacency lists around the home
    /// city; the rest is one pass over the arrays.
    public func featureTable(home: Int, mode: MatchMode, preference: DistancePreference) -> FeatureTable {
        let n = count
        var values = [Float](repeating: .nan, count: n * MatchFeature.allCases.count)
        var distanceKm = [Float](repeating: .nan, count: n)

        // Network counts around the home city.
        var common = [Float](repeating: 0, count: n)
        var adamic = [Float](repeating: 0, count: n)
        var paths3 = [Float](repeating: 0, count: n)
        var hasPartnerIn = [Bool](repeating: false, count: countries.count)
        for p in partners(of: home) {
            let p = Int(p)
            hasPartnerIn[Int(country[p])] = true
            let d = degree(p)
            let w: Float = d > 1 ? 1 / log(Float(d)) : 0
            for q in partners(of: p) {
                let q = Int(q)
                common[q] += 1
                adamic[q] += w
                if q == home { continue }
                for c in partners(of: q) { paths3[Int(c)] += 1 }
            }
        }
        // Nearby links: partners of towns near home (not home itself: its own
        // partners are never suggested), spread to the towns near them.
        var nearby = [Float](repeating: 0, count: n)
        var sources: [(Int, Float)] = []
        forEachNear(home, km: MatchIndex.nearHomeKm) { x, d in
            guard x != home else { return }
            let w = Features.nearHomeKernel(d)
            for y in partners(of: x) { sources.append((Int(y), w)) }
        }
        for (y, w) in sources {
            forEachNear(y, km: MatchIndex.nearCandidateKm) { c, d in
                nearby[c] += w * Features.nearCandidateKernel(d)
            }
        }
        let partnerLogMean = partnersLogPopulation(home)
        let homeRegion = Int(region[home])
        var regionLinks: [Float] = []
        if homeRegion >= 0 {
            regionLinks = [Float](repeating: 0, count: regionNames.count)
            for x in regionMembers[Int(regionOffsets[homeRegion])..<Int(regionOffsets[homeRegion + 1])] {
                for y in partners(of: Int(x)) where region[Int(y)] >= 0 { regionLinks[Int(region[Int(y)])] += 1 }
            }
        }
        let homeCountry = Int(country[home])
        var countryLinks = [Float](repeating: 0, count: countries.count)
        // Each city's partners in the home country, for "new for them".
        var partnersInHomeCountry = [Int32](repeating: 0, count: n)
        for x in countryMembers[Int(countryOffsets[homeCountry])..<Int(countryOffsets[homeCountry + 1])] {
            for y in partners(of: Int(x)) {
                countryLinks[Int(country[Int(y)])] += 1
                partnersInHomeCountry[Int(y)] += 1
            }
        }
        let languageValue: [Float] = countries.map {
            Features.languages(countries[homeCountry].languages, $0.languages) ?? .nan
        }
        let countryLinkValue = countryLinks.map { Features.countryLinks(Int($0)) }
        let newCountryValue = hasPartnerIn.map { Features.newCountry(homeHasPartnerThere: $0) }

        // Local copies: reading a class's arrays inside the loop would retain them per access.
        let latitude = self.latitude, logPopulation = self.logPopulation, sizeValue = self.sizeValue
        let partnerValue = self.partnerValue, seeking = self.seeking, region = self.region, country = self.country
        let ux = unitX, uy = unitY, uz = unitZ
        let hLat = latitude[home], hPop = logPopulation[home]
        let hx = ux[home], hy = uy[home], hz = uz[home]
        let s = MatchFeature.allCases.map { $0.slot * n }
        let (sSize, sCand, sDist, sShared, sPaths, sAA, sRegion, sCountry, sPartners, sLang, sNew, sSeek) =
            (s[MatchFeature.sizeSimilarity.slot], s[MatchFeature.candidateSize.slot], s[MatchFeature.distance.slot],
             s[MatchFeature.sharedPartners.slot], s[MatchFeature.partnersOfPartners.slot], s[MatchFeature.adamicAdar.slot],
             s[MatchFeature.regionLinks.slot], s[MatchFeature.countryLinks.slot], s[MatchFeature.candidatePartners.slot],
             s[MatchFeature.languages.slot], s[MatchFeature.newCountry.slot], s[MatchFeature.seeking.slot])
        let sNearby = s[MatchFeature.nearbyLinks.slot]
        let sPartnerSizes = s[MatchFeature.partnerSizes.slot], sTheirNew = s[MatchFeature.candidateNewCountry.slot]
        values.withUnsafeMutableBufferPointer { v in
            for i in 0..<n {
                let pop = logPopulation[i]
                if !pop.isNaN {
                    v[sCand + i] = sizeValue[i]
                    if !hPop.isNaN { v[sSize + i] = Features.sizeSimilarity(logPopulation: hPop, pop) }
                    if !partnerLogMean.isNaN { v[sPartnerSizes + i] = Features.sizeSimilarity(logPopulation: partnerLogMean, pop) }
                }
                if !hLat.isNaN, !latitude[i].isNaN {
                    let d = MatchIndex.chordKm(ux[i] - hx, uy[i] - hy, uz[i] - hz)
                    distanceKm[i] = d
                    v[sDist + i] = Features.distance(km: d, preference: preference)
                    v[sNearby + i] = nearby[i] > 0 ? Features.nearbyLinks(Double(nearby[i])) : 0
                }
                // Most cities share nothing with the home city: 0 without calling exp.
                v[sShared + i] = common[i] > 0 ? Features.sharedPartners(Int(common[i])) : 0
                v[sPaths + i] = paths3[i] > 0 ? Features.partnersOfPartners(Int(paths3[i])) : 0
                v[sAA + i] = adamic[i] > 0 ? Features.adamicAdar(Double(adamic[i])) : 0
                if homeRegion >= 0, region[i] >= 0 { v[sRegion + i] = Features.regionLinks(Int(regionLinks[Int(region[i])]))! }
                let c = Int(country[i])
                v[sCountry + i] = countryLinkValue[c]
                v[sPartners + i] = partnerValue[i]
                v[sTheirNew + i] = partnersInHomeCountry[i] > 0
                    ? Features.candidateNewCountry(partnersInHomeCountry: Int(partnersInHomeCountry[i])) : 1
                v[sLang + i] = languageValue[c]
                v[sNew + i] = newCountryValue[c]
                v[sSeek + i] = Features.seeking(seeking[i])
            }
            // Challenges and themes: Scoring/ChallengeFeatures.swift.
            fillChallengeFeatures(v, home: home, mode: mode)
        }
        fillAddedFeatures(&values, home: home)
        return FeatureTable(home: home, mode: mode, preference: preference, count: n, values: values, distanceKm: distanceKm)
    }
}

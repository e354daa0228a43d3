import Foundation
import TwinningCore

/// Dortmund, Lille, Kraków, Venice, Rotterdam, Innsbruck, Leeds, Gdańsk (GeoNames ids).
let modeHomes: [Int64] = [2935517, 2998324, 3094802, 3164603, 2747891, 2775220, 2644688, 3099434]

/// The mode-difference table of the README: for each home city, the top 10
/// of both built-in modes on the default list (cities abroad), their
/// overlap, and in similar mode how many have a `challenges` or `themes`
/// reason among their three strongest.
func runModes(index: MatchIndex, similar similarProfile: WeightProfile, learn learnProfile: WeightProfile, homes: [Int64]) {
    let ranker = Ranker(index: index)
    let filters = MatchFilters(leaveOutHomeCountry: true)
    print("home city        | overlap of top 10 | similar: challenge/theme reason in top 3 | learn: in top 3 | similar top 3 | learn top 3")
    print("---|---|---|---|---|---")
    var worstOverlap = 0, allReasoned = true
    for id in homes {
        guard let home = index.position(geonameId: id) else { print("\(id): not in the gazetteer"); continue }
        var tops: [[Suggestion]] = []
        for profile in [similarProfile, learnProfile] {
            tops.append(ranker.rank(home: home, profile: profile, filters: filters).top(10))
        }
        let similar = tops[0], learn = tops[1]
        let overlap = Set(similar.map(\.position)).intersection(learn.map(\.position)).count
        func reasoned(_ list: [Suggestion]) -> Int {
            list.filter { s in s.reasons(limit: 3).contains { [.challenges, .themes].contains($0.feature.group) } }.count
        }
        let r = reasoned(similar)
        worstOverlap = max(worstOverlap, overlap)
        allReasoned = allReasoned && r == similar.count
        print("\(index.names[home]) | \(overlap) of 10 | \(r) of \(similar.count) | \(reasoned(learn)) of \(learn.count) | "
              + similar.prefix(3).map(\.name).joined(separator: ", ") + " | " + learn.prefix(3).map(\.name).joined(separator: ", "))
    }
    print("")
    print("largest overlap: \(worstOverlap) of 10 (goal: at most 5); every similar top-10 suggestion has a challenge or theme reason in its top 3: \(allReasoned ? "yes" : "no")")
}

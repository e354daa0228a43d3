import Foundation
import TwinningCore
import TwinningUI

/// `twinning match --batch FILE`: many queries against one read of the
/// database. Each input line is `geonameid<TAB>country_code`; the output is
/// `query_geonameid, rank, candidate_geonameid, score` (TSV, no header),
/// ranks 1..N per line in input order, candidates only in that country.
enum MatchBatch {
    struct Line { let number: Int; let geonameId: Int64; let country: String }

    static func parse(_ text: String, file: String) throws -> [Line] {
        var lines: [Line] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let row = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if row.isEmpty { continue }
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let id = Int64(fields[0]) else {
                if lines.isEmpty && i == 0 { continue }  // a header line
                throw UserError(t(.errBatchNotAnId, file, String(i + 1), TextSafety.excerpt(fields[0])))
            }
            guard fields.count >= 2, fields[1].count == 2, fields[1].allSatisfy(\.isLetter) else {
                throw UserError(t(.errBatchLine, file, String(i + 1)))
            }
            lines.append(Line(number: i + 1, geonameId: id, country: fields[1].uppercased()))
        }
        return lines
    }

    static func run(file: String, database: AppDatabase, profile: WeightProfile, limit: Int) throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw UserError(t(.errCannotRead, file)) }
        let lines = try parse(String(decoding: data, as: UTF8.self), file: file)
        // One read: the whole index and every review, before any ranking.
        let index = try MatchIndex.load(from: database)
        let exclusions = try database.allReviewExclusions()
        let ranker = Ranker(index: index)
        var out = ""
        out.reserveCapacity(lines.count * limit * 32)
        for line in lines {
            guard let home = index.position(geonameId: line.geonameId) else {
                Console.error("twinning: " + t(.batchNoCity, file, String(line.number), String(line.geonameId)))
                continue
            }
            let excluded = exclusions[index.cityIds[home]] ?? []
            let ranking = ranker.rank(home: home, profile: profile, filters: MatchFilters(countries: [line.country]), excluded: excluded)
            var rank = 0
            for (k, position) in ranking.order.enumerated() {
                guard let candidate = index.geonameIds[Int(position)] else { continue }  // user-added cities have no GeoNames id
                rank += 1
                out += "\(line.geonameId)\t\(rank)\t\(candidate)\t\(String(format: "%.6f", ranking.scores[k]))\n"
                if rank == limit { break }
            }
            if out.utf8.count > 1 << 20 {
                Console.out(out)
                out = ""
            }
        }
        Console.out(out)
    }
}

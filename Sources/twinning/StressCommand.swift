import ArgumentParser
import Foundation
import TwinningCore
import TwinningUI


/// Hidden: many mixed writes from one process, for the concurrency proof
/// (several of these run at once on one file). Prints a JSON summary; exits
/// non-zero if any write failed in a way a user would have seen.
struct StressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress", abstract: t(.aboutStress),
                                                    shouldDisplay: false)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(t(.hHowManyWrites))) var writes: Int = 1000
    @Option(help: ArgumentHelp(t(.hSeedOfTheRandomChoices))) var seed: UInt64 = 1

    struct Summary: Encodable {
        var session = ""
        var writes = 0, creates = 0, edits = 0, deletes = 0, retries = 0
        var errors: [String] = []
    }

    func run() throws {
        let database = try AppDatabase.open(path: global.databasePath)
        var random = SeededRandom(seed: seed)
        var summary = Summary(session: database.actor.session)
        // A pool of cities to pair up: the register keeps it realistic.
        let cities = try database.registerCitySummaries().prefix(400).map(\.id)
        guard cities.count >= 2 else { throw UserError(t(.errNeedsCities)) }
        var done = 0
        while done < writes {
            do {
                let choice = Int.random(in: 0..<10, using: &random)
                // A cheap random sample: a run of rows from a random place.
                let (events, partnerships) = try database.sample(eventsFrom: UInt64.random(in: 0...UInt64.max, using: &random),
                                                                 partnershipsFrom: UInt64.random(in: 0...UInt64.max, using: &random))
                switch choice {
                case 0...3:
                    guard let p = partnerships.randomElement(using: &random) else { continue }
                    let participants = Int.random(in: 0...80, using: &random)
                    try database.addEvent(Event(partnershipId: p.id!, title: "stress \(seed)-\(done)", startDate: PartialDate(year: 2020 + Int.random(in: 0...6, using: &random))!,
                                                participants: participants, youth: Int.random(in: 0...participants, using: &random)))
                    summary.creates += 1
                case 4...5:
                    guard var e = events.randomElement(using: &random) else { continue }
                    e.notes = "edited by \(seed) at \(done)"
                    try database.updateEvent(e)
                    summary.edits += 1
                case 6:
                    guard let e = events.randomElement(using: &random) else { continue }
                    try database.removeEvent(id: e.id!)
                    summary.deletes += 1
                case 7:
                    let a = cities.randomElement(using: &random)!, b = cities.randomElement(using: &random)!
                    guard a != b, try database.partnership(between: a, and: b) == nil else { continue }
                    try database.addPartnership(Partnership(between: a, and: b, status: .proposed, source: "stress"))
                    summary.creates += 1
                case 8:
                    guard var p = partnerships.randomElement(using: &random) else { continue }
                    p.status = PartnershipStatus.allCases.randomElement(using: &random)!
                    try database.updatePartnership(p)
                    summary.edits += 1
                default:
                    guard let p = partnerships.first(where: { $0.source == "stress" }) else { continue }
                    try database.removePartnership(id: p.id!)
                    summary.deletes += 1
                }
                done += 1
            } catch let error as AppError {
                switch error {
                case .conflict, .notFound:
                    summary.retries += 1 // someone else got there first: read again and go on
                case .invalid(let v) where v.field == "cities":
                    summary.retries += 1 // the pair was created by another process meanwhile
                default:
                    summary.errors.append(error.description)
                    done += 1
                }
            }
        }
        summary.writes = summary.creates + summary.edits + summary.deletes
        print(try encodeJSON(summary), terminator: "")
        if !summary.errors.isEmpty { throw ExitCode(1) }
    }
}

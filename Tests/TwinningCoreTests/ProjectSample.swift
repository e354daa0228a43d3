import XCTest
@testable import TwinningCore

/// One project sample (three cities, a partnership contact, funding, figures, a formula, two actions)
/// for the transfer, CSV and undo tests.
enum ProjectSample {
    static func seeded() throws -> AppDatabase {
        let db = try Fixtures.database()
        let p = try db.addPartnership(Partnership(between: try Fixtures.id(db, 2935517), and: try Fixtures.id(db, 3037854)))
        _ = try db.addContact(Contact(name: "Claire Dubois", partnershipId: p.id))
        return db
    }

    static func sample(_ db: AppDatabase) throws -> Int64 {
        let dortmund = try Fixtures.id(db, 2935517), amiens = try Fixtures.id(db, 3037854), krakow = try Fixtures.id(db, 3094802)
        let contact = try XCTUnwrap(db.contacts().first)
        let project = try db.addProject(Project(
            title: "Jeunes pour le climat", summary: "Camp\nwith two lines", status: .completed, startDate: .parse("2024-03"),
            endDate: .parse("2024-10"), themes: ["climate", "pétanque"], goals: "Trees", cities: [
                ProjectCity(cityId: amiens, role: .lead), ProjectCity(cityId: dortmund), ProjectCity(cityId: krakow)],
            partnershipIds: try ProjectTransfer.partnerships(among: [amiens, dortmund], in: db), contactIds: [contact.id!],
            funding: [FundingLine(programme: "CERV", amountMinor: 2_200_050, currency: "EUR", state: .paid),
                      FundingLine(programme: "Own budget", amountMinor: nil, currency: "PLN", state: .applied)],
            results: "=HYPERLINK(\"x\")", indicators: [ResultIndicator(value: 1.5, unit: "t CO2"), ResultIndicator(value: 42, unit: "young people")]))
        _ = try db.addAction(ProjectAction(projectId: project.id!, what: "Apply", ownerContactId: contact.id, due: .parse("2023-11"), done: .parse("2023-11-20")))
        _ = try db.addAction(ProjectAction(projectId: project.id!, what: "Report", ownerName: "Lena Brandt", due: .parse("2024-12-31")))
        return project.id!
    }
}

import Foundation
import GRDB

/// The demo's joint projects: INVENTED but realistic (titles, figures,
/// funding and people are made up; the partnerships they belong to are real
/// twinnings of the demo network). Every status is shown: running with
/// overdue actions, completed with results and funding, a triangle of three
/// cities, an online exchange from the pandemic years, a SKEW climate
/// partnership, a solidarity partnership with a Ukrainian town. The README
/// says they are invented.
enum DemoProjects {
    struct Action { let what: String; let who: String; let contact: Bool; let due: String?; let done: String? }
    struct Spec {
        let title: String, summary: String, status: ProjectStatus, start: String?, end: String?
        let themes: [String], goals: String
        /// GeoNames ids, the lead first.
        let cities: [Int64]
        let funding: [FundingLine], results: String, indicators: [ResultIndicator], notes: String
        let contacts: [String]
        let actions: [Action]
        /// Demo events (by title) that belong to the project.
        let events: [String]
    }

    /// Invented people for the projects (the demo's other contacts are in `Setup.addDemoProfiles`).
    static let people: [(name: String, role: String, email: String, languages: [String], city: Int64)] = [
        ("Kwame Asante", "Kumasi Metropolitan Assembly, climate desk", "k.asante@example.gh", ["en"], 2298890),
        ("Olena Kovalenko", "Міська рада, international office", "o.kovalenko@example.ua", ["uk", "en", "de"], 686967),
        ("Milica Jovanović", "Gradska uprava, kultura", "m.jovanovic@example.rs", ["sr", "en", "de"], 3194360),
        ("Tomasz Wiśniewski", "Urząd m.st. Warszawy, smart city", "t.wisniewski@example.pl", ["pl", "en"], 756135),
    ]

    static func d(_ s: String) -> PartialDate { PartialDate.parse(s)! }

    static let specs: [Spec] = [
        Spec(title: "Jeunes pour le climat", summary: "Youth climate camp of Amiens and Dortmund: two weeks of tree planting, "
             + "urban gardens in the Hortillonnages and a shared climate pledge.",
             status: .completed, start: "2024-03", end: "2024-10", themes: ["sdg13", "youth"],
             goals: "Bring 40 young people of both cities together on climate action.\nPlant 1,000 trees in both cities.",
             cities: [3037854, 2935517],
             funding: [FundingLine(programme: "CERV town twinning", amountMinor: 2_200_000, currency: "EUR", state: .paid),
                       FundingLine(programme: "Ville d'Amiens, own budget", amountMinor: 450_000, currency: "EUR", state: .paid)],
             results: "42 young people took part; 1,200 trees planted; the climate pledge was adopted by both city councils.",
             indicators: [ResultIndicator(value: 42, unit: "young people"), ResultIndicator(value: 1200, unit: "trees planted")],
             notes: "", contacts: ["Claire Dubois", "Jens Hoffmann"],
             actions: [Action(what: "Apply for CERV funding", who: "Claire Dubois", contact: true, due: "2023-11-30", done: "2023-11-20"),
                       Action(what: "Book the youth hostel in Amiens", who: "Claire Dubois", contact: true, due: "2024-04", done: "2024-03-28"),
                       Action(what: "Send the final report to the funder", who: "Jens Hoffmann", contact: true, due: "2024-12-31", done: "2024-12-15")],
             events: []),
        Spec(title: "Klimaanpassung in der Stadt", summary: "Follow-up of the climate camp: young people map heat islands in both cities "
             + "and plan shade and water with the city planners.",
             status: .running, start: "2025-03", end: "2026-12", themes: ["sdg13: climate adaptation", "youth", "sdg11"],
             goals: "A heat map of both city centres drawn by young people.\nThree pocket parks proposed to the councils.",
             cities: [2935517, 3037854],
             funding: [FundingLine(programme: "Erasmus+ Youth", amountMinor: 1_850_000, currency: "EUR", state: .granted),
                       FundingLine(programme: "Stadt Dortmund, eigener Haushalt", amountMinor: 300_000, currency: "EUR", state: .paid)],
             results: "", indicators: [], notes: "", contacts: ["Jens Hoffmann", "Claire Dubois"],
             actions: [Action(what: "Youth exchange in Amiens", who: "Jens Hoffmann", contact: true, due: "2025-07-21", done: "2025-07-21"),
                       Action(what: "Print the heat map", who: "Lena Brandt", contact: false, due: "2026-03-31", done: nil),
                       Action(what: "Present the pocket parks to both councils", who: "Claire Dubois", contact: true, due: "2026-06", done: nil),
                       Action(what: "Report to Erasmus+", who: "Jens Hoffmann", contact: true, due: "2027-02-28", done: nil)],
             events: ["Jugendbegegnung Sommer 2025 / Rencontre jeunes"]),
        Spec(title: "Klimapartnerschaft Dortmund–Kumasi", summary: "A municipal climate partnership (SKEW) with a joint action programme "
             + "on solar energy for schools and clean water.",
             status: .running, start: "2023-09", end: "2027-08", themes: ["sdg13", "sdg7", "sdg6", "sdg17"],
             goals: "Adopt a joint action programme with measures, resources and indicators.\n"
             + "Solar panels on five schools in Kumasi.\nA study of the waste-water system.",
             cities: [2935517, 2298890],
             funding: [FundingLine(programme: "SKEW municipal climate partnerships (BMZ)", amountMinor: 4_800_000, currency: "EUR", state: .granted),
                       FundingLine(programme: "Kumasi Metropolitan Assembly", amountMinor: 12_000_000, currency: "GHS", state: .applied)],
             results: "", indicators: [ResultIndicator(value: 2, unit: "schools with solar panels")], notes: "",
             contacts: ["Kwame Asante", "Büro für Städtepartnerschaften"],
             actions: [Action(what: "Adopt the joint action programme", who: "Büro für Städtepartnerschaften", contact: true, due: "2024-03", done: "2024-03-14"),
                       Action(what: "Solar panels on the remaining three schools", who: "Kwame Asante", contact: true, due: "2026-06-30", done: nil),
                       Action(what: "Expert visit on waste water", who: "Stadtentwässerung Dortmund", contact: false, due: "2026-09", done: nil),
                       Action(what: "Waste-water study published", who: "Kwame Asante", contact: true, due: "2027-03", done: nil)],
             events: []),
        Spec(title: "Solidarität mit Schytomyr", summary: "Solidarity partnership since 2022: generators, ambulances and training "
             + "for the city's rescue services; school children write to each other.",
             status: .running, start: "2022-03", end: nil, themes: ["sdg16", "health", "sdg11"],
             goals: "Keep hospitals and water pumps running through the winters.\nTrain 30 rescue workers.",
             cities: [2935517, 686967],
             funding: [FundingLine(programme: "Stadt Dortmund, eigener Haushalt", amountMinor: 6_000_000, currency: "EUR", state: .paid),
                       FundingLine(programme: "SKEW municipal partnerships with Ukraine", amountMinor: 5_000_000, currency: "EUR", state: .applied),
                       FundingLine(programme: "Donations (Bürgerstiftung)", amountMinor: 1_730_000, currency: "EUR", state: .paid)],
             results: "12 generators and 3 ambulances delivered.",
             indicators: [ResultIndicator(value: 12, unit: "generators delivered"), ResultIndicator(value: 3, unit: "ambulances")],
             notes: "", contacts: ["Olena Kovalenko"],
             actions: [Action(what: "Deliver the second lot of generators", who: "Büro für Städtepartnerschaften", contact: true, due: "2023-11", done: "2023-11-20"),
                       Action(what: "Training course for rescue workers", who: "Olena Kovalenko", contact: true, due: "2026-10-15", done: nil),
                       Action(what: "Letters exchange of the schools", who: "Petra Schulz", contact: false, due: "2027-01", done: nil)],
             events: []),
        Spec(title: "Café des langues en ligne", summary: "Online language café that replaced the visits during the pandemic: "
             + "German and French in small video groups every two weeks.",
             status: .completed, start: "2020-04", end: "2021-12", themes: ["languages", "digital", "volunteering"],
             goals: "Keep the partnership alive without travel.", cities: [2935517, 3037854],
             funding: [FundingLine(programme: "Partnerschaftsverein, Mitgliedsbeiträge", amountMinor: 60_000, currency: "EUR", state: .paid)],
             results: "26 online meetings; a tandem list that is still used.",
             indicators: [ResultIndicator(value: 26, unit: "online meetings"), ResultIndicator(value: 180, unit: "participants")],
             notes: "Carried on as the online board meetings.", contacts: ["Jens Hoffmann"],
             actions: [Action(what: "Set up the video rooms", who: "Jens Hoffmann", contact: true, due: "2020-04-15", done: "2020-04-10")],
             events: ["Online-Treffen der Vereinsvorstände"]),
        Spec(title: "Dreieck der Jugendorchester", summary: "The youth orchestras of Dortmund, Amiens and Novi Sad rehearse together "
             + "and give three concerts, one in each city.",
             status: .planned, start: "2027-04", end: "2027-09", themes: ["music", "youth", "culture"],
             goals: "One programme, three concerts, 90 young musicians.", cities: [3194360, 2935517, 3037854],
             funding: [FundingLine(programme: "Erasmus+ Youth", amountMinor: 3_500_000, currency: "EUR", state: .applied)],
             results: "", indicators: [], notes: "", contacts: ["Milica Jovanović"],
             actions: [Action(what: "Send the Erasmus+ application", who: "Milica Jovanović", contact: true, due: "2026-10-01", done: nil),
                       Action(what: "Find host families", who: "Jens Hoffmann", contact: true, due: "2027-02", done: nil)],
             events: []),
        Spec(title: "Digitale Bürgerbeteiligung", summary: "Smart-city exchange of Düsseldorf and Warsaw on participatory budgets "
             + "and online consultation tools.",
             status: .running, start: "2024-05", end: "2026-05", themes: ["digital", "sdg16"],
             goals: "Compare the two participatory budgets.\nPilot Warsaw's consultation tool in one Düsseldorf district.",
             cities: [2934246, 756135],
             funding: [FundingLine(programme: "Stadt Düsseldorf, eigener Haushalt", amountMinor: 1_500_000, currency: "EUR", state: .granted),
                       FundingLine(programme: "Miasto st. Warszawa", amountMinor: 4_000_000, currency: "PLN", state: .granted)],
             results: "", indicators: [], notes: "", contacts: ["Agnieszka Nowak", "Tomasz Wiśniewski"],
             actions: [Action(what: "Smart-city conference in Warsaw", who: "Tomasz Wiśniewski", contact: true, due: "2024-10", done: "2024-10-09"),
                       Action(what: "Pilot in Düsseldorf-Bilk", who: "Amt für Digitalisierung", contact: false, due: "2025-11", done: nil),
                       Action(what: "Joint evaluation report", who: "Agnieszka Nowak", contact: true, due: "2026-05-31", done: nil)],
             events: ["Smart-City-Konferenz"]),
        Spec(title: "Gemeinsames Gedenken 1945", summary: "Remembrance project with Rostov-on-Don on the end of the war: "
             + "school projects and a joint exhibition.",
             status: .paused, start: "2020-01", end: nil, themes: ["remembrance", "youth"],
             goals: "A joint exhibition for the 80th anniversary.", cities: [2935517, 501175],
             funding: [FundingLine(programme: "Stiftung EVZ", amountMinor: 1_200_000, currency: "EUR", state: .refused)],
             results: "", indicators: [], notes: "Paused with the partnership since 2022.", contacts: [],
             actions: [Action(what: "Collect letters and photos", who: "Stadtarchiv Dortmund", contact: false, due: "2021-12", done: "2021-11-30")],
             events: []),
        Spec(title: "Radtour Münster–Orléans", summary: "Idea: a cycling tour of 900 km from Münster to Orléans for the partnership's anniversary.",
             status: .idea, start: nil, end: nil, themes: ["sport", "mobility"], goals: "", cities: [2867543, 2989317],
             funding: [], results: "", indicators: [], notes: "", contacts: [], actions: [], events: []),
        Spec(title: "Jugendfußballturnier Dortmund–Trabzon", summary: "A youth football tournament, given up when no host club was found.",
             status: .abandoned, start: "2023-06", end: "2023-06", themes: ["sport", "youth"], goals: "", cities: [2935517, 738648],
             funding: [FundingLine(programme: "Deutsch-Türkische Jugendbrücke", amountMinor: 800_000, currency: "EUR", state: .refused)],
             results: "", indicators: [], notes: "No host club in Trabzon for the planned weekend.", contacts: [], actions: [], events: []),
    ]

    static func add(_ database: AppDatabase) throws {
        try database.write { db in
            func city(_ geonameId: Int64) throws -> Int64? {
                try Int64.fetchOne(db, sql: "SELECT id FROM city WHERE geonameId = ?", arguments: [geonameId])
            }
            for person in people {
                guard let cityId = try city(person.city) else { continue }
                var contact = Contact(name: person.name, role: person.role, email: person.email, languages: person.languages, cityId: cityId)
                try contact.insert(db)
            }
            let contacts = try Contact.fetchAll(db)
            for spec in specs {
                let ids = try spec.cities.compactMap(city)
                guard ids.count == spec.cities.count else { continue }
                var project = Project(title: spec.title, summary: spec.summary, status: spec.status, startDate: spec.start.map(d),
                                      endDate: spec.end.map(d), themes: spec.themes, goals: spec.goals,
                                      cities: ids.enumerated().map { ProjectCity(cityId: $1, role: $0 == 0 ? .lead : .partner) },
                                      contactIds: spec.contacts.compactMap { name in contacts.first { $0.name == name }?.id },
                                      funding: spec.funding, results: spec.results, indicators: spec.indicators, notes: spec.notes)
                let marks = ids.map { _ in "?" }.joined(separator: ",")
                project.partnershipIds = try Int64.fetchAll(db, sql: "SELECT id FROM partnership WHERE cityA IN (\(marks)) AND cityB IN (\(marks)) ORDER BY id",
                                                            arguments: StatementArguments(ids + ids))
                project.canonicalizeThemes()
                try project.validate()
                try project.insert(db)
                for a in spec.actions {
                    var action = ProjectAction(projectId: project.id!, what: a.what,
                                               ownerContactId: a.contact ? contacts.first { $0.name == a.who }?.id : nil,
                                               ownerName: a.who, due: a.due.map(d), done: a.done.map(d))
                    try action.validate()
                    try action.insert(db)
                }
                for title in spec.events {
                    try db.execute(sql: "UPDATE event SET projectId = ? WHERE title = ?", arguments: [project.id!, title])
                }
            }
        }
    }
}

import Foundation
import GRDB

/// Fills a new database: the gazetteer, and (unless asked for an empty
/// register) the demo network of real twinnings with a few hand-written events,
/// contacts and city profiles, so every pane has something to show.
public enum Setup {
    public static let twinningSource = "Wikipedia lists of twin towns (via Hekman/twincities)"

    public struct Report: Sendable {
        public var cities = ImportReport()
        public var partnerships = ImportReport()
        public var events = ImportReport()
        public var seconds: Double = 0
    }

    public enum Step: Sendable { case cities, partnerships, events }

    /// - Parameter progress: (step, done, total), for a progress line.
    public static func populate(_ database: AppDatabase, demo: Bool,
                                progress: (@Sendable (Step, Int, Int) -> Void)? = nil) throws -> Report {
        let started = Date()
        var report = Report()
        let citiesTable = try Table.read(path: try DataFiles.url(for: "cities.tsv").path)
        report.cities = try Importer(database: database, logged: false, progress: { progress?(.cities, $0, $1) }).importCities(citiesTable)
        try database.write { db in try db.withLargeCache { try OtherNames.fill(db) } }
        if demo {
            let pairs = try Table.read(path: try DataFiles.url(for: "twinnings_dev.tsv").path)
            report.partnerships = try Importer(database: database, logged: false, progress: { progress?(.partnerships, $0, $1) })
                .importPartnerships(pairs, defaultSource: twinningSource)
            let events = try Table.read(path: try DataFiles.url(for: "demo_events.csv").path)
            report.events = try Importer(database: database, logged: false).importEvents(events)
            progress?(.events, report.events.added, report.events.added)
            try addDemoProfiles(database)
            try DemoProjects.add(database) // invented projects, DemoProjects.swift
        }
        try database.setMeta("created", ISO8601DateFormatter().string(from: Date()))
        try database.setMeta("contents", demo ? "gazetteer+demo" : "gazetteer")
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// City profiles and contacts for a few German partnerships: invented but
    /// plausible, so the detail panes and the match explorer have material.
    static func addDemoProfiles(_ database: AppDatabase) throws {
        struct Profile { let geonameId: Int64; let themes: [String]; let strengths: [String]; let challenges: [String]; let seeking: Bool; let notes: String }
        let profiles = [
            Profile(geonameId: 2935517, themes: ["youth", "climate", "culture"], strengths: ["structural change", "football", "technology park"],
                    challenges: ["climate adaptation", "youth unemployment", "digital participation"], seeking: true,
                    notes: "Auslandsgesellschaft und Büro für Städtepartnerschaften im Rathaus."),
            Profile(geonameId: 2934246, themes: ["smart city", "culture"], strengths: ["smart city", "trade fairs"],
                    challenges: ["housing", "climate adaptation"], seeking: false, notes: ""),
            Profile(geonameId: 3037854, themes: ["youth", "culture"], strengths: ["climate adaptation", "urban gardens"],
                    challenges: ["youth unemployment"], seeking: false, notes: "Hortillonnages: urban floating gardens."),
            Profile(geonameId: 2867543, themes: ["cycling", "climate", "peace"], strengths: ["cycling", "climate protection"],
                    challenges: ["housing", "demographic change"], seeking: true, notes: ""),
            Profile(geonameId: 756135, themes: ["smart city", "youth"], strengths: ["digital participation", "start-ups"],
                    challenges: ["air quality", "housing"], seeking: false, notes: ""),
        ]
        try database.write { db in
            for profile in profiles {
                guard var city = try City.filter(City.Columns.geonameId == profile.geonameId).fetchOne(db) else { continue }
                city.themes = profile.themes
                city.strengths = profile.strengths
                city.challenges = profile.challenges
                city.seekingPartners = profile.seeking
                city.notes = profile.notes
                city.canonicalizeProfileTags()
                try city.update(db)
            }
            func demoCity(_ geonameId: Int64) throws -> City? {
                try City.filter(City.Columns.geonameId == geonameId).fetchOne(db)
            }
            func partnership(_ a: Int64, _ b: Int64) throws -> Partnership? {
                guard let x = try demoCity(a).flatMap(\.id), let y = try demoCity(b).flatMap(\.id) else { return nil }
                return try Partnership.filter(Partnership.Columns.cityA == min(x, y) && Partnership.Columns.cityB == max(x, y)).fetchOne(db)
            }
            if var p = try partnership(2935517, 3037854) {
                p.since = PartialDate(year: 1960)
                p.themes = ["youth", "culture", "climate"]
                p.notes = "Eine der ältesten deutsch-französischen Partnerschaften im Ruhrgebiet."
                try p.update(db)
                var c1 = Contact(name: "Claire Dubois", role: "Comité de jumelage, présidente", email: "c.dubois@example.fr",
                                 languages: ["fr", "de"], partnershipId: p.id)
                try c1.insert(db)
                var c2 = Contact(name: "Jens Hoffmann", role: "Vorsitzender Partnerschaftsverein", email: "j.hoffmann@example.de",
                                 phone: "+49 231 000000", languages: ["de", "fr", "en"], partnershipId: p.id)
                try c2.insert(db)
            }
            if var p = try partnership(2935517, 501175) {
                p.status = .suspended
                p.since = PartialDate(year: 1977)
                p.notes = "Ausgesetzt seit 2022."
                try p.update(db)
            }
            if var p = try partnership(2935517, 3194360) {
                p.since = PartialDate(year: 1982)
                try p.update(db)
            }
            if var p = try partnership(2934246, 756135) {
                p.since = PartialDate(year: 1989, month: 6)
                p.themes = ["smart city", "youth"]
                try p.update(db)
                var c = Contact(name: "Agnieszka Nowak", role: "Biuro Współpracy Zagranicznej", email: "a.nowak@example.pl",
                                languages: ["pl", "en", "de"], partnershipId: p.id)
                try c.insert(db)
            }
            if let dortmund = try demoCity(2935517) {
                var c = Contact(name: "Büro für Städtepartnerschaften", role: "Stadt Dortmund", email: "partnerschaften@example.de",
                                languages: ["de", "en"], cityId: dortmund.id)
                try c.insert(db)
            }
        }
    }
}

import Foundation
import XCTest
import GRDB
import TwinningCore
import TwinningUI

/// A small register with names of every width: Latin with diacritics,
/// Polish, Greek and CJK, so golden screens prove columns line up.
public enum UIFixtures {
    public static let cities: [City] = [
        City(geonameId: 2934246, name: "Düsseldorf", asciiName: "Dusseldorf", countryCode: "DE", admin1Name: "North Rhine-Westphalia",
             latitude: 51.22, longitude: 6.78, population: 618685),
        City(geonameId: 2935517, name: "Dortmund", asciiName: "Dortmund", countryCode: "DE", admin1Name: "North Rhine-Westphalia",
             latitude: 51.51, longitude: 7.47, population: 588462, themes: ["youth", "climate"], strengths: ["structural change"],
             challenges: ["climate adaptation"], seekingPartners: true),
        City(geonameId: 3037854, name: "Amiens", asciiName: "Amiens", countryCode: "FR", admin1Name: "Hauts-de-France",
             latitude: 49.9, longitude: 2.3, population: 143086),
        City(geonameId: 3094802, name: "Kraków", asciiName: "Krakow", countryCode: "PL", admin1Name: "Lesser Poland Voivodeship",
             latitude: 50.06, longitude: 19.94, population: 816614),
        City(geonameId: 1850147, name: "東京", asciiName: "Tokyo", countryCode: "JP", admin1Name: "Tokyo", latitude: 35.69,
             longitude: 139.69, population: 8336599),
        City(geonameId: 264371, name: "Αθήνα", asciiName: "Athina", countryCode: "GR", admin1Name: "Attica", latitude: 37.98,
             longitude: 23.73, population: 664046),
        City(geonameId: 776029, name: "Ełk", asciiName: "Elk", countryCode: "PL", admin1Name: "Warmia-Masuria", latitude: 53.83,
             longitude: 22.36, population: 61677),
        City(geonameId: 2867543, name: "Münster", asciiName: "Muenster", countryCode: "DE", admin1Name: "North Rhine-Westphalia",
             latitude: 51.96, longitude: 7.63, population: 270184),
    ]

    /// A city whose stored name is hostile in ways the validation may let
    /// through (right-to-left text), for the robustness proofs.
    public static let hostileCity = City(geonameId: 281184, name: "القدس", asciiName: "Al Quds", countryCode: "PS",
                                         admin1Name: "East Jerusalem", latitude: 31.77, longitude: 35.23, population: 801000)

    /// Database with partnerships Dortmund–Amiens (with an event and a contact),
    /// Düsseldorf–Kraków, Dortmund–東京, Münster–Αθήνα (since 1982). Ełk stays outside the register.
    /// `hostile`: also `hostileCity`, partnered with Dortmund.
    public static func database(hostile: Bool = false) throws -> AppDatabase {
        // Set up as another session, so undo in a test only sees the test's own changes.
        let db = try AppDatabase.inMemory(actor: ChangeActor(user: "setup"))
        try db.write { d in for var city in cities + (hostile ? [hostileCity] : []) { try city.insert(d) } }
        func id(_ g: Int64) throws -> Int64 { try db.city(geonameId: g)!.id! }
        let amiens = try db.addPartnership(Partnership(between: id(2935517), and: id(3037854), since: PartialDate(year: 1960),
                                                       themes: ["youth"]))
        try db.addPartnership(Partnership(between: try id(2934246), and: try id(3094802), type: .friendship, status: .dormant))
        try db.addPartnership(Partnership(between: try id(2935517), and: try id(1850147), status: .proposed))
        try db.addPartnership(Partnership(between: try id(2867543), and: try id(264371), since: PartialDate(year: 1982)))
        if hostile { try db.addPartnership(Partnership(between: try id(2935517), and: try id(hostileCity.geonameId!))) }
        try db.addEvent(Event(partnershipId: amiens.id!, title: "Jugendbegegnung", kind: .youth_exchange,
                              startDate: PartialDate.parse("2025-07-14")!, participants: 38, youth: 31))
        try db.addContact(Contact(name: "Claire Dubois", role: "présidente", partnershipId: amiens.id))
        return try db.session(as: ChangeActor(user: "test"))
    }

    /// A fresh folder for saved weight profiles: a test never writes into the user's ~/.config.
    public static func scratchWeights() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("twinning-weights-\(UUID().uuidString)")
    }

    /// A state as the program shows it after start, with data and the first detail loaded.
    /// - Parameter abroadOnly: the program's default; false here (home country
    ///   included) because the fixture's candidates are half German and most
    ///   tests are about something else. `AbroadByDefaultTests` checks the default.
    public static func state(size: Size = Size(rows: 24, columns: 80), language: Language = .en, home: Int64? = 2935517,
                             abroadOnly: Bool = false) throws
        -> (AppState, EffectRunner) {
        let db = try database()
        let runner = EffectRunner(database: db, config: UserConfig(), weightsDirectory: scratchWeights())
        var state = AppState(size: size, language: language)
        state.matches.filters.leaveOutHomeCountry = abroadOnly
        state.today = PartialDate(year: 2026, month: 5, day: 20)!
        if let home { state.homeCityId = try db.city(geonameId: home)?.id }
        run(&state, runner, [.loadData(select: nil)])
        return (state, runner)
    }

    /// Performs effects the way the app loop does, until none are left.
    public static func run(_ state: inout AppState, _ runner: EffectRunner, _ effects: [Effect]) {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if effect == .quit || effect == .redraw { continue }
            for action in runner.perform(effect, language: state.language) { pending += reduce(&state, action) }
        }
    }

    public static func press(_ state: inout AppState, _ runner: EffectRunner, _ keys: Key...) {
        for key in keys { run(&state, runner, reduce(&state, .key(key))) }
    }

    public static func type(_ state: inout AppState, _ runner: EffectRunner, _ text: String) {
        for c in text { press(&state, runner, .char(c)) }
    }
}

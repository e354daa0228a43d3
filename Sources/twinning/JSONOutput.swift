import Foundation
import TwinningCore

/// The shapes `--format json` prints: stable, snake_case keys for scripts.
struct CityJSON: Encodable {
    let geonameid: Int64?
    let id: Int64?
    let name: String
    let region: String?
    let country: String
    let population: Int?
    let latitude: Double?
    let longitude: Double?
    let themes: [String]
    let strengths: [String]
    let challenges: [String]
    let notes: String
    let seeking_partners: Bool
    /// The other name a search matched ("Breslau" for Wrocław); absent otherwise.
    var matched_name: String?

    init(_ c: City, matchedName: String? = nil) {
        matched_name = matchedName
        geonameid = c.geonameId; id = c.id; name = c.name; region = c.admin1Name; country = c.countryCode
        population = c.population; latitude = c.latitude; longitude = c.longitude; themes = c.themes
        strengths = c.strengths; challenges = c.challenges; notes = c.notes; seeking_partners = c.seekingPartners
    }
}

struct CitySideJSON: Encodable {
    let geonameid: Int64?
    let name: String
    let country: String
    init(_ c: CitySummary) { geonameid = c.geonameId; name = c.name; country = c.countryCode }
}

struct PartnershipJSON: Encodable {
    let id: Int64
    let city_a: CitySideJSON
    let city_b: CitySideJSON
    let type: String
    let status: String
    let since: String?
    let until: String?
    let themes: [String]
    let notes: String
    let source: String
    let events: Int
    let last_event: String?

    init(_ d: PartnershipDetail) {
        id = d.id; city_a = CitySideJSON(d.cityA); city_b = CitySideJSON(d.cityB)
        type = d.partnership.type.rawValue; status = d.partnership.status.rawValue
        since = d.partnership.since?.iso; until = d.partnership.until?.iso; themes = d.partnership.themes
        notes = d.partnership.notes; source = d.partnership.source; events = d.eventCount; last_event = d.lastEvent?.iso
    }
}

struct EventJSON: Encodable {
    let id: Int64
    let partnership_id: Int64
    let city_a: CitySideJSON
    let city_b: CitySideJSON
    let title: String
    let kind: String
    let start: String
    let end: String?
    let direction: String
    let format: String
    let participants: Int?
    let youth: Int?
    let participants_by_country: [String: Int]
    let notes: String
    let project_id: Int64?

    init(_ d: EventDetail) {
        let e = d.event
        id = d.id; partnership_id = e.partnershipId; city_a = CitySideJSON(d.cityA); city_b = CitySideJSON(d.cityB)
        title = e.title; kind = e.kind.rawValue; start = e.startDate.iso; end = e.endDate?.iso
        direction = e.direction.rawValue; format = e.format.rawValue; participants = e.participants; youth = e.youth
        participants_by_country = e.participantsByCountry; notes = e.notes; project_id = e.projectId
    }
}

struct ContactJSON: Encodable {
    let name: String
    let role: String
    let email: String
    let phone: String
    let languages: [String]
    let notes: String
    init(_ c: Contact) {
        name = c.name; role = c.role; email = c.email; phone = c.phone; languages = c.languages; notes = c.notes
    }
}

import Foundation
import TwinningCore

/// Performs effects against the database and answers with actions. This is
/// the only part of the UI that does I/O; the main loop and the tests both use it.
public final class EffectRunner {
    public let database: AppDatabase
    public private(set) var config: UserConfig
    private var gazetteer: [CitySummary]?
    private var gazetteerIndex: NameIndex?
    private var revision = 0

    public init(database: AppDatabase, config: UserConfig) {
        self.database = database
        self.config = config
    }

    /// The home city from the settings (a GeoNames id, or "id:N" for a city a user added).
    public func homeCityId() -> Int64? {
        guard let value = config["home_city"] else { return nil }
        if value.hasPrefix("id:"), let id = Int64(value.dropFirst(3)) { return (try? database.city(id: id))??.id }
        if let geonameId = Int64(value) { return (try? database.city(geonameId: geonameId))??.id }
        return nil
    }

    public func loadData() throws -> AppData {
        if gazetteer == nil {
            let all = try database.allCitySummaries()
            gazetteer = all
            gazetteerIndex = NameIndex(keys: all.map(NameIndex.key(for:)))
        }
        var data = AppData()
        revision += 1
        data.revision = revision
        data.gazetteer = gazetteer!
        data.gazetteerIndex = gazetteerIndex!
        data.register = try database.registerCities().map(CitySummary.init)
        data.registerIndex = NameIndex(keys: data.register.map(NameIndex.key(for:)))
        data.partnerships = try database.partnerships()
        data.partnershipIndex = NameIndex(keys: data.partnerships.map {
            NameIndex.key(for: $0.cityA) + "\u{1}" + NameIndex.key(for: $0.cityB)
        })
        for p in data.partnerships {
            data.partnerCounts[p.cityA.id, default: 0] += 1
            data.partnerCounts[p.cityB.id, default: 0] += 1
        }
        return data
    }

    public func perform(_ effect: Effect, language: Language) -> [Action] {
        do {
            switch effect {
            case .loadData(let select):
                return [.dataLoaded(try loadData(), select: select)]
            case .loadCityDetail(let id):
                guard let city = try database.city(id: id) else { return [] }
                return [.cityDetailLoaded(CityDetail(
                    city: city, partners: try database.partnerships(PartnershipFilter(cityId: id)),
                    events: try database.events(EventFilter(cityId: id), limit: 5), contacts: try database.contacts(cityId: id)))]
            case .loadPartnershipInfo(let id):
                return [.partnershipInfoLoaded(PartnershipInfo(
                    partnershipId: id, events: try database.events(EventFilter(partnershipId: id), limit: 8),
                    contacts: try database.contacts(partnershipId: id)))]
            case .saveCity(let city):
                if city.id == nil {
                    let saved = try database.addCity(city)
                    gazetteer = nil // the new city must appear in pickers too
                    return [.saved(tr(.addedCity, language, saved.name), select: .city(saved.id!))]
                }
                let saved = try database.updateCity(city)
                return [.saved(tr(.savedCity, language, saved.name), select: .city(saved.id!))]
            case .savePartnership(let partnership):
                let isNew = partnership.id == nil
                let saved = isNew ? try database.addPartnership(partnership) : try database.updatePartnership(partnership)
                let detail = try database.partnership(id: saved.id!)
                let a = detail?.cityA.name ?? "", b = detail?.cityB.name ?? ""
                return [.saved(tr(isNew ? .addedPartnership : .savedPartnership, language, a, b), select: .partnership(saved.id!))]
            case .deletePartnership(let id):
                let detail = try database.partnership(id: id)
                let events = try database.removePartnership(id: id)
                return [.saved(tr(.deletedPartnership, language, detail?.cityA.name ?? "", detail?.cityB.name ?? "", String(events)), select: nil)]
            case .setHomeCity(let id):
                guard let city = try database.city(id: id) else { return [] }
                config["home_city"] = city.geonameId.map(String.init) ?? "id:\(id)"
                try config.save()
                return [.homeCitySaved(id)]
            case .redraw, .quit:
                return []
            }
        } catch let error as AppError {
            if case .conflict = error { return [.failed(tr(.conflictChanged, language), field: nil)] }
            if case .readOnly = error { return [.failed(tr(.readOnlyRefused, language), field: nil)] }
            if case .invalid(let validation) = error {
                return [.failed(tr(.errorPrefix, language, validation.description), field: FieldID(rawValue: validation.field) ?? (validation.field == "cities" ? .cityB : nil))]
            }
            return [.failed(tr(.errorPrefix, language, error.description), field: nil)]
        } catch let error as ValidationError {
            return [.failed(tr(.errorPrefix, language, error.description), field: FieldID(rawValue: error.field))]
        } catch {
            return [.failed(tr(.errorPrefix, language, "\(error)"), field: nil)]
        }
    }
}

import Foundation
import TwinningCore

/// A value read from the database on first use, then kept. `AppData` holds
/// its large lists in these so the first screen waits for none of them;
/// the reducer stays pure in what it computes (the value is the same
/// whenever it is read within one revision of the data).
final class Deferred<Value: Sendable>: @unchecked Sendable {
    /// Guards `stored` only, so asking whether the value is there never waits for a load.
    private let lock = NSLock()
    /// Held while loading: a second reader (the main thread while the
    /// background builds the value ahead) waits for that load instead of starting its own.
    private let loadLock = NSLock()
    private var stored: Value?
    private var load: (@Sendable () -> Value)?

    init(value: Value) { stored = value }
    init(_ load: @escaping @Sendable () -> Value) { self.load = load }

    var isLoaded: Bool {
        lock.lock(); defer { lock.unlock() }
        return stored != nil
    }

    private var loaded: Value? {
        lock.lock(); defer { lock.unlock() }
        return stored
    }

    var value: Value {
        if let value = loaded { return value }
        loadLock.lock(); defer { loadLock.unlock() }
        if let value = loaded { return value } // loaded by the other thread meanwhile
        lock.lock()
        let load = self.load!
        lock.unlock()
        let value = load()
        lock.lock()
        stored = value
        self.load = nil
        lock.unlock()
        return value
    }
}

/// The gazetteer with its filter index, other names and positions.
struct GazetteerLists: Sendable {
    var cities: [CitySummary] = []
    var index = NameIndex(keys: [])
    var otherNames: [Int64: [String]] = [:]
    var position: [Int64: Int] = [:]
    var countryCodes: Set<String> = []
}

/// The register's cities by name, and where each city id is among them.
struct RegisterLists: Sendable {
    var cities: [CitySummary]
    var position: [Int64: Int]
    /// Why the register could not be read after the first screen (the pane says so).
    var failure: Phrase?
    init(_ cities: [CitySummary], failure: Phrase? = nil) {
        self.cities = cities
        position = AppData.positions(cities)
        self.failure = failure
    }
}

/// The first page of a list as the first screen (the register) or the first
/// switch (Partnerships, Events) shows it, in the order the whole list will
/// have, while the whole list is read behind it; the pane's first key moves
/// in the whole list.
struct ListHead<Row: Sendable>: Sendable {
    var rows: [Row]
    /// How many rows the whole list has (the status line's count).
    var total: Int
    /// The home city the page leads with (a page for another home city is not used).
    var leading: Int64?

    /// Makes the page the pane's list, `keepId` selected (else the first
    /// row); false, changing nothing, when `keepId` is not on the page.
    func show(keepId: Int64?, id: (Row) -> Int64, visible: inout [Int], list: inout ListPosition, page: Int) -> Bool {
        var selection = 0
        if let keepId {
            guard let at = rows.firstIndex(where: { id($0) == keepId }) else { return false }
            selection = at
        }
        visible = Array(rows.indices)
        list.selection = min(selection, max(0, rows.count - 1))
        list.scroll = scrolled(list, page: page, count: rows.count)
        return true
    }
}

/// The register's filter index and each register city's key (the
/// partnership index reuses them: every city of a partnership is in it).
struct RegisterIndex: Sendable {
    var index: NameIndex
    var keys: [Int64: String]
}

struct PartnershipLists: Sendable {
    var partnerships: [PartnershipDetail] = []
    /// The filter index, made on the first filter keystroke (an empty filter lists the rows as read).
    var indexStore = Deferred(value: NameIndex(keys: []))
    var index: NameIndex {
        get { indexStore.value }
        set { indexStore = Deferred(value: newValue) }
    }
    /// Why the list could not be read (the pane says so instead of showing an empty list),
    /// said in the user's language when shown.
    var failure: Phrase?
}

struct EventLists: Sendable {
    var events: [EventDetail] = []
    var indexStore = Deferred(value: NameIndex(keys: []))
    var index: NameIndex {
        get { indexStore.value }
        set { indexStore = Deferred(value: newValue) }
    }
    var failure: Phrase?
}

/// Reads a list on first use; a failure becomes an empty list that carries
/// the error's text, so the pane can say what went wrong instead of looking
/// as if there were nothing. The next load of the data tries again.
func readOrFailure<Lists>(_ empty: Lists, _ failure: WritableKeyPath<Lists, Phrase?>, _ read: () throws -> Lists) -> Lists {
    do { return try read() } catch {
        var lists = empty
        lists[keyPath: failure] = Phrase(error)
        return lists
    }
}

extension NameIndex {
    /// As `key(for:otherNames:)`, from other names already folded (`city_name.key`).
    public static func key(for city: CitySummary, foldedOtherNames: [String]) -> String {
        var parts = [city.searchKey]
        if !city.asciiKey.isEmpty && city.asciiKey != city.searchKey { parts.append(city.asciiKey) }
        for folded in foldedOtherNames where !folded.isEmpty && !parts.contains(folded) { parts.append(folded) }
        return parts.joined(separator: "\u{1}")
    }
}

/// A value per city id from the database, remembered: a city outside the
/// register while the gazetteer is not read (the title bar asks for the home
/// city on every frame), a row's partner count before all counts are read.
final class LookupCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let read: @Sendable (Int64) -> Value
    private var found: [Int64: Value] = [:]

    init(_ read: @escaping @Sendable (Int64) -> Value) { self.read = read }

    func value(id: Int64) -> Value {
        lock.lock(); defer { lock.unlock() }
        if let known = found[id] { return known }
        let value = read(id)
        found[id] = value
        return value
    }
}

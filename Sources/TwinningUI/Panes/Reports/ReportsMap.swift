import Foundation
import TwinningCore

/// Where the map looks, and how degrees become braille dots.
public enum MapGeometry {
    /// The map's drawing area: the body of the screen below its title line.
    static func canvas(_ state: AppState) -> (row: Int, rows: Int, columns: Int) {
        let layout = Layout(state.size)
        let row = layout.list.row + 1
        return (row, max(1, layout.statusRow - row), state.size.columns)
    }

    /// The cities whose links the map draws: (from, to) pairs with coordinates.
    static func links(_ state: AppState) -> [(CitySummary, CitySummary)] {
        if state.reports.all, let country = state.homeCity?.countryCode {
            return state.data.partnerships.filter { $0.cityA.countryCode == country || $0.cityB.countryCode == country }
                .map { $0.cityA.countryCode == country ? ($0.cityA, $0.cityB) : ($0.cityB, $0.cityA) }
        }
        guard let home = state.homeCityId else { return [] }
        return state.data.partnerships.filter { $0.partnership.involves(home) }.map { $0.sides(from: home) }
    }

    /// A view that shows every linked city, with a margin.
    public static func fit(_ state: AppState) -> MapView {
        var points: [(Double, Double)] = []
        for (a, b) in links(state) {
            for c in [a, b] { if let lat = c.latitude, let lon = c.longitude { points.append((lat, lon)) } }
        }
        if let home = state.homeCity, let lat = home.latitude, let lon = home.longitude { points.append((lat, lon)) }
        guard let first = points.first else { return MapView() }
        var (minLat, maxLat, minLon, maxLon) = (first.0, first.0, first.1, first.1)
        for (lat, lon) in points {
            minLat = min(minLat, lat); maxLat = max(maxLat, lat); minLon = min(minLon, lon); maxLon = max(maxLon, lon)
        }
        let center = ((minLat + maxLat) / 2, (minLon + maxLon) / 2)
        let area = canvas(state)
        let dotsW = Double(area.columns * 2), dotsH = Double(area.rows * 4)
        let cosLat = max(0.2, cos(center.0 * .pi / 180))
        let forWidth = (maxLon - minLon) * 1.25
        let forHeight = (maxLat - minLat) * 1.25 * dotsW / (dotsH * cosLat)
        return MapView(centerLatitude: center.0, centerLongitude: center.1, spanLongitude: min(360, max(2, forWidth, forHeight)))
    }

    /// Dot coordinates of a place in a view on a canvas of `dotsW` × `dotsH`.
    static func dot(_ lat: Double, _ lon: Double, view: MapView, dotsW: Int, dotsH: Int) -> (Int, Int) {
        let perDotX = view.spanLongitude / Double(dotsW)
        let perDotY = perDotX * max(0.2, cos(view.centerLatitude * .pi / 180))
        let x = (lon - view.centerLongitude) / perDotX + Double(dotsW) / 2
        let y = (view.centerLatitude - lat) / perDotY + Double(dotsH) / 2
        return (Int(x.rounded(.down)), Int(y.rounded(.down)))
    }
}

/// A grid of braille cells, 2 × 4 dots each, in two layers: land (the
/// gazetteer's cities) and links (partnerships), so links can stand out.
struct BrailleCanvas {
    let columns: Int, rows: Int
    var land: [UInt8]
    var link: [UInt8]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        land = Array(repeating: 0, count: columns * rows)
        link = Array(repeating: 0, count: columns * rows)
    }

    /// The bit of dot (x, y) inside its cell, in Unicode's braille order.
    static func bit(_ dx: Int, _ dy: Int) -> UInt8 {
        let table: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        return table[dx][dy]
    }

    mutating func set(_ x: Int, _ y: Int, link isLink: Bool) {
        guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
        let index = (y / 4) * columns + x / 2
        let bit = BrailleCanvas.bit(x % 2, y % 4)
        if isLink { link[index] |= bit } else { land[index] |= bit }
    }

    /// Bresenham's line between two dots.
    mutating func line(from a: (Int, Int), to b: (Int, Int)) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var steps = 0
        while steps < 100_000 {
            set(x0, y0, link: true)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
            steps += 1
        }
    }

    func cell(_ column: Int, _ row: Int, ascii: Bool) -> (String, StyleRole)? {
        let index = row * columns + column
        let bits = land[index] | link[index]
        guard bits != 0 else { return nil }
        let role: StyleRole = link[index] != 0 ? .mapLink : .dim
        if ascii { return (link[index] != 0 ? "*" : ".", role) }
        return (String(Character(Unicode.Scalar(0x2800 + UInt32(bits))!)), role)
    }
}

func renderMap(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
    let language = state.language
    let area = MapGeometry.canvas(state)
    let view = state.reports.map ?? MapGeometry.fit(state)
    let title: String
    if state.reports.all, let country = state.homeCity?.countryCode {
        title = tr(.mapTitleCountry, language, country)
    } else if let home = state.homeCity {
        title = tr(.mapTitleCity, language, home.name)
    } else {
        screen.put(tr(.mapNoCoordinates, language), row: layout.list.row, col: 1, role: .statusWarning)
        return
    }
    screen.put(title + String(format: "  (%.0f°)", view.spanLongitude), row: layout.list.row, col: 1, role: .header,
               maxWidth: state.size.columns - 2)
    var canvas = BrailleCanvas(columns: area.columns, rows: area.rows)
    let dotsW = area.columns * 2, dotsH = area.rows * 4
    // Land: the gazetteer's cities as dots sketch the continents; zoomed out,
    // only the larger ones, so the partnership lines stay readable.
    let minimum = view.spanLongitude > 90 ? 100_000 : (view.spanLongitude > 30 ? 30_000 : 0)
    for city in state.data.gazetteer where (city.population ?? 0) >= minimum {
        guard let lat = city.latitude, let lon = city.longitude else { continue }
        let (x, y) = MapGeometry.dot(lat, lon, view: view, dotsW: dotsW, dotsH: dotsH)
        canvas.set(x, y, link: false)
    }
    let links = MapGeometry.links(state)
    var labels: [(CitySummary, (Int, Int), Bool)] = []
    for (from, to) in links {
        guard let la = from.latitude, let loa = from.longitude, let lb = to.latitude, let lob = to.longitude else { continue }
        let a = MapGeometry.dot(la, loa, view: view, dotsW: dotsW, dotsH: dotsH)
        let b = MapGeometry.dot(lb, lob, view: view, dotsW: dotsW, dotsH: dotsH)
        canvas.line(from: a, to: b)
        labels.append((to, b, false))
        if !labels.contains(where: { $0.0.id == from.id }) { labels.append((from, a, from.id == state.homeCityId)) }
    }
    for row in 0..<area.rows {
        for column in 0..<area.columns {
            if let (text, role) = canvas.cell(column, row, ascii: state.asciiOnly) {
                screen.put(text, row: area.row + row, col: column, role: role)
            }
        }
    }
    // Labels where there is room: the home city first, then larger partners.
    var taken = Set<Int>()
    let ordered = labels.sorted { ($0.2 ? 0 : 1, -($0.0.population ?? 0)) < ($1.2 ? 0 : 1, -($1.0.population ?? 0)) }
    for (city, dot, isHome) in ordered {
        let row = dot.1 / 4, column = dot.0 / 2 + 1
        let text = isHome ? (state.asciiOnly ? "@ " : "● ") + city.name : city.name
        let width = DisplayWidth.of(text)
        guard row >= 0, row < area.rows, column >= 0, column + width < area.columns else { continue }
        let cells = (column..<(column + width + 1)).map { row * area.columns + $0 }
        guard !cells.contains(where: taken.contains) else { continue }
        cells.forEach { taken.insert($0) }
        screen.put(text, row: area.row + row, col: column, role: isHome ? .homeCity : .normal)
    }
    screen.cursor = Position(row: layout.list.row, col: 1)
}

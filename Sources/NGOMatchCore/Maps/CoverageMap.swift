/// The 34 units coloured by one measure of what nobody serves, for ministry staff: which
/// provinces have many needs, needs no NGO may take, large unmet funding, or few NGOs per need.
package struct CoverageMap: Encodable, Sendable {
    package enum Measure: String, CaseIterable, Codable, Sendable {
        /// Open needs.
        case openNeeds
        /// Open needs that no NGO may take (every NGO is removed by a hard filter).
        case unservedNeeds
        /// The funding gaps of the open needs, in USD.
        case fundingGap
        /// Distinct NGOs that may take at least one open need, per open need: fewer is worse.
        case ngosPerNeed

        /// Whether a larger figure is a larger concern (and so a darker colour).
        package var largerIsWorse: Bool { self != .ngosPerNeed }
    }

    package struct Unit: Encodable, Hashable, Sendable {
        package let id: String
        package let name: String
        package let code: String
        /// nil when the measure does not apply (no open needs, for NGOs per need).
        package let value: Double?
        /// The colour class, 0 the lightest; nil without a value.
        package let colourClass: Int?
        /// The figure as people read it ("3 open needs").
        package let label: String
    }

    /// One class of the legend: figures from `from` to `to`.
    package struct ColourClass: Encodable, Hashable, Sendable {
        package let index: Int
        package let from: Double
        package let to: Double
        package let colour: String
        package let label: String
    }

    package let measure: Measure
    package let sector: String?
    package let classes: [ColourClass]
    package let units: [Unit]

    /// Light to dark, readable by people with the common colour-vision deficiencies (ColorBrewer OrRd).
    package static let palette = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]
    package static let noValueColour = "#d9d9d9"

    /// - Parameters:
    ///   - values: each unit's figure; nil where the measure does not apply.
    ///   - label: a figure in words, in the reader's language ("3 open needs").
    ///   - figure: the figure alone ("3").
    package init(
        measure: Measure, sector: String?, units: [(id: String, name: String, code: String, value: Double?)],
        label: (Double) -> String, figure: (Double) -> String, noValue: String, range: (Double, Double) -> String
    ) {
        self.measure = measure
        self.sector = sector
        let groups = Self.classes(units.compactMap(\.value))
        // Beside ranges ("2.0 to 3.0"), a class of one figure shows the figure alone.
        let ranged = groups.contains { $0.from != $0.to }
        classes = groups.enumerated().map { index, group in
            let shade = measure.largerIsWorse ? index : groups.count - 1 - index
            let step = groups.count > 1 ? shade * (Self.palette.count - 1) / (groups.count - 1) : Self.palette.count / 2
            return ColourClass(
                index: index, from: group.from, to: group.to, colour: Self.palette[step],
                label: group.from != group.to
                    ? range(group.from, group.to) : ranged ? figure(group.from) : label(group.from))
        }
        let classes = self.classes
        self.units = units.map { unit in
            let found = unit.value.flatMap { value in classes.lastIndex { $0.from <= value } }
            return Unit(
                id: unit.id, name: unit.name, code: unit.code, value: unit.value, colourClass: found,
                label: unit.value.map(label) ?? noValue)
        }
    }

    /// At most five classes of the figures that occur, each from its smallest to its largest
    /// figure, with about as many units in each: a few distinct figures get a class each.
    static func classes(_ values: [Double]) -> [(from: Double, to: Double)] {
        let distinct = Array(Set(values)).sorted()
        if distinct.count <= 5 { return distinct.map { ($0, $0) } }
        let sorted = values.sorted()
        var groups: [(from: Double, to: Double)] = []
        var start = 0
        for step in 1...5 {
            let end =
                step == 5
                ? distinct.count : distinct.firstIndex { $0 >= sorted[sorted.count * step / 5] } ?? distinct.count
            guard end > start else { continue }
            groups.append((distinct[start], distinct[end - 1]))
            start = end
        }
        return groups
    }

    package func colour(of unit: Unit) -> String {
        unit.colourClass.map { classes[$0].colour } ?? Self.noValueColour
    }

    /// The map as SVG: a path per unit with its name and figure as a tooltip, and the legend.
    /// - Parameters:
    ///   - link: where a unit's shape leads (nil in a standalone file).
    ///   - escape: makes a text safe in XML.
    package func svg(
        shapes: ProvinceShapes, title: String, legendTitle: String, attribution: String,
        link: ((Unit) -> String)? = nil, escape: (String) -> String
    ) -> String {
        let legendHeight = 22 * (classes.count + 2) + 30
        let height = max(shapes.height, legendHeight)
        var svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(shapes.width) \#(height)" role="img""#
            + #" aria-labelledby="map-title" class="coverage-map"><title id="map-title">\#(escape(title))</title>"#
        for unit in units {
            guard let path = shapes.paths[unit.code] else { continue }
            let shape =
                ##"<path d="\##(path)" fill="\##(colour(of: unit))" stroke="#ffffff" stroke-width="0.6" data-unit="\##(escape(unit.id))""##
                + #" data-class="\#(unit.colourClass.map(String.init) ?? "none")"><title>\#(escape("\(unit.name): \(unit.label)"))</title></path>"#
            if let link {
                svg +=
                    #"<a href="\#(escape(link(unit)))" aria-label="\#(escape("\(unit.name): \(unit.label)"))">\#(shape)</a>"#
            } else {
                svg += shape
            }
        }
        // The legend sits in the open sea east of the north, clear of the islands; a long title
        // takes two lines.
        let x = shapes.width - 290
        let titleLines = PlainText.wrapped(legendTitle, width: 38)
        svg += #"<g class="legend" font-family="sans-serif" font-size="13">"#
        for (row, line) in titleLines.enumerated() {
            svg += #"<text x="\#(x)" y="\#(20 + row * 16)" font-weight="bold">\#(escape(line))</text>"#
        }
        let top = 20 + titleLines.count * 16 - 8
        var entries = classes.map { (colour: $0.colour, label: $0.label) }
        if units.contains(where: { $0.colourClass == nil }) {
            entries.append((Self.noValueColour, units.first { $0.colourClass == nil }!.label))
        }
        for (row, entry) in entries.enumerated() {
            let y = top + row * 22
            svg +=
                ##"<rect x="\##(x)" y="\##(y)" width="18" height="14" fill="\##(entry.colour)" stroke="#666666" stroke-width="0.5"/>"##
                + #"<text x="\#(x + 26)" y="\#(y + 12)">\#(escape(entry.label))</text>"#
        }
        svg += ##"<text x="4" y="\##(height - 6)" font-size="10" fill="#555555">\##(escape(attribution))</text>"##
        return svg + "</g></svg>"
    }
}

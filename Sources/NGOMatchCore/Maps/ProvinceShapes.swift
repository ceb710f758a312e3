/// The 34 units' boundaries as SVG paths in one view box, keyed by the units' GSO codes
/// (made by scripts/build-map.py from public, MIT-licensed boundaries).
package struct ProvinceShapes: Sendable {
    /// `0 0 600 643`.
    package let viewBox: String
    package let width: Int
    package let height: Int
    /// The path's `d` by unit code.
    package let paths: [String: String]

    /// - Parameter text: the embedded `map.tsv`: a `viewBox` line, then `code<TAB>path` lines.
    package init(_ text: String) {
        var viewBox = "0 0 600 643"
        var paths: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2 else { continue }
            if fields[0] == "viewBox" { viewBox = fields[1] } else { paths[fields[0]] = fields[1] }
        }
        self.viewBox = viewBox
        let size = viewBox.split(separator: " ").compactMap { Int($0) }
        width = size.count == 4 ? size[2] : 600
        height = size.count == 4 ? size[3] : 643
        self.paths = paths
    }
}

/// A typed identifier: a province id cannot be passed where an NGO id is expected.
///
/// Identifiers are ASCII slugs such as `cao-bang` or `health.maternal-child`.
package struct Identifier<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    package let rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package var description: String { rawValue }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Identifier: Codable {
    package init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

package enum ProvinceTag {}
package enum RegionTag {}
package enum SectorTag {}
package enum NeedTag {}
package enum NGOTag {}

package typealias ProvinceID = Identifier<ProvinceTag>
package typealias RegionID = Identifier<RegionTag>
package typealias SectorID = Identifier<SectorTag>
package typealias NeedID = Identifier<NeedTag>
package typealias NGOID = Identifier<NGOTag>

/// A typed identifier: a province id cannot be passed where an NGO id is expected.
///
/// Identifiers are ASCII slugs such as `cao-bang` or `health.maternal-child`.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Identifier: Codable {
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public enum ProvinceTag {}
public enum RegionTag {}
public enum SectorTag {}
public enum NeedTag {}
public enum NGOTag {}

public typealias ProvinceID = Identifier<ProvinceTag>
public typealias RegionID = Identifier<RegionTag>
public typealias SectorID = Identifier<SectorTag>
public typealias NeedID = Identifier<NeedTag>
public typealias NGOID = Identifier<NGOTag>

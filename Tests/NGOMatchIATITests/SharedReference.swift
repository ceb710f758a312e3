import Foundation

/// The public reference data kept beside the repository (`../shared/reference`), as CI has it:
/// real IATI files are read from there rather than copied into the repository, as their
/// publishers' licences are not yet recorded.
enum SharedReference {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference")

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }
}

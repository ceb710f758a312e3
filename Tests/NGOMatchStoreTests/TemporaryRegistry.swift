import Foundation
import NGOMatchStore

/// A registry in a fresh temporary folder, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ngomatch-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

extension Registry {
    static func temporary(_ folder: TemporaryFolder, _ name: String = "registry.sqlite", seeding: Seeding = .demo)
        throws -> Registry
    {
        try open(at: folder.path(name), seeding: seeding).registry
    }
}

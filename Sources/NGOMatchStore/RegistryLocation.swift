import Foundation

/// Where the registry lives: `--db PATH`, else `$NGOMATCH_DB`, else the user's
/// data folder (`$XDG_DATA_HOME/ngomatch`, by default `~/.local/share/ngomatch`).
package enum RegistryLocation {
    package static func path(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["NGOMATCH_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/ngomatch/registry.sqlite"
    }
}

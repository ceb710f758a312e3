import Foundation

/// libpq's password file: `PGPASSFILE`, else `~/.pgpass`; lines of
/// `hostname:port:database:username:password`, `*` matching anything, `\:` and `\\` escaped.
package enum PasswordFile {
    package static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["PGPASSFILE"], !explicit.isEmpty { return explicit }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
    }

    /// The password for `location`, or nil when the file is absent or has no line for it.
    package static func password(
        for location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PostgresLocationError) -> String? {
        let path = path(environment: environment)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        let mode = (attributes[.posixPermissions] as? Int) ?? 0
        if mode & 0o077 != 0 { throw .passwordFileOpen(path: path, mode: String(mode, radix: 8)) }
        // A socket connection is matched as `localhost`, as libpq matches one in the default folder.
        let hosts = location.isSocket ? [location.host, "localhost"] : [location.host]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.fields(of: Substring(line))
            guard fields.count == 5 else { continue }
            func matches(_ field: String, _ values: [String]) -> Bool { field == "*" || values.contains(field) }
            if matches(fields[0], hosts), matches(fields[1], [String(location.port)]),
                matches(fields[2], [location.database]), matches(fields[3], [location.user])
            {
                return fields[4]
            }
        }
        return nil
    }

    static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":", fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}

import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// Opens connections to a PostgreSQL location, and says what went wrong in words rather than
/// as postgres-nio's guarded descriptions.
package enum PostgresConnector {
    static let logger: Logger = {
        // The driver's own notes are not the user's business; its errors reach them as errors.
        var logger = Logger(label: "ngomatch.postgres")
        logger.logLevel = .error
        return logger
    }()

    package static func configuration(
        _ location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresConnection.Configuration {
        let password = try PasswordFile.password(for: location, environment: environment)
        if location.isSocket {
            return PostgresConnection.Configuration(
                unixSocketPath: location.host + "/.s.PGSQL.\(location.port)", username: location.user,
                password: password, database: location.database)
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch location.tls {
        // libpq checks no certificate below verify-ca: the TLS only hides the traffic.
        case .disable, .allow, .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = location.rootCertificate { tls.trustRoots = .file(root) }
        let mode: PostgresConnection.Configuration.TLS =
            switch location.tls {
            case .disable: .disable
            case .allow, .prefer: .prefer(try NIOSSLContext(configuration: tls))
            case .require, .verifyCA, .verifyFull: .require(try NIOSSLContext(configuration: tls))
            }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: password,
            database: location.database, tls: mode)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// Runs `body` on one connection, closed when it returns.
    package static func withConnection<Result>(
        _ location: PostgresLocation, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try configuration(location), id: 1, logger: logger)
            do {
                let result = try await body(connection)
                try? await connection.close()
                return result
            } catch {
                try? await connection.close()
                throw error
            }
        } catch let error as PSQLError {
            throw PostgresStoreError(error, location: location)
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws,
    /// with the body's own error passed on as it was.
    package static func inTransaction<Result>(
        _ connection: PostgresConnection, _ begin: PostgresQuery = "BEGIN",
        _ body: () async throws -> Result
    ) async throws -> Result {
        try await connection.query(begin, logger: logger)
        do {
            let result = try await body()
            try await connection.query("COMMIT", logger: logger)
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}

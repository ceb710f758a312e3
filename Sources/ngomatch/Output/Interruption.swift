import Foundation
import NGOMatchCore

/// What a command that is not a server does on SIGINT or SIGTERM: says so and ends at once,
/// with 128 + the signal's number as a shell reports it.
///
/// Every change is one SQLite transaction, so one cut short is rolled back by the next open and
/// nothing half-written remains. The process leaves by `_exit`: `exit` would run the exit
/// handlers while another thread may still be inside SQLite, the crash issue 34 found.
enum Interruption {
    /// The message, made before any signal arrives: a handler may only write bytes.
    nonisolated(unsafe) private static var message: [UInt8] = []

    static func endCleanly(language: Language) {
        message = Array((Messages.text("cli.interrupted", language) + "\n").utf8)
        // A parent may have started this process with them blocked (a blocked signal is inherited).
        var handled = sigset_t()
        sigemptyset(&handled)
        sigaddset(&handled, SIGINT)
        sigaddset(&handled, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &handled, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                Interruption.message.withUnsafeBytes { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
                _exit(128 + received)
            }
        }
    }
}

import ChildProcessStart
import Foundation

extension Process {
    /// The longest a server or client child may live in a test: longer than any suite, so only a
    /// hang meets it, and then the test fails instead of waiting for CI's own limit.
    static let childLimitSeconds: Double = 600

    /// Starts the child and kills it (SIGKILL) if it is still running after `seconds`: a test
    /// blocked on a child's pipe or exit returns once the child is gone.
    func run(killedAfter seconds: Double = Process.childLimitSeconds) throws {
        try startAlone()
        let pid = processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            if isRunning && processIdentifier == pid { kill(pid, SIGKILL) }
        }
    }

    /// Clock ticks of CPU the child has used (user and system, /proc/PID/stat): readiness on
    /// the child's own clock, where a sleep would race a busy machine.
    var cpuTicks: Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(processIdentifier)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        // After the name: state is field 3, so utime (14) and stime (15) are the 12th and 13th here.
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }

    /// Waits until the child has spent `ticks` more of CPU than `start` (it is at work on what it
    /// was sent), or has ended, or `seconds` have passed; whether it got there.
    @discardableResult
    func waitForWork(beyond start: Int, ticks: Int, seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline {
            if cpuTicks - start >= ticks { return true }
            usleep(2_000)
        }
        return false
    }
}

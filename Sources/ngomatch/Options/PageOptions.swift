import ArgumentParser
import Foundation
import NGOMatchService

/// Paging for list commands: a page at a time for a person at a terminal, everything for a
/// program or a file.
struct PageOptions: ParsableArguments {
    @Option(
        help: "How many to list, 1–1000 (default: 50 in a terminal, all when the output goes to a program or file).")
    var limit: Int?

    @Option(help: "Continue after this point: the cursor printed below the previous page.")
    var after: String?

    @Flag(help: "List everything, even in a terminal.")
    var all = false

    static let terminalPage = 50

    /// The limit to ask the operation for, given where the output goes.
    func limit(for output: OutputOptions) -> Int? {
        if all { return nil }
        if let limit { return limit }
        return output.format == .table && isatty(1) == 1 ? Self.terminalPage : nil
    }

    /// Says on stderr how far the list goes and how to see more, when there is more.
    func footer<Item>(_ page: Page<Item>, command: String) {
        guard let next = page.next else { return }
        Terminal.say("cli.pageFooter", page.items.count, page.total, command, next)
    }
}

import Foundation
import FoundationXML
import NGOMatchCore

/// Reads the activities of an IATI activity file (1.0x to 2.03) one at a time, as the XML
/// parser streams through it: a file of hundreds of megabytes is read in the memory of one
/// activity. Nothing is fetched: DTDs are refused and entities are never resolved.
package enum IATIReader {
    /// Calls `each` with every activity of the file at `path`, in file order.
    /// - Parameter name: what messages call the file (its name as the user gave it).
    package static func read(path: String, name: String, _ each: (IATIActivity) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IATIReadError(file: name, line: 0, column: 0, problem: .key("iati.cannotRead"))
        }
        let head = (try? handle.read(upToCount: IATIProlog.longest)) ?? Data()
        try? handle.close()
        try refuseDoctype(head, name: name)
        guard let stream = InputStream(fileAtPath: path) else {
            throw IATIReadError(file: name, line: 0, column: 0, problem: .key("iati.cannotRead"))
        }
        try parse(XMLParser(stream: stream), name: name, each)
    }

    /// The same for a file already in memory (an upload).
    package static func read(bytes: [UInt8], name: String, _ each: (IATIActivity) throws -> Void) throws {
        try refuseDoctype(bytes.prefix(IATIProlog.longest), name: name)
        try parse(XMLParser(data: Data(bytes)), name: name, each)
    }

    private static func refuseDoctype(_ head: some Collection<UInt8>, name: String) throws {
        if let (line, problem) = IATIProlog.problem(head) {
            throw IATIReadError(file: name, line: line, column: 1, problem: problem)
        }
    }

    private static func parse(_ parser: XMLParser, name: String, _ each: (IATIActivity) throws -> Void) throws {
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        try withoutActuallyEscaping(each) { each in
            let builder = IATIActivityBuilder(file: name, each: each)
            parser.delegate = builder
            let parsed = parser.parse()
            if let failure = builder.failure { throw failure }
            if !parsed || parser.parserError != nil {
                let code = parser.parserError.map { ($0 as NSError).code } ?? 0
                throw IATIReadError(
                    file: name, line: parser.lineNumber, column: parser.columnNumber,
                    activity: builder.activity?.identifier, element: builder.path.last,
                    problem: .key("iati.malformed", Phrase.key("iati.fault.other", code)))
            }
            guard builder.sawRoot else {
                throw IATIReadError(file: name, line: 1, column: 1, problem: .key("iati.notActivities"))
            }
        }
    }
}

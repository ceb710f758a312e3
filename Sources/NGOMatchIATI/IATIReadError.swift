import NGOMatchCore

/// Why an IATI file could not be read, and where: the file, line and column, the activity
/// being read and the element, with what to do about it.
package struct IATIReadError: Error, Hashable, Sendable, Readable, CustomStringConvertible {
    package let file: String
    package let line: Int
    package let column: Int
    /// The `iati-identifier` of the activity being read, once known.
    package let activity: String?
    package let element: String?
    package let problem: Phrase

    package init(file: String, line: Int, column: Int, activity: String? = nil, element: String? = nil, problem: Phrase)
    {
        self.file = file
        self.line = line
        self.column = column
        self.activity = activity
        self.element = element
        self.problem = problem
    }

    /// "file.xml line 12, column 4, activity GB-1-1, <sector>: …"
    package var phrase: Phrase {
        var place: [Phrase] = [.key("iati.at", file, line, column)]
        if let activity { place.append(.key("iati.inActivity", activity)) }
        if let element { place.append(.verbatim("<\(element)>")) }
        return .sequence([.joined(place, separator: ", "), .verbatim(": "), problem])
    }

    package var description: String { text(.en) }
}

/// Text from users shown where control characters would act instead of show.
public enum PlainText {
    /// The text with control characters (terminal escapes, newlines, bells) turned into spaces.
    public static func clean(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}

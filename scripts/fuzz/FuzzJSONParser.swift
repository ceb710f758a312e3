// libFuzzer target: the JSON reader every protocol line and file goes through.
// Built and run by scripts/fuzz.sh; not part of the package's normal build.
import NGOMatchCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let value = try? JSONParser.parse(bytes, maximumDepth: 64) else { return 0 }
    // Whatever is read must write back to JSON that reads as the same value.
    let written = StreamingJSONEncoder.bytes(of: value)
    guard let again = try? JSONParser.parse(written, maximumDepth: 65), again == value else {
        fatalError("round trip changed \(String(decoding: bytes, as: UTF8.self).prefix(200))")
    }
    return 0
}

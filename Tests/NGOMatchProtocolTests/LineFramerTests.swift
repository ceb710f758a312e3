import NGOMatchProtocol
import Testing

@Suite(.timeLimit(.minutes(10)))
struct LineFramerTests {
    @Test func splitsLinesAcceptsCRLFAndSkipsEmptyLines() {
        var framer = LineFramer(maximumLength: 100)
        let frames = framer.feed(Array("one\r\n\n\ntwo\nthr".utf8))
        #expect(frames == [.line(Array("one".utf8)), .line(Array("two".utf8))])
        #expect(framer.feed(Array("ee\n".utf8)) == [.line(Array("three".utf8))])
        #expect(framer.finish() == nil)
    }

    @Test func aLineOverTheLimitIsReportedOnceDiscardedAndTheStreamGoesOn() {
        var framer = LineFramer(maximumLength: 10)
        var frames = framer.feed(Array(repeating: UInt8(ascii: "x"), count: 8))
        frames += framer.feed(Array(repeating: UInt8(ascii: "x"), count: 8))
        frames += framer.feed(Array(repeating: UInt8(ascii: "x"), count: 1000))
        frames += framer.feed(Array("x\nok\n".utf8))
        #expect(frames == [.tooLong, .line(Array("ok".utf8))])
    }

    @Test func aLastLineWithoutANewlineIsKept() {
        var framer = LineFramer()
        #expect(framer.feed(Array("{\"a\":1}".utf8)).isEmpty)
        #expect(framer.finish() == .line(Array("{\"a\":1}".utf8)))
    }

    @Test func byteByByteFeedingGivesTheSameFrames() {
        var whole = LineFramer(maximumLength: 5)
        var pieces = LineFramer(maximumLength: 5)
        let input = Array("ab\r\ncdefghij\nk\n\nlmno\n".utf8)
        let expected = whole.feed(input)
        var got: [LineFramer.Frame] = []
        for byte in input { got += pieces.feed([byte]) }
        #expect(got == expected)
        #expect(expected == [.line(Array("ab".utf8)), .tooLong, .line(Array("k".utf8)), .line(Array("lmno".utf8))])
    }
}

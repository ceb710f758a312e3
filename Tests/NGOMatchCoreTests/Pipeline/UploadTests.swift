import Foundation
import NGOMatchCore
import Testing

/// What a dossier keeps: documents of its types, within the size limit, whose bytes start as
/// their type's do, under a plain name.
struct UploadTests {
    let pdf = Array("%PDF-1.7\n1 0 obj\n".utf8)

    @Test func aPDFIsKeptUnderItsName() throws {
        let document = try UploadedDocument(fileName: "Văn kiện dự án.pdf", bytes: pdf)
        #expect(document.fileName == "Văn kiện dự án.pdf")
        #expect(document.contentType == "application/pdf")
    }

    @Test func pathsAreCutToTheFileName() throws {
        #expect(try UploadedDocument(fileName: "../x.pdf", bytes: pdf).fileName == "x.pdf")
        #expect(try UploadedDocument(fileName: "C:\\Users\\a\\..\\b.pdf", bytes: pdf).fileName == "b.pdf")
        #expect(try UploadedDocument(fileName: "a\r\nSet-Cookie: x.pdf", bytes: pdf).fileName == "aSet-Cookie x.pdf")
        // `../x` has no extension left to say what it is: refused, never written anywhere.
        #expect(throws: UploadProblem.self) { _ = try UploadedDocument(fileName: "../x", bytes: pdf) }
    }

    @Test func htmlPosingAsPDFIsRefused() {
        do {
            _ = try UploadedDocument(fileName: "report.pdf", bytes: Array("<html><script>x</script>".utf8))
            Issue.record("HTML named .pdf was accepted")
        } catch {
            #expect(error.text(.en).contains("does not look like a PDF"))
        }
    }

    @Test func wrongTypesEmptyAndOversizedFilesAreRefused() {
        #expect(throws: UploadProblem.self) { _ = try UploadedDocument(fileName: "page.html", bytes: pdf) }
        #expect(throws: UploadProblem.self) { _ = try UploadedDocument(fileName: "empty.pdf", bytes: []) }
        let big = pdf + [UInt8](repeating: 0x20, count: UploadedDocument.maximumBytes)
        do {
            _ = try UploadedDocument(fileName: "big.pdf", bytes: big)
            Issue.record("an oversized file was accepted")
        } catch {
            #expect(error.text(.en).contains("at most 10 MB"))
        }
    }
}

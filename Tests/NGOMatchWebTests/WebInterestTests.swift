import Foundation
import HTTPTypes
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

@testable import NGOMatchWeb

/// Interest and the pipeline through the web app, each role signed in with a token of its own:
/// an NGO says it can help, another NGO cannot read it, the province accepts and then sees the
/// NGO's contact, uploads are checked and served only as downloads, and the ministry reads the figures.
@Suite(.timeLimit(.minutes(5)))
struct WebInterestTests {
    @Test func anNGOOffersHelpAndTheProvinceAcceptsAndBuildsTheDossier() async throws {
        let fixture = try WebFixture(auth: true)
        let mcnv = try fixture.token(.ngo(NGOID("mcnv")))
        let wwf = try fixture.token(.ngo(try fixture.service.registry.ngo(named: "WWF").id))
        let province = try fixture.token(.province(ProvinceID("cao-bang")))
        let ministry = try fixture.token(.ministry)
        let contact = try #require(try fixture.service.registry.ngo(named: "MCNV").contact?.email)

        try await fixture.browse { browser in
            try await browser.signIn(token: mcnv)
            let need = try await browser.get("/needs/cao-bang-1")
            #expect(need.html.contains("action=\"/interest\"") && need.html.contains("We can help"))
            let sent = try await browser.post(
                "/interest",
                [
                    ("need", "cao-bang-1"), ("message", "We run maternal health programmes <b>here</b>."),
                    ("amount", "250,000"),
                ])
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/interest/1")
            let page = try await browser.get("/interest/1")
            #expect(page.html.contains("We run maternal health programmes &lt;b&gt;here&lt;/b&gt;."))
            #expect(
                !page.html.contains("/interest/1/answer\" class=\"record-form\""), "the NGO does not answer its own")
            // Once sent, the need's page no longer offers to send it again.
            #expect(try await !browser.get("/needs/cao-bang-1").html.contains("action=\"/interest\""))
        }
        try await fixture.browse { browser in
            try await browser.signIn(token: wwf)
            #expect(try await browser.get("/interest/1").status == .forbidden)
            #expect(try await browser.get("/pipeline/cao-bang-1/mcnv").status == .forbidden)
            #expect(try await !browser.get("/interest").html.contains("/interest/1"))
        }
        try await fixture.browse { browser in
            try await browser.signIn(token: province)
            let list = try await browser.get("/interest")
            #expect(list.html.contains("href=\"/interest/1\""))
            let before = try await browser.get("/interest/1")
            #expect(before.html.contains("Accept") && !before.html.contains(contact))
            let accepted = try await browser.post("/interest/1/answer", [("answer", "accept")])
            #expect(accepted.status == .seeOther)
            let after = try await browser.get("/interest/1")
            #expect(after.html.contains("mailto:\(contact)"))
            #expect(after.html.contains("href=\"/pipeline/cao-bang-1/mcnv\">Interested<"))

            let pair = "/pipeline/cao-bang-1/mcnv"
            // HTML named .pdf is refused, and nothing is kept.
            try await browser.get(pair)
            _ = try await browser.upload(
                "\(pair)/items/project-document", [],
                files: [("document", "project.pdf", "<html><script>alert(1)</script></html>")])
            let refused = try await browser.get(pair)
            #expect(refused.html.contains("does not look like a PDF"))
            #expect(try await browser.get("\(pair)/items/project-document").status == .notFound)
            // A real PDF under a name with a path in it is kept under its last part.
            let pdf = "%PDF-1.4\n% ngomatch test\n"
            _ = try await browser.upload(
                "\(pair)/items/project-document", [], files: [("document", "../../etc/Văn kiện.pdf", pdf)])
            let kept = try await browser.get(pair)
            #expect(kept.html.contains(">Văn kiện.pdf<"))
            let download = try await browser.get("\(pair)/items/project-document")
            #expect(download.status == .ok && download.bytes == Array(pdf.utf8))
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(download.headers[.contentDisposition]?.contains("../") == false)
            #expect(download.headers[.xContentTypeOptions] == "nosniff")
            #expect(download.headers[.contentType] == "application/pdf")
            // An oversized upload is refused whole.
            let big = try await browser.upload(
                "\(pair)/items/donor-commitment", [],
                files: [("document", "big.pdf", "%PDF-" + String(repeating: "x", count: 10_600_000))])
            #expect(big.status == .badRequest)
            // Approval without its decision is refused, with what it needs.
            try await browser.get(pair)
            _ = try await browser.post("\(pair)/move", [("stage", "approved")])
            #expect(try await browser.get(pair).html.contains("decision-number, decision-date, authority"))
            _ = try await browser.post("\(pair)/move", [("stage", "met"), ("note", "Met in Cao Bằng")])
            let met = try await browser.get(pair)
            #expect(met.html.contains("<strong>Met</strong>") && met.html.contains("Met in Cao Bằng"))
            #expect(try await browser.get("/pipeline/figures.csv").status == .forbidden)
        }
        try await fixture.browse { browser in
            try await browser.signIn(token: ministry)
            let pipeline = try await browser.get("/pipeline")
            #expect(pipeline.html.contains("Figures") && pipeline.html.contains("Cao Bằng"))
            let csv = try await browser.get("/pipeline/figures.csv?by=ngo")
            let lines = csv.html.split(separator: "\r\n").map(String.init)
            #expect(lines.first?.hasPrefix("ngo,name,total,contacted,interested,met,") == true)
            let mcnvLine = try #require(lines.first { $0.hasPrefix("mcnv,") }, "\(lines)")
            // One pair, at "met": the columns after name and total are the stages in order.
            let cells = mcnvLine.split(separator: ",").map(String.init)
            #expect(cells.count == 3 + 12 + 1)
            #expect(cells[2] == "1" && cells[5] == "1")
            #expect(try await browser.get("/pipeline/cao-bang-1/mcnv/items/project-document").status == .ok)
        }
    }
}

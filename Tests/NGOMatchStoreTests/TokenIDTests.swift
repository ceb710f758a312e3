import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

/// A token's id is typed after `tokens revoke`: one that began with '-' was read as an option
/// and the revocation failed (a red CI run, one time in 64). Ids are drawn apart from the secret.
@Suite(.timeLimit(.minutes(10)))
struct TokenIDTests {
    @Test func everyTokenIDIsLettersAndDigitsAndTellsNothingOfTheToken() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder, seeding: .referenceOnly)
        let audit = AuditEntry(actor: "cli", method: "tokens.create")
        let letters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var ids: Set<String> = []
        // 100 ids: were ids still drawn from base64url, the chance that none held '-' or '_'
        // would be (62/64)^800, and every one would be part of its token.
        for _ in 0..<100 {
            let (token, info) = try registry.createToken(role: .ministry, audit: audit)
            #expect(info.id.count == 8)
            #expect(info.id.allSatisfy(letters.contains), "\(info.id)")
            #expect(!token.contains(info.id), "\(info.id) is part of its token")
            #expect(try registry.role(ofToken: token)?.id == info.id)
            ids.insert(info.id)
        }
        #expect(ids.count == 100)
        #expect(try registry.tokens().count == 100)
        let revoked = try registry.revokeToken(id: ids.first!, audit: audit)
        #expect(revoked.revokedAt != nil)
        #expect(try registry.isActiveToken(id: ids.first!) == false)
    }
}

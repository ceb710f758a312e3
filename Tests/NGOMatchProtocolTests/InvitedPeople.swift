import NGOMatchCore
import NGOMatchService

extension MatchService {
    /// Invites a person (named by their address) for `organisation`, and acts as them.
    func invitedCaller(
        _ email: String, for organisation: String, rights: PersonRights = .edit, language: Language = .en
    ) throws -> Caller {
        let person = try invite(
            PersonInviteParams(email: email, name: email, for: organisation, language: language, rights: rights),
            caller: .local("test"))
        return .person(id: person.id, role: person.role!, rights: person.rights)
    }
}

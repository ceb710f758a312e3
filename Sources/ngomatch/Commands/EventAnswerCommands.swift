import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService

/// What a participant tells the organiser, as options: `invite` applies them to everyone it invites.
struct ParticipantAnswers: ParsableArguments {
    @Option(help: "Slots the participant cannot attend, from 0, separated by commas ('none' clears them).")
    var unavailable: String?
    @Option(help: "At most this many meetings.") var maxMeetings: Int?
    @Option(help: "At least this many meetings, if any schedule allows.") var minMeetings: Int?
    @Option(help: "Languages the delegation meets in, separated by commas (vi,en).") var languages: String?
    @Option(help: "How many people come.") var delegation: Int?
    @Option(help: "Who to reach, for the organiser.") var contact: String?

    func params(event: String, participants: [String]? = nil, participant: String? = nil) throws
        -> EventParticipantParams
    {
        EventParticipantParams(
            event: event, participants: participants, participant: participant,
            unavailable: try unavailable.map(Self.slots), maxMeetings: maxMeetings, minMeetings: minMeetings,
            languages: languages.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            delegation: delegation, contact: contact)
    }

    static func slots(_ text: String) throws -> [Int] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "none" { return [] }
        return try trimmed.split(separator: ",").map { part in
            guard let slot = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw UsageError("usage.unavailable", text)
            }
            return slot
        }
    }
}

struct EventInviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invite provinces and NGOs (by any name) to an event.",
        discussion: """
            Examples:
              ngomatch events invite gap-go-2026 "Điện Biên" "ha giang" WWF MCNV
              ngomatch events invite gap-go-2026 "Cao Bằng" --min-meetings 3 --languages vi
            """)
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mail: MailOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event's id.") var event: String
    @Argument(help: "Provinces and NGOs to invite.") var participants: [String]
    @OptionGroup var answers: ParticipantAnswers

    func run() async throws {
        let service = try registry.service(mail: try mail.identity())
        let invited = try EventInviteOperation.run(
            service, answers.params(event: event, participants: participants), caller: .local("cli"))
        try output.emit(EventInviteOperation.self, invited, table: { EventViews.participants(invited) })
        try await OutboxCommand.deliver(service.registry, mail: mail)
    }
}

struct EventAvailabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "availability", abstract: "Say which slots a participant cannot attend.",
        discussion: """
            Slots are numbered from 0, as in the event file and `events show`.

            Examples:
              ngomatch events availability gap-go-2026 --participant "Cao Bằng" \\
                --unavailable 0,1
              ngomatch events availability gap-go-2026 --participant MCNV \\
                --unavailable none --delegation 2
            """)
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event's id.") var event: String
    @Option(help: "The participant, by any name.") var participant: String
    @OptionGroup var answers: ParticipantAnswers

    func run() throws {
        let saved = try EventAvailabilityOperation.run(
            registry.service(), answers.params(event: event, participant: participant), caller: .local("cli"))
        try output.emit(EventAvailabilityOperation.self, saved, table: { EventViews.participant(saved) })
    }
}

struct EventWishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wish", abstract: "Record a participant's wish to meet another.",
        discussion: """
            A weight from 0 to 1 (default 1); 0 withdraws the wish. Only the ministry reads
            others' wishes.

            Example:
              ngomatch events wish gap-go-2026 --from "Cao Bằng" --to MCNV --weight 0.8 \\
                --reason "health stations"
            """)
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event's id.") var event: String
    @Option(help: "Who wishes.") var from: String
    @Option(help: "Whom they wish to meet.") var to: String
    @Option(help: "How much, 0–1.") var weight: Double?
    @Option(help: "Why, in a few words.") var reason: String?

    func run() throws {
        let wish = try EventWishOperation.run(
            registry.service(), EventWishParams(event: event, from: from, to: to, weight: weight, reason: reason),
            caller: .local("cli"))
        try output.emit(
            EventWishOperation.self, wish,
            table: {
                wish.weight == 0
                    ? "Wish withdrawn: \(wish.province) — \(wish.ngo)"
                    : "Wish recorded: \(wish.province) — \(wish.ngo), weight \(wish.weight)"
            })
    }
}

/// Which pair of which event: what the pair-rule commands take.
struct PairTarget: ParsableArguments {
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event's id.") var event: String
    @Argument(help: "The province.") var province: String
    @Argument(help: "The NGO.") var ngo: String
}

/// `must-meet`, `avoid` and `free`: the organiser's rule for a pair.
protocol EventPairRuleCommand: ParsableCommand {
    static var rule: String { get }
    var pair: PairTarget { get }
}

extension EventPairRuleCommand {
    func run() throws {
        let set = try EventPairOperation.run(
            pair.registry.service(),
            EventPairParams(event: pair.event, province: pair.province, ngo: pair.ngo, rule: Self.rule),
            caller: .local("cli"))
        try pair.output.emit(EventPairOperation.self, set, table: { "\(set.province) — \(set.ngo): \(set.rule)" })
    }
}

struct EventMustMeetCommand: EventPairRuleCommand {
    static let rule = "mustMeet"
    static let configuration = CommandConfiguration(
        commandName: "must-meet", abstract: "Make a province and an NGO meet (the organiser's rule).",
        discussion: "Example:\n  ngomatch events must-meet gap-go-2026 \"Cao Bằng\" MCNV")
    @OptionGroup var pair: PairTarget
}

struct EventAvoidCommand: EventPairRuleCommand {
    static let rule = "avoid"
    static let configuration = CommandConfiguration(
        commandName: "avoid", abstract: "Keep a province and an NGO from meeting (the organiser's rule).",
        discussion: "Example:\n  ngomatch events avoid gap-go-2026 \"Cao Bằng\" Oxfam")
    @OptionGroup var pair: PairTarget
}

struct EventFreeCommand: EventPairRuleCommand {
    static let rule = "free"
    static let configuration = CommandConfiguration(
        commandName: "free", abstract: "Remove the organiser's rule for a pair: the planner decides.")
    @OptionGroup var pair: PairTarget
}

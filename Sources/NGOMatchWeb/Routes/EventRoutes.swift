import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService

/// Meeting events in the browser: the ministry creates, invites, plans and publishes;
/// participants say when they are free and whom they want to meet, then confirm or decline
/// their meetings. Every action is the operation the CLI and the protocol run.
struct EventRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/events") { request, context in try list(request, context) }
        router.post("/events") { request, context in try await create(request, context) }
        router.get("/events/:id") { request, context in try page(request, context) }
        router.post("/events/:id/invite") { request, context in try await invite(request, context) }
        router.post("/events/:id/settings") { request, context in try await settings(request, context) }
        router.post("/events/:id/status") { request, context in try await status(request, context) }
        router.post("/events/:id/plan") { request, context in try await plan(request, context) }
        router.post("/events/:id/availability") { request, context in try await availability(request, context) }
        router.post("/events/:id/wish") { request, context in try await wish(request, context) }
        router.post("/events/:id/meetings/:number") { request, context in try await meeting(request, context) }
        router.get("/events/:id/agenda") { request, context in try agenda(request, context) }
        router.get("/events/:id/calendar.ics") { request, context in try calendar(request, context) }
        router.get("/events/:id/agendas.zip") { request, context in try bundle(request, context) }
    }

    // MARK: - Pages

    private func list(_ request: Request, _ context: WebContext) throws -> Response {
        let page = try app.service.events(EventsListParams(), caller: context.caller)
        let format = app.formatting(context)
        return app.render(
            "events", title: app.text("eventsHeading", context),
            [
                "events": page.items.map { event -> PageRecord in
                    [
                        "id": event.id, "name": context.language == .en ? event.nameEn ?? event.name : event.name,
                        "date": event.date.map(format.date) ?? "",
                        "status": app.text("eventStatus.\(event.status.rawValue)", context),
                        "counts": app.text(
                            "eventCounts", context, "\(event.provinces)", "\(event.ngos)", "\(event.answered)"),
                    ]
                },
                "canCreate": context.session?.isMinistry == true,
            ], request, context)
    }

    /// The organiser changes the event's settings; the page says what the change means for the plan.
    private func settings(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try context.parameters.require("id")
        return try app.act(
            EventUpdateOperation.self,
            OperationForm.parameters(EventUpdateOperation.self, form, fixed: ["event": .string(id)]),
            context, back: "/events/\(id)#settings"
        ) { changed in app.text("eventSettingsSaved", context, changed.name) }
    }

    private func create(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let params = OperationForm.parameters(EventCreateOperation.self, form)
        // A new event's page is where its work goes on; a refused one leaves the reader on the list.
        switch try app.attempt(EventCreateOperation.self, params, context, back: "/events") {
        case .done(let event):
            app.notice(app.text("eventCreated", context, event.name), for: context)
            return Pages.redirect("/events/\(event.id)")
        case .refused(let response): return response
        }
    }

    private func page(_ request: Request, _ context: WebContext) throws -> Response {
        let id = try context.parameters.require("id")
        let details = try app.service.event(id, caller: context.caller)
        let event = details.event
        let format = app.formatting(context)
        let organiser = context.session?.isMinistry == true
        let me = event.participants.first { participant in
            if case .province(let own)? = context.caller.role {
                return participant.side == .province && participant.id == own.rawValue
            }
            if case .ngo(let own)? = context.caller.role {
                return participant.side == .ngo && participant.id == own.rawValue
            }
            return false
        }
        let published = try? app.service.eventAgenda(EventAgendaParams(event: id), caller: context.caller)
        func slotName(_ slot: Int) -> String { "\(slot): \(event.slotLabel(slot))" }
        var participantRows = HTMLRows()
        for participant in event.participants {
            participantRows.row([
                .text(participant.name),
                .text(app.text(participant.side == .province ? "eventProvince" : "eventNGO", context)),
                .text(participant.unavailable.map(slotName).joined(separator: ", ")),
                .text("\(participant.minMeetings)–\(participant.maxMeetings ?? event.slots)"),
                .text(participant.languages.joined(separator: ", ")),
                .text(participant.answeredAt == nil ? "—" : app.text("yes", context)),
                .link(app.text("eventAgenda", context), href: "/events/\(id)/agenda?participant=\(participant.id)"),
            ])
        }
        let name = { (side: EventParticipant.Side, party: String) in event.participant(side, party)?.name ?? party }
        let wishes = event.wishes.map { wish -> PageRecord in
            [
                "pair": wish.from == .province
                    ? "\(name(.province, wish.province)) → \(name(.ngo, wish.ngo))"
                    : "\(name(.ngo, wish.ngo)) → \(name(.province, wish.province))",
                "weight": LocalFormat.decimal(wish.weight, digits: 1, context.language), "reason": wish.reason ?? "",
            ]
        }
        // The ministry checks meetings in on the day and records what came of them.
        let csrf = context.session?.csrf ?? ""
        var dayOfRows = HTMLRows()
        var dayOfCount = 0
        for meeting in published?.agenda.meetings ?? [] where organiser && meeting.status != .cancelled {
            var buttons: [(name: String, value: String, label: String)] = []
            if meeting.status != .declined {
                buttons += [
                    ("action", "held", app.text("eventHeld", context)),
                    ("action", "no-show", app.text("eventNoShow", context)),
                ]
                if meeting.status != .noShow {
                    buttons += [
                        ("action", "follow-up", app.text("eventFollowUp", context)),
                        ("action", "no-follow-up", app.text("eventNoFollowUp", context)),
                    ]
                }
            }
            dayOfRows.row([
                .text("\(meeting.number)"), .text("\(meeting.time), \(meeting.tableLabel)"),
                .text("\(meeting.provinceName) — \(meeting.ngoName)"),
                .text(app.text("meetingStatus.\(meeting.status.rawValue)", context)),
                .text(
                    meeting.outcome.map {
                        app.text("meetingOutcome.\($0 == .followUp ? "followUp" : "none")", context)
                    } ?? "—"),
                .html(
                    buttons.isEmpty
                        ? ""
                        : HTMLRows.form(
                            action: "/events/\(id)/meetings/\(meeting.number)", csrf: csrf, buttons: buttons)),
            ])
            dayOfCount += 1
        }
        var grid: PageRecord = [:]
        if let book = published?.book {
            let master = book.grid
            // The first column is the time; the other headers are the tables' own labels.
            grid = [
                "header": [app.text("eventTime", context)] + master.header.dropFirst(), "rows": MasterGrid.rows(book),
            ]
        }
        var values: PageRecord = [
            "id": id, "name": context.language == .en ? event.nameEn ?? event.name : event.name,
            "date": event.date.map(format.date) ?? "—",
            "slots": app.text(
                "eventSlots", context, "\(event.slots)", "\(event.slotMinutes)", event.start.map(Event.clock) ?? "—"),
            "tables": event.tables.map(String.init) ?? "—",
            "status": app.text("eventStatus.\(event.status.rawValue)", context)
                + (event.published.map { " (\(app.text("eventPublished.\($0)", context)))" } ?? ""),
            "counts": app.text(
                "eventCounts", context, "\(event.provinces.count)", "\(event.ngos.count)", "\(details.answered)"),
            "organiser": organiser, "participantRows": participantRows.html, "wishes": wishes,
            "hasWishes": !wishes.isEmpty,
            "isDraft": event.status == .draft, "isClosed": event.status == .closed,
            "hasGrid": published != nil, "grid": grid, "hasPlans": !details.plans.isEmpty,
            "dayOfRows": dayOfRows.html, "hasDayOf": dayOfCount > 0,
            "plans": details.plans.map {
                [
                    "number": "\($0.number)", "meetings": "\($0.meetings)",
                    "value": app.formatting(context).value($0.totalValue),
                    "bound": app.formatting(context).value($0.upperBound),
                    "minimums": app.text("eventMinimums.\($0.minimums)", context),
                    "published": $0.publishedAs.map { app.text("eventPublished.\($0)", context) } ?? "",
                ]
            },
        ]
        if organiser {
            // Who was told what about the event, and when: the outbox's messages about it.
            let notices = (try? app.perform(EventNoticesOperation.self, .object(["event": .string(id)]), context)) ?? []
            values["notices"] = notices.map { notice -> PageRecord in
                [
                    "when": Formatting.minute(notice.sentAt ?? notice.createdAt),
                    "to": notice.recipient, "kind": app.text("notice.\(notice.kind)", context),
                    "state": app.text("outboxState.\(notice.state.rawValue)", context),
                ]
            }
            values["hasNotices"] = !notices.isEmpty
            let names = (try? app.service.ruleSets().map(\.name)) ?? ["default"]
            values["settings"] = [
                "name": event.name, "nameEn": event.nameEn ?? "", "date": event.date?.description ?? "",
                "start": event.start.map(Event.clock) ?? "", "slotMinutes": "\(event.slotMinutes)",
                "slots": "\(event.slots)", "tables": event.tables.map(String.init) ?? "",
                "breaks": event.breaks.map(String.init).joined(separator: ", "),
                "tableLabels": (event.tableLabels ?? []).joined(separator: ", "),
                "ruleChoices": WebApp.choices(names.map { ($0, $0) }, selected: event.rules ?? "default"),
                "minScore": format.score(event.minScore),
            ]
        }
        if let me {
            values["me"] = participantPart(me, event, published?.agenda, context)
        }
        return app.render("event", title: event.name, values, request, context)
    }

    /// What a participant answers and its meetings.
    private func participantPart(
        _ me: EventParticipant, _ event: MeetingEvent, _ agenda: EventAgenda?, _ context: WebContext
    ) -> PageRecord {
        let others = event.participants.filter { $0.side != me.side }
        let own = event.wishes.filter { ($0.from == me.side) && (me.side == .province ? $0.province : $0.ngo) == me.id }
        let format = app.formatting(context)
        let meetings = (agenda?.meetings ?? []).filter { (me.side == .province ? $0.province : $0.ngo) == me.id }
        return [
            "name": me.name,
            "slots": (0..<event.slots).map { slot -> PageRecord in
                [
                    "slot": "\(slot)", "label": event.slotLabel(slot), "unavailable": me.unavailable.contains(slot),
                    "isBreak": event.breaks.contains(slot),
                ]
            },
            "others": others.map { ["id": $0.id, "name": $0.name] },
            "wishes": own.map { wish in
                [
                    "name": event.participant(
                        me.side == .province ? .ngo : .province, me.side == .province ? wish.ngo : wish.province)?.name
                        ?? "", "weight": LocalFormat.decimal(wish.weight, digits: 1, context.language),
                    "reason": wish.reason ?? "",
                ]
            },
            "meetings": meetings.map { meeting -> PageRecord in
                [
                    "number": "\(meeting.number)", "time": meeting.time, "table": meeting.tableLabel,
                    "with": me.side == .province ? meeting.ngoName : meeting.provinceName,
                    "status": app.text("meetingStatus.\(meeting.status.rawValue)", context),
                    "why": meeting.reasons.prefix(2).joined(separator: "; "),
                    "canAnswer": meeting.status == .proposed || meeting.status == .confirmed
                        || meeting.status == .declined,
                    "interpreter": meeting.interpreter,
                ]
            },
            "published": agenda != nil, "date": event.date.map(format.date) ?? "", "hasMeetings": !meetings.isEmpty,
            "hasOwnWishes": !own.isEmpty,
            "agendaLink": "/events/\(event.id)/agenda?participant=\(me.id)",
            "calendarLink": "/events/\(event.id)/calendar.ics?participant=\(me.id)",
        ]
    }

    // MARK: - Actions

    private func invite(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try context.parameters.require("id")
        let names = (form["participants"] ?? "").split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        // One name a line: a name may hold a comma.
        let params: JSONValue = .object(["event": .string(id), "participants": .array(names.map(JSONValue.string))])
        return try app.act(EventInviteOperation.self, params, context, back: "/events/\(id)#invited") { event in
            app.text("eventInvited", context, "\(names.count)", "\(event.participants.count)")
        }
    }

    private func status(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try context.parameters.require("id")
        var fields: [String: JSONValue] = ["event": .string(id)]
        if form.text("to") == "open", let due = form.text("answersBy") { fields["answersBy"] = .string(due) }
        let params: JSONValue = .object(fields)
        func said(_ event: MeetingEvent) -> String {
            app.text("eventStatusNow", context, app.text("eventStatus.\(event.status.rawValue)", context))
        }
        return form.text("to") == "open"
            ? try app.act(EventOpenOperation.self, params, context, back: "/events/\(id)", done: said)
            : try app.act(EventCloseOperation.self, params, context, back: "/events/\(id)", done: said)
    }

    /// Publishing plans and publishes at once; planning alone shows the proposed schedule
    /// first: value and bound, minimums, conflicts, what changed from the published schedule
    /// (moved, dropped with why, added), the waitlist and the master grid, with the buttons
    /// that publish it. The planner is deterministic, so publishing gives this schedule unless
    /// answers came in meanwhile (the notice then says what changed).
    private func plan(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try context.parameters.require("id")
        guard let publish = form.text("publish") else { return try preview(id, request, context) }
        let params: JSONValue = .object(
            ["event": .string(id), "publish": .string(publish), "lang": .string(context.language.rawValue)])
        return try app.act(EventPlanOperation.self, params, context, back: "/events/\(id)#schedule") { result in
            let changes = result.changes
            var text = app.text(
                "eventPlanned", context, "\(result.plan.number)", "\(result.report.meetingCount)",
                app.formatting(context).percent(result.report.quality))
            text +=
                " "
                + app.text(
                    "eventChanges", context, "\(changes.kept.count)", "\(changes.moved.count)",
                    "\(changes.dropped.count)", "\(changes.added.count)")
            if !changes.notify.isEmpty {
                text += " " + app.text("eventTell", context, changes.notify.joined(separator: ", "))
            }
            if result.report.participants.hasMinimums {
                text += " " + result.report.minimums.message(in: context.language)
            }
            return text
        }
    }

    private func preview(_ id: String, _ request: Request, _ context: WebContext) throws -> Response {
        let params: JSONValue = .object(["event": .string(id), "lang": .string(context.language.rawValue)])
        let result: EventPlanResult
        switch try app.attempt(EventPlanOperation.self, params, context, back: "/events/\(id)") {
        case .done(let planned): result = planned
        case .refused(let response): return response
        }
        let event = try app.service.event(id, caller: context.caller).event
        let report = result.report
        let changes = result.changes
        let byNumber = Dictionary(
            report.meetings.compactMap { meeting in meeting.number.map { ($0, meeting) } },
            uniquingKeysWith: { a, _ in a })
        let book = AgendaBook(report, event: event.planning(), language: context.language)
        let format = app.formatting(context)
        return app.render(
            "eventplan", title: app.text("eventPreviewHeading", context, "\(result.plan.number)", event.name),
            [
                "id": id, "heading": app.text("eventPreviewHeading", context, "\(result.plan.number)", event.name),
                "summary": app.text(
                    "eventPreviewSummary", context, "\(report.meetingCount)", format.value(report.totalScore),
                    format.value(report.upperBound), format.percent(report.quality)),
                "minimums": report.participants.hasMinimums ? report.minimums.message(in: context.language) : "",
                "conflicts": report.conflicts.map(\.message),
                "changes": app.text(
                    "eventChanges", context, "\(changes.kept.count)", "\(changes.moved.count)",
                    "\(changes.dropped.count)", "\(changes.added.count)"),
                "moved": changes.moved.map {
                    ["number": "\($0.number)", "pair": "\($0.province) — \($0.ngo)", "from": $0.from, "to": $0.to]
                },
                "dropped": changes.dropped.map {
                    ["number": "\($0.number)", "pair": "\($0.province) — \($0.ngo)", "reason": $0.reason]
                },
                "added": changes.added.compactMap { number in
                    byNumber[number].map {
                        ["number": "\(number)", "pair": "\($0.provinceName) — \($0.ngoName)", "time": $0.time]
                    }
                },
                "tell": changes.notify.joined(separator: ", "),
                "waitlist": report.waitlist.prefix(50).map {
                    [
                        "pair": "\(event.participant(.province, $0.province)?.name ?? $0.province) — "
                            + "\(event.participant(.ngo, $0.ngo)?.name ?? $0.ngo)",
                        "score": format.score($0.score), "reason": $0.reason,
                    ]
                },
                "hasWaitlist": !report.waitlist.isEmpty,
                "gridHeader": [app.text("eventTime", context)] + book.grid.header.dropFirst(),
                "gridRows": MasterGrid.rows(book),
            ], request, context)
    }

    private func availability(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try context.parameters.require("id")
        let params = OperationForm.parameters(
            EventAvailabilityOperation.self, form, fixed: ["event": .string(id)], checkboxes: ["unavailable"])
        return try app.act(EventAvailabilityOperation.self, params, context, back: "/events/\(id)#answers") { saved in
            app.text("eventAvailabilitySaved", context, saved.name)
        }
    }

    private func wish(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try context.parameters.require("id")
        let params = OperationForm.parameters(EventWishOperation.self, form, fixed: ["event": .string(id)])
        return try app.act(EventWishOperation.self, params, context, back: "/events/\(id)#answers") { saved in
            app.text(saved.weight == 0 ? "eventWishWithdrawn" : "eventWishSaved", context)
        }
    }

    private func meeting(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try context.parameters.require("id")
        let number = try context.parameters.require("number")
        let params = OperationForm.parameters(
            EventMeetingOperation.self, form,
            fixed: ["event": .string(id), "meeting": Int(number).map { .number(Double($0)) } ?? .string(number)])
        return try app.act(EventMeetingOperation.self, params, context, back: "/events/\(id)#answers") { changed in
            app.text(
                "eventMeetingNow", context, "\(changed.number)",
                app.text("meetingStatus.\(changed.status.rawValue)", context))
        }
    }

    // MARK: - Agendas

    private func agendaBook(_ request: Request, _ context: WebContext) throws -> (EventAgenda, AgendaBook) {
        let id = try context.parameters.require("id")
        return try app.service.eventAgenda(
            EventAgendaParams(event: id, participant: app.query(request).text("participant"), lang: context.language),
            caller: context.caller)
    }

    /// One participant's agenda, or the whole schedule, as a page that prints on A4.
    private func agenda(_ request: Request, _ context: WebContext) throws -> Response {
        let (agenda, book) = try agendaBook(request, context)
        let own = agenda.participant.flatMap { id in book.everyone.first { $0.id == id } }
        let format = app.formatting(context)
        let meetings = (own?.meetings ?? book.report.meetings).map { meeting -> PageRecord in
            [
                "number": meeting.number.map(String.init) ?? "", "time": meeting.time, "table": meeting.tableLabel,
                "with": own.map { $0.counterpart(meeting) } ?? "\(meeting.provinceName) — \(meeting.ngoName)",
                "status": meeting.status.map { app.text("meetingStatus.\($0)", context) } ?? "",
                "why": meeting.reasons.prefix(3).joined(separator: "; "),
                "interpreter": meeting.interpreter == true,
            ]
        }
        return app.render(
            "agenda", title: own.map { "\($0.name) — \(agenda.name)" } ?? agenda.name,
            [
                "event": agenda.name, "id": agenda.event,
                "agendaFor": own?.name ?? app.text("eventAllMeetings", context),
                "date": agenda.date.map(format.date) ?? "", "meetings": meetings, "hasMeetings": !meetings.isEmpty,
                "published": agenda.published.map { app.text("eventPublished.\($0)", context) } ?? "",
                "calendarLink": own.map { "/events/\(agenda.event)/calendar.ics?participant=\($0.id)" } ?? "",
            ], request, context)
    }

    private func calendar(_ request: Request, _ context: WebContext) throws -> Response {
        let (agenda, book) = try agendaBook(request, context)
        guard let own = agenda.participant.flatMap({ id in book.everyone.first { $0.id == id } }),
            let text = CalendarFile.calendar(own, in: book)
        else { throw WebError(kind: .notFound, message: app.text("eventNoCalendar", context)) }
        return Downloads.file(
            text, type: "text/calendar; charset=utf-8", name: "\(AgendaBook.fileName(own.id)).ics")
    }

    /// Every agenda and calendar in one zip, for the organiser to send out or print.
    private func bundle(_ request: Request, _ context: WebContext) throws -> Response {
        try app.ministryOnly(context)
        let (agenda, book) = try agendaBook(request, context)
        return try Downloads.zip(
            AgendaBundle.files(book, style: .html), name: "\(AgendaBook.fileName(agenda.event))-agendas.zip")
    }
}

import ServiceLifecycle

/// Says a server is ready, from inside its service group: the group traps SIGTERM and SIGINT
/// before it starts its services, so a signal sent as soon as the line is read stops the server
/// gracefully instead of killing it (a line printed before the group ran left that window open).
package struct Announcement: ServiceLifecycle.Service {
    let say: @Sendable () -> Void

    package init(_ say: @escaping @Sendable () -> Void) {
        self.say = say
    }

    /// Says it, then stays until the group shuts down: a signal read between the line and the
    /// service's end would otherwise find it ending during the shutdown, which the group takes
    /// for a failure.
    package func run() async {
        say()
        try? await gracefulShutdown()
    }

    /// First in a group: its end ends nothing else.
    package var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(service: self, successTerminationBehavior: .ignore)
    }
}

import Logging
import MCP
import ServiceLifecycle

/// The MCP door as a lifecycle service: serves until the client closes its input or a
/// graceful shutdown (SIGTERM, SIGINT), then answers every request already read.
package struct AssistantService: ServiceLifecycle.Service {
    let door: AssistantDoor
    let transport: StdioLineTransport

    package init(door: AssistantDoor, transport: StdioLineTransport = StdioLineTransport()) {
        self.door = door
        self.transport = transport
    }

    package func run() async throws {
        let server = await door.makeServer()
        try await server.start(transport: transport)
        await withGracefulShutdownHandler {
            await server.waitUntilCompleted()
        } onGracefulShutdown: { [transport] in
            // No more requests; those read are still answered below.
            Task { await transport.disconnect() }
        }
        await transport.drain()
        await server.stop()
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP client connection, for the load generator and the tests: each client
/// runs on a thread of its own and reads replies as raw bytes, which keeps the client's
/// cost far below the server's. The platform calls live here only, for Linux and macOS.
package final class BlockingSocket {
    package enum Failure: Error, Equatable {
        case resolve(String)
        case connect(host: String, port: Int)
        case send
    }

    private let descriptor: Int32

    /// Connects to `host` (a name or an IPv4 or IPv6 address) at `port`.
    package init(host: String, port: Int, receiveTimeoutSeconds: Int? = nil) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Self.stream
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            throw Failure.resolve(host)
        }
        defer { freeaddrinfo(found) }
        var connected: Int32 = -1
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate, connected < 0 {
            let attempt = socket(address.pointee.ai_family, Self.stream, 0)
            if attempt >= 0, connect(attempt, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                connected = attempt
            } else if attempt >= 0 {
                close(attempt)
            }
            candidate = address.pointee.ai_next
        }
        guard connected >= 0 else { throw Failure.connect(host: host, port: port) }
        descriptor = connected
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
            // Writing to a closed connection fails with EPIPE instead of killing the process.
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        if let seconds = receiveTimeoutSeconds {
            var timeout = timeval(tv_sec: seconds, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    deinit { close(descriptor) }

    /// Sends every byte, or throws.
    package func send(_ bytes: some Collection<UInt8>) throws {
        let contiguous = Array(bytes)
        try contiguous.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Darwin)
                    let written = Darwin.send(descriptor, raw.baseAddress! + offset, raw.count - offset, 0)
                #else
                    let written = sendWithoutSignal(raw.baseAddress! + offset, raw.count - offset)
                #endif
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw Failure.send }
                offset += written
            }
        }
    }

    #if !canImport(Darwin)
        private func sendWithoutSignal(_ pointer: UnsafeRawPointer, _ count: Int) -> Int {
            // Writing to a closed connection fails with EPIPE instead of killing the process.
            #if canImport(Glibc)
                Glibc.send(descriptor, pointer, count, Int32(MSG_NOSIGNAL))
            #else
                Musl.send(descriptor, pointer, count, Int32(MSG_NOSIGNAL))
            #endif
        }
    #endif

    /// Reads what has arrived into `buffer`; 0 at the end of the stream or on timeout.
    package func receive(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            return max(0, count)
        }
    }

    /// Closes the sending side: the server sees the end of input and may still reply.
    package func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

    #if canImport(Glibc) || canImport(Musl)
        private static let stream = Int32(SOCK_STREAM.rawValue)
    #else
        private static let stream = SOCK_STREAM
    #endif
}

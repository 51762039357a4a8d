import Foundation
import PostlintCore
#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests of remote checks: it never listens on another
/// address, answers a fixed set of routes, counts requests, and stops when told (or released).
///
/// Routes: `/ok` 200, `/moved` 301 to `/ok`, `/missing` 404, `/error` 500, `/flaky` 503 once then
/// 200, `/slow` 200 after three seconds, `/no-head` 405 to HEAD and 200 to GET.
public final class LoopbackHTTPServer: Sendable {
    private struct State: Sendable {
        var counts: [String: Int] = [:]
        var stopped = false
    }

    public let port: UInt16
    private let listener: Int32
    private let state = Locked(State())

    public init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else { close(listener); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// How many requests reached `path` (any method).
    public func requests(to path: String) -> Int {
        state.withLock { $0.counts[path, default: 0] }
    }

    public func stop() {
        let wasStopped = state.withLock { state in
            defer { state.stopped = true }
            return state.stopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        var served = 0
        while served < 10_000 {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            served += 1
            Thread { [weak self] in self?.serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 8192)
        var request: [UInt8] = []
        while request.count < 65536 {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            request += buffer[0..<count]
            if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
            if String(decoding: request, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2 else { return }
        let method = String(line[0])
        let path = String(line[1])
        let hits = state.withLock { state in
            state.counts[path, default: 0] += 1
            return state.counts[path, default: 0]
        }
        var status = 404
        var headers = ""
        switch path {
        case "/ok": status = 200
        case "/moved": status = 301; headers = "Location: /ok\r\n"
        case "/missing": status = 404
        case "/error": status = 500
        case "/flaky": status = hits == 1 ? 503 : 200; if hits == 1 { headers = "Retry-After: 0\r\n" }
        case "/slow":
            Thread.sleep(forTimeInterval: 3)
            status = 200
        case "/no-head": status = method == "HEAD" ? 405 : 200
        default: status = 404
        }
        let body = method == "HEAD" ? "" : "x"
        let response =
            "HTTP/1.1 \(status) Status\r\nContent-Length: \(method == "HEAD" ? 1 : body.utf8.count)\r\n\(headers)Connection: close\r\n\r\n\(body)"
        let bytes = Array(response.utf8)
        _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}

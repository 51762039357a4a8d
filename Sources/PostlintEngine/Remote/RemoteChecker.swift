import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PostlintCore

/// Checks remote URLs: HEAD first, GET when a server refuses HEAD, redirects followed, with a
/// global and a per-host concurrency limit, timeouts, a retry for 429/5xx, and a result cache.
public struct RemoteChecker: Sendable {
    public let options: RemoteCheckOptions

    public init(options: RemoteCheckOptions) {
        self.options = options
    }

    /// The result for each URL (each asked once, however many posts use it).
    public func check(_ urls: Set<String>) async -> [String: RemoteCheckResult] {
        let now = Date().timeIntervalSince1970
        var cache = RemoteResultCache(path: options.cachePath, timeToLive: options.cacheTimeToLive)
        var results: [String: RemoteCheckResult] = [:]
        var pending: [String] = []
        for url in urls.sorted() {
            if let cached = cache.fresh(url, now: now) { results[url] = cached } else { pending.append(url) }
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout * Double(options.retries + 2)
        configuration.httpMaximumConnectionsPerHost = max(1, options.perHostConcurrency)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let limiter = HostLimiter(total: max(1, options.concurrency), perHost: max(1, options.perHostConcurrency))

        await withTaskGroup(of: (String, RemoteCheckResult).self) { group in
            for url in pending {
                group.addTask {
                    let host = URL(string: url)?.host ?? url
                    await limiter.acquire(host)
                    let result = await self.checkWithRetries(url, session: session)
                    await limiter.release(host)
                    return (url, result)
                }
            }
            for await (url, result) in group { results[url] = result }
        }
        let finished = Date().timeIntervalSince1970
        for url in pending {
            if let result = results[url] { cache.store(result, for: url, now: finished) }
        }
        try? cache.save(now: finished)
        return results
    }

    private func checkWithRetries(_ url: String, session: URLSession) async -> RemoteCheckResult {
        var attempt = 0
        while true {
            let (result, retryAfter) = await checkOnce(url, session: session)
            guard result.isTransient, attempt < options.retries else { return result }
            attempt += 1
            let delay = min(retryAfter ?? options.retryDelay, options.maximumRetryDelay)
            try? await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1_000_000_000))
        }
    }

    private func checkOnce(_ url: String, session: URLSession) async -> (RemoteCheckResult, Double?) {
        guard let target = URL(string: url), target.scheme == "http" || target.scheme == "https" else {
            return (.failure("not an http(s) URL"), nil)
        }
        let head = await request(target, method: "HEAD", session: session)
        // Servers that refuse or mishandle HEAD get a GET.
        if case .status(let code) = head.0, [400, 403, 405, 501].contains(code) {
            return await request(target, method: "GET", session: session)
        }
        return head
    }

    private func request(_ url: URL, method: String, session: URLSession) async -> (RemoteCheckResult, Double?) {
        var request = URLRequest(url: url, timeoutInterval: options.timeout)
        request.httpMethod = method
        request.setValue("postlint (link checker)", forHTTPHeaderField: "User-Agent")
        if method == "GET" { request.setValue("bytes=0-0", forHTTPHeaderField: "Range") }
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return (.failure("no HTTP answer"), nil) }
            let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
            let code = http.statusCode == 206 ? 200 : http.statusCode
            return (.status(code), retryAfter)
        } catch let error as URLError where error.code == .timedOut {
            return (.failure("timed out after \(Self.seconds(options.timeout))"), nil)
        } catch {
            return (.failure("no answer (\((error as? URLError)?.code.rawValue.description ?? "\(error)"))"), nil)
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Hands out request slots: at most `total` at once, and at most `perHost` to one host.
actor HostLimiter {
    private let total: Int
    private let perHost: Int
    private var active = 0
    private var activeByHost: [String: Int] = [:]
    private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    init(total: Int, perHost: Int) {
        self.total = total
        self.perHost = perHost
    }

    func acquire(_ host: String) async {
        if canStart(host) {
            start(host)
            return
        }
        await withCheckedContinuation { continuation in
            waiting.append((host, continuation))
        }
    }

    func release(_ host: String) {
        active -= 1
        activeByHost[host, default: 1] -= 1
        if let index = waiting.firstIndex(where: { canStart($0.host) }) {
            let next = waiting.remove(at: index)
            start(next.host)
            next.continuation.resume()
        }
    }

    private func canStart(_ host: String) -> Bool {
        active < total && activeByHost[host, default: 0] < perHost
    }

    private func start(_ host: String) {
        active += 1
        activeByHost[host, default: 0] += 1
    }
}

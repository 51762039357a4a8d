import Foundation
import PostlintCore

/// Checks remote URLs: HEAD first, GET when a server refuses HEAD, redirects followed, with a
/// global and a per-host concurrency limit, timeouts, a retry for 429/5xx, and a result cache.
///
/// Requests go through the `curl` program rather than URLSession: linking FoundationNetworking
/// (libcurl and some thirty libraries behind it) cost every run about 7 ms of start-up, including
/// the pre-commit hook's, for a feature only `--check-remote` uses.
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
        let limiter = HostLimiter(total: max(1, options.concurrency), perHost: max(1, options.perHostConcurrency))

        await withTaskGroup(of: (String, RemoteCheckResult).self) { group in
            for url in pending {
                group.addTask {
                    let host = URL(string: url)?.host ?? url
                    await limiter.acquire(host)
                    let result = await self.checkWithRetries(url)
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

    private func checkWithRetries(_ url: String) async -> RemoteCheckResult {
        var attempt = 0
        while true {
            let (result, retryAfter) = await checkOnce(url)
            guard result.isTransient, attempt < options.retries else { return result }
            attempt += 1
            let delay = min(retryAfter ?? options.retryDelay, options.maximumRetryDelay)
            try? await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1_000_000_000))
        }
    }

    private func checkOnce(_ url: String) async -> (RemoteCheckResult, Double?) {
        guard let target = URL(string: url), target.scheme == "http" || target.scheme == "https" else {
            return (.failure("not an http(s) URL"), nil)
        }
        let head = await request(target, method: "HEAD")
        // Servers that refuse or mishandle HEAD get a GET.
        if case .status(let code) = head.0, [400, 403, 405, 501].contains(code) {
            return await request(target, method: "GET")
        }
        return head
    }

    private func request(_ url: URL, method: String) async -> (RemoteCheckResult, Double?) {
        var arguments = [
            "--silent", "--show-error", "--location", "--max-redirs", "10", "--proto", "=http,https",
            "--max-time", "\(options.timeout)", "--user-agent", "postlint (link checker)",
            "--output", "/dev/null", "--dump-header", "-", "--write-out", "\n%{http_code}",
        ]
        arguments += method == "HEAD" ? ["--head"] : ["--range", "0-0"]
        arguments += ["--", url.absoluteString]
        let command = arguments
        // curl blocks its thread until it ends: run it off the concurrency pool's few threads.
        let finished: Result<ChildProcess.Output, ChildProcess.Failure> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: Result { () throws(ChildProcess.Failure) in try ChildProcess.run("curl", command) })
            }
        }
        let output: ChildProcess.Output
        switch finished {
        case .success(let value): output = value
        case .failure(let failure): return (.failure("cannot run curl (\(failure)); --check-remote needs curl on the PATH"), nil)
        }
        return Self.interpret(output, timeout: options.timeout)
    }

    /// The answer in curl's output: the status code `--write-out` puts on the last line, the last
    /// `Retry-After` header, or curl's exit code when no answer came.
    static func interpret(_ output: ChildProcess.Output, timeout: Double) -> (RemoteCheckResult, Double?) {
        let text = String(decoding: output.standardOutput, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let code = lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        guard output.status == 0, code > 0 else {
            switch output.status {
            case 28: return (.failure("timed out after \(seconds(timeout))"), nil)
            case 6: return (.failure("no answer (host not found)"), nil)
            case 7: return (.failure("no answer (connection refused)"), nil)
            default:
                let reason = String(decoding: output.standardError, as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "curl: ", with: "")
                return (.failure("no answer (\(reason.isEmpty ? "curl exit \(output.status)" : reason))"), nil)
            }
        }
        var retryAfter: Double?
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "retry-after" {
                retryAfter = Double(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        return (.status(code == 206 ? 200 : code), retryAfter)
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

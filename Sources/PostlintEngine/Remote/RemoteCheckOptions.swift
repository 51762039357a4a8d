import Foundation

/// How `--check-remote` checks remote images.
public struct RemoteCheckOptions: Sendable {
    /// `$XDG_CACHE_HOME/postlint/remote-cache.json`, or under `~/.cache`: outside the site's folder.
    public static func defaultCachePath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        let folder = base + "/postlint"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/remote-cache.json"
    }

    /// Requests in flight at once, across all hosts.
    public var concurrency = 8
    /// Requests in flight at once to one host (politeness).
    public var perHostConcurrency = 2
    /// Seconds before a request is abandoned.
    public var timeout: Double = 10
    /// Retries after a 429 or 5xx answer (or a timeout), with a pause between tries.
    public var retries = 1
    /// Seconds to wait before a retry (a server's Retry-After is honoured up to `maximumRetryDelay`).
    public var retryDelay: Double = 1
    public var maximumRetryDelay: Double = 10
    /// Where results are cached between runs, or nil for no cache.
    public var cachePath: String?
    /// Seconds a cached result stays valid.
    public var cacheTimeToLive: Double = 24 * 60 * 60

    public init(
        concurrency: Int = 8, perHostConcurrency: Int = 2, timeout: Double = 10, retries: Int = 1,
        retryDelay: Double = 1, cachePath: String? = nil, cacheTimeToLive: Double = 24 * 60 * 60
    ) {
        self.concurrency = concurrency
        self.perHostConcurrency = perHostConcurrency
        self.timeout = timeout
        self.retries = retries
        self.retryDelay = retryDelay
        self.cachePath = cachePath
        self.cacheTimeToLive = cacheTimeToLive
    }
}

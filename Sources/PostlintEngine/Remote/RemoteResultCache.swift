import Foundation
import PostlintCore

/// Results of remote checks kept in a JSON file between runs, each valid for a time to live, so a CI
/// gate does not ask the same hosts again on every push.
struct RemoteResultCache {
    struct Entry: Codable {
        var result: RemoteCheckResult
        var checkedAt: Double
    }

    struct File: Codable {
        var version: Int
        var entries: [String: Entry]
    }

    private(set) var entries: [String: Entry] = [:]
    let path: String?
    let timeToLive: Double

    init(path: String?, timeToLive: Double) {
        self.path = path
        self.timeToLive = timeToLive
        guard let path, case .success(let bytes) = FileReader.read(path),
            let file = try? JSONDecoder().decode(File.self, from: Data(bytes)), file.version == 1
        else { return }
        entries = file.entries
    }

    func fresh(_ url: String, now: Double) -> RemoteCheckResult? {
        guard let entry = entries[url], now - entry.checkedAt < timeToLive, entry.checkedAt <= now else { return nil }
        return entry.result
    }

    mutating func store(_ result: RemoteCheckResult, for url: String, now: Double) {
        entries[url] = Entry(result: result, checkedAt: now)
    }

    /// Writes the cache (expired entries dropped), atomically.
    func save(now: Double) throws(PostlintError) {
        guard let path else { return }
        let kept = entries.filter { now - $0.value.checkedAt < timeToLive }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(File(version: 1, entries: kept)) else { return }
        try AtomicWriter.write(path, bytes: Array(data))
    }
}

import Foundation

/// The folders one rule instance has already listed, so each folder's files are gathered once
/// per run however many posts see it.
final class ListedFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: Set<String> = []

    /// True the first time `folder` is claimed.
    func claim(_ folder: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return folders.insert(folder).inserted
    }
}

import PostlintCore

/// The folders one rule instance has already listed, so each folder's files are gathered once
/// per run however many posts see it.
final class ListedFolders: Sendable {
    private let folders = Locked<Set<String>>([])

    /// True the first time `folder` is claimed.
    func claim(_ folder: String) -> Bool {
        folders.withLock { $0.insert(folder).inserted }
    }
}

import PostlintCore

/// For `--staged`: the contents git's index holds for the posts edited in the working tree but
/// not staged, which the commit holds as staged. Listing them costs git a look at every file of
/// the working tree (20 ms in a repository of 40,000 posts), so it is done the first time a post
/// must be read, never by a run whose every other post's facts come from the cache.
public final class EditedPostsInIndex: Sendable {
    /// The top folder of the repository's work tree.
    private let root: String
    /// Nil until first asked; then the contents by absolute path, or git's failure.
    private let listed = Locked<Result<[String: [UInt8]], PostlintError>?>(nil)

    /// The posts of the repository whose work tree is `root` (`git rev-parse --show-toplevel`).
    init(inRepositoryAt root: String) {
        self.root = root
    }

    /// The index's content of the post at `absolutePath` if it is edited but not staged; nil
    /// when its file holds what the index does (read it), or when git could not list the edits.
    public func contents(of absolutePath: String) -> [UInt8]? {
        listed.withLock { listed in
            if listed == nil {
                listed = Result { () throws(PostlintError) in try GitChanges.indexContentsOfEditedPosts(inRepositoryAt: root) }
            }
            guard case .success(let contents) = listed else { return nil }
            return contents[absolutePath]
        }
    }

    /// Whether git was asked for the edits (for tests and measurements).
    var hasListed: Bool { listed.withLock { $0 != nil } }

    /// Why the edits could not be listed, once they were asked for.
    public var failure: PostlintError? {
        listed.withLock { listed in
            guard case .failure(let error) = listed else { return nil }
            return error
        }
    }
}

import PostlintCore

/// A file system view that can also read files, so that `broken-link` can check heading
/// anchors in other Markdown files. Without it, only anchors in the same document are checked.
public protocol FileContentsView: FileSystemView {
    /// The bytes of the file at `path`, or nil when it cannot be read.
    func contents(of path: String) -> [UInt8]?
}

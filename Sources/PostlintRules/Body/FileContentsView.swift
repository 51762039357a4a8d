import PostlintCore

/// A file system view that can also read files, so that `broken-link` can check heading
/// anchors in other Markdown files. Without it, only anchors in the same document are checked.
public protocol FileContentsView: FileSystemView {
    /// The bytes of the file at `path`, or nil when it cannot be read.
    func contents(of path: String) -> [UInt8]?
    /// The anchors of the Markdown file at `path` in `style`, or nil when it cannot be read. A
    /// view shared by a run's posts remembers them, so a post linked from many is read and
    /// scanned once; the default reads and scans it on every call.
    func anchors(ofFile path: String, style: AnchorStyle) -> DocumentAnchors?
}

extension FileContentsView {
    public func anchors(ofFile path: String, style: AnchorStyle) -> DocumentAnchors? {
        contents(of: path).map { DocumentAnchors(fileBytes: $0, style: style) }
    }
}

import PostlintCore
import PostlintRules

/// The rules that read other files' text (anchors in a linked post) read them from disk.
extension LocalFileSystem: FileContentsView {
    public func contents(of path: String) -> [UInt8]? {
        try? FileReader.read(path).get()
    }
}

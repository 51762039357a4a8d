import Foundation

/// Where the numbered lines that a test appended to a post while it was being fixed ended up.
///
/// A fixer that races an appender may give up and keep the other program's text in a file of its
/// own beside the post (`post.md.postlint-kept-XXXXXX`), naming it in its error: that is allowed,
/// losing a line is not. Lines are `PREFIX NUMBER`, ending in LF or CRLF (not all of a kept
/// file's lines are fixed).
public struct AppendedLines {
    /// The numbers of the appended lines in the post, in the order found there.
    public let inPost: [Int]
    /// The names of the other files in the folder.
    public let otherFiles: [String]
    /// The numbers, of `0..<count`, found neither in the post nor in any other file.
    public let lost: [Int]

    public init(in folder: TemporaryFolder, post: String, prefix: String, count: Int) throws {
        inPost = Self.numbers(in: try folder.read(post), prefix: prefix)
        otherFiles = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != post }.sorted()
        var found = Set(inPost)
        for name in otherFiles {
            found.formUnion(Self.numbers(in: try folder.read(name), prefix: prefix))
        }
        lost = (0..<count).filter { !found.contains($0) }
    }

    /// Whether the post holds each appended line once at most, in the order appended.
    public var postIsInOrder: Bool {
        zip(inPost, inPost.dropFirst()).allSatisfy { $0 < $1 }
    }

    private static func numbers(in bytes: [UInt8], prefix: String) -> [Int] {
        // "\r\n" is one Character, a line break of its own.
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { line in
            line.hasPrefix(prefix) ? Int(line.dropFirst(prefix.count)) : nil
        }
    }
}

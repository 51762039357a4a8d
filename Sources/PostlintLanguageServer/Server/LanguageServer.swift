import Foundation
import PostlintCore
import PostlintEngine

/// `postlint lsp`: a Language Server Protocol 3.17 server. It reads framed JSON-RPC messages from
/// a `ByteSource`, keeps the text of open documents as the editor holds it, and publishes
/// diagnostics for it; code actions offer the rules' fixes and a suppression comment.
///
/// Who does what: a thread of its own reads the input (reads block) and hands each chunk to the
/// `ServerSession` actor, which frames it, holds all the state and looks each method up in the
/// `MethodTable`; the `WorkRunner` actor lints and answers code actions in order. Both actors run
/// on serial queues of their own (`QueueExecutor`) and call each other synchronously, never
/// through Swift's cooperative pool: a busy pool does not delay the server, and the server's
/// blocking work (reading the workspace, writing to the client) does not starve the pool.
public final class LanguageServer: Sendable {
    /// What the command line passes in.
    public struct Options: Sendable {
        /// The version in rule documentation links and `serverInfo`.
        public var toolVersion: String
        /// A configuration file used for every document instead of searching for `.postlint.yml`.
        public var configPath: String?
        /// Called when the client process named in `initialize` is gone (the command exits).
        public var parentProcessDied: (@Sendable () -> Void)?
        /// The user's home folder (`HOME`): a workspace rooted there, or at `/`, is not scanned
        /// for site facts unless the client asks (`initializationOptions.lintWorkspace`).
        public var homeFolder: String?

        public init(
            toolVersion: String, configPath: String? = nil, parentProcessDied: (@Sendable () -> Void)? = nil,
            homeFolder: String? = ProcessInfo.processInfo.environment["HOME"]
        ) {
            self.toolVersion = toolVersion
            self.configPath = configPath
            self.parentProcessDied = parentProcessDied
            self.homeFolder = homeFolder
        }
    }

    private let options: Options
    private let writer: MessageWriter

    public init(options: Options, writer: MessageWriter) {
        self.options = options
        self.writer = writer
    }

    /// Serves until `exit` or the end of the input, then finishes the work already queued.
    /// Returns the process exit code: 0 after `shutdown` then `exit`, 1 otherwise (as the
    /// protocol asks).
    public func run(input: ByteSource) async -> Int32 {
        // The caller's task waits here without holding a thread; the session and the runner
        // work on their own queues and resume it once, at the end.
        await withCheckedContinuation { (finished: CheckedContinuation<Int32, Never>) in
            start(input: input) { finished.resume(returning: $0) }
        }
    }

    /// Starts serving on the server's own threads and returns at once; `finished` is called
    /// with the exit code (as `run` returns it), from the server's work queue, once.
    public func start(input: ByteSource, finished: @escaping @Sendable (Int32) -> Void) {
        let session = ServerSession(options: options, writer: writer, runner: WorkRunner(), finished: finished)
        session.serve(input)
    }

    /// Why `root` is too broad a folder to scan for posts (the whole disk, or a home folder), or
    /// nil when it is not.
    static func tooBroadARoot(_ root: String, home: String?) -> String? {
        let normalized = PathUtilities.normalize(root)
        if normalized == "/" || normalized.isEmpty { return "the root of the file system" }
        if let home, !home.isEmpty, PathUtilities.normalize(home) == normalized { return "the home folder" }
        return nil
    }
}

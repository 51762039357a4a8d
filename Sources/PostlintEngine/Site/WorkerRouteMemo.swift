import PostlintCore

/// One worker's view of a site's routes: the links of the post being linted are resolved once
/// however many rules ask (`broken-link`, then `unchecked-link`, each resolves every link that is
/// no file). It remembers the answers for one post at a time, the worker's current one, so its
/// memory is that post's links.
final class WorkerRouteMemo: RouteResolving, Sendable {
    private struct Answers: Sendable {
        var documentPath = ""
        var resolutions: [String: RouteResolution] = [:]
    }

    let base: any RouteResolving
    private let answers = Locked(Answers())

    init(base: any RouteResolving) {
        self.base = base
    }

    func resolve(_ path: String, from documentPath: String) -> RouteResolution {
        let known = answers.withLock { $0.documentPath == documentPath ? $0.resolutions[path] : nil }
        if let known { return known }
        let resolution = base.resolve(path, from: documentPath)
        answers.withLock { answers in
            if answers.documentPath != documentPath {
                answers.documentPath = documentPath
                answers.resolutions.removeAll(keepingCapacity: true)
            }
            answers.resolutions[path] = resolution
        }
        return resolution
    }

    func unservedSource(_ file: String, linkedFrom documentPath: String) -> String? {
        base.unservedSource(file, linkedFrom: documentPath)
    }

    var fileLinksIgnoreLetterCase: Bool { base.fileLinksIgnoreLetterCase }

    var definitionTermIDs: Bool { base.definitionTermIDs }

    func includedPageCandidates(_ argument: String, from documentPath: String) -> [String] {
        base.includedPageCandidates(argument, from: documentPath)
    }

    var tabbedContentHeadings: Bool { base.tabbedContentHeadings }
}

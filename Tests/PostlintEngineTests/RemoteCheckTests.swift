import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// Remote image checks against a server the test starts on 127.0.0.1; no other address is touched.
@Suite(.serialized) struct RemoteCheckTests {
    private func options(cache: String? = nil) -> RemoteCheckOptions {
        RemoteCheckOptions(concurrency: 4, timeout: 1, retries: 1, retryDelay: 0.05, cachePath: cache)
    }

    @Test func classifiesAnswers() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let paths = ["/ok", "/moved", "/missing", "/error", "/slow", "/no-head", "/flaky"]
        let results = await RemoteChecker(options: options()).check(Set(paths.map(server.url)))
        #expect(results[server.url("/ok")] == .status(200))
        #expect(results[server.url("/moved")] == .status(200))
        #expect(results[server.url("/missing")] == .status(404))
        #expect(results[server.url("/error")] == .status(500))
        #expect(results[server.url("/no-head")] == .status(200))
        #expect(results[server.url("/flaky")] == .status(200))
        #expect(results[server.url("/slow")]?.isReachable == false)
        // 500 is retried once; 404 is not.
        #expect(server.requests(to: "/error") == 2)
        #expect(server.requests(to: "/missing") == 1)
    }

    @Test func cachedResultsAreNotAskedAgain() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let folder = try TemporaryFolder()
        let cache = folder.path + "/cache.json"
        let urls: Set<String> = [server.url("/ok"), server.url("/missing")]
        _ = await RemoteChecker(options: options(cache: cache)).check(urls)
        let second = await RemoteChecker(options: options(cache: cache)).check(urls)
        #expect(second[server.url("/missing")] == .status(404))
        #expect(server.requests(to: "/ok") == 1)
        #expect(server.requests(to: "/missing") == 1)
        var expired = options(cache: cache)
        expired.cacheTimeToLive = 0
        _ = await RemoteChecker(options: expired).check(urls)
        #expect(server.requests(to: "/ok") == 2)
    }

    @Test func linterReportsUnreachableRemoteImagesOnlyWhenAsked() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let folder = try TemporaryFolder()
        try folder.write(
            "post.md",
            """
            ---
            title: Remote images
            cover: \(server.url("/missing"))
            ---
            ![A working image](\(server.url("/ok")))
            <img src="\(server.url("/error"))" alt="A failing image">

            """)
        let linter = try Linter(workingDirectory: folder.path)
        let local = try linter.lint(paths: ["."]).findings.filter { $0.message.contains("remote image") }
        #expect(local.isEmpty)
        #expect(server.requests(to: "/ok") == 0)
        let remote = try linter.lint(paths: ["."], options: LintOptions(remote: options()))
            .findings.filter { $0.message.hasPrefix("remote image") }
        #expect(remote.map(\.start.line).sorted() == [3, 6])
        #expect(remote.allSatisfy { $0.ruleID == "broken-image" })
        #expect(remote.contains { $0.message.contains("/missing is unreachable: HTTP 404") })
    }
}

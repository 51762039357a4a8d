import PostlintJSON
import Foundation
import Testing
import PostlintTestSupport
@testable import PostlintLanguageServer

/// The server in process, driven by a client written here.
@Suite struct LanguageServerTests {
    /// A post with an emoji before a mojibake sequence on line 7, and a bad slug on line 2.
    static let post = """
        ---
        slug: Bad Slug
        title: A post
        excerpt: An excerpt that is long enough to satisfy the excerpt length rule of postlint.
        keywords: [post]
        ---
        🎉 The post was about cafÃ© culture.

        """

    private func uri(_ folder: TemporaryFolder, _ name: String) -> String {
        DocumentURI.uri(ofPath: folder.path + "/" + name)
    }

    @Test func initializeAdvertisesSyncCodeActionsAndNegotiatesTheEncoding() async {
        let harness = ServerHarness()
        let result = await harness.start(encodings: ["utf-8", "utf-16"])
        #expect(result?["capabilities"]?["positionEncoding"]?.stringValue == "utf-8")
        #expect(result?["capabilities"]?["textDocumentSync"]?["change"]?.intValue == 1)
        #expect(result?["capabilities"]?["textDocumentSync"]?["openClose"]?.boolValue == true)
        #expect(result?["capabilities"]?["codeActionProvider"]?["codeActionKinds"]?.arrayValue?.contains("quickfix") == true)
        #expect(await harness.request("shutdown")?["result"] == .null)
        harness.notify("exit", .null)
        #expect(await harness.waitForExit() == 0)

        let other = ServerHarness()
        #expect(await other.start(encodings: nil)?["capabilities"]?["positionEncoding"]?.stringValue == "utf-16")
        #expect(await other.finish() == 1)  // input ended without shutdown and exit
    }

    @Test func diagnosticsUseUTF16PositionsAfterAnEmojiAndLinkTheRule() async throws {
        let folder = try TemporaryFolder()
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = uri(folder, "post.md")
        harness.open(uri, Self.post)
        let diagnostics = try #require(await harness.diagnostics(for: uri, version: 1))
        let mojibake = try #require(diagnostics.first { $0["code"]?.stringValue == "mojibake" })
        // "🎉 The post was about caf" is 25 UTF-16 units (the emoji counts 2); "Ã©" follows.
        #expect(LSP.position(mojibake["range"]?["start"]) ?? (0, 0) == (6, 25))
        #expect(LSP.position(mojibake["range"]?["end"]) ?? (0, 0) == (6, 27))
        #expect(mojibake["severity"]?.intValue == 1)
        #expect(mojibake["source"]?.stringValue == "postlint")
        #expect(mojibake["codeDescription"] == nil, "no documentation site is claimed")
        let slug = try #require(diagnostics.first { $0["code"]?.stringValue == "slug-format" })
        #expect(LSP.position(slug["range"]?["start"]) ?? (0, 0) == (1, 6))
        #expect(LSP.position(slug["range"]?["end"]) ?? (0, 0) == (1, 14))
        _ = await harness.finish()
    }

    @Test func utf8PositionsWhenNegotiated() async throws {
        let folder = try TemporaryFolder()
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path), encodings: ["utf-8"])
        let uri = uri(folder, "post.md")
        harness.open(uri, Self.post)
        let diagnostics = try #require(await harness.diagnostics(for: uri))
        let mojibake = try #require(diagnostics.first { $0["code"]?.stringValue == "mojibake" })
        #expect(LSP.position(mojibake["range"]?["start"]) ?? (0, 0) == (6, 27))  // the emoji is 4 bytes
        _ = await harness.finish()
    }

    @Test func theQuickFixRepairsTheTextAndTheDiagnosticGoes() async throws {
        let folder = try TemporaryFolder()
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = uri(folder, "post.md")
        harness.open(uri, Self.post)
        let diagnostics = try #require(await harness.diagnostics(for: uri, version: 1))
        let mojibake = try #require(diagnostics.first { $0["code"]?.stringValue == "mojibake" })
        let response = await harness.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(uri)],
                "range": try #require(mojibake["range"]),
                "context": ["diagnostics": [mojibake]],
            ])
        let actions = try #require(response?["result"]?.arrayValue)
        let fix = try #require(actions.first { $0["isPreferred"]?.boolValue == true })
        #expect(fix["kind"]?.stringValue == "quickfix")
        let edits = try #require(fix["edit"]?["changes"]?[uri]?.arrayValue)
        let fixed = try #require(LSP.apply(edits, to: Self.post, encoding: .utf16))
        #expect(fixed.contains("🎉 The post was about café culture."))
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [["text": .string(fixed)]],
            ])
        let after = try #require(await harness.diagnostics(for: uri, version: 2))
        #expect(!LSP.codes(after).contains("mojibake"))
        #expect(LSP.codes(after).contains("slug-format"))
        _ = await harness.finish()
    }

    @Test func disableForThisLineInsertsTheSuppressionCommentWithTheIndentation() async throws {
        let folder = try TemporaryFolder()
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = uri(folder, "post.md")
        let text = Self.post.replacingOccurrences(of: "🎉 The post", with: "  - 🎉 The post")
        harness.open(uri, text)
        let diagnostics = try #require(await harness.diagnostics(for: uri))
        let mojibake = try #require(diagnostics.first { $0["code"]?.stringValue == "mojibake" })
        let response = await harness.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(uri)], "range": try #require(mojibake["range"]), "context": ["diagnostics": []],
            ])
        let actions = try #require(response?["result"]?.arrayValue)
        let disable = try #require(actions.first { $0["title"]?.stringValue == "Disable mojibake for this line" })
        let edits = try #require(disable["edit"]?["changes"]?[uri]?.arrayValue)
        let edited = try #require(LSP.apply(edits, to: text, encoding: .utf16))
        #expect(edited.contains("---\n  <!-- postlint-disable-next-line mojibake -->\n  - 🎉 The post"))
        // No suppression comment inside front matter, where it would break the YAML.
        let slug = try #require(diagnostics.first { $0["code"]?.stringValue == "slug-format" })
        let slugActions =
            await harness.request(
                "textDocument/codeAction",
                [
                    "textDocument": ["uri": .string(uri)], "range": try #require(slug["range"]), "context": ["diagnostics": []],
                ])?["result"]?.arrayValue ?? []
        #expect(!slugActions.contains { $0["title"]?.stringValue == "Disable slug-format for this line" })
        _ = await harness.finish()
    }

    @Test func incrementalChangesEditTheBufferNotTheFileOnDisk() async throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("post.md", "---\nslug: fine-on-disk\n---\n")
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = uri(folder, "post.md")
        harness.open(uri, Self.post)
        #expect(LSP.codes(try #require(await harness.diagnostics(for: uri, version: 1))).contains("slug-format"))
        // Replace "Bad Slug" (line 1, characters 6..14) with a good slug.
        harness.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 1, "character": 6], "end": ["line": 1, "character": 14]],
                        "text": "bad-slug",
                    ]
                ],
            ])
        let after = try #require(await harness.diagnostics(for: uri, version: 2))
        #expect(!LSP.codes(after).contains("slug-format"))
        #expect(LSP.codes(after).contains("mojibake"))
        _ = await harness.finish()
    }

    @Test func closingADocumentClearsItsDiagnostics() async throws {
        let folder = try TemporaryFolder()
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = uri(folder, "post.md")
        harness.open(uri, Self.post)
        #expect(try #require(await harness.diagnostics(for: uri)).isEmpty == false)
        harness.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        #expect(await harness.diagnostics(for: uri) == [])
        _ = await harness.finish()
    }

    @Test func rapidChangesEndWithDiagnosticsForTheLastText() async throws {
        let folder = try TemporaryFolder()
        let harness = ServerHarness()
        await harness.start(root: URL(fileURLWithPath: folder.path))
        let uri = uri(folder, "post.md")
        harness.open(uri, Self.post)
        var text = Self.post
        var burst: [UInt8] = []
        for version in 2...60 {
            // Each change breaks or repairs the slug; the last one (60) leaves it repaired.
            text = text.replacingOccurrences(
                of: version % 2 == 0 ? "slug: Bad Slug" : "slug: bad-slug",
                with: version % 2 == 0 ? "slug: bad-slug" : "slug: Bad Slug")
            let body = JSONValue.object([
                ("jsonrpc", "2.0"), ("method", "textDocument/didChange"),
                (
                    "params",
                    [
                        "textDocument": ["uri": .string(uri), "version": .int(version)],
                        "contentChanges": [["text": .string(text)]],
                    ]
                ),
            ]).compactBytes()
            burst += Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        harness.sendRaw(burst)  // as a fast typist's editor would: all at once
        let final = try #require(await harness.diagnostics(for: uri, version: 60))
        #expect(!LSP.codes(final).contains("slug-format"))
        // Every publish matched the text of its version: odd versions have the bad slug.
        let publishes = harness.inbox.all.filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
        for publish in publishes {
            guard let version = publish["params"]?["version"]?.intValue, version > 1 else { continue }
            let codes = LSP.codes(publish["params"]?["diagnostics"]?.arrayValue ?? [])
            #expect(codes.contains("slug-format") == (version % 2 == 1), "version \(version)")
        }
        // Superseded versions were skipped rather than linted one by one.
        #expect(publishes.count < 30)
        _ = await harness.finish()
    }
}

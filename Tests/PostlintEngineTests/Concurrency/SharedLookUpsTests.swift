import Dispatch
import Foundation
import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// The run's shared look-ups (listings, kinds, configurations, YAML versions, git's index, the
/// worker's listings), asked from many threads at once: each thread gets the answer for what it
/// asked, as a single thread would. A ThreadSanitizer run (`.ci/sanitizers.sh`) checks that their
/// state is touched only under its lock.
@Suite struct SharedLookUpsTests {
    /// 24 folders of 1 to 24 images, each listed by 16 threads in a different order.
    @Test func listingsAndKindsAskedTogetherAnswerEachFolder() throws {
        let folder = try TemporaryFolder()
        for section in 0..<24 {
            for image in 0...section { try folder.write("s\(section)/i\(image).png", "") }
        }
        let files = CachingFileSystem()
        let wrong = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            for step in 0..<48 {
                let section = (step * 7 + worker) % 24
                let names = files.listing(of: "\(folder.path)/s\(section)")?.names.sorted()
                let kind = files.kind(of: "\(folder.path)/s\(section)/i0.png")
                let missing = files.kind(of: "\(folder.path)/s\(section)/absent.png")
                if names != (0...section).map({ "i\($0).png" }).sorted() || kind != .file || missing != .missing {
                    wrong.withLock { $0 += 1 }
                }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
    }

    /// Each of 8 folders has its own configuration (a different `yaml.version` marks which); a
    /// ninth has none and finds the one above it.
    @Test func configurationsResolvedTogetherAreEachFoldersOwn() throws {
        let folder = try TemporaryFolder()
        try folder.write(".postlint.yml", "yaml:\n  version: \"1.1\"\n")
        for index in 0..<8 {
            try folder.write("f\(index)/.postlint.yml", "yaml:\n  version: \"\(index % 2 == 0 ? "1.2" : "1.1")\"\n")
        }
        let resolver = try ConfigurationResolver(configPath: nil, workingDirectory: folder.path)
        let answers = Locked<[Int: Set<String>]>([:])
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            for step in 0..<27 {
                let index = (step + worker) % 9
                let configuration = try? resolver.configuration(forFileAt: "\(folder.path)/f\(index)/post.md")
                let answer = "\(configuration?.path ?? "none") \(configuration?.yamlVersion?.rawValue ?? "none")"
                answers.withLock { _ = $0[index, default: []].insert(answer) }
            }
        }
        let found = answers.withLock { $0 }
        for index in 0..<9 {
            // Every thread got the same answer for a folder.
            #expect(found[index]?.count == 1)
            let expected = index == 8 ? ".postlint.yml 1.1" : "f\(index)/.postlint.yml \(index % 2 == 0 ? "1.2" : "1.1")"
            #expect(found[index]?.first?.hasSuffix("/" + expected) == true || found[index]?.first == expected)
        }
    }

    /// Posts below a Hugo site read YAML 1.2, the others 1.1, however the threads interleave.
    @Test func yamlVersionsDetectedTogetherMatchEachSite() throws {
        let folder = try TemporaryFolder()
        try folder.write("hugo/hugo.toml", "")
        let detector = SiteYAMLVersionDetector()
        let wrong = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            for step in 0..<40 {
                let depth = (step + worker) % 5
                let nested = (0..<depth).map { "d\($0)" }.joined(separator: "/")
                let inHugo = detector.version(forFolder: "\(folder.path)/hugo/content/\(nested)")
                let outside = detector.version(forFolder: "\(folder.path)/plain/\(nested)")
                if inHugo != .v1_2 || outside != .v1_1 { wrong.withLock { $0 += 1 } }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
    }

    /// Files outside git's index are missing to every thread, and each is recorded as hidden once.
    @Test func theIndexViewHidesTheSameFilesToEveryThread() throws {
        let folder = try TemporaryFolder()
        var indexed: Set<String> = []
        for index in 0..<20 {
            let path = try folder.write("p\(index).md", "")
            if index % 2 == 0 { indexed.insert(path) }
        }
        let view = IndexFileSystem(base: LocalFileSystem(), indexedFiles: indexed, workingDirectory: folder.path)
        let wrong = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            for step in 0..<20 {
                let index = (step + worker) % 20
                let kind = view.kind(of: "\(folder.path)/p\(index).md")
                if kind != (index % 2 == 0 ? .file : .missing) { wrong.withLock { $0 += 1 } }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
        let finding = Finding(
            path: "a.md", start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1),
            ruleID: "broken-link", severity: .error,
            message: "link target not found (looked for \(folder.path)/p1.md)")
        let explained = view.explainingUnstagedFiles([finding], ruleIDs: ["broken-link"])
        #expect(explained.first?.message.contains("is not staged or tracked by git") == true)
    }
}

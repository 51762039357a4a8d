import Testing
@testable import PostlintLanguageServer

@Suite struct MessageFramerTests {
    private func frame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    private func drain(_ framer: inout MessageFramer) -> [MessageFramer.Event] {
        var events: [MessageFramer.Event] = []
        while let event = framer.next() { events.append(event) }
        return events
    }

    @Test func aMessageSplitIntoSingleBytesArrivesWhole() {
        var framer = MessageFramer()
        let body = #"{"jsonrpc":"2.0","method":"x","params":"é🎉"}"#
        var events: [MessageFramer.Event] = []
        for byte in frame(body) {
            framer.append([byte])
            events += drain(&framer)
        }
        #expect(events == [.message(Array(body.utf8))])
        #expect(framer.pendingByteCount == 0)
    }

    @Test func coalescedMessagesComeOutInOrder() {
        var framer = MessageFramer()
        let bodies = (0..<50).map { #"{"id":\#($0)}"# }
        framer.append(bodies.flatMap(frame))
        #expect(drain(&framer) == bodies.map { .message(Array($0.utf8)) })
    }

    @Test func aMessageSplitAcrossTheHeaderEndAndTheBody() {
        var framer = MessageFramer()
        let bytes = frame("{}") + frame("[1]")
        framer.append(bytes[0..<19])  // inside "\r\n\r\n"
        #expect(framer.next() == nil)
        framer.append(bytes[19..<22])  // the header's end and half the body
        #expect(framer.next() == nil)
        framer.append(bytes[22..<23])
        #expect(framer.next() == .message(Array("{}".utf8)))
        framer.append(bytes[23...])
        #expect(framer.next() == .message(Array("[1]".utf8)))
        #expect(framer.next() == nil)
    }

    @Test func otherHeadersAndAnyCaseAreAccepted() {
        var framer = MessageFramer()
        framer.append(Array("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n{}".utf8))
        #expect(drain(&framer) == [.message(Array("{}".utf8))])
    }

    @Test(arguments: [
        "Content-Length: abc\r\n\r\n",
        "Content-Type: text/plain\r\n\r\n",
        "garbage without colon\r\n\r\n",
        "Content-Length: 2\r\nContent-Length: 3\r\n\r\n",
        "Content-Length: 99999999999999999999\r\n\r\n",
    ])
    func aBadHeaderIsAnErrorAndTheNextMessageStillArrives(header: String) {
        var framer = MessageFramer()
        framer.append(Array(header.utf8) + frame(#"{"ok":true}"#))
        let events = drain(&framer)
        #expect(events.count == 2)
        if case .error = events.first {} else { Issue.record("expected an error first, got \(events)") }
        #expect(events.last == .message(Array(#"{"ok":true}"#.utf8)))
    }

    @Test func aTooShortContentLengthCostsOneMessageOnly() {
        var framer = MessageFramer()
        let body = #"{"id":1,"method":"a"}"#
        framer.append(Array("Content-Length: 10\r\n\r\n\(body)".utf8) + frame(#"{"id":2}"#))
        let events = drain(&framer)
        #expect(events.first == .message(Array(body.utf8.prefix(10))))
        #expect(events.contains { if case .error = $0 { return true } else { return false } })
        #expect(events.last == .message(Array(#"{"id":2}"#.utf8)))
    }

    @Test func aHugeMessageArrivesIntactInChunks() {
        var framer = MessageFramer()
        let text = String(repeating: "a", count: 10_000_000)
        let bytes = frame("\"\(text)\"")
        var index = 0
        var events: [MessageFramer.Event] = []
        while index < bytes.count {
            let end = min(index + 65_536, bytes.count)
            framer.append(bytes[index..<end])
            events += drain(&framer)
            index = end
        }
        #expect(events.count == 1)
        if case .message(let body) = events.first { #expect(body.count == 10_000_002) }
    }

    @Test func aMessageOverTheLimitIsSkippedWithoutBeingStored() {
        var framer = MessageFramer(maximumContentLength: 1000)
        framer.append(Array("Content-Length: 5000\r\n\r\n".utf8))
        #expect({ if case .error = framer.next() { return true } else { return false } }())
        for _ in 0..<5 {
            framer.append([UInt8](repeating: 0x41, count: 1000))
            #expect(framer.next() == nil)
            #expect(framer.pendingByteCount == 0)
        }
        framer.append(frame("{}"))
        #expect(framer.next() == .message(Array("{}".utf8)))
    }

    @Test func anEndlessHeaderIsCutOff() {
        var framer = MessageFramer()
        framer.append([UInt8](repeating: 0x41, count: MessageFramer.maximumHeaderLength + 10))
        #expect({ if case .error = framer.next() { return true } else { return false } }())
        #expect(framer.pendingByteCount <= 3)
        framer.append(frame("{}"))
        #expect(drain(&framer).last == .message(Array("{}".utf8)))
    }
}

import Testing
@testable import PostlintCore

@Suite struct LineIndexTests {
    @Test func mapsOffsetsAcrossAllLineEndings() {
        let index = LineIndex(bytes: Array("a\nb\r\nc\rd".utf8))
        #expect(index.lineCount == 4)
        #expect(index.location(of: 0) == SourceLocation(line: 1, column: 1))
        #expect(index.location(of: 2) == SourceLocation(line: 2, column: 1))
        #expect(index.location(of: 5) == SourceLocation(line: 3, column: 1))
        #expect(index.location(of: 7) == SourceLocation(line: 4, column: 1))
        #expect(index.contentRange(ofLine: 1) == 2..<3)
    }

    @Test func countsColumnsInScalarsUTF16AndUTF8() {
        // "é" is 2 bytes, "😀" 4 bytes (2 UTF-16 units).
        let text = "é😀x"
        let index = LineIndex(bytes: Array(text.utf8))
        let xOffset = 6
        #expect(index.location(of: xOffset).column == 3)
        #expect(index.location(of: xOffset, unit: .utf16).column == 4)
        #expect(index.location(of: xOffset, unit: .utf8).column == 7)
        #expect(index.offset(of: SourceLocation(line: 1, column: 3)) == xOffset)
        #expect(index.offset(of: SourceLocation(line: 1, column: 4), unit: .utf16) == xOffset)
    }

    @Test func clampsOutOfRangePositions() {
        let index = LineIndex(bytes: Array("ab\ncd".utf8))
        #expect(index.offset(of: SourceLocation(line: 99, column: 99)) == 5)
        #expect(index.location(of: 1000) == SourceLocation(line: 2, column: 3))
        #expect(index.location(of: -4) == SourceLocation(line: 1, column: 1))
    }
}

@Suite struct LineIndexLongLineTests {
    /// Columns on a long line with multi-byte text agree with a plain count, in every unit and back.
    @Test func longMixedLineMatchesAPlainCount() {
        var text = "start\n"
        for index in 0..<3000 { text += index % 7 == 0 ? "é😀" : (index % 5 == 0 ? "中" : "ab") }
        text += "\nend"
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes: bytes)
        let lineStart = 6
        var scalars = 0
        var utf16 = 0
        var offset = lineStart
        while offset < bytes.count, bytes[offset] != 0x0A {
            let location = index.location(of: offset)
            #expect(location == SourceLocation(line: 2, column: scalars + 1))
            #expect(index.location(of: offset, unit: .utf16).column == utf16 + 1)
            #expect(index.offset(of: location) == offset)
            #expect(index.offset(of: SourceLocation(line: 2, column: utf16 + 1), unit: .utf16) == offset)
            let width = LineIndex.sequenceLength(bytes[offset])
            scalars += 1
            utf16 += width == 4 ? 2 : 1
            offset += width
        }
        #expect(index.offset(of: SourceLocation(line: 2, column: 1_000_000)) == offset)
        #expect(index.location(of: bytes.count) == SourceLocation(line: 3, column: 4))
    }

    /// A line of nothing but 4-byte and 3-byte characters, as many continuation bytes and leads a
    /// block as there can be: the block counts still agree with a plain count.
    @Test func denseMultiByteLinesMatchAPlainCount() {
        for piece in ["😀", "中", "é"] {
            let text = "x\n" + String(repeating: piece, count: 2_500) + "\n"
            let bytes = Array(text.utf8)
            let index = LineIndex(bytes: bytes)
            let width = piece.utf8.count
            for count in [0, 1, 255, 256, 257, 300, 1_023, 1_024, 1_500, 2_499, 2_500] {
                let offset = 2 + count * width
                #expect(index.location(of: offset) == SourceLocation(line: 2, column: count + 1), "\(piece) \(count)")
                #expect(index.location(of: offset, unit: .utf16).column == count * piece.utf16.count + 1, "\(piece) \(count)")
                #expect(index.offset(of: SourceLocation(line: 2, column: count + 1)) == offset, "\(piece) \(count)")
            }
        }
    }

    @Test func aColumnInsideASurrogatePairStopsBeforeTheCharacter() {
        let index = LineIndex(bytes: Array("a😀b".utf8))
        #expect(index.offset(of: SourceLocation(line: 1, column: 3), unit: .utf16) == 1)
        #expect(index.offset(of: SourceLocation(line: 1, column: 4), unit: .utf16) == 5)
    }

    /// Short lines (columns counted by walking the line) and lines just past the walking limit
    /// (counted from the block counts), crossing block boundaries, agree with a plain count.
    @Test func shortAndMediumMixedLinesMatchAPlainCount() {
        var text = ""
        for line in 0..<400 {
            let length = line % 3 == 0 ? 300 : line % 40
            for index in 0..<length { text += index % 9 == 0 ? "é😀" : (index % 4 == 0 ? "中" : "a") }
            text += line % 5 == 0 ? "\r\n" : "\n"
        }
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes: bytes)
        var line = 1
        var scalars = 0
        var utf16 = 0
        var offset = 0
        while offset < bytes.count {
            let location = index.location(of: offset)
            #expect(location == SourceLocation(line: line, column: scalars + 1))
            #expect(index.location(of: offset, unit: .utf16) == SourceLocation(line: line, column: utf16 + 1))
            #expect(index.offset(of: location) == offset)
            #expect(index.offset(of: SourceLocation(line: line, column: utf16 + 1), unit: .utf16) == offset)
            if bytes[offset] == 0x0D || bytes[offset] == 0x0A {
                offset += bytes[offset] == 0x0D ? 2 : 1
                line += 1
                scalars = 0
                utf16 = 0
                continue
            }
            let width = LineIndex.sequenceLength(bytes[offset])
            scalars += 1
            utf16 += width == 4 ? 2 : 1
            offset += width
        }
        #expect(line == 401)
    }
}

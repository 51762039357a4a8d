/// A JSON value whose objects keep their keys in insertion order, so that reports are byte-for-byte
/// stable (Foundation's encoder orders keys either by hash, which varies between runs, or
/// alphabetically, which is not the documented order). The one JSON model of postlint: reports
/// are built and written as it, and the language server parses (`JSONParser`) and writes its
/// messages as it.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number in JSON syntax, as written or as parsed (`intValue` and `doubleValue` read it).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(left), .bool(right)): return left == right
        case let (.number(left), .number(right)): return left == right
        case let (.string(left), .string(right)): return left == right
        case let (.array(left), .array(right)): return left == right
        case let (.object(left), .object(right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// How the value is laid out when written.
    public enum Layout: Sendable {
        /// Two-space indentation, one member per line, `"key": value`.
        case pretty
        /// No white space at all.
        case compact
    }

    /// The value written as UTF-8 JSON text (RFC 8259), without a trailing newline.
    public func serialized(_ layout: Layout) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(into: &output, layout: layout, depth: 0, streamed: nil)
        return String(decoding: output, as: UTF8.self)
    }

    /// An array written an element at a time where a document holds the string `marker`.
    public struct StreamedArray {
        /// A string value that stands for the array in the document (one no real value equals).
        public var marker: String
        public var count: Int
        /// Writes the element at a position (at the depth given), made when it is written.
        let writeElement: (Int, inout [UInt8], Layout, Int) -> Void
        /// Called with the bytes written so far after each element (to hand them on).
        var afterElement: ((inout [UInt8]) -> Void)?

        /// Elements made as values, each dropped once written.
        public init(marker: String, count: Int, element: @escaping (Int) -> JSONValue) {
            self.marker = marker
            self.count = count
            self.writeElement = { index, output, layout, depth in
                element(index).write(into: &output, layout: layout, depth: depth, streamed: nil)
            }
        }

        /// Elements written as bytes by `element` (at the depth given), laid out as the values
        /// they stand for would be (see `ObjectTemplate`).
        public init(marker: String, count: Int, elementBytes: @escaping (Int, inout [UInt8], Layout, Int) -> Void) {
            self.marker = marker
            self.count = count
            self.writeElement = elementBytes
        }

        /// Objects written member by member, with no value made for them: for arrays of many
        /// elements of one shape (a report's findings), where making each element's tree cost
        /// more than writing it.
        public init(marker: String, count: Int, object: @escaping (Int, inout ObjectWriter) -> Void) {
            self.marker = marker
            self.count = count
            self.writeElement = { index, output, layout, depth in
                var writer = ObjectWriter(taking: &output, layout: layout, depth: depth)
                object(index, &writer)
                output = writer.finished()
            }
        }
    }

    /// The bytes around the values of an object of fixed keys, laid out as `.object` is at a
    /// depth: for writing many objects of one shape without writing each key and indentation.
    public struct ObjectTemplate: Sendable {
        /// `{`.
        public let opening: [UInt8]
        /// Before each member's value: a comma after the first, the line break and indentation,
        /// the escaped key, `:` and, laid out pretty, a space.
        public let prefixes: [[UInt8]]
        /// After the last value: the line break and indentation, `}`.
        public let closing: [UInt8]

        /// For objects holding at least one of `keys`, in that order, at `depth`.
        public init(keys: [String], layout: Layout, depth: Int) {
            opening = [UInt8(ascii: "{")]
            prefixes = keys.enumerated().map { position, key in
                var bytes: [UInt8] = position > 0 ? [UInt8(ascii: ",")] : []
                JSONValue.newline(into: &bytes, layout: layout, depth: depth + 1)
                JSONValue.writeString(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                if layout == .pretty { bytes.append(UInt8(ascii: " ")) }
                return bytes
            }
            var closing: [UInt8] = []
            JSONValue.newline(into: &closing, layout: layout, depth: depth)
            closing.append(UInt8(ascii: "}"))
            self.closing = closing
        }
    }

    /// `text` as a JSON string's bytes, quoted and escaped as `writeString` writes it.
    public static func quoted(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        return bytes
    }

    /// Appends `value` in decimal, as `String(value)` spells it.
    public static func writeInteger(_ value: Int, into output: inout [UInt8]) {
        if value < 0 {
            output.append(UInt8(ascii: "-"))
            // The magnitude of Int.min does not fit an Int: it is written from its UInt.
            writeDigits(value.magnitude, into: &output)
        } else {
            writeDigits(UInt(value), into: &output)
        }
    }

    private static func writeDigits(_ value: UInt, into output: inout [UInt8]) {
        guard value >= 10 else {
            output.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            output.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Writes one object's members in order, laid out as `.object` is: the same bytes as the
    /// object value holding them.
    public struct ObjectWriter {
        private var output: [UInt8]
        private let layout: Layout
        private let depth: Int
        private var members = 0

        /// Takes `output`'s bytes (leaving it empty), so appending never copies them.
        init(taking output: inout [UInt8], layout: Layout, depth: Int) {
            self.output = []
            swap(&self.output, &output)
            self.layout = layout
            self.depth = depth
            self.output.append(UInt8(ascii: "{"))
        }

        public mutating func string(_ key: String, _ value: String) {
            writeKey(key)
            JSONValue.writeString(value, into: &output)
        }

        public mutating func integer(_ key: String, _ value: Int) {
            writeKey(key)
            output.append(contentsOf: String(value).utf8)
        }

        public mutating func bool(_ key: String, _ value: Bool) {
            writeKey(key)
            output.append(contentsOf: (value ? "true" : "false").utf8)
        }

        private mutating func writeKey(_ name: String) {
            if members > 0 { output.append(UInt8(ascii: ",")) }
            members += 1
            JSONValue.newline(into: &output, layout: layout, depth: depth + 1)
            JSONValue.writeString(name, into: &output)
            output.append(UInt8(ascii: ":"))
            if layout == .pretty { output.append(UInt8(ascii: " ")) }
        }

        /// The bytes with the object closed.
        consuming func finished() -> [UInt8] {
            if members > 0 { JSONValue.newline(into: &output, layout: layout, depth: depth) }
            output.append(UInt8(ascii: "}"))
            return output
        }
    }

    /// The value written as `serialized(_:)` writes it, with the string value `streamed.marker`
    /// written as the array `streamed` makes: the same text as a document holding the whole
    /// array, without a tree of every element (a report's findings) in memory at once.
    public func serialized(_ layout: Layout, streaming streamed: StreamedArray) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1024 + streamed.count * 256)
        write(into: &output, layout: layout, depth: 0, streamed: streamed)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the value's text to `output` (`serialized(_:)` without the String).
    public func write(into output: inout [UInt8], layout: Layout) {
        write(into: &output, layout: layout, depth: 0, streamed: nil)
    }

    /// `serialized(_:streaming:)` handed to `handOn` as it goes: the bytes are handed on after
    /// each streamed element once `partSize` of them have gathered, so the text is never held whole.
    /// `handOn` takes the bytes it is given (it leaves the buffer empty).
    public func write(
        _ layout: Layout, streaming streamed: StreamedArray, partSize: Int,
        handOn: @escaping (inout [UInt8]) -> Void
    ) {
        var output: [UInt8] = []
        output.reserveCapacity(partSize + 4_096)
        var handingOn = streamed
        handingOn.afterElement = { bytes in
            if bytes.count >= partSize { handOn(&bytes) }
        }
        write(into: &output, layout: layout, depth: 0, streamed: handingOn)
        handOn(&output)
    }

    private func write(into output: inout [UInt8], layout: Layout, depth: Int, streamed: StreamedArray?) {
        switch self {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text):
            output.append(contentsOf: text.utf8)
        case .string(let text):
            if let streamed, text == streamed.marker {
                JSONValue.writeArray(count: streamed.count, into: &output, layout: layout, depth: depth) { index, output in
                    streamed.writeElement(index, &output, layout, depth + 1)
                    streamed.afterElement?(&output)
                }
            } else {
                JSONValue.writeString(text, into: &output)
            }
        case .array(let elements):
            JSONValue.writeArray(count: elements.count, into: &output, layout: layout, depth: depth) { index, output in
                elements[index].write(into: &output, layout: layout, depth: depth + 1, streamed: streamed)
            }
        case .object(let members):
            guard !members.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(into: &output, layout: layout, depth: depth + 1)
                JSONValue.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                if layout == .pretty { output.append(UInt8(ascii: " ")) }
                member.value.write(into: &output, layout: layout, depth: depth + 1, streamed: streamed)
            }
            JSONValue.newline(into: &output, layout: layout, depth: depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Writes an array of `count` elements at `depth`, each written by `writeElement` (at
    /// `depth + 1`).
    private static func writeArray(
        count: Int, into output: inout [UInt8], layout: Layout, depth: Int,
        writeElement: (Int, inout [UInt8]) -> Void
    ) {
        guard count > 0 else {
            output.append(contentsOf: "[]".utf8)
            return
        }
        output.append(UInt8(ascii: "["))
        for position in 0..<count {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(into: &output, layout: layout, depth: depth + 1)
            writeElement(position, &output)
        }
        newline(into: &output, layout: layout, depth: depth)
        output.append(UInt8(ascii: "]"))
    }

    /// This value with the member `key` of the object at `path` (member keys and array
    /// positions, from the top) set to `value`; unchanged when the path leads nowhere.
    public func replacing(_ key: String, at path: [JSONPathStep] = [], with value: JSONValue) -> JSONValue {
        guard let step = path.first else {
            guard case .object(var members) = self, let index = members.firstIndex(where: { $0.key == key }) else {
                return self
            }
            members[index].value = value
            return .object(members)
        }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.object(var members), .member(let name)):
            guard let index = members.firstIndex(where: { $0.key == name }) else { return self }
            members[index].value = members[index].value.replacing(key, at: rest, with: value)
            return .object(members)
        case (.array(var elements), .element(let position)) where elements.indices.contains(position):
            elements[position] = elements[position].replacing(key, at: rest, with: value)
            return .array(elements)
        default:
            return self
        }
    }

    /// One step of a path into a document.
    public enum JSONPathStep: Sendable {
        case member(String)
        case element(Int)
    }

    private static func newline(into output: inout [UInt8], layout: Layout, depth: Int) {
        guard layout == .pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes `text` as a JSON string: quotes and backslashes escaped, every control character
    /// (C0 and DEL) escaped, and U+2028/U+2029 escaped so the output is also safe to embed in
    /// JavaScript. Everything else is copied as UTF-8 (a Swift string is always valid Unicode, so
    /// the output is always valid UTF-8).
    static func writeString(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { writeString(utf8: $0, into: &output) }
    }

    /// `writeString` of text given as its UTF-8 bytes (valid UTF-8).
    public static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        do {
            let count = bytes.count
            var index = 0
            // Bytes that need no escape are copied a run at a time.
            var runStart = 0
            while index < count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch byte {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x00..<0x20, 0x7F:
                    appendUnicodeEscape(UInt32(byte), to: &output)
                case 0xE2
                where index + 2 < count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    appendUnicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &output)
                    index += 2
                default:
                    output.append(byte)
                }
                index += 1
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ value: UInt32, to output: inout [UInt8]) {
        let value = Int(value)
        output.append(contentsOf: [
            0x5C, UInt8(ascii: "u"), hexDigits[(value >> 12) & 0xF],
            hexDigits[(value >> 8) & 0xF], hexDigits[(value >> 4) & 0xF], hexDigits[value & 0xF],
        ])
    }
}

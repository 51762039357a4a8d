/// LSP's `Position`: a 0-based line, and `character` counted in the negotiated encoding.
public struct LSPPosition: Codable, Sendable, Equatable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// LSP's `Range`: from `start` up to `end`.
public struct LSPRange: Codable, Sendable, Equatable {
    public var start: LSPPosition
    public var end: LSPPosition

    public init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }
}

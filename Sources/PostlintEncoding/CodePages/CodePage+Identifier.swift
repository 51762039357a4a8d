extension CodePage {
    /// The name configuration uses: `windows-1252`, `latin-1`, `mac-roman`, `cp437`.
    public var identifier: String {
        switch self {
        case .windows1252: return "windows-1252"
        case .latin1: return "latin-1"
        case .windows1250: return "windows-1250"
        case .windows1251: return "windows-1251"
        case .windows1257: return "windows-1257"
        case .iso8859_2: return "iso-8859-2"
        case .macRoman: return "mac-roman"
        case .cp437: return "cp437"
        }
    }

    /// The code page named `identifier` (case-insensitive), if any.
    public init?(identifier: String) {
        let name = identifier.lowercased()
        guard let page = CodePage.allCases.first(where: { $0.identifier == name }) else { return nil }
        self = page
    }
}

/// The subset of SARIF 2.1.0 (OASIS) that postlint writes, as Codable types whose property order is
/// the order the members are written in. Optional members that are `nil` are left out.
public struct SARIFLog: Codable, Sendable, Equatable {
    public var schema: String
    public var version: String
    public var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let formatVersion = "2.1.0"

    public struct Run: Codable, Sendable, Equatable {
        public var tool: Tool
        /// What result columns count: postlint counts Unicode scalars, `unicodeCodePoints`.
        public var columnKind: String
        public var results: [Result]
    }

    public struct Tool: Codable, Sendable, Equatable {
        public var driver: ToolComponent
    }

    public struct ToolComponent: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        /// The tool's home page; optional in SARIF, and left out while the project has none.
        public var informationUri: String?
        public var rules: [ReportingDescriptor]
    }

    /// A rule, described from its metadata.
    public struct ReportingDescriptor: Codable, Sendable, Equatable {
        public var id: String
        public var name: String?
        public var shortDescription: MultiformatMessage?
        public var fullDescription: MultiformatMessage?
        public var help: MultiformatMessage?
        public var helpUri: String?
        public var defaultConfiguration: ReportingConfiguration?
        public var properties: RuleProperties?
    }

    public struct MultiformatMessage: Codable, Sendable, Equatable {
        public var text: String
        public var markdown: String?
    }

    public struct ReportingConfiguration: Codable, Sendable, Equatable {
        /// Present (as `false`) only for a rule that is off unless configured.
        public var enabled: Bool?
        public var level: String
    }

    /// Free-form rule properties: the rule's category as a tag (GitHub shows tags), whether it
    /// can fix what it finds, and where it is defined.
    public struct RuleProperties: Codable, Sendable, Equatable {
        public var tags: [String]
        public var fixable: Bool
        public var origin: String
    }

    public struct Result: Codable, Sendable, Equatable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: String
        public var message: Message
        public var locations: [Location]
        public var fixes: [Fix]?
    }

    public struct Message: Codable, Sendable, Equatable {
        public var text: String
    }

    public struct Location: Codable, Sendable, Equatable {
        public var physicalLocation: PhysicalLocation
    }

    public struct PhysicalLocation: Codable, Sendable, Equatable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    public struct ArtifactLocation: Codable, Sendable, Equatable {
        public var uri: String
        /// `%SRCROOT%` for a relative path: the folder the run started in.
        public var uriBaseId: String?
    }

    /// A text region (1-based lines, columns in `columnKind` units, end exclusive) and/or a byte
    /// region, which is exact whatever the encoding.
    public struct Region: Codable, Sendable, Equatable {
        public var startLine: Int?
        public var startColumn: Int?
        public var endLine: Int?
        public var endColumn: Int?
        public var byteOffset: Int?
        public var byteLength: Int?
    }

    public struct Fix: Codable, Sendable, Equatable {
        public var description: Message
        public var artifactChanges: [ArtifactChange]
    }

    public struct ArtifactChange: Codable, Sendable, Equatable {
        public var artifactLocation: ArtifactLocation
        public var replacements: [Replacement]
    }

    public struct Replacement: Codable, Sendable, Equatable {
        public var deletedRegion: Region
        /// Absent for a pure deletion.
        public var insertedContent: ArtifactContent?
    }

    public struct ArtifactContent: Codable, Sendable, Equatable {
        public var text: String
    }
}

import PostlintCore

/// A rule defined in a YAML rule file: a first-class rule with its own id, metadata and options.
public struct DeclarativeRule: Rule {
    public let metadata: RuleMetadata
    let check: any DeclarativeCheck
    let message: MessageTemplate

    init(metadata: RuleMetadata, kind: RuleKind, options: RuleOptions) throws(KindError) {
        let check = try kind.makeCheck(options)
        var metadata = metadata
        metadata.reads = kind.reads(options)
        self.metadata = metadata
        self.check = check
        let template = options.string("message")
        self.message = MessageTemplate(template.isEmpty ? check.defaultMessage : template)
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        check.findings(in: document, context: context).map { finding in
            let text = finding.values[DeclarativeFindingKey.verbatimMessage] ?? message.render(finding.values)
            return diagnostic(text, at: finding.range)
        }
    }
}

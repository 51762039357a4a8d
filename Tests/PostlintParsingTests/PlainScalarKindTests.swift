import Testing
import PostlintCore
@testable import PostlintParsing

@Suite struct PlainScalarKindTests {
    @Test(arguments: [
        ("", FrontMatterScalar.Kind.null), ("~", .null), ("null", .null), ("NULL", .null),
        ("true", .boolean), ("False", .boolean), ("yes", .boolean), ("off", .boolean),
        ("12", .integer), ("-7", .integer), ("+3", .integer), ("1_000", .integer), ("0x1F", .integer),
        ("0o17", .integer), ("0b101", .integer),
        ("1.5", .float), ("-0.25", .float), (".5", .float), ("1e3", .float), ("6.02E+23", .float), (".inf", .float),
        (".NaN", .float),
        ("2024-05-01", .date), ("2024-05-01T10:00:00Z", .date), ("2024-5-1 9:30:00 +02:00", .date),
        ("hello", .string), ("12 monkeys", .string), ("1.2.3", .string), ("-", .string), ("0x", .string),
        ("2024-05-01x", .string), ("e3", .string), ("+", .string), ("1e", .string), ("--1", .string),
    ])
    func classifies(_ text: String, _ kind: FrontMatterScalar.Kind) {
        #expect(PlainScalarKind.classify(text) == kind)
    }
}

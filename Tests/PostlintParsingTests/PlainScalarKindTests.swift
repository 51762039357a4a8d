import Testing
import PostlintCore
@testable import PostlintParsing

@Suite struct PlainScalarKindTests {
    /// YAML 1.1 as the libyaml loaders resolve it (PyYAML's safe loader).
    @Test(arguments: [
        ("", FrontMatterScalar.Kind.null), ("~", .null), ("null", .null), ("NULL", .null), ("nULL", .string),
        ("true", .boolean), ("False", .boolean), ("yes", .boolean), ("off", .boolean), ("ON", .boolean),
        ("y", .string), ("n", .string), ("Y", .string), ("N", .string), ("yES", .string),
        ("12", .integer), ("-7", .integer), ("+3", .integer), ("1_000", .integer), ("0x1F", .integer),
        ("0b101", .integer), ("017", .integer), ("0", .integer), ("1:30:00", .integer), ("-1:30", .integer),
        ("0o17", .string), ("08", .string), ("1:60", .string), ("0x", .string), ("0b", .string),
        ("1.5", .float), ("-0.25", .float), (".5", .float), ("1.", .float), ("6.02E+23", .float), (".inf", .float),
        ("-.Inf", .float), (".NaN", .float), ("1:30.5", .float), ("1.0e+3", .float),
        ("1e3", .string), ("1.0e3", .string), ("+.5", .string), ("-.5", .string), ("+.nan", .string), (".", .string),
        ("2024-05-01", .date), ("2024-05-01T10:00:00Z", .date), ("2024-5-1 9:30:00 +02:00", .date),
        ("2024-05-01 10:00:00.5 -5", .date), ("2024-1-5", .string), ("2024-02-30", .string), ("2024-13-01", .string),
        ("2024-02-29", .date), ("2023-02-29", .string),
        ("hello", .string), ("12 monkeys", .string), ("1.2.3", .string), ("-", .string),
        ("2024-05-01x", .string), ("e3", .string), ("+", .string), ("1e", .string), ("--1", .string),
    ])
    func classifiesByYAML11(_ text: String, _ kind: FrontMatterScalar.Kind) {
        #expect(PlainScalarKind.classify(text, version: .v1_1) == kind)
    }

    /// YAML 1.2's core schema.
    @Test(arguments: [
        ("", FrontMatterScalar.Kind.null), ("~", .null), ("Null", .null),
        ("true", .boolean), ("FALSE", .boolean), ("yes", .string), ("off", .string), ("y", .string),
        ("12", .integer), ("-7", .integer), ("0o17", .integer), ("0x1F", .integer), ("08", .integer),
        ("017", .integer), ("1_000", .string), ("0b101", .string), ("1:30:00", .string),
        ("1e3", .float), ("1.5", .float), ("+.5", .float), ("1.", .float), ("-.inf", .float), (".nan", .float),
        ("1.0e+3", .float), ("e3", .string), ("1e", .string),
        ("2024-05-01", .date), ("2024-1-5", .string), ("hello", .string),
    ])
    func classifiesByYAML12(_ text: String, _ kind: FrontMatterScalar.Kind) {
        #expect(PlainScalarKind.classify(text, version: .v1_2) == kind)
    }
}

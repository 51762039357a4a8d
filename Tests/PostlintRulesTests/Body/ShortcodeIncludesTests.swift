import Testing
@testable import PostlintRules

/// The include shortcodes whose pages' headings a post offers as its own anchors.
@Suite struct ShortcodeIncludesTests {
    private func arguments(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ShortcodeIncludes.arguments(in: bytes, range: 0..<bytes.count)
    }

    @Test func bothNotationsPositionalAndNamedArguments() {
        #expect(arguments(#"{{% include "/_common/a.md" %}} and {{<include `b` >}}"#) == ["/_common/a.md", "b"])
        #expect(arguments(#"{{% readfile file="includes/c.md" %}}"#) == ["includes/c.md"])
    }

    @Test func otherShortcodesEscapedCallsAndCallsWithoutAPathAreNot() {
        #expect(arguments(#"{{< img src="a.png" >}} {{% included "x" %}} {{ include "y" }}"#).isEmpty)
        #expect(arguments(#"{{%/* include "shown.md" */%}}"#).isEmpty)
        #expect(arguments(#"{{% include %}} "later.md""#).isEmpty)
        #expect(arguments("{{% include\n\"next-line.md\" %}}").isEmpty)
        #expect(arguments(#"{{% include """#).isEmpty)
        #expect(arguments("{{%").isEmpty)
    }
}

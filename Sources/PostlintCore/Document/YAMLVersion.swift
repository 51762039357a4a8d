/// Which YAML rules give plain (unquoted) scalars their types: the YAML 1.1 rules of the libyaml
/// loaders (PyYAML's safe loader, Ruby's Psych as Jekyll uses it), or the YAML 1.2 core schema
/// (Go's YAML loaders as Hugo uses them). `draft: yes` is a boolean under 1.1 and a string under
/// 1.2. `docs/front-matter.md` has the table.
public enum YAMLVersion: String, Sendable, CaseIterable {
    case v1_1 = "1.1"
    case v1_2 = "1.2"
}

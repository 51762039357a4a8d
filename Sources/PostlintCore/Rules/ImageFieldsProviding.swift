/// A rule that checks images named in front matter fields tells which fields, so that remote image
/// checks (`--check-remote`) look at the same ones.
public protocol ImageFieldsProviding {
    var imageFields: [String] { get }
}

import PostlintCore

/// URL path arithmetic for routes: keys for look-ups, base paths, relative resolution. Paths here
/// are decoded (no `%` escapes), without query or fragment.
enum SiteURL {
    /// The path of a base URL (`https://example.com/blog/` → `/blog`, `/` → `""`).
    static func basePath(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return "" }
            rest = rest[slash...]
        }
        var path = String(rest)
        while path.hasSuffix("/") { path.removeLast() }
        if !path.isEmpty, !path.hasPrefix("/") { path = "/" + path }
        return path
    }

    /// The key a route is filed and looked up under: `/a/b/`, `/a/b`, `/a/b.html`, `/a/b/index.html`
    /// and `/a/b/index.htm` all become `/a/b`; the home page is `""`. Repeated slashes fold.
    static func key(_ path: String) -> String {
        if let key = keyAsWritten(path) { return key }
        return keyByNames(path)
    }

    /// The key of a route written as a key already is (most routes and links: `/docs/a/`): it
    /// starts with a slash, has no empty, `.` or `..` name, and its last name is no index page; the
    /// key is the path without its final slash, and without `.html` after an ASCII last name
    /// (`/2019/05/15/a.html`, the old address a site keeps as an alias). Nil for any other.
    static func keyAsWritten(_ path: String) -> String? {
        // Read through one buffer: the string's generic views cost more than the rest of a look-up.
        var bytesOfPath = path
        return bytesOfPath.withUTF8 { bytes -> String? in
            let slash = UInt8(ascii: "/")
            guard bytes.first == slash else { return nil }
            let end = bytes.last == slash ? bytes.count - 1 : bytes.count
            // A name at least, and no empty, `.` or `..` one (what `normalize` leaves as it is).
            guard end > 1 else { return nil }
            let key = UnsafeBufferPointer(rebasing: bytes[..<end])
            guard PathUtilities.isNormal(bytes: key), let lastSlash = key.lastIndex(of: slash) else { return nil }
            let last = UnsafeBufferPointer(rebasing: key[(lastSlash + 1)...])
            if last.count >= 5, last[(last.count - 5)...].elementsEqual(".html".utf8) {
                // ASCII: no character before `.html` can take its dot into itself.
                guard end == bytes.count, last.count > 5, !last.elementsEqual("index.html".utf8),
                    last.allSatisfy({ $0 < 0x80 })
                else { return nil }
                return String(decoding: key[..<(end - 5)], as: UTF8.self)
            }
            if last.elementsEqual("index.htm".utf8) || last.elementsEqual("index.xml".utf8) { return nil }
            return end == bytes.count ? path : String(decoding: key, as: UTF8.self)
        }
    }

    /// `key` taken apart name by name.
    static func keyByNames(_ path: String) -> String {
        var names = foldedNames(path)
        if let last = names.last, last == "index.html" || last == "index.htm" || last == "index.xml" {
            names.removeLast()
        } else if let last = names.last, last.hasSuffix(".html") {
            names[names.count - 1] = last.dropLast(5)
        }
        guard !names.isEmpty else { return "" }
        return "/" + names.joined(separator: "/")
    }

    /// `path` with each run of slashes as one (`//2024/a` → `/2024/a`).
    static func foldingSlashes(_ path: String) -> String {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        // No two slash bytes in a row (nearly every route): no two slash characters either.
        guard ByteScanning.contains("//", in: path) else { return path }
        guard ByteScanning.isASCII(path) else { return foldingSlashesByCharacters(path) }
        var previousWasSlash = false
        return String(
            decoding: bytes.filter { byte in
                defer { previousWasSlash = byte == slash }
                return !(previousWasSlash && byte == slash)
            }, as: UTF8.self)
    }

    /// `foldingSlashes`, a character at a time: for a path that is not all ASCII.
    static func foldingSlashesByCharacters(_ path: String) -> String {
        var result = ""
        result.reserveCapacity(path.utf8.count)
        var previousWasSlash = false
        for character in path {
            if character == "/" {
                if previousWasSlash { continue }
                previousWasSlash = true
            } else {
                previousWasSlash = false
            }
            result.append(character)
        }
        return result
    }

    /// The names of `path` with `.`, `..` and repeated slashes folded.
    static func foldedNames(_ path: String) -> [Substring] {
        var names: [Substring] = []
        for name in path.split(separator: "/", omittingEmptySubsequences: true) where name != "." {
            if name == ".." {
                if !names.isEmpty { names.removeLast() }
            } else {
                names.append(name)
            }
        }
        return names
    }

    /// `relative` resolved against the page URL `base` the way a browser does (`../b/` from
    /// `/blog/a/` is `/blog/b/`); a root-relative path is returned as it is.
    static func resolve(_ relative: String, against base: String) -> String {
        if relative.hasPrefix("/") { return relative }
        var folder = base
        if let slash = folder.lastIndex(of: "/") { folder = String(folder[...slash]) } else { folder = "/" }
        return folder + relative
    }

    /// The first name of a route key (`/blog/a` → `blog`), or nil for the home page.
    static func firstName(ofKey key: String) -> Substring? {
        // An ASCII key splits at its slash bytes as it does at its slash characters.
        guard ByteScanning.isASCII(key) else { return firstNameByCharacters(ofKey: key) }
        let bytes = key.utf8
        let slash = UInt8(ascii: "/")
        guard let start = bytes.firstIndex(where: { $0 != slash }) else { return nil }
        return key[start..<(bytes[start...].firstIndex(of: slash) ?? bytes.endIndex)]
    }

    /// `firstName(ofKey:)`, a character at a time: for a key that is not all ASCII.
    static func firstNameByCharacters(ofKey key: String) -> Substring? {
        key.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first
    }

    /// `path` without the base path it starts with, or nil when it does not start with it.
    static func strippingBase(_ base: String, from path: String) -> String? {
        guard !base.isEmpty else { return path }
        guard path.hasPrefix(base) else { return nil }
        let rest = path.dropFirst(base.count)
        if rest.isEmpty { return "/" }
        return rest.hasPrefix("/") ? String(rest) : nil
    }
}

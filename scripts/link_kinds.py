"""Shared by scripts/site-truth.py and scripts/real-site-links.py: what kind of destination a link
has, where the links of a Markdown source are, and which destination a postlint finding is about.

Kinds of destination (decided from the destination as written in the source):

    image           the source of an image (Markdown image or HTML <img src>)
    anchor          a fragment only: #section
    route+anchor    a path and a fragment: /posts/a/#section, ../b/#c, other.md#d
    file            a relative path whose last segment has an extension other than .html/.htm
                    (other.md, files/notes.pdf; an extension starts with a letter, so the last
                    segment of /blog/release/v8.14.0 has none)
    static          the same, root-relative (/files/notes.pdf, /images/logo.png as a link)
    route           any other root-relative path (/posts/a/, /tags/x/, /about.html)
    relative route  any other relative path (../other/, sibling/, ../)

Links with a scheme (https:, mailto:) or protocol-relative ones (//host/...) are not local and are
skipped. The truth table of site-truth.py counts "static" under "file".
"""

import html
import os
import re
from urllib.parse import unquote

KINDS = ["file", "route", "relative route", "anchor", "route+anchor", "image"]
PAGE_EXTENSIONS = {"", ".html", ".htm"}
_EXTENSION = re.compile(r"^\.[a-z][a-z0-9]{0,9}$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def is_local(destination):
    """Whether a destination names something on this site (no scheme, not protocol-relative)."""
    destination = destination.strip()
    return bool(destination) and not _SCHEME.match(destination) and not destination.startswith("//")


def normalize(destination):
    """A destination as compared between the source, the built HTML and postlint's findings:
    HTML entities and percent escapes decoded, surrounding space and angle brackets removed."""
    destination = html.unescape(destination.strip())
    if destination.startswith("<") and destination.endswith(">"):
        destination = destination[1:-1]
    return unquote(destination)


def classify(destination, is_image):
    """The kind of a local destination (see the module's documentation).

    >>> [classify(d, False) for d in ["#a", "/p/#a", "b.md#c", "b.md", "/f/x.pdf", "/p/", "../q/", "/v8.14.0"]]
    ['anchor', 'route+anchor', 'route+anchor', 'file', 'static', 'route', 'relative route', 'route']
    >>> classify("../x.png", True)
    'image'
    """
    if is_image:
        return "image"
    path, _, fragment = destination.partition("#")
    path = path.split("?", 1)[0]
    if not path:
        return "anchor"
    if fragment:
        return "route+anchor"
    last = "" if path.endswith("/") else path.rsplit("/", 1)[-1]
    extension = "" if last in ("", ".", "..") else os.path.splitext(last)[1].lower()
    if extension not in PAGE_EXTENSIONS and _EXTENSION.match(extension):
        return "static" if path.startswith("/") else "file"
    return "route" if path.startswith("/") else "relative route"


def split_lines(text):
    """Lines as postlint counts them: LF, CRLF and a lone CR each end a line."""
    return _LINE_BREAK.split(text)


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:\s*<?([^\s>]*)>?")
_INLINE_END = re.compile(r"\]\(\s*(<[^>]*>|[^\s)]*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REFERENCE_USE = re.compile(r"\]\[([^\]]*)\]")
_HTML_LINK = re.compile(r"<a\s[^>]*?\bhref\s*=\s*(\"[^\"]*\"|'[^']*')", re.IGNORECASE)
_HTML_IMAGE = re.compile(r"<img\s[^>]*?\bsrc\s*=\s*(\"[^\"]*\"|'[^']*')", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def reference_key(label):
    return " ".join(label.split()).casefold()


def reference_definitions(lines):
    """Link reference definitions of a Markdown file: label (folded) to destination."""
    definitions = {}
    for line in lines:
        match = _REFERENCE_DEFINITION.match(line)
        if match:
            definitions.setdefault(reference_key(match.group(1)), match.group(2))
    return definitions


def _opening_bracket(line, close):
    """The index of the '[' that the ']' at `close` ends, or -1."""
    depth = 0
    for index in range(close, -1, -1):
        character = line[index]
        if character == "]":
            depth += 1
        elif character == "[":
            depth -= 1
            if depth == 0:
                return index
    return -1


def source_links(text):
    r"""The links and images written in a Markdown file, in reading order, as
    (line number, destination as written, is_image). Front matter, fenced code and code spans are
    skipped; inline links and images, full/collapsed reference links, <a href> and <img src> are
    found. A link split over lines is found only when its `](destination)` part is on one line.

    >>> source_links("---\ntitle: [a](b.md)\n---\n[![alt](i.png)](/p/) and `[no](c.md)`\n"
    ...              "```\n[no](d.md)\n```\n[ref][r] <a href='/h/'>h</a>[^1]\n\n[r]: ../r/#s\n")
    [(4, '/p/', False), (4, 'i.png', True), (8, '../r/#s', False), (8, '/h/', False)]
    """
    lines = split_lines(text)
    definitions = reference_definitions(lines)
    found = []
    start = 0
    if lines and lines[0].strip() in ("---", "+++"):
        fence = lines[0].strip()
        for index in range(1, len(lines)):
            if lines[index].strip() in (fence, "..."):
                start = index + 1
                break
    fence = None
    for index in range(start, len(lines)):
        line = lines[index]
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        if _REFERENCE_DEFINITION.match(line):
            continue
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        items = []
        for match in _INLINE_END.finditer(line):
            opening = _opening_bracket(line, match.start())
            if opening < 0 or line[opening + 1:opening + 2] == "^":
                continue
            is_image = opening > 0 and line[opening - 1] == "!"
            items.append((opening, match.group(1), is_image))
        for match in _REFERENCE_USE.finditer(line):
            opening = _opening_bracket(line, match.start())
            if opening < 0:
                continue
            label = match.group(1) or line[opening + 1:match.start()]
            destination = definitions.get(reference_key(label))
            if destination is not None:
                items.append((opening, destination, opening > 0 and line[opening - 1] == "!"))
        for match in _HTML_LINK.finditer(line):
            items.append((match.start(), match.group(1)[1:-1], False))
        for match in _HTML_IMAGE.finditer(line):
            items.append((match.start(), match.group(1)[1:-1], True))
        for _, destination, is_image in sorted(items, key=lambda item: item[0]):
            found.append((index + 1, destination, is_image))
    return found


def finding_destination(lines, definitions, diagnostic):
    """The destination a broken-link or broken-image finding is about, read from the source text
    at the finding's range (columns are 1-based Unicode scalars), else the first quoted text of its
    message. Returns (destination, is_image).

    >>> lines = ["See [the post][p] and ![x](a%20b.png).", "", "[p]: /posts/a/"]
    >>> definitions = reference_definitions(lines)
    >>> finding_destination(lines, definitions, {"rule": "broken-link", "line": 1, "column": 5, "endColumn": 18, "message": ""})
    ('/posts/a/', False)
    >>> finding_destination(lines, definitions, {"rule": "broken-image", "line": 1, "column": 23, "endColumn": 39, "message": ""})
    ('a%20b.png', True)
    """
    line, column = diagnostic["line"], diagnostic["column"]
    end_line, end_column = diagnostic.get("endLine", line), diagnostic.get("endColumn", column)
    is_image = diagnostic["rule"] == "broken-image"
    snippet = ""
    if 1 <= line <= len(lines):
        if end_line == line:
            snippet = lines[line - 1][column - 1:end_column - 1]
        elif end_line <= len(lines):
            middle = lines[line:end_line - 1]
            snippet = "\n".join([lines[line - 1][column - 1:]] + middle + [lines[end_line - 1][:end_column - 1]])
    for pattern in (_HTML_IMAGE, _HTML_LINK):
        match = pattern.search(snippet)
        if match:
            return match.group(1)[1:-1], pattern is _HTML_IMAGE or is_image
    inline = list(_INLINE_END.finditer(snippet))
    if inline:
        return inline[-1].group(1), is_image or snippet.startswith("!")
    reference = _REFERENCE_USE.search(snippet)
    if reference is not None or (snippet.startswith("[") and snippet.endswith("]")):
        label = reference.group(1) if reference and reference.group(1) else snippet.lstrip("!")[1:].split("]")[0]
        destination = definitions.get(reference_key(label))
        if destination is not None:
            return destination, is_image or snippet.startswith("!")
    if snippet and not any(character.isspace() for character in snippet) and "[" not in snippet:
        return snippet, is_image
    quoted = re.search(r"\"([^\"]*)\"", diagnostic.get("message", ""))
    return (quoted.group(1) if quoted else snippet), is_image

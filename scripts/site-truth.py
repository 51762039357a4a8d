#!/usr/bin/env python3
"""Measure postlint's broken-link and broken-image findings against the truth of a built site.

    scripts/site-truth.py SITE [--postlint BINARY] [--min 0.97] [--verbose]

SITE is a Hugo site (hugo.toml, hugo.yaml, hugo.json or config.*) or a Jekyll site (_config.yml).

1. The truth. The site is copied to a temporary folder and built there with the real generator
   (`hugo`, `jekyll build`), so the repository is never written to. Every generated HTML page is
   read: its ids and names (fragment targets), a meta refresh (alias and redirect pages), and the
   <a href> and <img src> inside the element that carries `data-source="PATH"`. The fixture
   layouts wrap each page's rendered Markdown in that element (Hugo: `.File.Path` under the
   content folder, Jekyll: `page.path`), which says exactly which source file a page comes from
   and keeps the layout's own links (menus, tag lists) out of the truth. Footnote links the
   generator adds (class footnote…) are left out, as they are not written in the source.

   Each link is resolved as a browser and a static server would: against the page's URL (its
   path in the output, under the base URL's path: Hugo's baseURL, Jekyll's baseurl; a root-relative
   link outside the base path is broken); a path ending in "/" or naming a folder serves its
   index.html; a path without an extension may also be served as PATH.html; redirect pages are
   followed (up to 5); a fragment must be an id or a name in the final page ("#top" and an empty
   fragment always are).

   Mapping back to the source: the source file's links are read in order from its Markdown (inline
   and reference links and images, <a href>, <img src>; front matter, fenced code and code spans
   skipped; scripts/link_kinds.py). The page's links, also in order, are aligned with them as
   two sequences (the alignment that keeps both orders and pairs the most): a page link pairs
   with a source link of the same type (link or image) with the same destination (entities and
   percent escapes decoded), or, counting less, with a source link to a Markdown file that the
   generator rewrote (jekyll-relative-links turns other.md into the other post's URL). Aligning
   rather than searching keeps a rewritten link from taking a later link's identical URL. So every truth row is a link written in
   the source, at its line, with the destination as written, whether it is broken in the built
   site, and its kind (link_kinds.classify; "static" counts as "file"). Page links with no source
   link, and source links the generator did not render, are counted and, with --verbose, listed.

2. postlint. `postlint check . --format json` runs in another fresh copy of the site's sources,
   from the site's root, with no configuration. Each broken-link or broken-image finding is mapped
   to (file, line, destination), the destination read from the source text at the finding's
   range. A finding matching a broken truth row is a true positive; any other finding is a false
   positive; a broken truth row with no finding is missed.

   The fixture states the broken links it means to have in known-broken.tsv (source path, tab,
   destination as written); when that file exists, the truth must have exactly those broken
   links, so a generator or harness change that breaks or mends a link is noticed (exit 2).

3. The table: per kind, links in the truth, broken ones, findings, true and false positives,
   missed, the kind's links postlint reported as not checked (an unchecked-link finding: neither
   found nor broken; a broken one among them still counts as missed), precision and recall. --min X exits 1 when any kind's precision or recall is below X.
   A kind with no broken link in the truth is a fault of the fixture (exit 2), as is a failed
   build or a postlint run that ends with exit code 2.
"""

import argparse
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import urljoin, urlparse, unquote

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import link_kinds  # noqa: E402


def fail(message):
    """A fault of the run, not a measurement: exit code 2."""
    print(f"site-truth: error: {message}", file=sys.stderr)
    sys.exit(2)

REDIRECT_LIMIT = 5
# Rules whose findings say a link was not judged (neither found nor broken): counted apart.
UNCHECKED_RULES = {"unchecked-link"}


class PageReader(html.parser.HTMLParser):
    """Ids, names, meta refresh, and the links inside the data-source element of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.refresh = None
        self.source = None
        self.links = []  # (destination, is_image)
        self._depth = 0
        self._tag = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key):
                self.ids.add(attributes[key])
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", attributes.get("content") or "", re.IGNORECASE)
            if match:
                self.refresh = match.group(1).strip()
        if self._depth:
            if tag == self._tag:
                self._depth += 1
            if tag == "a" and attributes.get("href") is not None:
                if "footnote" not in (attributes.get("class") or ""):
                    self.links.append((attributes["href"], False))
            elif tag == "img" and attributes.get("src") is not None:
                self.links.append((attributes["src"], True))
        elif "data-source" in attributes and self.source is None:
            self.source = attributes["data-source"] or ""
            self._tag = tag
            self._depth = 1

    def handle_endtag(self, tag):
        if self._depth and tag == self._tag:
            self._depth -= 1


class Site:
    """A site's generator, its base path, and how to build it."""

    def __init__(self, root):
        self.root = root
        names = set(os.listdir(root))
        hugo_configs = [name for name in ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml",
                                          "config.yaml", "config.json") if name in names]
        if hugo_configs:
            self.generator = "hugo"
            text = open(os.path.join(root, hugo_configs[0]), encoding="utf-8").read()
            base = re.search(r"(?im)^\s*\"?baseurl\"?\s*[=:]\s*['\"]?([^'\"\s,]+)", text)
            self.base_path = urlparse(base.group(1)).path.rstrip("/") if base else ""
            content = re.search(r"(?im)^\s*\"?contentdir\"?\s*[=:]\s*['\"]?([^'\"\s,]+)", text)
            self.content_dir = content.group(1) if content else "content"
        elif "_config.yml" in names:
            self.generator = "jekyll"
            text = open(os.path.join(root, "_config.yml"), encoding="utf-8").read()
            base = re.search(r"(?m)^baseurl:\s*['\"]?([^'\"\s#]*)", text)
            self.base_path = (base.group(1) if base else "").rstrip("/")
            self.content_dir = ""
        else:
            fail(f"{root}: no hugo or jekyll configuration found")

    def build(self, source, output):
        if self.generator == "hugo":
            command = ["hugo", "--source", source, "--destination", output, "--quiet"]
            environment = dict(os.environ, HUGO_CACHEDIR=os.path.join(os.path.dirname(output), "hugo-cache"))
        else:
            command = ["jekyll", "build", "--source", source, "--destination", output, "--quiet"]
            environment = dict(os.environ, JEKYLL_ENV="production")
        if shutil.which(command[0]) is None:
            fail(f"{command[0]} is not installed")
        result = subprocess.run(command, env=environment, capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"{' '.join(command[:2])} failed:\n{result.stdout}{result.stderr}")

    def source_path(self, data_source):
        """The source file of a page, relative to the site root."""
        return os.path.normpath(os.path.join(self.content_dir, data_source))


class Output:
    """The built site: pages read once, paths resolved as a static server would."""

    def __init__(self, folder, base_path):
        self.folder = folder
        self.base_path = base_path
        self.pages = {}

    def page(self, file):
        if file not in self.pages:
            reader = PageReader()
            with open(file, encoding="utf-8", errors="replace") as handle:
                reader.feed(handle.read())
            self.pages[file] = reader
        return self.pages[file]

    def url_of(self, file):
        return self.base_path + "/" + os.path.relpath(file, self.folder).replace(os.sep, "/")

    def file_for(self, url_path):
        """The output file serving a URL path, or None."""
        path = unquote(url_path)
        if self.base_path:
            if path != self.base_path and not path.startswith(self.base_path + "/"):
                return None
            path = path[len(self.base_path):]
        local = os.path.normpath(os.path.join(self.folder, path.lstrip("/")))
        if not (local == self.folder or local.startswith(self.folder + os.sep)):
            return None
        if path.endswith("/") or os.path.isdir(local):
            local = os.path.join(local, "index.html")
            return local if os.path.isfile(local) else None
        if os.path.isfile(local):
            return local
        if not os.path.splitext(local)[1] and os.path.isfile(local + ".html"):
            return local + ".html"
        return None

    def is_broken(self, page_file, destination):
        """Whether a link on a page fails in the built site."""
        url = urljoin(self.url_of(page_file), destination)
        parsed = urlparse(url)
        fragment = unquote(parsed.fragment)
        target = page_file if not parsed.path else self.file_for(parsed.path)
        for _ in range(REDIRECT_LIMIT):
            if target is None:
                return True
            if not target.endswith((".html", ".htm")):
                return bool(fragment)
            refresh = self.page(target).refresh
            if not refresh:
                break
            target = self.file_for(urlparse(urljoin(self.url_of(target), refresh)).path)
        if target is None:
            return True
        if not fragment or fragment == "top":
            return False
        return fragment not in self.page(target).ids


def pair_links(page_links, written):
    """Pair a page's links with the source's links, both in reading order (see the docstring): the
    alignment that keeps both orders and pairs the most links, an equal destination counting more
    than a rewritten Markdown link. Returns the pairs (page destination, index into written), the
    source links left unpaired and the page links left unpaired.

    A rewritten Markdown link keeps its place, and a later link with the same URL keeps its own:
    >>> pair_links([("/b/", False), ("/b/", False), ("x.png", True)],
    ...            [(1, "b.md", False), (2, "/b/", False), (3, "/gone/", False), (4, "x.png", True)])
    ([('/b/', 0), ('/b/', 1), ('x.png', 3)], [(3, '/gone/', False)], [])
    """
    def score(page_index, written_index):
        destination, is_image = page_links[page_index]
        _, source_destination, source_is_image = written[written_index]
        if is_image != source_is_image:
            return 0
        if link_kinds.normalize(destination) == link_kinds.normalize(source_destination):
            return 2
        if re.search(r"\.(md|markdown)$", source_destination.split("#")[0], re.IGNORECASE):
            return 1
        return 0

    rows, columns = len(page_links), len(written)
    best = [[0] * (columns + 1) for _ in range(rows + 1)]
    for page_index in range(rows - 1, -1, -1):
        for written_index in range(columns - 1, -1, -1):
            pair = score(page_index, written_index)
            best[page_index][written_index] = max(
                best[page_index + 1][written_index], best[page_index][written_index + 1],
                best[page_index + 1][written_index + 1] + pair if pair else 0)
    pairs, unpaired, used = [], [], set()
    page_index = written_index = 0
    while page_index < rows and written_index < columns:
        pair = score(page_index, written_index)
        if pair and best[page_index][written_index] == best[page_index + 1][written_index + 1] + pair:
            pairs.append((page_links[page_index][0], written_index))
            used.add(written_index)
            page_index += 1
            written_index += 1
        elif best[page_index][written_index] == best[page_index][written_index + 1]:
            written_index += 1
        else:
            unpaired.append(page_links[page_index][0])
            page_index += 1
    unpaired.extend(destination for destination, _ in page_links[page_index:])
    return pairs, [written[index] for index in range(columns) if index not in used], unpaired


def truth(site, output_folder):
    """The truth rows {(source, line, destination): (kind, broken)} and what could not be paired."""
    output = Output(output_folder, site.base_path)
    rows, unrendered, unpaired = {}, [], []
    for folder, _, files in os.walk(output_folder):
        for name in sorted(files):
            if not name.endswith((".html", ".htm")):
                continue
            file = os.path.join(folder, name)
            page = output.page(file)
            if not page.source or page.refresh:
                continue
            source = site.source_path(page.source)
            try:
                text = open(os.path.join(site.root, source), encoding="utf-8").read()
            except OSError:
                unpaired.extend((source, destination) for destination, _ in page.links)
                continue
            written = link_kinds.source_links(text)
            local = [(destination, is_image) for destination, is_image in page.links if link_kinds.is_local(destination)]
            pairs, not_rendered, not_paired = pair_links(local, [item for item in written if link_kinds.is_local(item[1])])
            local_written = [item for item in written if link_kinds.is_local(item[1])]
            for destination, index in pairs:
                line, written_destination, is_image = local_written[index]
                normalized = link_kinds.normalize(written_destination)
                kind = link_kinds.classify(normalized, is_image)
                kind = "file" if kind == "static" else kind
                key = (source, line, normalized)
                broken = output.is_broken(file, destination)
                previous = rows.get(key)
                rows[key] = (kind, broken or (previous[1] if previous else False))
            unrendered.extend((source, line, destination) for line, destination, _ in not_rendered)
            unpaired.extend((source, destination) for destination in not_paired)
    return rows, unrendered, unpaired


def postlint_findings(binary, sources):
    """postlint's broken-link and broken-image findings as {(source, line, destination): (kind, message)},
    and the links it reported as not checked (UNCHECKED_RULES) as a set of the same keys."""
    result = subprocess.run([binary, "check", ".", "--format", "json"], cwd=sources, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        fail(f"postlint exited with {result.returncode}:\n{result.stderr}")
    report = json.loads(result.stdout)
    findings, unchecked = {}, set()
    texts = {}
    for diagnostic in report["diagnostics"]:
        if diagnostic["rule"] not in ("broken-link", "broken-image") and diagnostic["rule"] not in UNCHECKED_RULES:
            continue
        path = os.path.normpath(diagnostic["path"])
        if path not in texts:
            try:
                lines = link_kinds.split_lines(open(os.path.join(sources, path), encoding="utf-8", errors="replace").read())
            except OSError:
                lines = []
            texts[path] = (lines, link_kinds.reference_definitions(lines))
        lines, definitions = texts[path]
        destination, is_image = link_kinds.finding_destination(lines, definitions, diagnostic)
        normalized = link_kinds.normalize(destination)
        kind = link_kinds.classify(normalized, is_image)
        key = (path, diagnostic["line"], normalized)
        if diagnostic["rule"] in UNCHECKED_RULES:
            unchecked.add(key)
        else:
            findings[key] = ("file" if kind == "static" else kind, diagnostic["message"])
    return findings, unchecked


def ratio(numerator, denominator):
    return numerator / denominator if denominator else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="a Hugo or Jekyll site folder")
    parser.add_argument("--postlint", default=None, help="the postlint binary (default: postlint on PATH)")
    parser.add_argument("--min", type=float, default=None, help="exit 1 if any kind's precision or recall is below this")
    parser.add_argument("--verbose", action="store_true", help="list false positives, misses and unpaired links")
    parser.add_argument("--show-truth", action="store_true", help="list the broken links of the truth")
    arguments = parser.parse_args()

    binary = arguments.postlint or shutil.which("postlint")
    if not binary:
        fail("no postlint binary (pass --postlint)")
    binary = os.path.abspath(binary)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        fail(f"{binary}: not an executable file")
    site = Site(os.path.abspath(arguments.site))
    work = tempfile.mkdtemp(prefix="site-truth-")
    try:
        build_source = os.path.join(work, "build-source")
        lint_source = os.path.join(work, "lint-source")
        output_folder = os.path.join(work, "output")
        ignore = shutil.ignore_patterns("public", "_site", "resources", ".jekyll-cache", ".hugo_build.lock")
        shutil.copytree(site.root, build_source, ignore=ignore)
        shutil.copytree(site.root, lint_source, ignore=ignore)
        site.build(build_source, output_folder)
        rows, unrendered, unpaired = truth(site, output_folder)
        found, unchecked = postlint_findings(binary, lint_source)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{arguments.site}: {site.generator}, base path {site.base_path or '/'}, "
          f"{len(rows)} links in the truth, {sum(1 for _, broken in rows.values() if broken)} broken")
    header = f"{'kind':<16}{'links':>7}{'broken':>8}{'found':>7}{'true+':>7}{'false+':>8}{'missed':>8}{'unchecked':>11}{'precision':>11}{'recall':>8}"
    print(header)
    print("-" * len(header))
    failed, fixture_fault = [], []
    false_positives, misses = [], []
    for kind in link_kinds.KINDS:
        links = [key for key, (row_kind, _) in rows.items() if row_kind == kind]
        broken = {key for key in links if rows[key][1]}
        reported = {key for key, (found_kind, _) in found.items() if found_kind == kind}
        true_positives = reported & broken
        false_positives += sorted((key, found[key][1]) for key in reported - broken)
        misses += sorted((key, kind) for key in broken - reported)
        precision = ratio(len(true_positives), len(reported))
        recall = ratio(len(true_positives), len(broken))
        show = lambda value: "-" if value is None else f"{value:.3f}"
        print(f"{kind:<16}{len(links):>7}{len(broken):>8}{len(reported):>7}{len(true_positives):>7}"
              f"{len(reported - broken):>8}{len(broken - reported):>8}{len(unchecked & set(links)):>11}"
              f"{show(precision):>11}{show(recall):>8}")
        if not broken:
            fixture_fault.append(kind)
        if arguments.min is not None and ((precision is not None and precision < arguments.min)
                                          or (recall is not None and recall < arguments.min)
                                          or (precision is None and broken)):
            failed.append(kind)
    if unrendered or unpaired:
        print(f"not in the truth: {len(unrendered)} source links not found in the built pages, "
              f"{len(unpaired)} page links not paired with a source link")
    if arguments.verbose:
        for (path, line, destination), message in false_positives:
            print(f"false positive  {path}:{line}  {destination}  ({message})")
        for (path, line, destination), kind in misses:
            note = " (reported as not checked)" if (path, line, destination) in unchecked else ""
            print(f"missed          {path}:{line}  {destination}  [{kind}]{note}")
        for path, line, destination in unrendered:
            print(f"not rendered    {path}:{line}  {destination}")
        for path, destination in unpaired:
            print(f"not paired      {path}  {destination}")
    if arguments.show_truth:
        for (path, line, destination), (kind, broken) in sorted(rows.items()):
            if broken:
                print(f"broken (truth)  {path}:{line}  {destination}  [{kind}]")
    known_file = os.path.join(site.root, "known-broken.tsv")
    if os.path.isfile(known_file):
        with open(known_file, encoding="utf-8") as handle:
            known = {tuple(line.rstrip("\n").split("\t", 1)) for line in handle if line.strip() and not line.startswith("#")}
        built = {(path, destination) for (path, _, destination), (_, broken) in rows.items() if broken}
        for path, destination in sorted(built - known):
            print(f"site-truth: error: {path}: {destination} is broken in the build but not in known-broken.tsv", file=sys.stderr)
        for path, destination in sorted(known - built):
            print(f"site-truth: error: {path}: {destination} is in known-broken.tsv but not broken in the build", file=sys.stderr)
        if built != known:
            return 2
    if fixture_fault:
        print(f"site-truth: error: no broken link of kind {', '.join(fixture_fault)} in the truth; "
              "the fixture must have some", file=sys.stderr)
        return 2
    if failed:
        print(f"below {arguments.min}: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

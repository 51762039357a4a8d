import PostlintCore

/// The audit as one self-contained HTML page: inline CSS and script, no network (a content
/// security policy forbids it), an SVG chart of the score distribution, a sortable table of posts,
/// each post's failed checks with links to their lines, and each check's pass rate.
public struct AuditHTMLReporter: Sendable {
    /// Put before each post's path in line links (`https://host/repo/blob/main/`, or `../` when
    /// the report lives in a subfolder); lines are linked as `PATH#L12`.
    public var linkBase: String
    public var worstCount: Int

    public init(linkBase: String = "", worstCount: Int = 5) {
        self.linkBase = linkBase
        self.worstCount = worstCount
    }

    public func render(_ report: AuditReport) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <link rel="icon" href="data:,">
            <title>SEO audit · postlint</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>SEO audit</h1>

            """
        let average = AuditNumbers.oneDecimal(report.averageScore)
        html +=
            "<p class=\"summary\"><span class=\"big \(Self.band(Int(report.averageScore.rounded())))\" id=\"average\">\(average)</span>"
        html += " average score of <strong>\(report.posts.count)</strong> \(report.posts.count == 1 ? "post" : "posts")"
        html += " over <strong>\(report.checks.count)</strong> checks</p>\n</header>\n<main>\n"
        html += "<section>\n<h2>Score distribution</h2>\n" + chart(report.distribution) + "</section>\n"
        html += worstSection(report)
        html += postsTable(report)
        html += checksTable(report)
        html += detailsSection(report)
        if !report.siteFindings.isEmpty {
            html += "<section>\n<h2>Site</h2>\n<ul class=\"findings\">\n"
            for finding in report.siteFindings {
                html += "<li>\(text(finding.message)) <code>\(text(finding.ruleID))</code></li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        if !report.problems.isEmpty {
            html += "<section>\n<h2>Not audited</h2>\n<ul>\n"
            for problem in report.problems { html += "<li>\(text(problem))</li>\n" }
            html += "</ul>\n</section>\n"
        }
        html += "</main>\n<footer>postlint \(text(report.toolVersion)) · scores weigh each check by its severity "
        html += "(error 3, warning 2, info 1)</footer>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return html
    }

    // MARK: - Parts

    /// A bar per tenth of the score range, with the count above each bar.
    func chart(_ buckets: [Int]) -> String {
        let width = 640, height = 260, left = 40, bottom = 40, top = 20
        let plotHeight = height - bottom - top
        let barSlot = (width - left - 10) / max(1, buckets.count)
        let highest = max(1, buckets.max() ?? 1)
        var svg = "<svg id=\"score-chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 \(width) \(height)\" "
        svg += "width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<title id=\"chart-title\">Posts per score range</title>\n"
        svg +=
            "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 10)\" y2=\"\(top + plotHeight)\" class=\"axis\"/>\n"
        for (index, count) in buckets.enumerated() {
            let barHeight = count * plotHeight / highest
            let x = left + index * barSlot + 4
            let y = top + plotHeight - barHeight
            let low = index * 10
            let label = index == buckets.count - 1 ? "\(low)–100" : "\(low)–\(low + 9)"
            svg += "<rect class=\"bar \(Self.band(low))\" x=\"\(x)\" y=\"\(y)\" width=\"\(barSlot - 8)\" height=\"\(barHeight)\">"
            svg += "<title>\(label): \(count) \(count == 1 ? "post" : "posts")</title></rect>\n"
            svg += "<text class=\"count\" x=\"\(x + (barSlot - 8) / 2)\" y=\"\(y - 5)\" text-anchor=\"middle\">\(count)</text>\n"
            svg +=
                "<text class=\"label\" x=\"\(x + (barSlot - 8) / 2)\" y=\"\(top + plotHeight + 18)\" text-anchor=\"middle\">\(label)</text>\n"
        }
        svg +=
            "<text class=\"label\" x=\"\(left + (width - left) / 2)\" y=\"\(height - 4)\" text-anchor=\"middle\">score</text>\n"
        svg += "</svg>\n"
        return svg
    }

    private func worstSection(_ report: AuditReport) -> String {
        let worst = report.worstPosts(worstCount)
        guard !worst.isEmpty else { return "" }
        var html = "<section>\n<h2>Worst posts</h2>\n<ol class=\"worst\">\n"
        for post in worst {
            let index = report.posts.firstIndex(of: post) ?? 0
            html += "<li><span class=\"score \(Self.band(post.score))\">\(post.score)</span> "
            html += "<a href=\"#post-\(index)\">\(text(post.path))</a> "
            html += "<span class=\"muted\">\(post.failed.count) failed: "
            html += post.failed.map { text($0.id) }.joined(separator: ", ") + "</span></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    private func postsTable(_ report: AuditReport) -> String {
        var html = "<section>\n<h2>Posts</h2>\n<table id=\"posts\" class=\"sortable\">\n<thead><tr>"
        let columns = [
            ("Post", "text"), ("Title", "text"), ("Score", "number"), ("Checks passed", "number"), ("Failed checks", "number"),
        ]
        for (index, column) in columns.enumerated() {
            html +=
                "<th scope=\"col\"><button type=\"button\" data-column=\"\(index)\" data-type=\"\(column.1)\">\(column.0)</button></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (index, post) in report.posts.enumerated() {
            let title = post.title ?? ""
            html += "<tr><td data-value=\"\(attribute(post.path))\"><a href=\"#post-\(index)\">\(text(post.path))</a></td>"
            html += "<td data-value=\"\(attribute(title))\">\(text(title))</td>"
            html += "<td data-value=\"\(post.score)\"><span class=\"score \(Self.band(post.score))\">\(post.score)</span></td>"
            html += "<td data-value=\"\(post.checksPassed)\">\(post.checksPassed) / \(post.checksRun)</td>"
            html +=
                "<td data-value=\"\(post.failed.count)\">"
                + post.failed.map { "<code>\(text($0.id))</code>" }.joined(separator: " ")
            html += "</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    private func checksTable(_ report: AuditReport) -> String {
        guard !report.checks.isEmpty else { return "" }
        var html = "<section>\n<h2>Checks</h2>\n<table id=\"checks\">\n<thead><tr><th scope=\"col\">Check</th>"
        html +=
            "<th scope=\"col\">Weight</th><th scope=\"col\">Pass rate</th><th scope=\"col\">Passed</th></tr></thead>\n<tbody>\n"
        for check in report.checks {
            let rate = Int(check.passRate.rounded())
            html += "<tr><td><code>\(text(check.id))</code><br><span class=\"muted\">\(text(check.summary))</span></td>"
            html += "<td>\(check.weight) <span class=\"muted\">(\(check.severity.rawValue))</span></td>"
            html +=
                "<td><span class=\"meter\"><span class=\"fill \(Self.band(rate))\" style=\"width: \(rate)%\"></span></span> \(rate) %</td>"
            html += "<td>\(check.passed) / \(check.total)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    private func detailsSection(_ report: AuditReport) -> String {
        var html = "<section>\n<h2>Failed checks by post</h2>\n"
        for (index, post) in report.posts.enumerated() {
            html += "<details id=\"post-\(index)\"\(post.failed.isEmpty ? "" : " open")><summary>"
            html += "<span class=\"score \(Self.band(post.score))\">\(post.score)</span> \(text(post.path))</summary>\n"
            if post.failed.isEmpty {
                html += "<p class=\"muted\">Passes every check.</p>\n"
            }
            for check in post.failed {
                html +=
                    "<h3><code>\(text(check.id))</code> <span class=\"muted\">weight \(check.weight)</span></h3>\n<ul class=\"findings\">\n"
                for finding in check.findings {
                    let href = linkBase + URIEncoding.fileURI(forPath: finding.path) + "#L\(finding.start.line)"
                    html += "<li><a href=\"\(attribute(href))\">line \(finding.start.line)</a> "
                    html += "<span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> "
                    html += "\(text(finding.message))</li>\n"
                }
                html += "</ul>\n"
            }
            html += "</details>\n"
        }
        return html + "</section>\n"
    }

    // MARK: - Helpers

    private func text(_ value: String) -> String { XMLEscaping.text(value) }
    private func attribute(_ value: String) -> String { XMLEscaping.attribute(value) }

    /// The colour band of a score: good (80 and up), fair (50 to 79), poor.
    static func band(_ score: Int) -> String {
        score >= 80 ? "good" : score >= 50 ? "fair" : "poor"
    }

    static let style = """
        :root { color-scheme: light; --good: #2e8540; --fair: #d08400; --poor: #c0392b; --muted: #667; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 20px 40px; color: #222; }
        header { border-bottom: 1px solid #ddd; margin-bottom: 10px; }
        h1 { margin: 20px 0 4px; } h2 { margin-top: 28px; font-size: 1.25em; } h3 { font-size: 1em; margin: 10px 0 4px; }
        .summary .big { font-size: 2.4em; font-weight: 700; margin-right: 6px; }
        .big.good, .score.good { color: var(--good); } .big.fair, .score.fair { color: var(--fair); } .big.poor, .score.poor { color: var(--poor); }
        .score { font-weight: 700; display: inline-block; min-width: 2.2em; }
        .muted { color: var(--muted); font-size: 0.92em; }
        #score-chart { max-width: 100%; height: auto; background: #fafafa; border: 1px solid #eee; }
        #score-chart .bar.good { fill: var(--good); } #score-chart .bar.fair { fill: var(--fair); } #score-chart .bar.poor { fill: var(--poor); }
        #score-chart .axis { stroke: #999; } #score-chart text { font-size: 12px; fill: #333; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
        th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
        th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
        code { font-size: 0.92em; background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
        .meter { display: inline-block; width: 120px; height: 10px; background: #eee; border-radius: 5px; vertical-align: middle; overflow: hidden; }
        .meter .fill { display: block; height: 100%; } .fill.good { background: var(--good); } .fill.fair { background: var(--fair); } .fill.poor { background: var(--poor); }
        details { border: 1px solid #eee; border-radius: 4px; padding: 6px 10px; margin: 6px 0; } summary { cursor: pointer; }
        .findings { margin: 4px 0 8px; padding-left: 20px; }
        .sev { font-size: 0.8em; text-transform: uppercase; padding: 0 4px; border-radius: 3px; background: #eee; }
        .sev.error { background: #f8d7da; } .sev.warning { background: #fff3cd; } .sev.info { background: #d1ecf1; }
        footer { margin-top: 30px; color: var(--muted); font-size: 0.9em; }
        """

    static let script = """
        (function () {
          "use strict";
          var table = document.getElementById("posts");
          if (!table || !table.tBodies.length) { return; }
          var body = table.tBodies[0];
          var buttons = table.querySelectorAll("th button");
          Array.prototype.forEach.call(buttons, function (button) {
            button.addEventListener("click", function () {
              var column = Number(button.getAttribute("data-column"));
              var numeric = button.getAttribute("data-type") === "number";
              var header = button.parentNode;
              var ascending = header.getAttribute("aria-sort") !== "ascending";
              Array.prototype.forEach.call(buttons, function (other) { other.parentNode.removeAttribute("aria-sort"); });
              header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].getAttribute("data-value") || "";
                var y = b.cells[column].getAttribute("data-value") || "";
                var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
          // "#sort=2" (or "#sort=2-desc") in the address sorts by that column on load.
          var match = /sort=(\\d+)(-desc)?/.exec(window.location.hash);
          if (match && buttons[Number(match[1])]) {
            buttons[Number(match[1])].click();
            if (match[2]) { buttons[Number(match[1])].click(); }
          }
          document.documentElement.setAttribute("data-report", "ready");
        })();
        """
}

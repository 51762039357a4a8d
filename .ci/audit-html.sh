#!/usr/bin/env bash
# The HTML audit report in a real browser: build the report for the fixtures, open it in headless
# Chromium, and fail unless the page runs its script without a single console message (errors,
# blocked network requests), sorts its table from the address (#sort=2: by score), and a
# screenshot shows the score chart's bars. Installs Chromium with apt-get when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/apt.sh

find_browser() {
    for name in chromium chromium-browser google-chrome; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    done
    return 1
}

browser=$(find_browser || true)
if [ -z "$browser" ]; then
    echo "installing Chromium"
    apt_install chromium
    browser=$(find_browser)
fi
command -v python3 >/dev/null 2>&1 || apt_install python3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report="$work/report.html"

swift build ${SCRATCH_PATH:+--scratch-path "$SCRATCH_PATH"} 2>&1 | tail -n 5
swift run ${SCRATCH_PATH:+--scratch-path "$SCRATCH_PATH"} postlint audit fixtures --format html --output "$report"
test -s "$report"

# A profile folder of our own, no sandbox (CI runs as root), no GPU.
run_browser() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
        --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@"
}

run_browser --dump-dom "file://$report#sort=2" >"$work/dom.html" 2>"$work/dom.log"
run_browser --window-size=1200,900 --screenshot="$work/shot.png" "file://$report" >/dev/null 2>"$work/shot.log"

python3 - "$work" <<'PY'
import re, struct, sys, zlib

work = sys.argv[1]
failures = []

# 1. No console message at all: the page logs nothing, so any message is an error, a blocked
#    request (the content security policy forbids the network) or an uncaught exception.
for log in ("dom.log", "shot.log"):
    for line in open(f"{work}/{log}", errors="replace"):
        if ":CONSOLE" in line or "Uncaught" in line:
            failures.append(f"console message in {log}: {line.strip()}")

# 2. The script ran to its end and sorted the posts by score, lowest first.
dom = open(f"{work}/dom.html", errors="replace").read()
if 'data-report="ready"' not in dom:
    failures.append("the page's script did not finish (no data-report=\"ready\")")
if "<svg" not in dom or 'id="score-chart"' not in dom:
    failures.append("no score chart in the page")
body = dom.split('<table id="posts"', 1)[-1].split("</tbody>", 1)[0]
scores = [int(value) for value in re.findall(r'<td data-value="(\d+)"><span class="score', body)]
if len(scores) < 2 or scores != sorted(scores):
    failures.append(f"#sort=2 did not sort the posts by score: {scores}")
if "http://" in dom.replace('xmlns="http://www.w3.org/2000/svg"', "") or "https://" in dom:
    failures.append("the page refers to the network")

# 3. The screenshot shows the chart: count pixels of the bar colours (good, fair, poor).
def decode_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    offset, idat, width = 8, b"", 0
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"unexpected PNG format: depth {depth}, colour type {colour}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows

try:
    width, height, channels, rows = decode_png(f"{work}/shot.png")
    bars = {(0x2E, 0x85, 0x40): 0, (0xD0, 0x84, 0x00): 0, (0xC0, 0x39, 0x2B): 0}
    for row in rows:
        for x in range(0, width * channels, channels):
            pixel = (row[x], row[x + 1], row[x + 2])
            if pixel in bars:
                bars[pixel] += 1
    coloured = sum(bars.values())
    print(f"screenshot {width}x{height}: {coloured} pixels in bar colours")
    if coloured < 2000:
        failures.append(f"the screenshot shows no chart bars ({coloured} pixels in bar colours)")
except Exception as error:  # a broken screenshot is a failure, not a crash
    failures.append(f"cannot read the screenshot: {error}")

for failure in failures:
    print("audit-html:", failure, file=sys.stderr)
if failures:
    sys.exit(1)
print("audit-html: the report loads without console messages, sorts, and shows its chart")
PY
if [ -n "${AUDIT_HTML_SCREENSHOT:-}" ]; then cp "$work/shot.png" "$AUDIT_HTML_SCREENSHOT"; fi

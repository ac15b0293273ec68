#!/usr/bin/env bash
# Renders the demo 通报 in every format and photographs each one as its reader sees it (issue 21, point 12):
# the HTML in headless Chromium (screen, phone width and print), the DOCX and XLSX converted to PDF by LibreOffice,
# then pages turned into PNG by pdftoppm. The images go to docs/images/, which the README shows.
#
# Needs: chromium, libreoffice-writer, libreoffice-calc, poppler-utils, fonts-noto-cjk (apt-get install …) and
# Python's Pillow (pip install pillow) to cut the long screen shot into pages.
# Usage: scripts/snapshots.sh [WORK_FOLDER]   (default: a temporary folder; docs/images/ is rewritten)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in chromium libreoffice pdftoppm python3; do
    command -v "$tool" >/dev/null || { echo "snapshots.sh: $tool is missing (see the comment at the top)" >&2; exit 2; }
done
python3 -c "import PIL" 2>/dev/null || { echo "snapshots.sh: Python's Pillow is missing: pip install pillow" >&2; exit 2; }
work=${1:-$(mktemp -d)}
images=docs/images
mkdir -p "$work" "$images"

swift build -c release --product kaoping
kaoping=$(swift build -c release --show-bin-path)/kaoping
"$kaoping" demo --out "$work/demo" --format all --per-center >"$work/demo.log"
demo=$work/demo
code=$(ls "$demo/centers" | grep '\.docx$' | head -1 | sed 's/\.docx$//')

shoot() { # URL WIDTH HEIGHT OUT.png
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$2,$3" --screenshot="$4" "$1" 2>/dev/null
}
# The page on screen (cut into its opening, 红黑榜 and 存在问题, and the ranking), at phone width, and printed.
shoot "file://$PWD/$demo/report.html" 1280 9000 "$work/screen.png"
shoot "file://$PWD/$demo/report.html" 390 2400 "$images/html-phone.png"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/html-print.pdf" \
    "file://$PWD/$demo/report.html" 2>/dev/null
shoot "file://$PWD/$demo/centers/$code.html" 1280 2400 "$work/center.png"
python3 - "$work" "$images" <<'PY'
import sys
from PIL import Image
work, images = sys.argv[1], sys.argv[2]
screen = Image.open(f"{work}/screen.png")
for name, top in [("html-top", 0), ("html-lists", 3300), ("html-ranking", 5900)]:
    screen.crop((0, top, 1280, top + 2000)).save(f"{images}/{name}.png", optimize=True)
Image.open(f"{work}/center.png").crop((0, 0, 1280, 2000)).save(f"{images}/center-html.png", optimize=True)
PY

pages() { # PDF PREFIX FIRST LAST
    pdftoppm -png -r 60 -f "$3" -l "$4" "$1" "$work/$2"
}
pdfinfo "$work/html-print.pdf" | grep Pages | sed 's/^/report.html printed: /'
pages "$work/html-print.pdf" html-print 1 1
pages "$work/html-print.pdf" html-print-ranking 6 6

# DOCX and XLSX as Word/WPS and Excel/WPS would show them, through LibreOffice.
for file in "$demo/report.docx" "$demo/report.xlsx" "$demo/centers/$code.docx"; do
    libreoffice --headless --convert-to pdf --outdir "$work" "$file" >/dev/null 2>&1
done
pdfinfo "$work/report.pdf" | grep Pages | sed 's/^/report.docx: /'
pages "$work/report.pdf" docx 1 3
last=$(pdfinfo "$work/report.pdf" | awk '/Pages/ {print $2}')
pages "$work/report.pdf" docx-ranking 6 6
pages "$work/report.pdf" docx-last "$last" "$last"
xlsxlast=$(pdfinfo "$work/report.pdf" | awk '/Pages/ {print $2}')
mv "$work/report.pdf" "$work/report-docx.pdf"
pages "$work/$code.pdf" center-docx 1 2
libreoffice --headless --convert-to pdf --outdir "$work" "$demo/report.xlsx" >/dev/null 2>&1
pages "$work/report.pdf" xlsx 1 2

# Keep the pages named stably in docs/images (pdftoppm numbers them with as many digits as the document needs).
python3 - "$work" "$images" <<'PY'
import glob, os, re, sys
from PIL import Image
work, images = sys.argv[1], sys.argv[2]
for path in sorted(glob.glob(f"{work}/*-*.png") + glob.glob(f"{work}/*.png")):
    name = os.path.basename(path)
    match = re.match(r"(html-print(?:-ranking)?|docx(?:-ranking|-last)?|center-docx|xlsx)-0*(\d+)\.png$", name)
    if match:
        Image.open(path).save(f"{images}/{match.group(1)}-{match.group(2)}.png", optimize=True)
PY
ls -1 "$images"
echo "work files in $work"

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
rm -f "$images"/*.png
work=$(cd "$work" && pwd)

swift build -c release --product kaoping
kaoping=$(swift build -c release --show-bin-path)/kaoping
"$kaoping" demo --out "$work/demo" --format all --per-center >"$work/demo.log"
demo=$work/demo
# The sheet of the unit the demo plants overdue cases on (南京市人社分中心): it has lost points to show.
code=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(next(c['code'] for c in d['centers'] if c['name']=='南京市政务服务中心人社分中心'))" "$demo/results.json")

shoot() { # URL WIDTH HEIGHT OUT.png
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$2,$3" --screenshot="$4" "$1" 2>/dev/null
}
# The page on screen (cut into its opening, 红黑榜 and 存在问题, and the ranking), at phone width, and printed.
shoot "file://$demo/report.html" 1280 9000 "$work/screen.png"
shoot "file://$demo/report.html" 390 2400 "$images/html-phone.png"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/html-print.pdf" \
    "file://$demo/report.html" 2>/dev/null
shoot "file://$demo/centers/$code.html" 1280 2400 "$work/center.png"
python3 - "$work" "$images" <<'PY'
import sys
from PIL import Image
work, images = sys.argv[1], sys.argv[2]
screen = Image.open(f"{work}/screen.png")
for name, top in [("html-top", 0), ("html-lists", 3300), ("html-ranking", 5900)]:
    screen.crop((0, top, 1280, top + 2000)).save(f"{images}/{name}.png", optimize=True)
Image.open(f"{work}/center.png").crop((0, 0, 1280, 2000)).save(f"{images}/center-html.png", optimize=True)
PY

page() { # PDF PAGE NAME: one page of a PDF as docs/images/NAME.png
    pdftoppm -png -r 60 -f "$2" -l "$2" -singlefile "$1" "$images/$3"
}
convert() { # FILE FOLDER: FILE as PDF in FOLDER, through LibreOffice (as Word/WPS and Excel/WPS would show it)
    mkdir -p "$2"
    libreoffice --headless --convert-to pdf --outdir "$2" "$1" >/dev/null 2>&1
}
pages() { pdfinfo "$1" | awk '/^Pages/ {print $2}'; }

echo "report.html printed: $(pages "$work/html-print.pdf") pages"
page "$work/html-print.pdf" 1 html-print-1
page "$work/html-print.pdf" 12 html-print-ranking

convert "$demo/report.docx" "$work/docx"
echo "report.docx: $(pages "$work/docx/report.pdf") pages"
page "$work/docx/report.pdf" 1 docx-1
page "$work/docx/report.pdf" 2 docx-2
page "$work/docx/report.pdf" 9 docx-ranking
page "$work/docx/report.pdf" "$(pages "$work/docx/report.pdf")" docx-last

convert "$demo/centers/$code.docx" "$work/center"
echo "centers/$code.docx: $(pages "$work/center/$code.pdf") pages"
page "$work/center/$code.pdf" 1 center-docx-1
page "$work/center/$code.pdf" 2 center-docx-2

convert "$demo/report.xlsx" "$work/xlsx"
echo "report.xlsx printed: $(pages "$work/xlsx/report.pdf") pages"
page "$work/xlsx/report.pdf" 1 xlsx-1
page "$work/xlsx/report.pdf" 2 xlsx-2

# Fewer colours, smaller files: the pictures live in the repository.
python3 - "$images" <<'PY'
import glob, sys
from PIL import Image
for path in glob.glob(f"{sys.argv[1]}/*.png"):
    Image.open(path).convert("RGB").quantize(colors=64).save(path, optimize=True)
PY
ls -1 "$images"
echo "work files in $work"

"""Render the seed article's notebook view to docs/img/palembang.png with headless Chromium.

Run once after the extractors change (not a test)::

    .venv/bin/python scripts/render_seed_png.py [--chromium /usr/bin/chromium]

Needs Chromium (Debian: ``apt-get install chromium``) and Pillow (comes with matplotlib,
``pip install 'beritakit[notebook]'``). Chromium runs offline: no network, a throw-away
profile, no sandbox (it usually runs as root in containers).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

import beritakit
from beritakit.notebook import article_html

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "palembang.txt"
OUT = ROOT / "docs" / "img" / "palembang.png"
WIDTH = 1100
HEIGHT = 4000  # taller than the page; the blank rest is cropped
MARGIN = 16

PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>beritakit: {title}</title>
<style>body {{ margin: {margin}px; background: #fff; }}</style></head>
<body>{body}</body></html>
"""


def chromium_binary(given: str | None) -> str:
    """Return the Chromium executable to run."""
    for name in (given, "chromium", "chromium-browser", "google-chrome"):
        if name and (path := shutil.which(name)):
            return path
    sys.exit("Chromium not found: apt-get install chromium, or pass --chromium PATH")


def screenshot(html_file: Path, png: Path, chromium: str) -> None:
    """Let headless Chromium draw ``html_file`` into ``png``."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={WIDTH},{HEIGHT}",
                html_file.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def crop(png: Path, out: Path) -> tuple[int, int]:
    """Cut the blank space below and right of the page; return the new size."""
    image = Image.open(png).convert("RGB")
    blank = Image.new("RGB", image.size, (255, 255, 255))
    box = ImageChops.difference(image, blank).getbbox()
    if box is None:
        sys.exit("the screenshot is blank")
    right = min(image.width, box[2] + MARGIN)
    bottom = min(image.height, box[3] + MARGIN)
    image = image.crop((0, 0, right, bottom))
    out.parent.mkdir(parents=True, exist_ok=True)
    # a 256-colour palette keeps text sharp at a third of the size of full colour
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(out, optimize=True)
    return image.size


def main() -> None:
    """Extract the seed article, render its HTML view and save the cropped screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", help="the Chromium executable")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    art = beritakit.extract(
        SEED.read_text(encoding="utf-8"), published="2018-09-14", id="palembang"
    )
    page = PAGE.format(title="palembang", margin=MARGIN, body=article_html(art))
    with tempfile.TemporaryDirectory() as tmp:
        html_file = Path(tmp) / "palembang.html"
        html_file.write_text(page, encoding="utf-8")
        raw = Path(tmp) / "raw.png"
        screenshot(html_file, raw, chromium_binary(args.chromium))
        width, height = crop(raw, args.output)
    print(
        f"{args.output}: {width}x{height}; people={len(art.people)} "
        f"organizations={len(art.organizations)} places={len(art.places)} "
        f"dates={len(art.dates)} credits={len(art.credits)}"
    )


if __name__ == "__main__":
    main()

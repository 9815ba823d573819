"""Make the README's screenshots of the three pages: docs/report.png, docs/terms.png, docs/review.png.

    python benchmarks/page_screenshots.py [--out docs]

The pages are the ones the browser tests open (tests/page_samples.py: the sample glossary and
catalogues in tests/data/pages, the seed articles), written to a temporary folder and
photographed in headless Chromium (tests/page_browser.py) at 1280×860. Run it again after a
change to the pages' look; the tests never write into docs/.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import page_browser
import page_samples


def wait_redrawn(page, action) -> None:
    before = page.get_attribute("html", "data-updates")
    action()
    page.wait_for_function("before => document.documentElement.getAttribute('data-updates') !== before", arg=before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="folder to write the PNG files to")
    args = parser.parse_args()
    reason = page_browser.missing()
    if reason:
        raise SystemExit(f"page_screenshots: {reason}")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="trilex-shots-") as folder:
        pages = page_samples.build_sample_pages(Path(folder))
        with page_browser.chromium(color_scheme="light", viewport={"width": 1280, "height": 860}) as context:
            for name, path in pages.items():
                page = page_browser.open_page(context, path)
                if name == "terms":
                    wait_redrawn(page, lambda page=page: page.fill("#search", "南A中心"))
                if page.problems:
                    raise SystemExit(f"{name}: {page.problems}")
                target = args.out / f"{name}.png"
                height = min(860, page.evaluate("Math.ceil(document.querySelector('.page-footer').getBoundingClientRect().bottom + 16)"))
                page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": 1280, "height": height})
                print(f"wrote {target} ({target.stat().st_size // 1024} KiB)")
                page.close()


if __name__ == "__main__":
    main()

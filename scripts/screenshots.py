"""Screenshots of the built site for reviewers: `make screenshots` writes them to screenshots/.

The first screen of the ladder, a case study, the case-study library and a wide table, on a
phone (390 px) and a desktop (1280 px), in English, from disk, in Debian's Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SHOTS = [  # (file name, page, element to bring to the top of the screen or None)
    ("ladder", "en/ladder.html", None),
    ("case-study", "en/case-studies/healthy-change-cardiff.html", None),
    ("case-study-library", "en/case-studies/index.html", "#all"),
    ("wide-table", "en/benefits-and-evidence.html", "article table"),
]
SIZES = {390: 844, 1280: 800}  # a phone and a laptop screen


def main(site: Path, out: Path) -> None:
    out.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for width, height in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path, anchor in SHOTS:
                page.goto((site / path).as_uri())
                page.wait_for_load_state("load")
                if anchor:
                    page.locator(anchor).first.evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 60)")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target))
                print(f"{target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")
            page.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site", ROOT / "screenshots")

"""Screenshots of each tool's result, at 1280 and 390 px wide, from the built site.

Usage: .venv/bin/python scripts/tool_screenshots.py [site]   (build it first: make site)
Writes screenshots/tools-<tool>-<width>.png: the Welsh page (the site's default language),
answered with the sample answers below, showing only the result region, so the files stay small.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
WIDTHS = (1280, 390)

# Sample answers: the ids of the controls to tick, and text for a few fields.
ANSWERS: dict[str, tuple[list[str], dict[str, str]]] = {
    "ladder": (["staff-rung-co-design", "people-rung-consultation"], {"work-what": "Fforwm y ward"}),
    "star": (["stages-co-commissioning-1", "stages-co-design-3", "stages-co-delivery-4", "stages-co-assessment-0"],
             {"activity-what": "Gwasanaeth llyfrgell"}),
    "health-check": ([f"factors-factor-{n}-{s}" for n, s in enumerate([5, 2, 4, 1, 3, 5, 4, 2, 5, 3], start=1)], {}),
    "self-assessment": ([f"individual-{p}-3" for p in ("assets", "work", "reciprocity", "networks")]
                        + [f"service-{p}-2" for p in ("assets", "work", "reciprocity", "networks")]
                        + ["organisation-assets-0", "organisation-work-1", "organisation-reciprocity-1",
                           "organisation-networks-1", "culture-present-ownership", "culture-present-commitment",
                           "barriers-present-risk-aversion", "barriers-present-new-approach", "five-steps-done-focus-it"],
                        {}),
    "project-plan": ([f"set-aims-checklist-{k}" for k in ("change", "success", "open", "rung")],
                     {"about-name": "Adolygu'r ganolfan ddydd", "set-aims-plan": "Nodau"}),
}


def main(site: Path) -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light")
            page = context.new_page()
            for tool, (checks, texts) in ANSWERS.items():
                page.goto((site / f"tools/{tool}.html").as_uri())
                page.wait_for_selector(".tool--live")
                page.evaluate("document.querySelector('.md-header').style.position = 'static'")  # out of the picture
                for control in checks:
                    page.locator(f"#{tool}-{control}").check()
                for control, text in texts.items():
                    page.locator(f"#{tool}-{control}").fill(text)
                target = out / f"tools-{tool}-{width}.png"
                page.locator(".tool-result").screenshot(path=str(target))
                print(f"{target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site").resolve())

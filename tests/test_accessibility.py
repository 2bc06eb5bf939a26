"""WCAG 2.2 AA: axe-core on every built page, in both languages and both palettes, at four
widths: 1280 (desktop), 768 (tablet), 390 (phone) and 320 px (a 1280 px screen at 400%
zoom, WCAG's reflow width, where no page may scroll sideways).

One browser context per width and palette, reused for every page; axe is injected once per
page load. The widest font the install script provides (DejaVu Sans) is pinned, so a page
that reflows here reflows on any machine set up with scripts/install-system-deps.sh.
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [1280, 768, 390, 320]
WIDEST_FONT = "html, body, input, select, button { font-family: 'DejaVu Sans', sans-serif !important; }"


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations",
        TAGS,
    )
    return [
        f"{v['id']}: {v['help']} — " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else json.dumps(n["target"]) for n in v["nodes"][:3])
        for v in result
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(browser, site_dir, html_pages, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    expected = "slate" if scheme == "dark" else "default"
    failures = {}
    try:
        for path in sorted(html_pages) + ["404.html"]:
            page.goto((site_dir / path).as_uri())
            page.add_style_tag(content=WIDEST_FONT)
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
            problems = axe_violations(page)
            if width == 320 and not page.evaluate("document.documentElement.scrollWidth <= innerWidth"):
                problems.append(f"scrolls sideways at 320 px: {page.evaluate('document.documentElement.scrollWidth')} px wide")
            if problems:
                failures[path] = problems
    finally:
        context.close()
    assert failures == {}

"""WCAG 2.2 AA: axe-core on every built page, in both languages and both palettes."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(browser, site_dir, html_pages, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    failures = {}
    try:
        for path in sorted(html_pages):
            page.goto((site_dir / path).as_uri())
            expected = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
            violations = axe_violations(page)
            if violations:
                failures[path] = violations
    finally:
        context.close()
    assert failures == {}

"""Keyboard only: a skip link first, a visible focus ring, and every control reachable."""

from __future__ import annotations

import pytest

from test_browser import open_page

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id || "",
    cls: el.className && el.className.baseVal === undefined ? el.className : "",
    href: el.getAttribute("href") || "",
    hreflang: el.getAttribute("hreflang") || "",
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40),
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none",
    visible: !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length),
  };
}"""


def tab_through(page, presses: int) -> list[dict]:
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["tag"] != "body":  # past the last control, focus leaves the page for a moment
            seen.append(stop)
    return seen


@pytest.mark.parametrize("path, skip_text", [("index.html", "Neidio i'r cynnwys"), ("en/index.html", "Skip to content")])
def test_home_page_by_keyboard(page, site_dir, path, skip_text):
    open_page(page, site_dir, path)
    stops = tab_through(page, 40)
    assert stops[0]["text"] == skip_text and stops[0]["visible"], stops[0]
    assert any(s["hreflang"] in ("cy", "en") and "md-select__link" in s["cls"] for s in stops), "language switcher"
    assert any(s["tag"] == "input" and "md-search__input" in s["cls"] for s in stops), "search box"
    no_ring = [s for s in stops if s["visible"] and not s["ring"]]
    assert no_ring == [], repr(no_ring)


@pytest.mark.parametrize("path", ["case-studies/index.html", "en/case-studies/index.html"])
def test_case_study_filter_by_keyboard(page, site_dir, path):
    open_page(page, site_dir, path)
    stops = tab_through(page, 90)
    selects = [s["id"] for s in stops if s["tag"] == "select"]
    assert selects == ["cs-filter-stages", "cs-filter-ladder", "cs-filter-sector", "cs-filter-country"]
    assert any(s["tag"] == "button" and s["text"] for s in stops), "the reset button"
    no_ring = [s for s in stops if s["visible"] and not s["ring"]]
    assert no_ring == [], repr(no_ring)
    # Choose a country with the keyboard alone and see the list narrow.
    page.focus("#cs-filter-country")
    page.keyboard.press("ArrowDown")
    total = page.locator(".cs-all .cs-item").count()
    assert page.locator(".cs-all .cs-item:visible").count() < total


def test_ladder_rungs_are_reachable_in_order(page, site_dir):
    open_page(page, site_dir, "en/ladder.html")
    stops = tab_through(page, 150)
    rung_links = [s["href"] for s in stops if "case-studies/" in s["href"]]
    assert rung_links, "the case studies listed under the rungs are reachable by keyboard"

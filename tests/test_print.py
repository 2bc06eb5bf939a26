"""Print: pages print without navigation chrome, in black on white, with link targets shown."""

from __future__ import annotations

import pytest

from test_browser import open_page

pytestmark = pytest.mark.browser

HIDDEN_WHEN_PRINTED = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"]


@pytest.mark.parametrize("path", ["ladder.html", "en/c2-seven-steps.html", "en/dos-and-donts.html",
                                  "case-studies/well-london.html"])
def test_page_prints_without_chrome(page, site_dir, path, tmp_path):
    open_page(page, site_dir, path)
    page.emulate_media(media="print", color_scheme="light")
    for selector in HIDDEN_WHEN_PRINTED:
        assert page.locator(selector).first.evaluate("el => getComputedStyle(el).display") == "none", selector
    assert page.locator("article").is_visible()
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_printed_ladder_and_cards_are_black_and_white(page, site_dir):
    for path, selector in (("en/ladder.html", ".ladder-rung"), ("en/dos-and-donts.html", ".dd-card"),
                           ("en/c2-seven-steps.html", "li.step")):
        open_page(page, site_dir, path)
        page.emulate_media(media="print", color_scheme="light")
        style = page.locator(selector).first.evaluate(
            "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderLeftColor]; }")
        assert style == ["rgba(0, 0, 0, 0)", "rgb(0, 0, 0)"], (path, style)


def test_printed_links_show_their_targets(page, site_dir):
    open_page(page, site_dir, "en/references.html")
    page.emulate_media(media="print")
    link = page.locator("article a[href^='http']").first
    href = link.get_attribute("href")
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert href in after

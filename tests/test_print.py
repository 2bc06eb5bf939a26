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


WIDEST_FONT = "html, body, .md-typeset { font-family: 'DejaVu Sans', sans-serif !important; }"


def printed_pages(page, path: str, site_dir) -> list[str]:
    """The text of each printed A4 page, in the widest installed font."""
    import io

    from pypdf import PdfReader

    open_page(page, site_dir, path)
    page.add_style_tag(content=WIDEST_FONT)
    page.emulate_media(media="print", color_scheme="light")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    return [p.extract_text() for p in reader.pages]


@pytest.mark.parametrize("path", ["en/ladder.html", "dos-and-donts.html", "en/dos-and-donts.html",
                                  "case-studies/well-london.html", "en/c2-seven-steps.html", "en/glossary.html"])
def test_no_heading_is_left_at_the_foot_of_a_printed_page(browser, site_dir, path):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        texts = printed_pages(page, path, site_dir)
        headings = set(page.locator("article h1, article h2, article h3, article h4").all_inner_texts())
    finally:
        context.close()
    stranded = []
    for number, text in enumerate(texts[:-1], 1):
        last = [line.strip() for line in text.splitlines() if line.strip()][-1]
        if last in headings:
            stranded.append(f"page {number} ends with the heading '{last}'")
    assert stranded == []


@pytest.mark.parametrize("path, address, words", [
    ("ladder.html", "https://cydgynhyrchu.github.io/pecyn-cymorth/ladder.html", "Diweddarwyd ddiwethaf"),
    ("en/case-studies/well-london.html", "https://cydgynhyrchu.github.io/pecyn-cymorth/en/case-studies/well-london.html", "Last updated"),
])
def test_printed_page_carries_its_address_and_date(browser, site_dir, path, address, words):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        open_page(page, site_dir, path)
        meta = page.locator(".tk-print-meta")
        assert not meta.is_visible(), "only on paper"
        page.emulate_media(media="print")
        assert meta.is_visible()
        text = meta.inner_text()
        assert address in text and words in text and meta.locator("time[datetime]").count() == 1, text
        assert address in "".join(printed_pages(page, path, site_dir)[-1].split())  # on the paper too
    finally:
        context.close()


@pytest.mark.parametrize("path", ["case-studies/well-london.html", "en/case-studies/well-london.html",
                                  "dos-and-donts.html", "en/dos-and-donts.html"])
def test_case_study_and_dos_and_donts_print_cleanly(browser, site_dir, path):
    """Nothing off the edge of the paper, no screen-only controls, cards and facts kept whole."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 680, "height": 1000})  # A4's printable width
    page = context.new_page()
    try:
        open_page(page, site_dir, path)
        page.add_style_tag(content=WIDEST_FONT)
        page.emulate_media(media="print", color_scheme="light")
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert page.locator(".tk-back").count() == 0 or not page.locator(".tk-back").is_visible()
        for selector in (".case-card", ".dd-card"):
            for card in page.locator(selector).all():
                assert card.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
        facts = page.locator(".case-card dt")
        if facts.count():
            dt, dd = facts.first.bounding_box(), page.locator(".case-card dd").first.bounding_box()
            assert abs(dt["y"] - dd["y"]) < 4, "facts print beside their names"
        texts = printed_pages(page, path, site_dir)
        assert len(texts) <= (2 if "case-studies" in path else 3), f"{len(texts)} pages"
    finally:
        context.close()

"""The built site opened from disk (file://) in Debian's Chromium, as a reader would."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def open_page(page, site_dir, path: str):
    page.goto((site_dir / path).as_uri())
    page.wait_for_load_state("load")
    return page


def search(page, query: str) -> list[str]:
    """Type into Material's search box and return the result titles."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item h1").all_inner_texts()


def remote(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith("file:")]


@pytest.mark.parametrize("path", ["index.html", "en/index.html"])
def test_home_page_makes_no_remote_request(page, site_dir, path):
    open_page(page, site_dir, path)
    page.wait_for_timeout(500)  # let the search worker and polyfills start
    assert page.requests_seen, "the page loaded nothing at all"
    assert remote(page.requests_seen) == []


def test_search_finds_a_welsh_word_from_disk(page, site_dir):
    open_page(page, site_dir, "index.html")
    titles = search(page, "cydgynhyrchu")
    assert any("Cydgynhyrchu" in t for t in titles), titles
    assert remote(page.requests_seen) == []


def test_search_finds_an_english_word_from_disk(page, site_dir):
    open_page(page, site_dir, "en/index.html")
    titles = search(page, "ladder")
    assert titles, "no results for 'ladder'"
    assert remote(page.requests_seen) == []


@pytest.mark.parametrize("start, lang, expected", [
    ("ladder.html", "en", "en/ladder.html"),
    ("en/ladder.html", "cy", "ladder.html"),
    ("case-studies/index.html", "en", "en/case-studies/index.html"),
])
def test_language_switcher_lands_on_the_twin(page, site_dir, start, lang, expected):
    open_page(page, site_dir, start)
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={lang}]").click()
    assert page.url == (site_dir / expected).as_uri()
    assert page.locator("html").get_attribute("lang") == lang
    assert remote(page.requests_seen) == []


@pytest.mark.parametrize("path, stage_label", [
    ("case-studies/index.html", "Cydgomisiynu"),
    ("en/case-studies/index.html", "Co-commissioning"),
])
def test_case_study_filter_works_from_disk(page, site_dir, path, stage_label):
    open_page(page, site_dir, path)
    form = page.locator("form[data-cs-filter]")
    assert form.is_visible(), "the filter is revealed when JavaScript runs"
    items = page.locator(".cs-all .cs-item")
    total = items.count()
    option = page.locator("#cs-filter-stages option[value=co-commissioning]")
    assert option.inner_text().startswith(stage_label + " (")  # each choice shows its count
    page.select_option("#cs-filter-stages", "co-commissioning")
    visible = page.locator(".cs-all .cs-item:visible")
    shown = visible.count()
    assert 0 < shown < total
    for i in range(shown):
        assert "co-commissioning" in visible.nth(i).get_attribute("data-stages").split()
    assert str(shown) in page.locator(".cs-filter__status").inner_text()
    page.locator("form[data-cs-filter] button[type=reset]").click()
    page.wait_for_function(f"document.querySelectorAll('.cs-all .cs-item:not([hidden])').length === {total}")
    assert remote(page.requests_seen) == []

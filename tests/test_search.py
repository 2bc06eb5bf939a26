"""Search from disk in the reader's language, with Welsh mutations, hyphens and accents."""

from __future__ import annotations

import json
import re

import pytest

from test_browser import open_page

pytestmark = pytest.mark.browser


def results(page, site_dir, start: str, query: str) -> list[dict]:
    open_page(page, site_dir, start)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)  # the last keystroke's results
    return page.locator(".md-search-result__item > a").evaluate_all(
        "els => els.map(a => ({href: a.getAttribute('href'), text: a.innerText.toLowerCase()}))")


def pages_of(found: list[dict], site_dir) -> set[str]:
    root = site_dir.as_uri() + "/"
    return {r["href"].split("?")[0].split("#")[0].removeprefix(root) for r in found}


@pytest.mark.parametrize("query", ["cydgynhyrchu", "gydgynhyrchu", "nghydgynhyrchu", "chydgynhyrchu",
                                   "cyd-gynhyrchu", "Cydgynhyrchu"])
def test_every_form_of_cydgynhyrchu_finds_the_definitions(page, site_dir, query):
    found = pages_of(results(page, site_dir, "index.html", query), site_dir)
    assert "definitions.html" in found and "glossary.html" in found
    assert not any(p.startswith("en/") for p in found), "a Welsh reader gets Welsh pages"


def count(page) -> int:
    return int(re.search(r"\d+", page.locator(".md-search-result__meta").inner_text()).group(0))


def test_mutated_and_radical_forms_find_each_other(page, site_dir):
    results(page, site_dir, "index.html", "bartneriaeth")
    mutated = count(page)
    results(page, site_dir, "index.html", "partneriaeth")
    assert count(page) == mutated > 3


def test_exact_form_ranks_first(page, site_dir):
    found = results(page, site_dir, "index.html", "bartneriaeth")
    assert "bartneriaeth" in found[0]["text"]


def test_circumflex_is_optional(page, site_dir):
    found = results(page, site_dir, "index.html", "pwer")
    assert found and any("pŵer" in r["text"] for r in found)


def test_english_reader_gets_english_results_with_hyphen_variants(page, site_dir):
    for query in ("coproduction", "co-production"):
        found = pages_of(results(page, site_dir, "en/index.html", query), site_dir)
        assert "en/definitions.html" in found
        assert all(p.startswith("en/") for p in found), found


def test_english_stemming_still_works(page, site_dir):
    found = results(page, site_dir, "en/index.html", "commissioned")
    assert any("commission" in r["text"] for r in found)


def test_welsh_reader_does_not_get_english_pages(page, site_dir):
    found = pages_of(results(page, site_dir, "ladder.html", "ladder"), site_dir)
    assert found and not any(p.startswith("en/") for p in found)


def test_index_no_more_than_doubles(site_dir):
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    expanded = len(json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    for doc in index["docs"]:
        doc.pop("variants", None)
    index["config"].pop("welsh")
    index["config"]["fields"].pop("variants")
    plain = len(json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    assert expanded <= 2 * plain
    script = (site_dir / "search/search_index.js").read_text(encoding="utf-8")
    assert re.match(r"var __index = \{", script) and '"variants"' in script

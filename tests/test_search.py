"""Search from disk in the reader's language, with Welsh mutations, hyphens and accents,
English stems, and an index that loads only when the reader searches."""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import json
import re
import shutil
import threading

import pytest

from test_browser import open_page

from toolkit.search_index import fold, words

pytestmark = pytest.mark.browser


def ask(page, query: str) -> None:
    """Open search, wait until the worker is ready, then send exactly one query.

    Material reads the box on keyup once its worker is ready, so the query is filled in
    after that and sent with one key press: no results for a half-typed query can arrive
    after the real ones."""
    meta = page.locator(".md-search-result__meta")
    starting = meta.inner_text()  # "Initialising search", in the page's language
    page.locator("input.md-search__input").click()
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').innerText !== text",
                           arg=starting, timeout=15000)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")


def results(page, site_dir, start: str, query: str) -> list[dict]:
    open_page(page, site_dir, start)
    ask(page, query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
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


def index(site_dir, lang: str) -> dict:
    return json.loads((site_dir / f"search/search_index.{lang}.json").read_text(encoding="utf-8"))


def test_english_words_find_other_forms_of_their_stem(page, site_dir):
    """No English page has a word starting 'addressing', so only the stem (address,
    addressed) can find anything: without stemming this query finds nothing."""
    vocabulary = {fold(w) for doc in index(site_dir, "en")["docs"] for w in words(doc)}
    assert not any(w.startswith("addressing") for w in vocabulary)
    assert {"address", "addressed"} & vocabulary
    found = results(page, site_dir, "en/index.html", "addressing")
    assert any(re.search(r"\baddress", r["text"]) for r in found)


def test_welsh_reader_does_not_get_english_pages(page, site_dir):
    found = pages_of(results(page, site_dir, "ladder.html", "ladder"), site_dir)
    assert found and not any(p.startswith("en/") for p in found)


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_each_language_has_its_own_index_at_most_doubled(site_dir, lang):
    expanded = index(site_dir, lang)
    assert expanded["docs"] and all(doc["location"].startswith("en/") == (lang == "en") for doc in expanded["docs"])
    assert ("welsh" in expanded["config"]) == (lang == "cy"), "the mutation rules only in Welsh"
    size = len(json.dumps(expanded, ensure_ascii=False, separators=(",", ":")))
    for doc in expanded["docs"]:
        doc.pop("variants", None)
    expanded["config"].pop("welsh", None)
    expanded["config"]["fields"].pop("variants")
    assert size <= 2 * len(json.dumps(expanded, ensure_ascii=False, separators=(",", ":")))
    script = (site_dir / f"search/search_index.{lang}.js").read_text(encoding="utf-8")
    assert re.match(r"var __index = \{", script) and '"variants"' in script
    assert not (site_dir / "search/search_index.json").exists(), "no combined index for both languages"


def test_every_section_of_every_page_is_in_its_language_index(site_dir, html_pages):
    """No section is dropped for looking like its twin's: the glossary's letter headings (A, C,
    D, ...) have the same title and text in both languages, and each language's index needs
    its own (the i18n plugin's reconfigure_search would drop the English ones)."""
    for lang in ("cy", "en"):
        locations = {doc["location"] for doc in index(site_dir, lang)["docs"]}
        prefix = "" if lang == "cy" else "en/"
        letters = re.findall(r'<h2 id="([a-z])"', html_pages[f"{prefix}glossary.html"])
        assert letters, "the glossary has letter headings"
        assert {f"{prefix}glossary.html#{letter}" for letter in letters} <= locations


# The index loads only when the reader searches, and only in the reader's language.

def index_requests(page) -> list[str]:
    return [url.rsplit("/", 1)[-1] for url in page.requests_seen if "/search/" in url or "/workers/" in url]


@pytest.mark.parametrize("path, lang", [("index.html", "cy"), ("en/ladder.html", "en")])
def test_index_loads_on_first_search_only_in_the_page_language(page, site_dir, path, lang):
    open_page(page, site_dir, path)
    page.wait_for_selector("[data-md-component=search-query]", state="attached")
    assert index_requests(page) == [], "nothing of search loads with the page"
    assert page.locator("iframe").count() == 0, "no search worker iframe yet"
    with page.expect_request(re.compile(rf"/search/search_index\.{lang}\.js$")):
        page.locator("input.md-search__input").focus()
    page.wait_for_function("() => typeof __index === 'object'")
    loaded = index_requests(page)
    assert [name for name in loaded if name.startswith("search_index")] == [f"search_index.{lang}.js"]


@pytest.fixture(scope="module")
def http_site(site_dir):
    """The built site over http on 127.0.0.1, as GitHub Pages would serve it."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_over_http_the_index_and_worker_wait_for_the_first_search(page, http_site):
    page.goto(f"{http_site}/ladder.html")
    page.wait_for_load_state("load")
    page.wait_for_selector("[data-md-component=search-query]", state="attached")
    assert index_requests(page) == []
    ask(page, "gorfodaeth")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    loaded = index_requests(page)
    assert "search_index.cy.json" in loaded and not any("search_index.en" in name for name in loaded)
    assert any(name.startswith("search.") for name in loaded), "the worker started on the first search"


def test_arriving_from_a_result_highlights_at_once(page, site_dir):
    """A result link carries ?h=word; that page loads the index straight away to mark it."""
    page.goto((site_dir / "ladder.html").as_uri() + "?h=gorfodaeth")
    page.wait_for_selector("article mark", timeout=15000)
    assert "gorfodaeth" in page.locator("article mark").first.inner_text().lower()


# The policy the site's pages are to carry, with hashes for the theme's own inline scripts.
CSP = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "worker-src 'self' blob:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)


def with_csp(html: str) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
                      for body in INLINE_SCRIPT.findall(html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(hashes=hashes)}">'
    return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + meta, 1)


def test_search_from_disk_under_a_content_security_policy(page, site_dir, tmp_path):
    """The iframe-worker shim (adapted) writes no inline script, so search from disk works
    under `script-src 'self'`: the upstream shim's inline script would be blocked."""
    site = shutil.copytree(site_dir, tmp_path / "site")
    (site / "ladder.html").write_text(with_csp((site / "ladder.html").read_text(encoding="utf-8")), encoding="utf-8")
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    open_page(page, site, "ladder.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("gorfodaeth", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)  # no eval: the CSP forbids it
    assert blocked == []

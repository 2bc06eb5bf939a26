"""The real site, built strict once: languages, switcher, and nothing loaded from afar."""

from __future__ import annotations

import hashlib
import posixpath
import re

from conftest import ROOT
from htmlscan import CSS_URL, is_remote, scan


def lang_of(path: str) -> str:
    return "en" if path.startswith("en/") else "cy"


def twin_of(path: str) -> str:
    return path.removeprefix("en/") if path.startswith("en/") else f"en/{path}"


def test_both_languages_are_built(site_dir, html_pages):
    welsh = {p for p in html_pages if not p.startswith("en/")}
    english = {p.removeprefix("en/") for p in html_pages if p.startswith("en/")}
    assert "index.html" in welsh
    assert welsh == english, "every Welsh page has an English twin and vice versa"
    sources = {p.relative_to(ROOT / "docs" / "cy").with_suffix(".html").as_posix()
               for p in (ROOT / "docs" / "cy").rglob("*.md")}
    assert sources == welsh


def test_lang_attribute_matches_folder(html_pages):
    for path, html in html_pages.items():
        assert scan(html).html_lang == lang_of(path), path


def test_language_names_and_site_names(html_pages):
    assert "<title>" in html_pages["index.html"]
    assert "Pecyn Cymorth Cydgynhyrchu" in re.search(r"<title>(.*?)</title>", html_pages["index.html"]).group(1)
    assert "Co-production Toolkit" in re.search(r"<title>(.*?)</title>", html_pages["en/index.html"]).group(1)
    # Material's own interface strings are in the page's language.
    assert "Neidio i'r cynnwys" in html_pages["index.html"] or "Neidio i&#39;r cynnwys" in html_pages["index.html"]
    assert "Skip to content" in html_pages["en/index.html"]


SITE_URL = "https://cydgynhyrchu.github.io/pecyn-cymorth/"


def test_switcher_and_hreflang_point_at_the_twin(html_pages):
    """The switcher's links are relative (they work from disk); the head's hreflang links
    are absolute under site_url (search engines ignore relative ones)."""
    for path, html in html_pages.items():
        page = scan(html)
        here = posixpath.dirname(path)
        assert set(page.switcher) == {"cy", "en"} == set(page.alternates), path
        for lang in ("cy", "en"):
            expected = path if lang == lang_of(path) else twin_of(path)
            href = page.switcher[lang]
            assert not is_remote(href) and not href.startswith("/"), f"{path}: {href} must be relative"
            assert posixpath.normpath(posixpath.join(here, href)) == expected, f"{path}: switcher[{lang}] -> {href}"
            assert page.alternates[lang] == SITE_URL + expected, f"{path}: hreflang {lang}"


def test_each_language_has_its_sitemap(site_dir):
    for folder, lang in (("", "cy"), ("en/", "en")):
        text = (site_dir / folder / "sitemap.xml").read_text(encoding="utf-8")
        locs = re.findall(r"<loc>([^<]+)</loc>", text)
        assert len(locs) >= 40
        assert all(loc.startswith(SITE_URL + folder) for loc in locs)
        assert SITE_URL + folder + "ladder.html" in locs


def test_search_dialog_has_a_name_in_the_page_language(html_pages):
    assert 'role="dialog" aria-label="Chwilio"' in html_pages["index.html"]
    assert 'role="dialog" aria-label="Search"' in html_pages["en/index.html"]


def test_no_page_loads_anything_remote(site_dir, html_pages):
    for path, html in html_pages.items():
        remote = [url for url in scan(html).loads if is_remote(url)]
        assert remote == [], f"{path} loads {remote}"
    assert "unpkg.com" not in (site_dir / "index.html").read_text()


def test_no_stylesheet_loads_anything_remote(site_dir):
    for css in site_dir.rglob("*.css"):
        remote = [u for u in CSS_URL.findall(css.read_text(encoding="utf-8")) if is_remote(u)]
        assert remote == [], f"{css}: {remote}"


def test_our_scripts_name_no_remote_host():
    """Our own and vendored scripts. Material's bundle names unpkg.com only for fallbacks
    (a ResizeObserver polyfill, mermaid) that Chromium never loads; the browser tests prove
    no request leaves the disk."""
    for script in (ROOT / "docs" / "assets").rglob("*.js"):
        assert not re.search(r"https?://", script.read_text(encoding="utf-8")), script


# The npm file the vendored shim was adapted from (iframe-worker 1.0.4, shim/index.js).
UPSTREAM_SHIM_SHA256 = "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609"


def test_vendored_shim_is_the_documented_adaptation_with_its_licence():
    """The shim is iframe-worker's, adapted to write no inline script (README.txt beside it):
    if npm's copy changes, this fails, and the adaptation must be redone by hand."""
    vendored = ROOT / "docs/assets/vendor/iframe-worker"
    upstream = (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    assert hashlib.sha256(upstream).hexdigest() == UPSTREAM_SHIM_SHA256
    assert b"<script>postMessage=" in upstream, "upstream writes the inline script we replace"
    shim = (vendored / "shim.js").read_text(encoding="utf-8")
    assert "ADAPTED" in shim and "MIT" in shim
    written = re.search(r"document\.write\(([^;]+)\);", shim).group(1)
    assert re.findall(r"<script\b[^>]*>", written) == [
        '<script src="${attribute(scope)}" data-worker="${attribute(url)}">',
        '<script src="${attribute(`${url}?${+Date.now()}`)}">',
    ], "only <script src> elements, the worker scope first"
    assert "worker-scope.js" in shim and (vendored / "worker-scope.js").is_file()
    assert "script.remove()" in (vendored / "worker-scope.js").read_text(encoding="utf-8")
    assert "Permission is hereby granted" in (vendored / "LICENSE.txt").read_text()
    assert "What this copy changes" in (vendored / "README.txt").read_text(encoding="utf-8")


def test_404_speaks_both_languages(site_dir):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    page = scan(html)
    hrefs = {href for href, _ in page.links}
    # Relative to the site root, where 404.html is: it then works from disk and in the zip.
    assert {"index.html", "en/index.html"} <= hrefs
    assert 'lang="cy"' in html and 'lang="en"' in html
    assert "Page not found" in html and "Heb ddod o hyd i'r dudalen" in html.replace("&#39;", "'")


def test_every_page_has_an_edit_link_to_its_own_source(html_pages):
    for path, html in html_pages.items():
        lang = lang_of(path)
        source = path.removeprefix("en/").removesuffix(".html") + ".md"
        edit = [href for href, attrs in scan(html).links if attrs.get("rel") == "edit"]
        assert edit == [f"https://github.com/cydgynhyrchu/pecyn-cymorth/edit/main/docs/{lang}/{source}"], path


def test_a_tools_and_the_filters_files_load_only_where_they_are_used(site_dir, html_pages):
    """Readers on mobile data fetch a tool's style and script, and the case-study filter's
    script, only on the pages that have a tool or the filter, and every such page has them
    (each exists at the address the page gives)."""
    wanted = {"tools.css": 'class="tool-form', "tools.js": 'class="tool-form', "case-filter.js": "data-cs-filter"}
    for path, html in html_pages.items():
        loaded = {posixpath.basename(url): url for url in scan(html).loads}
        for name, used_by in wanted.items():
            assert (name in loaded) == (used_by in html), f"{path}: {name} {'missing' if used_by in html else 'loaded'}"
            if name in loaded:
                assert (site_dir / posixpath.normpath(posixpath.join(posixpath.dirname(path), loaded[name]))).is_file()
    pages_with_tools = [path for path, html in html_pages.items() if 'class="tool-form' in html]
    assert len(pages_with_tools) == 10, pages_with_tools

"""The downloadable offline copy: unzipped anywhere, the whole site works from disk with
zero requests leaving it."""

from __future__ import annotations

import json
import posixpath
import zipfile

import pytest

from htmlscan import scan
from test_browser import open_page, remote, search

from toolkit.offline import FOLDER, ZIP_NAME
from toolkit.publish import post_build

pytestmark = pytest.mark.browser
# A request cut short because the test moved on to the next page: not a missing file.
ABORTED = "net::ERR_ABORTED"


@pytest.fixture(scope="module")
def unzipped(site_dir, tmp_path_factory):
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site_dir / ZIP_NAME) as archive:
        archive.extractall(target)
    return target / FOLDER


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_each_home_page_links_to_the_zip(html_pages, site_dir, home):
    hrefs = [href for href, _ in scan(html_pages[home]).links if href.endswith(".zip")]
    assert len(hrefs) == 1
    assert posixpath.normpath(posixpath.join(posixpath.dirname(home), hrefs[0])) == ZIP_NAME
    assert (site_dir / ZIP_NAME).stat().st_size > 100_000


def test_zip_holds_every_page_and_the_search_index(html_pages, unzipped):
    for path in html_pages:
        assert (unzipped / path).is_file(), path
    assert sorted(p.name for p in (unzipped / "search").iterdir()) == ["search_index.cy.js", "search_index.en.js"]


def test_zip_holds_nothing_the_copy_does_not_use(unzipped):
    """One index per language (the .js file:// loads), no lunr language files (lunr needs
    none for cy and en), no source maps, sitemaps or zips."""
    files = [p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*") if p.is_file()]
    assert [f for f in files if "/lunr/" in f or f.startswith("assets/javascripts/lunr")] == []
    assert [f for f in files if f.endswith((".map", ".zip", ".gz", ".json")) or "sitemap" in f] == []


def test_every_page_loads_from_disk_with_no_remote_request(page, html_pages, unzipped):
    """Page by page across the unzipped copy: nothing leaves the disk, and every file a
    page asks for is there (a missing file:// resource fires `requestfailed`)."""
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})")
            if request.failure != ABORTED else None)
    failures = []
    for path in sorted(html_pages):
        page.requests_seen.clear()
        failed.clear()
        open_page(page, unzipped, path)
        leaked = remote(page.requests_seen)
        if leaked:
            failures.append(f"{path}: {leaked}")
        if failed:
            failures.append(f"{path}: failed to load {failed}")
    assert failures == []


def test_a_missing_file_is_noticed(page, unzipped, tmp_path):
    """The check above can fail: a page whose stylesheet is missing fires requestfailed."""
    (tmp_path / "page.html").write_text('<link rel="stylesheet" href="missing.css"><p>x</p>', encoding="utf-8")
    failed: list[tuple[str, str]] = []
    page.on("requestfailed", lambda request: failed.append((request.url, request.failure)))
    open_page(page, tmp_path, "page.html")
    assert failed == [((tmp_path / "missing.css").as_uri(), "net::ERR_FILE_NOT_FOUND")]


def test_navigation_search_switcher_filter_and_ladder_work_offline(page, unzipped):
    open_page(page, unzipped, "index.html")
    with page.expect_navigation():
        page.locator(".md-nav--primary a.md-nav__link[href$='ladder.html']").first.click()
    assert page.url.endswith("/ladder.html")
    assert page.locator("ol.ladder-rungs > li.ladder-rung").count() == 7
    assert page.locator("#co-production").is_visible()
    titles = search(page, "gorfodaeth")
    assert titles
    page.keyboard.press("Escape")
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang=en]").click()
    assert page.url == (unzipped / "en/ladder.html").as_uri()
    open_page(page, unzipped, "en/case-studies/index.html")
    total = page.locator(".cs-all .cs-item").count()
    page.select_option("#cs-filter-country", "wales")
    assert 0 < page.locator(".cs-all .cs-item:visible").count() < total
    assert remote(page.requests_seen) == []


def test_english_search_works_offline(page, unzipped):
    open_page(page, unzipped, "en/index.html")
    assert search(page, "ladder")
    assert remote(page.requests_seen) == []


def test_a_preview_build_skips_the_zip_and_sitemaps(tmp_path):
    """Under `mkdocs serve` post-build rewrites only the search index (as .json: served over
    http), leaving the zip and the sitemaps alone."""
    search_dir = tmp_path / "search"
    search_dir.mkdir()
    index = {"config": {"lang": ["en"], "fields": {"title": {}, "text": {}}},
             "docs": [{"location": "index.html", "title": "Cartref", "text": "cydgynhyrchu"},
                      {"location": "en/index.html", "title": "Home", "text": "co-production"}]}
    (search_dir / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset><lastmod>2001-01-01</lastmod></urlset>", encoding="utf-8")
    published = post_build(tmp_path, tmp_path, preview=True, pages=1)
    assert published.zip_path is None and not (tmp_path / ZIP_NAME).exists()
    assert sorted(p.name for p in search_dir.iterdir()) == ["search_index.cy.json", "search_index.en.json"]
    assert "2001-01-01" in (tmp_path / "sitemap.xml").read_text(encoding="utf-8")

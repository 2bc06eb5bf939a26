"""The downloadable offline copy: unzipped anywhere, the whole site works from disk with
zero requests leaving it."""

from __future__ import annotations

import posixpath
import zipfile

import pytest

from htmlscan import scan
from test_browser import open_page, remote, search

from toolkit.offline import FOLDER, ZIP_NAME

pytestmark = pytest.mark.browser


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
    assert (unzipped / "search/search_index.js").is_file()
    assert not list(unzipped.rglob("*.zip"))


def test_every_page_loads_from_disk_with_no_remote_request(page, html_pages, unzipped):
    """Page by page across the unzipped copy; each page's first nav link also leads somewhere real."""
    failures = []
    for path in sorted(html_pages):
        page.requests_seen.clear()
        open_page(page, unzipped, path)
        leaked = remote(page.requests_seen)
        if leaked:
            failures.append(f"{path}: {leaked}")
        failed = page.evaluate("performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400).length")
        if failed:
            failures.append(f"{path}: {failed} resources failed")
    assert failures == []


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

"""Hostile content in Chromium: pages built from hostile front matter and text, opened from
disk, run no script and request nothing off the disk; and the Content-Security-Policy stops
what would slip past the build's checks."""

from __future__ import annotations

import re
import shutil

import pytest

from test_browser import open_page
from tiny import build, edit, make_project, valid_files

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"


def hostile_files() -> dict:
    """Every kind of hostile value that must build: all escaped, none may run."""
    files = valid_files()
    case = "en/case-studies/healthy.md"
    files = edit(files, "en/index.md", "title: Home", f'title: "Home {XSS}"\ndescription: \'"><script>alert(2)</script>\'')
    files = edit(files, "en/index.md", "See [[rung:co-production]].",
                 f"See [[rung:co-production|{XSS}]].\n\n## &lt;script&gt;alert(3)&lt;/script&gt;\n\n"
                 "`<script>alert(4)</script>`")
    files = edit(files, case, "summary: Summary.", 'summary: "<script>alert(5)</script>"')
    files = edit(files, case, "place: Cardiff", f'place: "</dd><script>alert(6)</script>"\norganisations: ["{XSS}"]\n'
                 'outcomes: ["[win](javascript:alert(7))"]')
    return edit(files, case, "title: Healthy", f'title: "Healthy {XSS}"')


def watch(page) -> tuple[list[str], list[str]]:
    alerts: list[str] = []
    remote: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: None if request.url.startswith("file:") else remote.append(request.url))
    return alerts, remote


def test_hostile_pages_run_nothing_from_disk(page, tmp_path):
    root = make_project(tmp_path, hostile_files(), assets=True)
    status, report, site = build(root)
    assert status == 0, report
    alerts, remote = watch(page)
    for path in sorted(site.rglob("*.html")):
        open_page(page, site, path.relative_to(site).as_posix())
    open_page(page, site, "en/index.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Home", delay=20)  # the hostile title, shown by the search results
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert "<img src=x onerror=alert(1)>" in page.locator(".md-search-result__item").first.inner_text()
    assert alerts == [] and remote == []


def test_the_policy_stops_what_slips_past(page, site_dir, tmp_path):
    """A built page with script, a handler and a remote image put into it after the build."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    target = copy / "en/ladder.html"
    html = target.read_text(encoding="utf-8")
    planted = ('<script>alert("inline")</script><img src="x.png" onerror="alert(\'handler\')" alt="">'
               '<img src="https://evil.example/pixel.png" alt="">'
               '<a id="js" href="javascript:alert(\'link\')">x</a>')
    target.write_text(re.sub(r"(<article[^>]*>)", r"\1" + planted, html, count=1), encoding="utf-8")
    alerts, remote = watch(page)
    blocked: list[str] = []
    page.on("requestfailed", lambda request: blocked.append(request.url)
            if "csp" in (request.failure or "").lower() else None)
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    open_page(page, copy, "en/ladder.html")
    page.locator("#js").click()
    page.wait_for_function("document.readyState === 'complete'")
    assert alerts == []
    assert remote == blocked == ["https://evil.example/pixel.png"], "Chromium starts the request; the policy stops it"
    assert len(violations) >= 3, violations  # the inline script, the handler, the remote image, the link

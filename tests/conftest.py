"""Shared fixtures: the real site built once per session, and a headless Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def build_site(config: Path, out: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (never -q: it hides the warnings strict mode fails on)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real site, built strict, once per test session."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = build_site(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, str]:
    """Every built page (except the shared 404), keyed by its path in the site."""
    return {
        p.relative_to(site_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site_dir.rglob("*.html"))
        if p.name != "404.html"
    }


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (its own browser download does not work here)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-system-deps.sh")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes."""
    context = browser.new_context()
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the translation report after the tests: information, never a failure."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from toolkit.stale import pairs, stale_twins

    found = pairs(ROOT)
    drift = stale_twins(ROOT)
    never = [p.path for p in found if p.state == "never reviewed"]
    terminalreporter.section("translations (make translations)")
    for item in drift:
        terminalreporter.write_line(str(item))
        for line in item.diff.splitlines():
            terminalreporter.write_line("    " + line)
    for path in never:
        terminalreporter.write_line(f"{path}:1: never reviewed against its twin: make translations MARK={path}")
    terminalreporter.write_line(f"{len(found)} pairs: {len(drift)} page(s) whose twin changed since the review, "
                                f"{len(never)} never reviewed.")

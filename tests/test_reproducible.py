"""Two builds of the same commit give the same bytes, the offline zip and sitemaps included:
every date in the output comes from the source (SOURCE_DATE_EPOCH, else the last commit)."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, timezone

from conftest import ROOT, build_site

from toolkit.offline import ZIP_NAME, zip_time
from toolkit.publish import source_epoch


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    """...and a build that does all its work in one process (one core, or a small site) gives
    the same bytes as one that works beside the build in a second process (toolkit.worker)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from toolkit import worker

    first, second, alone = tmp_path / "first", tmp_path / "second", tmp_path / "alone"
    for out in (first, second):
        result = build_site(ROOT / "mkdocs.yml", out)
        assert result.returncode == 0, result.stdout + result.stderr
    monkeypatch.setattr(worker, "MIN_PAGES", 10**9)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(alone), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    a = tree(first)
    for other in (second, alone):
        b = tree(other)
        assert sorted(a) == sorted(b)
        assert [path for path in a if a[path] != b[path]] == [], other.name

    epoch = source_epoch(ROOT)
    with zipfile.ZipFile(first / ZIP_NAME) as archive:
        assert {info.date_time for info in archive.infolist()} == {zip_time(epoch)}
    day = datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%d")
    for sitemap in ("sitemap.xml", "en/sitemap.xml"):
        assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", (first / sitemap).read_text(encoding="utf-8"))) == {day}

"""The downloadable offline copy: the whole built site as one zip, linked from each home page.

Unzipped anywhere, `index.html` opens from disk with navigation, search, the language
switcher and the case-study filter working, because the site loads nothing from afar.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from .languages import DEFAULT_LANGUAGE
from .vocab import label

ZIP_NAME = "pecyn-cymorth-cydgynhyrchu.zip"
FOLDER = "pecyn-cymorth-cydgynhyrchu"  # the folder the zip unpacks into
MARKER = "<!-- offline-copy -->"
SKIP_SUFFIXES = (".zip", ".map", ".gz")


def built_path(lang: str, rel: str) -> str:
    """Where a page lands in the built site (use_directory_urls is off)."""
    html = rel.removesuffix(".md") + ".html"
    return html if lang == DEFAULT_LANGUAGE else f"{lang}/{html}"


def offline_link(lang: str, rel: str) -> str:
    """The download link for a page, relative to where that page is built."""
    href = posixpath.relpath(ZIP_NAME, posixpath.dirname(built_path(lang, rel)) or ".")
    return (f'<p class="offline-copy"><a href="{href}" download>{label("offline-download", lang)}</a>'
            f"<br>{label('offline-how', lang)}</p>")


def make_zip(site_dir: Path) -> Path:
    """Zip the built site (not source maps, not earlier zips) into site_dir/ZIP_NAME."""
    site_dir = Path(site_dir)
    target = site_dir / ZIP_NAME
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and not path.name.endswith(SKIP_SUFFIXES):
                archive.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
    return target

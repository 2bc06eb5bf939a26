"""The downloadable offline copy: the whole built site as one zip, linked from each home page.

Unzipped anywhere, `index.html` opens from disk with navigation, search, the language
switcher and the case-study filter working, because the site loads nothing from afar.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from .languages import DEFAULT_LANGUAGE, LANGUAGES
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
    """What a page says about the offline copy, as built: that it *is* the offline copy.

    The zip holds the pages as they are at this point; link_download then turns the site's
    own copies into the download link, with the zip's format and size."""
    return f'<p class="offline-copy">{label("offline-here", lang)}</p>'


def download_link(lang: str, rel: str, size: int) -> str:
    """The download link for a page, relative to where that page is built, with format and size."""
    href = posixpath.relpath(ZIP_NAME, posixpath.dirname(built_path(lang, rel)) or ".")
    megabytes = f"{size / 1_000_000:.1f} MB"
    return (f'<p class="offline-copy"><a href="{href}" download>{label("offline-download", lang)}</a> '
            f"({label('offline-format', lang)}, {megabytes})<br>{label('offline-how', lang)}</p>")


def link_download(site_dir: Path, zip_path: Path) -> None:
    """After zipping: the site's home pages offer the zip; the copies inside it do not."""
    for lang in LANGUAGES:
        page = Path(site_dir) / built_path(lang, "index.md")
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            note = f'<p class="offline-copy">{label("offline-here", lang)}</p>'
            page.write_text(html.replace(note, download_link(lang, "index.md", zip_path.stat().st_size)), encoding="utf-8")


def make_zip(site_dir: Path) -> Path:
    """Zip the built site (not source maps, not earlier zips) into site_dir/ZIP_NAME."""
    site_dir = Path(site_dir)
    target = site_dir / ZIP_NAME
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and not path.name.endswith(SKIP_SUFFIXES):
                archive.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
    return target

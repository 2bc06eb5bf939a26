"""The downloadable offline copy: the whole built site as one zip, linked from each home page.

Unzipped anywhere, `index.html` opens from disk with navigation, search, the language
switcher and the case-study filter working, because the site loads nothing from afar.

The zip holds only what the copy uses from disk: each language's search index once (the
`.js` form that file:// pages load), only the lunr language files Material's search worker
would load for the index's languages (none for Welsh and English), and no source maps,
sitemaps, 404 page or earlier zips. Every entry carries the same fixed time (from
SOURCE_DATE_EPOCH or the last git commit), so the same commit gives the same zip.
"""

from __future__ import annotations

import json
import posixpath
import zipfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .vocab import label

ZIP_NAME = "pecyn-cymorth-cydgynhyrchu.zip"
FOLDER = "pecyn-cymorth-cydgynhyrchu"  # the folder the zip unpacks into
MARKER = "<!-- offline-copy -->"
SKIP_SUFFIXES = (".zip", ".map", ".gz")
SKIP_NAMES = ("sitemap.xml", "404.html")
LUNR = "assets/javascripts/lunr/"
STORED_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".woff", ".woff2")  # already compressed


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


def lunr_files_needed(langs: list[str]) -> set[str]:
    """The files under assets/javascripts/lunr/ that Material's search worker imports for
    these index languages (its `Ie` function: see toolkit.theme_internals)."""
    needed = set()
    for lang in langs:
        if lang == "ja":
            needed.add("tinyseg.js")
        elif lang in ("hi", "th"):
            needed.add("wordcut.js")
        if lang != "en":
            needed.add(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return needed


def index_languages(site_dir: Path) -> list[str]:
    """Every lunr language named by the per-language search indexes' configs."""
    langs: list[str] = []
    for path in sorted((Path(site_dir) / "search").glob("search_index.*.json")):
        for lang in json.loads(path.read_text(encoding="utf-8"))["config"].get("lang", []):
            if lang not in langs:
                langs.append(lang)
    return langs


def offline_files(site_dir: Path, search: bool | None = None) -> list[str]:
    """The site's files (relative POSIX paths, sorted) that the offline copy needs; with
    `search` true only the search files (the indexes and lunr's), false all but those."""
    site_dir = Path(site_dir)
    lunr = {LUNR + name for name in lunr_files_needed(index_languages(site_dir))} if search is not False else set()
    keep = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if search is not None and search != _needs_index(rel):
            continue
        if path.is_file() and _used_offline(rel) and (not rel.startswith(LUNR) or rel in lunr):
            keep.append(rel)
    return keep


def _used_offline(rel: str) -> bool:
    """Whether the offline copy uses this file (lunr's language files aside)."""
    name = posixpath.basename(rel)
    if name.endswith(SKIP_SUFFIXES) or name in SKIP_NAMES:
        return False
    return not (rel.startswith("search/") and rel.endswith(".json"))  # file:// loads the .js copy


def _needs_index(rel: str) -> bool:
    """Files that depend on the per-language search indexes: the indexes and lunr's."""
    return rel.startswith(("search/", LUNR))


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """A zip entry's date_time, as the zip stores it: UTC, from 1980, to the even second."""
    moment = datetime.fromtimestamp(max(epoch, 315532800), timezone.utc)
    return (*moment.timetuple()[:5], moment.second // 2 * 2)


def _add(archive: zipfile.ZipFile, site_dir: Path, rel: str, epoch: int) -> None:
    info = zipfile.ZipInfo(f"{FOLDER}/{rel}", date_time=zip_time(epoch))
    info.external_attr = 0o644 << 16
    stored = rel.endswith(STORED_SUFFIXES)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    archive.writestr(info, (site_dir / rel).read_bytes(), compresslevel=None if stored else 6)


_OPEN: dict[str, tuple[zipfile.ZipFile, int]] = {}  # site folder -> the zip begun here, and its epoch


def start_zip(site_dir: str, epoch: int, unfinished: tuple[str, ...]) -> None:
    """Begin the zip while MkDocs builds the other languages (beside the build: toolkit.worker),
    with every file the copy needs that is final: all but the search files and the folders
    still being built (`unfinished`, such as 'en/'). The zip stays open in this process: the
    other languages' pages are added as they are finished (add_to_zip), and close_zip adds the
    rest of their folders."""
    site = Path(site_dir)
    abandon_zip(site_dir)
    archive = zipfile.ZipFile(site / ZIP_NAME, "w")
    _OPEN[site_dir] = (archive, epoch)
    for rel in offline_files(site, search=False):
        if not rel.startswith(unfinished):
            _add(archive, site, rel, epoch)


def add_to_zip(site_dir: str, rel: str) -> None:
    """A finished page of a folder start_zip left out, zipped now, if the zip is open here."""
    opened = _OPEN.get(site_dir)
    if opened is not None and _used_offline(rel):
        _add(opened[0], Path(site_dir), rel, opened[1])


def close_zip(site_dir: str, epoch: int, unfinished: tuple[str, ...]) -> None:
    """Add the files of the `unfinished` folders that add_to_zip did not, and close the zip
    start_zip began. If it was not begun in this process (the second process died), it is
    begun again here."""
    if site_dir not in _OPEN:
        start_zip(site_dir, epoch, unfinished)
    archive = _OPEN[site_dir][0]
    site = Path(site_dir)
    zipped = {name.partition("/")[2] for name in archive.namelist()}
    for rel in offline_files(site, search=False):
        if rel.startswith(unfinished) and rel not in zipped:
            _add(archive, site, rel, epoch)
    abandon_zip(site_dir)


def zip_open_here(site_dir: str) -> bool:
    return site_dir in _OPEN


def abandon_zip(site_dir: str) -> None:
    """Close the zip begun for this site folder, if any (also when the build has failed)."""
    opened = _OPEN.pop(site_dir, None)
    if opened is not None:
        opened[0].close()


def make_zip(site_dir: Path, epoch: int, index_written: Callable[[], object] = lambda: None,
             started: Callable[[], object] | None = None) -> Path:
    """Zip what the offline copy needs into site_dir/ZIP_NAME, every entry stamped `epoch`.

    `started`: waits for the zip begun beside the build (start_zip) to be closed with all but
    the search files. The search indexes may still be in the making (toolkit.worker): every
    other file is zipped first, then `index_written()` is waited for, then the search files
    are added."""
    site_dir = Path(site_dir)
    if started is None:
        _write(site_dir, epoch, "w", offline_files(site_dir, search=False))
    else:
        started()
    index_written()
    _write(site_dir, epoch, "a", offline_files(site_dir, search=True))
    return site_dir / ZIP_NAME


def _write(site_dir: Path, epoch: int, mode: str, files: list[str]) -> None:
    with zipfile.ZipFile(site_dir / ZIP_NAME, mode) as archive:
        for rel in files:
            _add(archive, site_dir, rel, epoch)

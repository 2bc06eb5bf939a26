"""The steps after MkDocs has written every language: search, sitemaps and the offline zip.

Under `mkdocs serve` only the search index is rebuilt (the preview's search must stay
right); the sitemaps and the zip are for a published site, so a contributor's save does not
wait for them. A published build is reproducible: the same commit gives the same bytes,
with every date taken from SOURCE_DATE_EPOCH when set, else from the last git commit.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from . import worker
from .offline import abandon_zip, close_zip, link_download, make_zip, start_zip, zip_open_here
from .search_index import write_language_indexes
from .sitemaps import write_sitemaps


def is_preview(command: str) -> bool:
    """True for `mkdocs serve` (MkDocs' on_startup `command`), false for build and gh-deploy."""
    return command == "serve"


def source_epoch(project_dir: Path) -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else now (not reproducible:
    outside a git checkout, set SOURCE_DATE_EPOCH)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project_dir, capture_output=True,
                             text=True, check=True).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


@dataclass(frozen=True)
class Published:
    """What post_build wrote, for the build log."""

    index_bytes: dict[str, int]
    zip_path: Path | None

    def log_lines(self) -> list[str]:
        lines = []
        if self.index_bytes:
            sizes = ", ".join(f"{lang} {size // 1024} KiB" for lang, size in self.index_bytes.items())
            lines.append(f"Search index per language: {sizes}")
        if self.zip_path:
            lines.append(f"Offline copy: {self.zip_path} ({self.zip_path.stat().st_size // 1024} KiB)")
        return lines


@dataclass(frozen=True)
class ZipStarted:
    """The zip, begun beside the build once the default language was built (offline.start_zip)."""

    job: worker.Job
    epoch: int
    unfinished: tuple[str, ...]


def start_zip_beside(site_dir: Path, project_dir: Path, unfinished: tuple[str, ...], pages: int) -> ZipStarted:
    """Zip the default language's files while MkDocs builds the others (`unfinished` folders)."""
    epoch = source_epoch(project_dir)
    return ZipStarted(worker.run(start_zip, str(site_dir), epoch, unfinished, pages=pages), epoch, unfinished)


def abandon_zip_beside(site_dir: Path, started: ZipStarted, pages: int) -> None:
    """After a failed build: close the zip begun for it, wherever it is open."""
    started.job.result()
    abandon_zip(str(site_dir))
    worker.run(abandon_zip, str(site_dir), pages=pages).result()


def post_build(site_dir: Path, project_dir: Path, preview: bool, pages: int,
               started: ZipStarted | None = None) -> Published:
    """Run once, after the last language is built (the offline plugin has written its
    search_index.js by then). The search index is made in the second process, which has
    learnt the pages' words during the build (toolkit.worker)."""
    site_dir = Path(site_dir)
    closed = None
    if started:  # its last files first: the second process does its work in turn
        started.job.result()
        where = 0 if zip_open_here(str(site_dir)) else pages  # closed where it was begun
        closed = worker.run(close_zip, str(site_dir), started.epoch, started.unfinished, pages=where)
    index = worker.run(write_language_indexes, str(site_dir), not preview, pages=pages)
    if preview:
        return Published(index.result() or {}, None)
    epoch = started.epoch if started else source_epoch(project_dir)
    sitemaps = worker.run(write_sitemaps, str(site_dir), epoch, pages=pages)  # not in the zip
    zip_path = make_zip(site_dir, epoch, index_written=index.result, started=closed.result if closed else None)
    link_download(site_dir, zip_path)  # the site's home pages offer the zip; the copies inside it do not
    sitemaps.result()
    return Published(index.result() or {}, zip_path)

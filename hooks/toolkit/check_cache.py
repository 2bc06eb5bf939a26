"""What `check` found on each page last time, so that the next check renders only the pages
that changed (a contributor checks after every edit).

A page's render depends on its own text and on what the whole site gives it: every page's
front matter and ids (cross-reference titles, listings, case cards), the files in docs/, the
snippets, the tools' data, mkdocs.yml, the installed Markdown packages and the toolkit's own
code. A digest of all of that names the cache file; a digest of a page's text picks its entry.
When anything but page bodies changes, every page is rendered again. The file lives in
.cache/ (not committed); delete it, or run `check --fresh`, to render everything.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from .html_check import Link
from .links import RenderedPage
from .pages import Page
from .problems import Problem
from .site import Site

FOLDER = Path(".cache") / "toolkit-check"
PACKAGES = ("markdown", "pymdown-extensions", "selectolax", "PyYAML")
CODE = Path(__file__).resolve().parent  # hooks/toolkit


def _files_digest(digest, folder: Path, pattern: str) -> None:
    for file in sorted(folder.rglob(pattern)) if folder.is_dir() else []:
        if file.is_file() and "__pycache__" not in file.parts:
            digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")


def site_digest(site: Site) -> str:
    """Everything a page's render may read, except the page's own body."""
    digest = hashlib.blake2b(digest_size=16)
    root = site.project.root
    for page in site.tree.all_pages():
        front = "\n".join(page.text.splitlines()[: page.body_line - 1])
        anchors = sorted((a.id, a.title, a.explicit) for a in page.anchors.values())
        digest.update(json.dumps([page.path, page.readable, front, anchors]).encode() + b"\0")
    digest.update(json.dumps(sorted(site.tree.files)).encode())
    for folder, pattern in ((root / "snippets", "*"), (root / "data", "*"), (CODE, "*.py")):
        _files_digest(digest, folder, pattern)
    config = root / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"")
    digest.update(json.dumps([version(name) for name in PACKAGES]).encode())
    return digest.hexdigest()


def page_digest(page: Page) -> str:
    return hashlib.blake2b(page.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass
class CheckCache:
    """One site's results per page text, read from and written to `file`."""

    file: Path
    entries: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def open(cls, site: Site) -> "CheckCache":
        file = site.project.root / FOLDER / f"{site_digest(site)}.json"
        try:
            entries = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}
        return cls(file, entries if isinstance(entries, dict) else {})

    def get(self, page: Page) -> tuple[list[Problem], RenderedPage] | None:
        entry = self.entries.get(f"{page.path}:{page_digest(page)}")
        if entry is None:
            return None
        return ([Problem(*p) for p in entry["problems"]],
                RenderedPage(page, entry["ids"], [Link(*link) for link in entry["links"]], set(entry["reported"])))

    def put(self, page: Page, result: tuple[list[Problem], RenderedPage]) -> None:
        problems, rendered = result
        self.entries[f"{page.path}:{page_digest(page)}"] = {
            "problems": [[p.path, p.line, p.message] for p in problems], "ids": list(rendered.ids),
            "links": [[link.url, link.tag, link.loads] for link in rendered.links],
            "reported": sorted(rendered.reported_urls)}

    def save(self, pages: list[Page]) -> None:
        """Keep this site's entries for these pages only, and no other site's file."""
        keep = {f"{page.path}:{page_digest(page)}" for page in pages}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            for old in self.file.parent.glob("*.json"):
                if old != self.file:
                    old.unlink()
            entries = {key: value for key, value in self.entries.items() if key in keep}
            self.file.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # a read-only checkout checks just the same, only not faster next time

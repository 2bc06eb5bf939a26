"""Under `mkdocs serve`, a save renders again only the pages it changed.

MkDocs converts every page's Markdown on every save (`Page.render`), which is about half of a
rebuild. A page's HTML depends on its own Markdown, as the hooks hand it to MkDocs, on where
it is written, and on what it reads of the rest of the site: everything in
`check_cache.site_digest` (every page's front matter and ids, the files, snippets, data,
mkdocs.yml, the Markdown packages and the toolkit's code). When none of that changed, the
page's last render is given back: its content, table of contents, title, ids, links to other
pages' anchors, and what the toolkit's extension found on it. A render that logged anything
is not kept, so its warnings are logged (and fail a strict build) on every save.

This wraps `Page.render`, an MkDocs internal (toolkit.theme_internals). One render per page is
kept, so memory stays the size of the site.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from .markdown_ext import RenderContext
from .memo import digest


class RenderMemory(Protocol):
    """What a build tells the cache (toolkit.build.Build)."""

    context: RenderContext

    def render_key(self) -> str | None:
        """What every page's render reads of the site; None when renders are not kept."""


@dataclass
class KeptRender:
    key: tuple[str, ...]
    content: str
    toc: Any
    title: str | None
    anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    found: tuple[list, set[str], set[str]]  # what the toolkit's extension found (RenderContext.found)

    def give_back(self, page: Any, files: Any, context: RenderContext) -> None:
        page.content, page.toc = self.content, copy.deepcopy(self.toc)
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchor_ids) if self.anchor_ids is not None else None
        if self.links_to_anchors is not None:
            page.links_to_anchors = {files.get_file_from_path(src): dict(links)
                                     for src, links in self.links_to_anchors.items()}
        context.restore(self.found)


_KEPT: dict[str, KeptRender] = {}  # a page's src_uri -> its last render


class _Logged(logging.Handler):
    """Notes whether anything was logged while it is attached."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.any = False

    def emit(self, record: logging.LogRecord) -> None:
        self.any = True


def _render_logging(render: Callable[[], None]) -> bool:
    """Run `render`; True if it logged anything (to MkDocs' loggers or any other)."""
    logged = _Logged()
    loggers = [logging.getLogger(), logging.getLogger("mkdocs"), logging.getLogger("MARKDOWN")]
    for logger in loggers:
        logger.addHandler(logged)
    try:
        render()
    finally:
        for logger in loggers:
            logger.removeHandler(logged)
    return logged.any


def keep_page_renders(page_class: Any, memory_of: Callable[[Any], RenderMemory | None]) -> None:
    """Make `page_class.render(config, files)` (MkDocs' Page) give back a page's last render
    when nothing it depends on has changed; `memory_of(config)` is the build's RenderMemory."""
    render = page_class.render
    if getattr(render, "keeps_renders", False):
        return

    def remembered(page: Any, config: Any, files: Any) -> None:
        memory = memory_of(config)
        site = memory.render_key() if memory is not None else None
        if site is None:
            return render(page, config, files)
        file = page.file
        key = (site, file.dest_uri, file.url, digest(page.markdown or ""))
        kept = _KEPT.get(file.src_uri)
        if kept is not None and kept.key == key:
            kept.give_back(page, files, memory.context)
            return None
        _KEPT.pop(file.src_uri, None)
        if _render_logging(lambda: render(page, config, files)):
            return None
        links = getattr(page, "links_to_anchors", None)
        _KEPT[file.src_uri] = KeptRender(
            key, page.content, copy.deepcopy(page.toc), getattr(page, "_title_from_render", None),
            set(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
            {to.src_uri: dict(anchors) for to, anchors in links.items()} if links is not None else None,
            memory.context.found())
        return None

    remembered.keeps_renders = True  # type: ignore[attr-defined]
    page_class.render = remembered

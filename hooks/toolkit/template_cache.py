"""What MkDocs asks of the theme on every build, kept in memory for the whole MkDocs run.

MkDocs gives each build a fresh Jinja environment, and the i18n plugin runs one build per
language, so every build (once per language, and `mkdocs serve` again on every save)
- compiles Material's templates again: Jinja's bytecode cache (a public API) lets all builds
  after the first load the compiled code instead; a template whose source changed is compiled
  afresh (Jinja checks each one's checksum);
- lists every file in the theme's folders to find its static files, walking the thousands of
  icons Material ships: `keep_theme_listing` remembers that list, and lists again when a
  folder of the project's own (overrides/) has changed. Installed packages do not change
  while MkDocs runs. This wraps `Theme.get_env`, an MkDocs internal (toolkit.theme_internals);
- parses every page's HTML into search sections (Material's search plugin): under `mkdocs
  serve`, the same page gives the same entries, so `keep_search_entries` remembers them by
  what Material reads of the page (its content, URL, title, tags and search settings). This
  wraps `SearchIndex.add_entry_from_context`, a Material internal (toolkit.theme_internals).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

from .memo import digest as _digest


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode, keyed by template, in this process's memory."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()

_LISTINGS: dict[tuple, tuple[tuple, list[str]]] = {}  # (folders, options) -> (their state, the list)


def _installed(folder: str) -> bool:
    return any(Path(folder).is_relative_to(prefix) for prefix in {sys.prefix, sys.base_prefix})


def _state(folders: tuple[str, ...]) -> tuple:
    """Every sub-folder's modification time in the project's own theme folders: adding,
    removing or renaming a file changes its folder's."""
    return tuple((root, os.stat(root).st_mtime_ns) for folder in folders if not _installed(folder)
                 for root, _, _ in os.walk(folder))


def keep_theme_listing(theme: Any) -> None:
    """Make `theme.get_env()` (an MkDocs Theme's) give environments whose `list_templates`
    answers from memory while the theme's folders are unchanged."""
    make_env: Callable[[], Any] = theme.get_env
    folders = tuple(theme.dirs)
    options = tuple(sorted(theme.static_templates))

    def get_env():
        env = make_env()
        list_templates = env.list_templates

        def remembered(extensions=None, filter_func=None) -> list[str]:
            key, state = (folders, options, extensions), _state(folders)
            known = _LISTINGS.get(key)
            if known is None or known[0] != state:
                known = _LISTINGS[key] = (state, list_templates(extensions=extensions, filter_func=filter_func))
            return list(known[1])

        env.list_templates = remembered
        return env

    theme.get_env = get_env


_SEARCH_ENTRIES: dict[str, tuple[tuple, list[dict]]] = {}  # a page's URL -> what Material read of it, its entries


def keep_search_entries(search_plugin: Any, then: Callable[[list[dict]], None] = lambda entries: None) -> None:
    """Make the search plugin's index (made anew by the plugin's on_config in every build)
    add a page it has seen before from memory; `then` is given each page's entries. One
    version is kept per page, so memory stays the size of the site however long serve runs."""
    index = getattr(search_plugin, "search_index", None)
    if index is None:  # search is off
        return
    add = index.add_entry_from_context

    def remembered(page: Any) -> None:
        meta = page.meta
        key = (_digest(page.content or ""), str(meta.get("title", page.title)),
               repr(meta.get("tags")), repr(meta.get("search")))
        known = _SEARCH_ENTRIES.get(page.url)
        if known is None or known[0] != key:
            before = len(index.entries)
            add(page)
            known = _SEARCH_ENTRIES[page.url] = (key, [dict(entry) for entry in index.entries[before:]])
        else:
            index.entries.extend(dict(entry) for entry in known[1])
        then(known[1])

    index.add_entry_from_context = remembered

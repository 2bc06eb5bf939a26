"""Results kept for the life of the process, keyed by a digest of the text they came from.

`mkdocs serve` rebuilds every page of both languages on every save, but a save changes one
page. The checks on rendered HTML are pure functions of that HTML, so for every unchanged page
their result is taken from here instead of being worked out again. A full build sees each text
once and gains nothing, at the cost of one digest per page (microseconds).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
MAX_ENTRIES = 20_000  # a few per page of a very large site; past it, start afresh


def digest(text: str) -> bytes:
    """16 bytes that stand for the text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def by_text(function: Callable[..., T]) -> Callable[..., T]:
    """Remember `function(text, *args, **kwargs)` by a digest of `text` (and of any other long
    text argument) and the other arguments. The result is shared: callers must not change it."""
    store: dict[tuple, T] = {}

    @functools.wraps(function)
    def remembered(text: str, *args, **kwargs) -> T:
        key = (digest(text), tuple(digest(a) if isinstance(a, str) and len(a) > 256 else a for a in args),
               tuple(sorted(kwargs.items())))
        if key not in store:
            if len(store) >= MAX_ENTRIES:
                store.clear()
            store[key] = function(text, *args, **kwargs)
        return store[key]

    return remembered

"""A second process that does the toolkit's work beside MkDocs, on the machine's other core.

MkDocs renders pages one after another, on one core. Much of the toolkit's work needs nothing
but text MkDocs has already produced: the checks of the sources, the checks of each page's
rendered HTML (toolkit.html_check, the Welsh mutation check), finishing each written page
(page_html.finish_page), the search index, the sitemaps and the zip (all but its search files). With a
second core that work runs there while MkDocs renders, and the build gathers the results after
the last language.

One process serves the whole MkDocs run. A small site, as in the tests, is done in the build's
own process: starting a process costs about as much as checking forty pages; so is every save
under `mkdocs serve`, where toolkit.memo makes the work small (build.Build.work_beside). The
results are the same either way; if the process cannot start or dies, the work is done here.
As with any use of multiprocessing, a script that runs a build itself must guard its entry
point with `if __name__ == "__main__":` (the new process imports the script's main module).
"""

from __future__ import annotations

import multiprocessing
import os
import site
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
MIN_PAGES = 40
_pool: ProcessPoolExecutor | None = None


def _second_process() -> ProcessPoolExecutor | None:
    global _pool
    if _pool is None and (os.cpu_count() or 1) > 1:
        # spawn, not fork: mkdocs serve runs threads, and a forked copy of a held lock never frees.
        # MkDocs puts hooks/ on sys.path only while it imports the hooks: the new process adds it.
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=site.addsitedir, initargs=(str(Path(__file__).parents[1]),))
    return _pool


@dataclass
class Job(Generic[T]):
    """One check, running beside the build or already done."""

    function: Callable[..., T]
    args: tuple[Any, ...]
    future: Future | None = None
    _done: list[T] = field(default_factory=list)  # the result, once known

    def result(self) -> T:
        """The result, waited for (or worked out here, once)."""
        if not self._done:
            self._done.append(self._outcome())
        return self._done[0]

    def _outcome(self) -> T:
        if self.future is not None:
            try:
                return self.future.result()
            except (BrokenProcessPool, OSError):
                _forget_pool()
        return self.function(*self.args)


def _forget_pool() -> None:
    global _pool
    _pool = None


def run(function: Callable[..., T], *args: Any, pages: int, here: Callable[[], T] | None = None) -> Job[T]:
    """`function(*args)`, beside the build when the site has `pages` enough to gain from it.
    The function must be importable by name (it runs in another process). `here`, if given,
    is what to do instead when the work is done in this process (with what it has already)."""
    job = Job(here, ()) if here is not None and pages < MIN_PAGES else Job(function, args)
    if pages >= MIN_PAGES:
        try:
            pool = _second_process()
            if pool is not None:
                job.future = pool.submit(function, *args)
        except (BrokenProcessPool, OSError, RuntimeError):
            _forget_pool()
    return job


def cpu_seconds() -> float | None:
    """CPU seconds the second process has used since it started, or None if there is none."""
    if _pool is None:
        return None
    try:
        return _pool.submit(time.process_time).result()
    except (BrokenProcessPool, OSError, RuntimeError):
        return None

"""`check`: the build's verdict without a build.

The pages are rendered by Python-Markdown with the extensions mkdocs.yml names and the
toolkit's own extension, exactly as the build renders them, and the same checks run on the
result. Only the theme's page frame is left out; the build checks that too (csp.py).
"""

from __future__ import annotations

import copy
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from markdown import Markdown

from . import worker
from .check_cache import CheckCache
from .html_check import Link
from .markdown_ext import RenderContext, ToolkitExtension
from .pages import Page
from .problems import Problem
from .project import Project
from .render import page_markdown, prepare_context
from .site import Site, collect
from .validate import RenderedPage, check_rendered, validate


def markdown_for(project: Project, context: RenderContext) -> Markdown:
    """A Markdown converter set up as mkdocs.yml sets up the build's."""
    configs = copy.deepcopy(project.extension_configs)
    snippets = configs.get("pymdownx.snippets")
    if snippets is not None:  # relative to the project, wherever `check` runs from
        bases = snippets.get("base_path", ["."])
        snippets["base_path"] = [str(project.root / b) for b in ([bases] if isinstance(bases, str) else bases)]
    return Markdown(extensions=[*project.extensions, ToolkitExtension(context, rewrite_links=True)], extension_configs=configs)


def converter(site: Site) -> tuple[RenderContext, Markdown]:
    """A render context and the Markdown converter that fills it, for this site."""
    context = prepare_context(RenderContext(site=None), site)
    return context, markdown_for(site.project, context)


def render_pages(site: Site, pages: list[Page] | None = None,
                 using: tuple[RenderContext, Markdown] | None = None) -> list[tuple[list[Problem], RenderedPage]]:
    """Every page (or these) rendered and checked (`using` a converter made for the site)."""
    context, md = using or converter(site)
    results = []
    for page in site.tree.all_pages() if pages is None else pages:
        if not page.readable:
            continue
        md.reset()
        context.start(page.lang, page.rel)
        html = md.convert(page_markdown(site, page.lang, page.body))
        results.append(check_rendered(page, html, context.findings, context.reported_urls))
    return results


_forked: tuple[Site, tuple[RenderContext, Markdown]] | None = None  # what a forked process renders with


def _render_share(keys: list[tuple[str, str]]) -> list[tuple[list[Problem], list[str], list[Link], set[str]]]:
    """In the forked process: render these pages; what the parent needs back (not the pages)."""
    site, using = _forked
    results = render_pages(site, [site.tree.get(lang, rel) for lang, rel in keys], using)
    return [(problems, out.ids, out.links, out.reported_urls) for problems, out in results]


def _shares(pages: list[Page], count: int) -> list[list[Page]]:
    """`count` shares of about equal work: a page's rendering costs about as much as its text
    is long (its listings aside), so the longest go first, each to the lightest share."""
    shares: list[list[Page]] = [[] for _ in range(count)]
    loads = [0] * count
    for page in sorted(pages, key=lambda p: len(p.text), reverse=True):
        lightest = loads.index(min(loads))
        shares[lightest].append(page)
        loads[lightest] += len(page.text) + 2000  # every page also costs a little of its own
    return shares


def _cores() -> int:
    """The cores this process may use (a container may allow fewer than the machine has)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def render_in_parallel(site: Site, pages: list[Page]) -> list[tuple[list[Problem], RenderedPage]]:
    """These pages rendered and checked, shared with forked processes, one per other core
    (at least MIN_PAGES / 2 pages each: a fork costs about as much as rendering twenty).

    Forking is safe here: `check` runs no threads. A few pages, or one core, render here."""
    global _forked
    count = min(_cores(), len(pages) // (worker.MIN_PAGES // 2))
    if count < 2:
        return render_pages(site, pages)
    own, *others = _shares(pages, count)
    _forked = (site, converter(site))  # made once, before the forks: every process uses it
    with ProcessPoolExecutor(max_workers=count - 1, mp_context=multiprocessing.get_context("fork")) as pool:
        theirs = [pool.submit(_render_share, [(page.lang, page.rel) for page in share]) for share in others]
        results = render_pages(site, own, _forked[1])
        for share, future in zip(others, theirs):
            for page, (problems, ids, links, reported) in zip(share, future.result()):
                results.append((problems, RenderedPage(page, ids, links, reported)))
    _forked = None
    return results


def check_site(docs_dir: Path, root: Path | None = None, fresh: bool = False) -> list[Problem]:
    """Every problem in the docs tree, as the build would report it. Pages whose text and
    whose site are as at the last check are not rendered again (toolkit.check_cache), unless
    `fresh`."""
    site = collect(docs_dir, root)
    pages = [page for page in site.tree.all_pages() if page.readable]
    cache = CheckCache.open(site) if not fresh else None
    known = {page.path: cache.get(page) for page in pages} if cache else {}
    rendered = render_in_parallel(site, [page for page in pages if known.get(page.path) is None])
    if cache:
        for result in rendered:
            cache.put(result[1].page, result)
        cache.save(pages)
    return validate(site, rendered + [result for result in known.values() if result is not None])

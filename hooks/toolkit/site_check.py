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


def render_pages(site: Site, pages: list[Page] | None = None) -> list[tuple[list[Problem], RenderedPage]]:
    """Every page (or these) rendered and checked."""
    context = prepare_context(RenderContext(site=None), site)
    md = markdown_for(site.project, context)
    results = []
    for page in site.tree.all_pages() if pages is None else pages:
        if not page.readable:
            continue
        md.reset()
        context.start(page.lang, page.rel)
        html = md.convert(page_markdown(site, page.lang, page.body))
        results.append(check_rendered(page, html, context.findings, context.reported_urls))
    return results


_forked_site: Site | None = None  # the site a forked process renders its share of


def _render_share(keys: list[tuple[str, str]]) -> list[tuple[list[Problem], list[str], list[Link], set[str]]]:
    """In the forked process: render these pages; what the parent needs back (not the pages)."""
    site = _forked_site
    results = render_pages(site, [site.tree.get(lang, rel) for lang, rel in keys])
    return [(problems, out.ids, out.links, out.reported_urls) for problems, out in results]


def render_in_parallel(site: Site, pages: list[Page]) -> list[tuple[list[Problem], RenderedPage]]:
    """These pages rendered and checked, half of them in a forked process on a second core.

    Forking is safe here: `check` runs no threads. A few pages, or one core, render here."""
    global _forked_site
    if len(pages) < worker.MIN_PAGES or (os.cpu_count() or 1) < 2:
        return render_pages(site, pages)
    share, own = pages[1::2], pages[::2]
    _forked_site = site
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        theirs = pool.submit(_render_share, [(page.lang, page.rel) for page in share])
        results = render_pages(site, own)
        for page, (problems, ids, links, reported) in zip(share, theirs.result()):
            results.append((problems, RenderedPage(page, ids, links, reported)))
    _forked_site = None
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

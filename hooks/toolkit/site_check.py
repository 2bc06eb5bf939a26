"""`check`: the build's verdict without a build.

The pages are rendered by Python-Markdown with the extensions mkdocs.yml names and the
toolkit's own extension, exactly as the build renders them, and the same checks run on the
result. Only the theme's page frame is left out; the build checks that too (csp.py).
"""

from __future__ import annotations

import copy
from pathlib import Path

from markdown import Markdown

from .markdown_ext import RenderContext, ToolkitExtension
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


def render_pages(site: Site) -> list[tuple[list[Problem], RenderedPage]]:
    """Every page rendered and checked."""
    context = prepare_context(RenderContext(site=None), site)
    md = markdown_for(site.project, context)
    results = []
    for page in site.tree.all_pages():
        if not page.readable:
            continue
        md.reset()
        context.start(page.lang, page.rel)
        html = md.convert(page_markdown(site, page.lang, page.body))
        results.append(check_rendered(page, html, context.findings, context.reported_urls))
    return results


def check_site(docs_dir: Path, root: Path | None = None) -> list[Problem]:
    """Every problem in the docs tree, as the build would report it."""
    site = collect(docs_dir, root)
    return validate(site, render_pages(site))

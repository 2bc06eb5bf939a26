"""Links and anchors, checked on what pages render to, as the reader's browser follows them.

Every link a page carries, whether Markdown, raw HTML or generated, must resolve in the built
site: to a page (and, where it names one, to an id that page really renders) or to a file
that ships. Links are read after rendering, so a link shown in code is not a link.

Authors write Markdown links between source files (`ladder.md#consultation`, or
`../assets/x.png`); MkDocs rewrites them into links between built pages. The Markdown
extension's MarkdownLinks sees them before that rewrite, with the helpers here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .findings import Finding, trace
from .html_check import SCHEME, Link, clean_url
from .offline import ZIP_NAME
from .problems import Problem, suggest

if TYPE_CHECKING:
    from .pages import Page
    from .site import Site

BUILD_OUTPUTS = {ZIP_NAME}  # files the build writes, which links may name


@dataclass
class RenderedPage:
    """What a page rendered to, as far as the checks across pages need it."""

    page: "Page"
    ids: list[str]
    links: list[Link]
    reported_urls: set[str]


def built_path(site: "Site", docs_path: str) -> str:
    """Where a file of docs/ lands in the site: language folders map to their prefix."""
    languages = site.project.languages
    top, _, rest = docs_path.partition("/")
    if top in languages.codes:
        docs_path = languages.prefix(top) + rest
    return docs_path.removesuffix(".md") + ".html" if docs_path.endswith(".md") else docs_path


def site_paths(site: "Site") -> dict[str, tuple[str, str] | None]:
    """Every path in the built site: pages map to (lang, rel), other files to None (once per site)."""
    if "site_paths" not in site.memo:
        paths: dict[str, tuple[str, str] | None] = {name: None for name in BUILD_OUTPUTS}
        for page in site.tree.all_pages():
            paths[built_path(site, f"{page.lang}/{page.rel}")] = (page.lang, page.rel)
        for name in site.tree.files:
            paths[built_path(site, name)] = None
        site.memo["site_paths"] = paths
    return site.memo["site_paths"]


def docs_folders(site: "Site") -> set[str]:
    """Every folder in docs/ that holds a page or a file, relative to docs/ (once per site)."""
    if "docs_folders" not in site.memo:
        names = [f"{p.lang}/{p.rel}" for p in site.tree.all_pages()] + list(site.tree.files)
        folders = set()
        for name in names:
            while "/" in name:
                name = name.rsplit("/", 1)[0]
                folders.add(name)
        site.memo["docs_folders"] = folders
    return site.memo["docs_folders"]


def split_url(url: str) -> tuple[str, str, str]:
    """(path, '?query', '#fragment') of a relative URL."""
    rest, hash_, fragment = url.partition("#")
    path, question, query = rest.partition("?")
    return unquote(path), question + query, hash_ + fragment


def is_local(url: str) -> bool:
    cleaned = clean_url(url)
    return bool(cleaned) and not SCHEME.match(cleaned) and not cleaned.startswith(("/", "\\", "#"))


def link_problem(paths: dict[str, tuple[str, str] | None], rendered: dict[tuple[str, str], RenderedPage],
                 here: RenderedPage, page_path: str, url: str, is_dir) -> str | None:
    """Why a link from a built page does not resolve, or None."""
    cleaned = clean_url(url)
    if SCHEME.match(cleaned) or cleaned.startswith("//"):
        return None  # outbound links; which schemes are allowed is the safety check's business
    if cleaned.startswith(("/", "\\")):
        return "absolute links break when the site is opened from disk: use a relative link"
    path, _, fragment = split_url(cleaned)
    anchor = fragment[1:]
    if not path:
        return f"no such anchor on this page{suggest(anchor, here.ids)}" if anchor and anchor not in here.ids else None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    if target.startswith("../"):
        return "points outside the site: link to a page or a file in docs/"
    if target not in paths:
        if is_dir(target):
            return f"links to a folder: link to a page in it, such as '{posixpath.join(path.rstrip('/'), 'index.html')}'"
        if target.endswith(".md") and target[:-3] + ".html" in paths:
            return "a link in HTML names the built page: write '" + path[:-3] + ".html'"
        return "no such page or file in the site"
    page_key = paths[target]
    if page_key is None:
        return None
    if page_key[0] != here.page.lang:
        return f"links to the other language's page: link to the page in docs/{here.page.lang}/"
    target_page = rendered.get(page_key)
    if anchor and target_page is not None and anchor not in target_page.ids:
        return f"no such anchor on {page_key[1]}{suggest(anchor, target_page.ids)}"
    return None


def check_links(site: "Site", outputs: list[RenderedPage]) -> list[Problem]:
    """Every link of every rendered page, with the source line it was written on."""
    rendered = {(o.page.lang, o.page.rel): o for o in outputs}
    paths = site_paths(site)
    folders = {posixpath.dirname(p) for p in paths}
    folders |= {posixpath.dirname(f) for f in folders}

    def is_dir(target: str) -> bool:
        return target in folders or any(p.startswith(target.rstrip("/") + "/") for p in paths)

    problems: list[Problem] = []
    verdicts: dict[tuple[str, str, str], str | None] = {}  # pages in one folder share most links
    for output in outputs:
        page_path = built_path(site, f"{output.page.lang}/{output.page.rel}")
        folder = posixpath.dirname(page_path)
        findings = []
        for link in output.links:
            if link.url in output.reported_urls:
                continue
            key = (output.page.lang, folder, link.url)
            if key in verdicts:
                message = verdicts[key]
            else:
                message = link_problem(paths, rendered, output, page_path, link.url, is_dir)
                if split_url(clean_url(link.url))[0]:  # not an anchor on this page alone
                    verdicts[key] = message
            if message:
                source = link.url.replace(".html", ".md")
                written = source if source in output.page.text else link.url
                findings.append(Finding(f"link to '{written}': {message}", (link.url, source)))
        problems.extend(trace(findings, output.page.path, output.page.text))
    return problems

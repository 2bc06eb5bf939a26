"""Links and anchors: every internal link resolves to a page in the same language and, where
it names one, to an id on that page.

MkDocs checks Markdown links during a build; this covers the rest (raw HTML, front matter)
and lets `check` report them all without building.
"""

from __future__ import annotations

import posixpath
import re

from .languages import LANGUAGES
from .listings import MARKER, generated_anchors, parse_marker
from .pages import INLINE_CODE, Page, outside_code
from .problems import Problem, suggest
from .site import Site

MD_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HTML_LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.I)
MAYBE_LINK = re.compile(r"\]\(|\]:|href|src", re.I)  # every link pattern needs one of these
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def page_anchors(site: Site, page: Page) -> set[str]:
    """Every id a link may name on a page: headings, raw HTML ids and generated listings."""
    ids = {a for a in page.anchors if a != "__h1__"}
    for match in MARKER.finditer(page.body):
        parsed, _ = parse_marker(match.group(1))
        if parsed:
            ids |= generated_anchors(parsed[0])
    if page.rel.startswith("case-studies/") and page.rel != "case-studies/index.md":
        ids.add("related")
    return ids


def links_in(page: Page) -> list[tuple[int, str]]:
    """(line, target) for every link in the page, front matter included, outside code."""
    found: list[tuple[int, str]] = []
    for number, line in outside_code(page.text):
        if not MAYBE_LINK.search(line):
            continue
        line = INLINE_CODE.sub("", line)
        for pattern in (MD_LINK, REF_DEF, HTML_LINK):
            found.extend((number, m.group(1)) for m in pattern.finditer(line))
    return found


def check_link(site: Site, page: Page, target: str) -> str | None:
    """Why a link does not resolve, or None."""
    if EXTERNAL.match(target) or target.startswith("#") and not target[1:]:
        return None
    if target.startswith("/"):
        return "absolute links break when the site is opened from disk: use a relative link"
    path, _, anchor = target.partition("#")
    if not path:
        return None if anchor in page_anchors(site, page) else f"no such anchor on this page{suggest(anchor, page_anchors(site, page))}"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    if resolved.startswith("../"):
        outside = resolved.removeprefix("../").split("/", 1)[0]
        if outside in LANGUAGES:
            return f"links to the other language's folder: link to the page in docs/{page.lang}/"
        return None if (site.tree.docs_dir / resolved.removeprefix("../")).exists() else "no such file"
    if resolved.endswith(".html"):
        resolved = resolved.removesuffix(".html") + ".md"
    if not resolved.endswith(".md"):
        return None if (site.tree.docs_dir / page.lang / resolved).exists() else "no such file"
    target_page = site.tree.get(page.lang, resolved)
    if target_page is None:
        return f"no such page in docs/{page.lang}/"
    if anchor and anchor not in page_anchors(site, target_page):
        return f"no such anchor on {resolved}{suggest(anchor, page_anchors(site, target_page))}"
    return None


def check_links(site: Site) -> list[Problem]:
    problems = []
    for page in site.tree.all_pages():
        for number, target in links_in(page):
            message = check_link(site, page, target)
            if message:
                problems.append(Problem(page.path, number, f"link to '{target}': {message}"))
    return problems

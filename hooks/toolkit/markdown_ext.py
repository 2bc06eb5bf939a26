"""The toolkit's Markdown extension: cross-references, listing markers and case-study cards.

Python-Markdown decides what is code, so code is inert by construction:
- `[[kind:key|text]]` is an inline pattern, and inline patterns never run inside code spans
  or code blocks;
- a marker such as `<!-- case-studies: stage=co-design -->` is only seen when the parser has
  stashed it as a block of raw HTML, which a comment in a fence or in inline code never is;
- cards and related lists are added to the parsed tree, not spliced into the source.

The same extension runs in the MkDocs build (registered by the hooks) and in `check` (through
`markdown.Markdown`), so both reach the same verdict. What cannot be rendered is recorded as a
Finding on the RenderContext and left in the page as plain text.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from time import perf_counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from .findings import Finding
from .timing import StepTimer
from .links import built_path, docs_folders, is_local, site_paths, split_url
from .welsh_mutation import expected_form
from .xrefs import KINDS, relative_link, relative_path, resolve, sentence_start, xref_problem

MARKER = re.compile(r"^<!--\s*([a-z][a-z-]*)\s*(?::\s*(.*?))?\s*-->$", re.S)
XREF = r"\[\[([^\[\]\n]*)\]\]"
OPEN_XREF = r"\[\["
TAIL = 200  # characters before a cross-reference that decide its case and mutation
P = TypeVar("P")


@dataclass
class RenderContext:
    """The page being rendered, and what rendering found wrong with it.

    The hooks set `lang` and `rel` before MkDocs renders each page; `check` does the same
    before each `convert`.
    """

    site: object  # toolkit.site.Site (not imported: the site module imports this one)
    lang: str = ""
    rel: str = ""
    findings: list[Finding] = field(default_factory=list)
    markers: dict[str, Callable[["RenderContext", etree.Element, str], str | None]] = field(default_factory=dict)
    tree_steps: list[Callable[["RenderContext", etree.Element], None]] = field(default_factory=list)
    md: Markdown | None = None  # the Markdown instance rendering the current page
    reported_urls: set[str] = field(default_factory=set)  # links already reported while rendering
    assets: set[str] = field(default_factory=set)  # files in docs/ this page's additions need (its tool's script)
    timer: StepTimer | None = None  # the build's: the processors' time counts as the toolkit's "render" step

    def timed(self, processor: P, method: str) -> P:
        """The processor, its `method` timed as the toolkit's own rendering work."""
        if self.timer is not None:
            work, seconds = getattr(processor, method), self.timer.seconds

            def timed(*args, **kwargs):  # called thousands of times: no context manager
                start = perf_counter()
                try:
                    return work(*args, **kwargs)
                finally:
                    seconds["render"] += perf_counter() - start

            setattr(processor, method, timed)
        return processor

    def start(self, lang: str, rel: str) -> None:
        self.lang, self.rel, self.findings, self.reported_urls, self.assets = lang, rel, [], set(), set()

    def found(self) -> tuple[list[Finding], set[str], set[str]]:
        """What rendering the current page found, kept with its render (toolkit.render_cache)."""
        return list(self.findings), set(self.reported_urls), set(self.assets)

    def restore(self, found: tuple[list[Finding], set[str], set[str]]) -> None:
        self.findings, self.reported_urls, self.assets = list(found[0]), set(found[1]), set(found[2])

    def problem(self, message: str, *needles: str) -> None:
        self.findings.append(Finding(message, needles))

    def report_link(self, url: str, message: str) -> None:
        self.problem(f"link to '{url}': {message}", url)
        self.reported_urls.add(url)

    def raw(self, parent: etree.Element, html: str) -> None:
        """Place HTML built by the toolkit itself; the page check still reads it."""
        etree.SubElement(parent, "p").text = self.md.htmlStash.store(html)


class XrefProcessor(InlineProcessor):
    """`[[kind:key]]` or `[[kind:key|text]]` -> a link to the target in the page's language."""

    def __init__(self, pattern: str, context: RenderContext) -> None:
        super().__init__(pattern)
        self.context = context

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        ctx = self.context
        known = ctx.site.memo.setdefault("xrefs", {})  # pages repeat the same cross-references
        if (ctx.lang, m.group(1)) not in known:
            known[ctx.lang, m.group(1)] = self._resolve(ctx.lang, m.group(1))
        message, kind, page, anchor, title, text = known[ctx.lang, m.group(1)]
        if message:
            ctx.problem(f"{m.group(0)}: {message}", m.group(0))
            return AtomicString(m.group(0)), m.start(0), m.end(0)
        start = m.start(0)
        window = max(0, start - TAIL)  # the words just before are all that matter
        before = ("\0" if window else "") + data[window:start]
        if kind.name in ("rung", "stage") and not sentence_start(before, len(before)):
            title = title[:1].lower() + title[1:]  # ordinary words: lower case mid-sentence
        if ctx.lang == "cy" and not text.strip():
            title = expected_form(before, title) or title  # 'â chydgomisiynu', not 'â cydgomisiynu'
        link = etree.Element("a", {"href": relative_link(ctx.rel, page, anchor)})
        link.text = AtomicString(text.strip() or title)
        return link, start, m.end(0)

    def _resolve(self, lang: str, inner: str) -> tuple:
        """(what is wrong, or None; the kind, target page, anchor and title; the link text)."""
        kind_name, colon, rest = inner.partition(":")
        key, bar, text = rest.partition("|")
        kind = KINDS.get(kind_name)
        if not colon:
            message = "a cross-reference is written [[kind:key]] or [[kind:key|link text]]"
        elif kind is None and kind_name.lower() in KINDS:
            message = f"kinds are lower case: write [[{kind_name.lower()}:{key}{bar}{text}]]"
        elif bar and not text.strip():
            message = "the link text after '|' is empty: give the text, or leave out the '|'"
        else:
            message = xref_problem(self.context.site, lang, kind_name, key)
        if message:
            return message, None, None, None, None, text
        return (None, kind, *resolve(self.context.site, lang, kind, key), text)


class OpenXrefProcessor(InlineProcessor):
    """A `[[` that no complete cross-reference used: it would ship as literal brackets."""

    def __init__(self, pattern: str, context: RenderContext) -> None:
        super().__init__(pattern)
        self.context = context

    def handleMatch(self, m: re.Match, data: str):  # type: ignore[override]
        rest = data[m.end(0):].split("\n", 1)[0]
        self.context.problem("'[[' starts a cross-reference that is not closed with ']]' on the same line: "
                             "close it, or write \\[[ for literal brackets", "[[" + rest[:20])
        return AtomicString("[["), m.start(0), m.end(0)


class MarkerProcessor(BlockProcessor):
    """A block that is exactly one stashed marker comment becomes what the marker names."""

    def __init__(self, parser, context: RenderContext) -> None:
        super().__init__(parser)
        self.context = context

    def _marker(self, block: str) -> tuple[str, str] | None:
        placeholder = HTML_PLACEHOLDER_RE.fullmatch(block.strip())
        if not placeholder:
            return None
        stash = self.parser.md.htmlStash.rawHtmlBlocks
        index = int(placeholder.group(1))
        raw = str(stash[index]).strip() if index < len(stash) else ""
        match = MARKER.match(raw)
        if not match or match.group(1) not in self.context.markers:
            return None
        return match.group(1), (match.group(2) or "").strip()

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._marker(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks[0]
        name, argument = self._marker(block)
        blocks.pop(0)
        self.context.md = self.parser.md
        container = etree.Element("div")
        error = self.context.markers[name](self.context, container, argument)
        if error:
            self.context.problem(f"listing marker: {error}", argument or name)
            return True  # the build fails, so the marker need not stay
        parent.extend(list(container))
        return True


class TreeSteps(Treeprocessor):
    """Additions to the parsed page (a case study's card and related list), before inline
    processing so that links in them are processed and checked like the author's own."""

    def __init__(self, md: Markdown, context: RenderContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        for step in self.context.tree_steps:
            step(self.context, root)


class MarkdownLinks(Treeprocessor):
    """Markdown links and images between source files, before MkDocs rewrites them."""

    def __init__(self, md, context: RenderContext, rewrite: bool) -> None:
        super().__init__(md)
        self.context = context
        self.rewrite = rewrite

    def run(self, root: etree.Element) -> None:
        ctx = self.context
        folder = posixpath.dirname(f"{ctx.lang}/{ctx.rel}")
        verdicts = ctx.site.memo.setdefault(("markdown links", self.rewrite), {})  # pages share many links
        for node in root.iter():
            attr = "href" if node.tag == "a" else "src" if node.tag == "img" else None
            url = node.get(attr) if attr else None
            if not url:
                continue
            key = (ctx.lang, folder, url)
            if key not in verdicts:
                verdicts[key] = self._verdict(ctx.lang, folder, url)
            message, rewritten = verdicts[key]
            if message:
                ctx.report_link(url, message)
            elif rewritten:
                node.set(attr, rewritten)

    def _verdict(self, lang: str, folder: str, url: str) -> tuple[str | None, str | None]:
        """(what is wrong with a link from a page in this folder, or the URL to write instead)."""
        if not is_local(url):
            return None, None
        site = self.context.site  # toolkit.site.Site
        path, query, fragment = split_url(url)
        target = posixpath.normpath(posixpath.join(folder, path))
        top = target.partition("/")[0]
        if top in site.project.languages.codes and top != lang:
            return f"links to the other language's folder: link to the page in docs/{lang}/", None
        if target in docs_folders(site):
            return (f"links to a folder: link to a page in it, such as "
                    f"'{posixpath.join(path.rstrip('/'), 'index.md')}'"), None
        if path.endswith(".html") and site.tree.get(lang, target.partition("/")[2][:-5] + ".md"):
            return f"write the page's source file, '{path[:-5]}.md': MkDocs links pages by their .md name", None
        if self.rewrite:
            built = built_path(site, target)
            if built in site_paths(site):
                from_dir = posixpath.dirname(built_path(site, f"{folder}/index.md"))
                return None, relative_path(built, from_dir) + query + fragment
        return None, None


class ToolkitExtension(Extension):
    """Registers the processors; the context says which page is being rendered."""

    def __init__(self, context: RenderContext, rewrite_links: bool = False) -> None:
        super().__init__()
        self.context = context
        self.rewrite_links = rewrite_links  # True without MkDocs, which otherwise does it

    def extendMarkdown(self, md: Markdown) -> None:
        ctx = self.context
        # After escapes (180) and code spans (190), before links (160).
        md.inlinePatterns.register(ctx.timed(XrefProcessor(XREF, ctx), "handleMatch"), "toolkit_xref", 175)
        md.inlinePatterns.register(ctx.timed(OpenXrefProcessor(OPEN_XREF, ctx), "handleMatch"),
                                   "toolkit_open_xref", 174)
        # Below indented code (80): an indented marker is code.
        md.parser.blockprocessors.register(ctx.timed(MarkerProcessor(md.parser, ctx), "run"), "toolkit_marker", 75)
        md.treeprocessors.register(ctx.timed(TreeSteps(md, ctx), "run"), "toolkit_tree", 25)  # before 'inline' (20)
        # After attr_list (8) and toc (5), before MkDocs rewrites links (0).
        md.treeprocessors.register(ctx.timed(MarkdownLinks(md, ctx, self.rewrite_links), "run"), "toolkit_links", 1)

"""Safe by construction: the rendered HTML of every page, checked against an allow-list.

The check reads what the reader's browser will read. Lexbor (through selectolax) parses HTML
the way browsers do, so a tag split over lines, `<div/onmouseover=…>`, an entity-encoded
scheme or a comment closed with `--!>` is seen exactly as Chromium sees it. Anything outside
the lists below is reported, never silently removed: the contributor learns what to change.

Two levels:
- `check_content` for what pages produce (Markdown, raw HTML, generated listings and cards):
  no script, no style, no plug-ins, nothing loaded from off the disk;
- `check_document` for whole built pages, where the theme's head may also carry the site's own
  script files, stylesheets and the theme's known inline scripts (see csp.py).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .findings import Finding
from .memo import by_text

STRUCTURE = {
    "p", "div", "span", "section", "article", "aside", "nav", "header", "footer", "main", "address",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "hr", "br", "wbr",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    "a", "em", "strong", "b", "i", "u", "s", "small", "abbr", "dfn", "code", "pre", "kbd", "samp", "var",
    "blockquote", "q", "cite", "sup", "sub", "mark", "del", "ins", "bdi", "bdo", "time", "data",
    "figure", "figcaption", "details", "summary", "img", "ruby", "rt", "rp",
}
FORMS = {"form", "fieldset", "legend", "label", "input", "select", "option", "optgroup", "textarea", "button",
         "output", "progress", "meter", "datalist"}
SVG = {"svg", "g", "path", "circle", "ellipse", "line", "polygon", "polyline", "rect", "text", "tspan",
       "title", "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath", "marker", "symbol"}
CONTENT_ELEMENTS = STRUCTURE | FORMS | SVG
# The theme's page frame, allowed only in whole documents (scripts and links are checked further).
DOCUMENT_ELEMENTS = CONTENT_ELEMENTS | {"html", "head", "body", "title", "meta", "link", "script", "noscript"}

GLOBAL_ATTRIBUTES = {"id", "class", "lang", "dir", "title", "role", "hidden", "tabindex", "translate", "accesskey"}
ELEMENT_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "download", "rel", "hreflang", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "headers", "abbr"},
    "td": {"colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "data": {"value"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "details": {"open", "name"},
    "abbr": set(),
    "form": {"name", "autocomplete", "novalidate"},
    "fieldset": {"name", "disabled"},
    "label": {"for"},
    "input": {"type", "name", "value", "checked", "disabled", "readonly", "required", "min", "max", "step",
              "pattern", "placeholder", "autocomplete", "maxlength", "minlength", "size", "multiple", "accept",
              "list", "inputmode", "spellcheck", "autocapitalize", "autocorrect", "enterkeyhint"},
    "select": {"name", "disabled", "required", "multiple", "size", "autocomplete"},
    "option": {"value", "selected", "disabled", "label"},
    "optgroup": {"label", "disabled"},
    "textarea": {"name", "rows", "cols", "disabled", "readonly", "required", "placeholder", "maxlength",
                 "minlength", "wrap", "autocomplete"},
    "button": {"type", "name", "value", "disabled"},
    "output": {"for", "name"},
    "progress": {"value", "max"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
}
SVG_ATTRIBUTES = {
    "xmlns", "viewbox", "width", "height", "d", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2",
    "dx", "dy", "points", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "stroke-opacity", "opacity", "transform", "text-anchor",
    "dominant-baseline", "font-size", "font-weight", "focusable", "preserveaspectratio", "offset",
    "stop-color", "stop-opacity", "clip-path", "version",
}
# The theme's page frame: what its head and header need (whole documents only).
FRAME_ATTRIBUTES: dict[str, set[str]] = {
    "html": {"lang", "class", "dir"},
    "meta": {"charset", "name", "content", "http-equiv", "property"},
    "link": {"rel", "href", "hreflang", "type", "sizes", "media"},
    "script": {"src", "type", "defer", "async"},
}
ANY_PREFIX = ("aria-", "data-")
INPUT_TYPES = {"text", "radio", "checkbox", "number", "range", "date", "email", "search", "tel", "url", "hidden",
               "file", "button", "reset", "submit"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}  # for <a href>: readers may follow links out
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]")
MARKER_LIKE = re.compile(r"^\s*(case[\s_-]*stud|offline[\s_-]*copy|tool\b)", re.I)
DECORATIVE = {"presentation", "none"}


@dataclass(frozen=True)
class Link:
    """A URL a page points to: `loads` is true for resources the browser fetches by itself."""

    url: str
    tag: str
    loads: bool


@dataclass
class Scan:
    """What one page's HTML holds, for the safety, link and id checks."""

    findings: list[Finding] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)

    def problem(self, message: str, *needles: str) -> None:
        self.findings.append(Finding(message, tuple(n for n in needles if n)))


def clean_url(value: str) -> str:
    """The URL as the browser resolves it: entities decoded (the parser did that), and the
    whitespace and control characters browsers ignore inside a scheme removed."""
    return INVISIBLE.sub("", html.unescape(value))


def is_off_disk(url: str) -> bool:
    """An absolute or protocol-relative URL, or any scheme at all: not a file in the site."""
    cleaned = clean_url(url)
    return cleaned.startswith(("//", "\\\\", "/\\", "\\/")) or bool(SCHEME.match(cleaned))


def _attribute_allowed(tag: str, name: str) -> bool:
    if name in GLOBAL_ATTRIBUTES or name.startswith(ANY_PREFIX):
        return True
    if tag in SVG:
        return name in SVG_ATTRIBUTES
    return name in ELEMENT_ATTRIBUTES.get(tag, set())


def _check_link(scan: Scan, tag: str, value: str, tail: str) -> None:
    cleaned = clean_url(value)
    scheme = SCHEME.match(cleaned)
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        scan.problem(f"a link to a '{scheme.group(1).lower()}:' URL is not allowed: links go to pages, "
                     "files in the site, or http(s)/mailto/tel addresses", value, f"{scheme.group(1)}:", tail)
        return
    if cleaned.startswith(("//", "\\")):
        scan.problem(f"a link starting '{cleaned[:2]}' is not allowed: write the full https:// address", value)
        return
    scan.links.append(Link(value, tag, loads=False))


def _check_source(scan: Scan, tag: str, attr: str, value: str) -> None:
    if is_off_disk(value):
        scan.problem(f"<{tag} {attr}='{value.strip()[:60]}'> loads from off the disk: keep the file in the site "
                     "(images in docs/assets/ or beside the page) and link to it relatively", value)
        return
    scan.links.append(Link(value, tag, loads=True))


def _check_comment(scan: Scan, node: LexborNode) -> None:
    comment = (node.html or "")[4:-3] if node.html else (node.text_content or "")
    if MARKER_LIKE.match(comment):
        before = (node.prev.text(deep=True) or "") if node.prev is not None else ""
        written = f"{before.splitlines()[-1] if before.strip() else ''}<!--{comment}-->"
        scan.problem(f"listing marker '<!--{comment}-->' is malformed or not on a line of its own: write "
                     "it alone on its line, as <!-- case-studies: stage=co-design --> (see CONTRIBUTING.md)",
                     written, comment.strip())


@lru_cache(maxsize=65536)
def _element_verdict(tag: str, attributes: tuple[tuple[str, str | None], ...], document: bool) -> Scan:
    """The findings, links and id of one element, from its tag and attributes alone:
    remembered, because pages repeat the same elements (the theme's icons, the nav) many times."""
    scan = Scan()
    allowed = DOCUMENT_ELEMENTS if document else CONTENT_ELEMENTS
    tag = tag.lower()
    attrs = {k.lower(): (v or "") for k, v in attributes}
    if tag not in allowed:
        hint = {
            "script": "pages carry no scripts: the site's behaviour lives in docs/assets/js/",
            "style": "put styles in docs/assets/css/ and use a class",
            "iframe": "no embedded content: link to it instead",
            "object": "no embedded content: link to it instead",
            "embed": "no embedded content: link to it instead",
            "base": "it would change where every link on the page goes",
            "meta": "pages may not set their own metadata or redirects",
            "link": "pages may not load stylesheets or other resources",
        }.get(tag, "it is not on the list of HTML a page may use (see CONTRIBUTING.md)")
        scan.problem(f"<{tag}> is not allowed: {hint}", f"<{tag}", tag)
        return scan
    if "id" in attrs:
        scan.ids.append(attrs["id"])
    for name, value in attrs.items():
        if name.startswith("on"):
            scan.problem(f"event handler '{name}=' is not allowed: pages carry no scripts", name, value)
        elif name == "style":
            scan.problem("style attributes are not allowed: use a class from the site's CSS", "style=", value)
        elif document and name in FRAME_ATTRIBUTES.get(tag, ()):
            continue  # checked by check_document
        elif name in ("src", "href", "action", "formaction", "srcset", "poster", "background", "xlink:href",
                      "data", "cite", "ping", "manifest", "codebase", "longdesc", "lowsrc", "dynsrc"):
            if not _attribute_allowed(tag, name) or (tag in SVG and name.endswith("href")):
                scan.problem(f"'{name}' is not allowed on <{tag}>: pages may link with <a href> and show images "
                             "with <img src>", f"{name}=", value)
            elif tag == "a" and name == "href":
                _check_link(scan, tag, value, value[-12:])
            elif tag == "img" and name == "src":
                _check_source(scan, tag, name, value)
        elif not _attribute_allowed(tag, name):
            scan.problem(f"attribute '{name}' is not allowed on <{tag}>", f"{name}=", value)
    if tag == "input" and attrs.get("type", "text").lower() not in INPUT_TYPES:
        scan.problem(f"<input type='{attrs['type']}'> is not allowed", attrs["type"])
    if tag == "img" and not attrs.get("alt", "").strip() and attrs.get("role", "").lower() not in DECORATIVE:
        scan.problem("an image needs alt text that says what it shows; if it is only decoration, write "
                     "![](file.png){ role=presentation } (see CONTRIBUTING.md)", attrs.get("src", ""), "![")
    return scan


def _walk(html_text: str, document: bool) -> tuple[Scan, LexborHTMLParser]:
    scan = Scan()
    tree = LexborHTMLParser(html_text)
    frame = {"html", "head", "body"}
    for node in tree.root.traverse(include_text=False) if tree.root else []:
        tag = (node.tag or "").lower()
        if tag == "-comment":
            _check_comment(scan, node)
            continue
        if tag.startswith("-") or tag == "#text":
            continue
        attributes = node.attributes
        if not document and tag in frame and not attributes:
            continue  # the parser's own frame around a fragment
        verdict = _element_verdict(tag, tuple(attributes.items()), document)
        if verdict.findings:
            scan.findings.extend(verdict.findings)
        if verdict.links:
            scan.links.extend(verdict.links)
        if verdict.ids:
            scan.ids.extend(verdict.ids)
    return scan, tree


def _in_code(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("code", "pre", "kbd", "samp"):
            return True
        parent = parent.parent
    return False


@by_text
def check_content(html_text: str) -> Scan:
    """A page's rendered content: the allow-list, links, ids and gaps."""
    scan, tree = _walk(html_text, document=False)
    texts = tree.root.traverse(include_text=True) if tree.root and "TODO" in html_text else []
    for node in texts:
        if node.tag == "-text" and "TODO" in (node.text_content or "") and not _in_code(node):
            gap = (node.text_content or "").strip()
            scan.problem(f"fill in this gap: {gap[:80]}", gap[:40], "TODO")
    seen: dict[str, int] = {}
    for id_ in scan.ids:
        seen[id_] = seen.get(id_, 0) + 1
        if seen[id_] > 1:
            scan.findings.append(Finding(f"the id '{id_}' is used twice on this page: ids must be unique (links land "
                                         "on the first)", (f"#{id_}", f'"{id_}"'), nth=seen[id_]))
    return scan


def _scripts(tree: LexborHTMLParser) -> list[tuple[LexborNode, dict[str, str]]]:
    """The scripts a browser runs (not JSON data blocks), with their attributes."""
    scripts = []
    for node in tree.css("script"):
        attrs = {k.lower(): (v or "") for k, v in (node.attributes or {}).items()}
        if "src" in attrs or attrs.get("type", "").lower() != "application/json":
            scripts.append((node, attrs))
    return scripts


@by_text
def check_document(html_text: str, *, inline_scripts_allowed: bool = True) -> Scan:
    """A whole built page (or a vendored helper page): content rules everywhere, and in the
    frame only the site's own script files, stylesheets and (when allowed) inline scripts,
    which csp.py then pins by hash."""
    scan, tree = _walk(html_text, document=True)
    for node, attrs in _scripts(tree):
        src = attrs.get("src")
        if src is not None:
            if is_off_disk(src):
                scan.problem(f"<script src='{src}'> loads a script from off the disk", src)
        else:
            if not inline_scripts_allowed:
                scan.problem("an inline <script> is not allowed: load the site's own script file instead", "<script")
            scan.inline_scripts.append(node.text(deep=True))
    for node in tree.css("link"):
        attrs = {k.lower(): (v or "") for k, v in (node.attributes or {}).items()}
        rels = set(attrs.get("rel", "").lower().split())
        if rels - {"alternate", "canonical", "prev", "next", "search", "license"} and is_off_disk(attrs.get("href", "")):
            scan.problem(f"<link rel='{attrs.get('rel')}' href='{attrs.get('href')}'> loads from off the disk",
                         attrs.get("href", ""))
    for node in tree.css("meta"):
        equiv = (node.attributes.get("http-equiv") or "").lower()
        if equiv and equiv != "content-security-policy":
            scan.problem(f"<meta http-equiv='{equiv}'> is not allowed", equiv)
    return scan

"""Small HTML readers for the tests: what a built page links to and loads."""

from __future__ import annotations

import re
from html.parser import HTMLParser

LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class Scan(HTMLParser):
    """Collects the attributes the tests ask about, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.loads: list[str] = []  # URLs the browser would fetch
        self.links: list[tuple[str, dict]] = []  # every <a> href with its attributes
        self.alternates: dict[str, str] = {}  # hreflang -> href
        self.switcher: dict[str, str] = {}  # hreflang -> href, from the language menu
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in ("script", "img", "iframe", "source", "video", "audio", "embed") and attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "object" and attrs.get("data"):
            self.loads.append(attrs["data"])
        if tag == "link":
            rels = set(attrs.get("rel", "").lower().split())
            if rels & LOADING_LINK_RELS:
                self.loads.append(attrs.get("href", ""))
            if "alternate" in rels and attrs.get("hreflang"):
                self.alternates[attrs["hreflang"]] = attrs.get("href", "")
        if "style" in attrs:
            self.loads.extend(CSS_URL.findall(attrs["style"]))
        if tag == "a" and "href" in attrs:
            self.links.append((attrs["href"], attrs))
            if "md-select__link" in attrs.get("class", "") and attrs.get("hreflang"):
                self.switcher[attrs["hreflang"]] = attrs["href"]


def scan(html: str) -> Scan:
    parser = Scan()
    parser.feed(html)
    return parser


def is_remote(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip(), re.I))


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ArticleText(HTMLParser):
    """The words of a page's main article that are in the page's own language.

    Passages marked with another `lang`, code and scripts are left out, so what remains
    should be in the page's language.
    """

    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping) for open elements
        self.depth_in_article = 0
        self.chunks: list[str] = []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = dict(attrs_list)
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.depth_in_article = 1
            return
        if not self.depth_in_article or tag in VOID:
            return
        lang = attrs.get("lang")
        skip = tag in ("code", "pre", "script", "style") or (lang is not None and lang != self.page_lang)
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if not self.depth_in_article:
            return
        if tag == "article" and not self.stack:
            self.depth_in_article = 0
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.depth_in_article and not self._skipping():
            self.chunks.append(data)


def article_text(html: str, lang: str) -> str:
    parser = ArticleText(lang)
    parser.feed(html)
    return " ".join(parser.chunks)

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

"""Small fixes to each built page's HTML, for search engines and screen readers.

- `<link rel="alternate" hreflang>` in the head becomes absolute (from site_url): search
  engines ignore relative hreflang links. The language switcher's own links stay relative,
  so the site still works from disk.
- Material's search dialog gets an accessible name in the page's language.
"""

from __future__ import annotations

import posixpath
import re

from .vocab import label

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([a-z-]+)">')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def absolute_alternates(html: str, page_path: str, site_url: str) -> str:
    """Resolve each hreflang link against the page's path in the site, under site_url."""
    if not site_url:
        return html
    base = site_url if site_url.endswith("/") else site_url + "/"
    folder = posixpath.dirname(page_path)

    def absolute(match: re.Match) -> str:
        href, lang = match.groups()
        if re.match(r"^[a-z]+://", href):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(folder, href)).lstrip("./")
        return f'<link rel="alternate" href="{base}{target}" hreflang="{lang}">'

    return ALTERNATE.sub(absolute, html)


def label_search_dialog(html: str, lang: str) -> str:
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label("search", lang)}">', 1)


def fix_page_html(html: str, lang: str, page_path: str, site_url: str) -> str:
    return label_search_dialog(absolute_alternates(html, page_path, site_url), lang)

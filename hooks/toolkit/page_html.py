"""Small fixes to each built page's HTML, for search engines, screen readers and phones.

- `<link rel="alternate" hreflang>` in the head becomes absolute (from site_url): search
  engines ignore relative hreflang links. The language switcher's own links stay relative,
  so the site still works from disk.
- Material's search dialog gets an accessible name in the page's language.
- Every table cell carries its column's header as `data-label`, so that on a phone the CSS
  can stack each row into labelled lines instead of cutting the table off.
- The footer and the printed page get the date the page last changed (see updated.py).
- The one 404 page is the Welsh build's, with relative links and a language menu that
  leads to the two home pages (see not_found_page).
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from .csp import add_policy, is_theme_script
from .html_check import Scan, check_document
from .languages import DEFAULT_LANGUAGE
from .memo import by_text
from .updated import date_in_words, last_changes
from .vocab import label

ROOT = Path(__file__).resolve().parents[2]  # the project: docs/ and its git history
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([a-z-]+)">')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<td\b")
TAG = re.compile(r"<[^>]+>")
UPDATED = "<!-- toolkit:updated -->"  # where the templates want the date (overrides/)
SWITCHER_LINK = re.compile(r'<a href="[^"]*" hreflang="([a-z-]+)" class="md-select__link">')  # as Material writes it


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


def label_table_cells(html: str) -> str:
    """Give each <td> a data-label with its column's header text (for the stacked layout)."""

    def one_table(match: re.Match) -> str:
        body = match.group(1)
        head, sep, rest = body.partition("</thead>")
        if not sep:
            return match.group(0)
        labels = [" ".join(html_lib.unescape(TAG.sub("", cell)).split()) for cell in HEADER_CELL.findall(head)]

        def one_row(row: re.Match) -> str:
            column = iter(labels)
            return "<tr>" + CELL.sub(lambda _: f'<td data-label="{html_lib.escape(next(column, ""))}"', row.group(1)) + "</tr>"

        return f"<table>{head}{sep}{ROW.sub(one_row, rest)}</table>"

    return TABLE.sub(one_table, html)


def source_of(lang: str, page_path: str) -> str:
    """docs/<lang>/<page>.md for a built page such as 'en/ladder.html' or 'ladder.html'."""
    rel = page_path.removeprefix(f"{lang}/") if lang != DEFAULT_LANGUAGE else page_path
    return f"docs/{lang}/{rel.removesuffix('.html')}.md"


def fill_updated(html: str, lang: str, page_path: str) -> str:
    """Replace the templates' date marker with the page's last change, or drop it."""
    if UPDATED not in html:
        return html
    stamp = last_changes(ROOT).get(source_of(lang, page_path))
    text = ""
    if stamp is not None:
        iso, words = date_in_words(stamp, lang)
        text = f'{label("updated", lang)}: <time datetime="{iso}">{words}</time>'
    return html.replace(UPDATED, text)


def name_switcher_languages(html: str) -> str:
    """Each language menu entry ("Cymraeg", "English") is marked as written in its language."""
    return re.sub(r'(<a href="[^"]*" hreflang="([a-z-]+)") class="md-select__link">', r'\1 lang="\2" class="md-select__link">', html)


def fix_page_html(html: str, lang: str, page_path: str, site_url: str) -> str:
    html = absolute_alternates(html, page_path, site_url)
    html = fill_updated(label_table_cells(html), lang, page_path)
    return name_switcher_languages(label_search_dialog(html, lang))


def finish_page(output: str, frame: str, lang: str, page_path: str, site_url: str, target: str) -> Scan:
    """Make a page final where MkDocs wrote it (`target`): fixed up, and given the policy
    that admits the theme's inline scripts. Returns the check of the page's frame.

    Runs beside the build (toolkit.worker), once MkDocs has written the page."""
    final, scan = _finished(output, frame, lang, page_path, site_url)
    Path(target).write_bytes(final.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes
    return scan


@by_text
def _finished(output: str, frame: str, lang: str, page_path: str, site_url: str) -> tuple[str, Scan]:
    scan = check_document(frame)
    final = add_policy(fix_page_html(output, lang, page_path, site_url),
                       [script for script in scan.inline_scripts if is_theme_script(script)])
    return final, scan


def not_found_page(html: str, lang: str, site_url: str) -> str:
    """The Welsh build's 404.html, readable from disk: relative URLs, home pages in the menu.

    MkDocs makes every URL on 404.html absolute (from site_url's path), which breaks it from
    disk and wherever the site is not served at that path; the i18n plugin writes 404.html
    once per language, last one wins. Other languages return "" (MkDocs then writes nothing)."""
    if lang != DEFAULT_LANGUAGE:
        return ""
    base = urlsplit(site_url or "/").path
    html = ALTERNATE.sub("", html)  # a missing page has no translations
    html = html.replace(f'new URL("{base}",location)', 'new URL(".",location)')
    html = html.replace(f'"base": "{base}"', '"base": "."')
    html = re.sub(rf'((?:href|src)=|"search": )"{re.escape(base)}', r'\1"', html)
    html = SWITCHER_LINK.sub(
        lambda m: f'<a href="{"index.html" if m.group(1) == DEFAULT_LANGUAGE else m.group(1) + "/index.html"}" '
                  f'hreflang="{m.group(1)}" class="md-select__link">', html)
    return name_switcher_languages(label_search_dialog(html.replace(UPDATED, ""), lang))

"""Build-time HTML fixes for readers: table labels, the last-updated date, the 404 page."""

from __future__ import annotations

from toolkit.page_html import UPDATED, label_table_cells, not_found_page, source_of
from toolkit.updated import date_in_words


def test_each_cell_is_labelled_with_its_column_header():
    html = ("<table>\n<thead>\n<tr>\n<th>Source</th>\n<th>What it <em>includes</em> &amp; more</th>\n</tr>\n</thead>\n"
            "<tbody>\n<tr>\n<td>Scale</td>\n<td>Lower <a href='x'>costs</a></td>\n</tr>\n</tbody>\n</table>")
    fixed = label_table_cells(html)
    assert '<td data-label="Source">Scale</td>' in fixed
    assert '<td data-label="What it includes &amp; more">Lower' in fixed


def test_a_table_without_a_header_row_is_left_alone():
    html = "<table>\n<tbody>\n<tr>\n<td>a</td>\n</tr>\n</tbody>\n</table>"
    assert label_table_cells(html) == html


def test_dates_read_in_each_language_from_the_same_commit_time():
    stamp = 1795311959  # 2026-11-22 UTC
    assert date_in_words(stamp, "cy") == ("2026-11-22", "22 Tachwedd 2026")
    assert date_in_words(stamp, "en") == ("2026-11-22", "22 November 2026")


def test_built_pages_map_to_their_sources():
    assert source_of("cy", "case-studies/well-london.html") == "docs/cy/case-studies/well-london.md"
    assert source_of("en", "en/ladder.html") == "docs/en/ladder.md"


def test_404_keeps_the_welsh_build_with_relative_links():
    html = ('<link rel="alternate" href="/toolkit/x.html" hreflang="cy">'
            '<link rel="stylesheet" href="/toolkit/assets/main.css"><script>__md_scope=new URL("/toolkit/",location)</script>'
            '<a href="/toolkit/case-studies/x.html" hreflang="cy" class="md-select__link">'
            '<a href="/toolkit/en/case-studies/x.html" hreflang="en" class="md-select__link">'
            '{"base": "/toolkit/", "search": "/toolkit/assets/worker.js"}' + UPDATED)
    fixed = not_found_page(html, "cy", "https://example.org/toolkit/")
    assert 'rel="alternate"' not in fixed and "/toolkit/" not in fixed and UPDATED not in fixed
    assert 'href="assets/main.css"' in fixed and 'new URL(".",location)' in fixed and '"base": "."' in fixed
    assert '<a href="index.html" hreflang="cy" lang="cy"' in fixed and '<a href="en/index.html" hreflang="en" lang="en"' in fixed
    assert not_found_page(html, "en", "https://example.org/toolkit/") == ""  # MkDocs then keeps the Welsh one

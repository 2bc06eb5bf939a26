"""MkDocs hooks: connect the `toolkit` core to MkDocs events, and nothing more.

The i18n plugin runs every event once per language (Welsh first), so the docs tree is
collected and validated once, when the default language starts, and reused for the others.
Each hook's time is added up and logged, for the benchmark's hook-overhead figures.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from toolkit.languages import DEFAULT_LANGUAGE, LANGUAGES
from toolkit.offline import link_download, make_zip
from toolkit.page_html import fix_page_html, not_found_page
from toolkit.problems import format_report
from toolkit.render import render_page
from toolkit.search_index import expand_search_index
from toolkit.site import Site, collect
from toolkit.sitemaps import write_language_sitemaps
from toolkit.validate import validate

log = logging.getLogger("mkdocs.hooks.toolkit")
_build: dict = {}


def on_pre_build(config) -> None:
    if config.theme["language"] != DEFAULT_LANGUAGE and "site" in _build:
        return
    start = time.perf_counter()
    site = collect(Path(config.docs_dir), Path(config.config_file_path).parent)
    problems = validate(site)
    if problems:
        for line in format_report(problems).splitlines()[:-1]:
            log.error(line)
        raise Abort(f"{len(problems)} problem(s) in the docs: fix them and build again.")
    _build.update(site=site, languages_built=0, seconds=time.perf_counter() - start)


def on_page_markdown(markdown: str, page, config, files) -> str:
    start = time.perf_counter()
    lang, _, rel = page.file.src_uri.partition("/")
    site: Site = _build["site"]
    case = site.case_for(lang, rel)
    if case is not None and case.summary:
        page.meta.setdefault("description", case.summary)
    rendered = render_page(site, lang, rel, markdown)
    _build["seconds"] += time.perf_counter() - start
    return rendered


def on_post_page(output: str, page, config) -> str:
    start = time.perf_counter()
    lang = page.file.src_uri.partition("/")[0]
    fixed = fix_page_html(output, lang, page.file.dest_uri, config.site_url or "")
    _build["seconds"] += time.perf_counter() - start
    return fixed


def on_post_template(output: str, template_name: str, config) -> str:  # the bilingual 404 page: toolkit.page_html
    return not_found_page(output, config.theme["language"], config.site_url or "") if template_name == "404.html" else output


@event_priority(-110)  # after the offline plugin has written the search index
def on_post_build(config) -> None:
    _build["languages_built"] += 1
    if _build["languages_built"] < len(LANGUAGES):
        return
    start = time.perf_counter()
    size = expand_search_index(Path(config.site_dir))
    if size:
        log.info(f"Search index: {size.before // 1024} KiB, {size.after // 1024} KiB with Welsh forms ({size.ratio:.2f}x)")
    write_language_sitemaps(Path(config.site_dir))
    zip_path = make_zip(Path(config.site_dir))
    link_download(Path(config.site_dir), zip_path)  # the site's home pages offer the zip (toolkit.offline)
    log.info(f"Offline copy: {zip_path} ({zip_path.stat().st_size // 1024} KiB)")
    _build["seconds"] += time.perf_counter() - start
    log.info(f"toolkit hooks took {_build['seconds']:.3f} s")

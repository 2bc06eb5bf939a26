"""MkDocs hooks: connect the `toolkit` core to MkDocs events, and nothing more.

The i18n plugin runs every event once per language (Welsh first), so the docs tree is
collected and validated once, when the default language starts, and reused for the others.
Each step's time is added up and logged in one line (toolkit.timing), for the benchmark.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from toolkit.languages import DEFAULT_LANGUAGE, LANGUAGES
from toolkit.page_html import fix_page_html
from toolkit.problems import format_report
from toolkit.publish import is_preview, post_build
from toolkit.render import render_page
from toolkit.site import Site, collect
from toolkit.template_cache import TEMPLATES
from toolkit.timing import StepTimer
from toolkit.validate import validate

log = logging.getLogger("mkdocs.hooks.toolkit")
_build: dict = {}


def on_startup(command: str, **_) -> None:  # toolkit.publish: serve skips the zip and sitemaps
    _build["preview"] = is_preview(command)


def on_pre_build(config) -> None:
    if config.theme["language"] != DEFAULT_LANGUAGE and "site" in _build:
        return
    timer = StepTimer()  # toolkit.timing: seconds per step, logged once per build
    with timer.step("collect"):
        site = collect(Path(config.docs_dir), Path(config.config_file_path).parent)
    with timer.step("validate"):
        problems = validate(site)
    if problems:
        for line in format_report(problems).splitlines()[:-1]:
            log.error(line)
        raise Abort(f"{len(problems)} problem(s) in the docs: fix them and build again.")
    _build.update(site=site, languages_built=0, timer=timer)


def on_page_markdown(markdown: str, page, config, files) -> str:
    with _build["timer"].step("render"):
        lang, _, rel = page.file.src_uri.partition("/")
        site: Site = _build["site"]
        case = site.case_for(lang, rel)
        if case is not None and case.summary:
            page.meta.setdefault("description", case.summary)
        return render_page(site, lang, rel, markdown)


def on_post_page(output: str, page, config) -> str:
    with _build["timer"].step("render"):
        lang = page.file.src_uri.partition("/")[0]
        return fix_page_html(output, lang, page.file.dest_uri, config.site_url or "")


def on_env(env, config, files):  # toolkit.template_cache: compile theme templates once per run
    env.bytecode_cache = TEMPLATES
    return env


@event_priority(-110)  # after the offline plugin has written the search index
def on_post_build(config) -> None:
    _build["languages_built"] += 1
    if _build["languages_built"] < len(LANGUAGES):
        return
    with _build["timer"].step("post-build"):  # toolkit.publish: search indexes, sitemaps, zip
        published = post_build(Path(config.site_dir), Path(config.config_file_path).parent,
                               _build.get("preview", False))
    for line in published.log_lines():
        log.info(line)
    log.info(_build["timer"].summary())

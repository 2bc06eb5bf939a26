"""MkDocs hooks: connect the `toolkit` core to MkDocs events, and nothing more.

The i18n plugin builds the default language, then calls MkDocs' build again, from inside
its own `on_post_build`, for each other language. Every event below therefore runs once per
language, nested. The state of one whole build lives on a `Build` object kept on the config;
its `depth` says whether a build is the outer one, which collects the docs first and reports
and publishes last.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from toolkit.build import Build
from toolkit.markdown_ext import ToolkitExtension
from toolkit.page_html import not_found_page
from toolkit.problems import format_report
from toolkit.publish import is_preview
from toolkit.render_cache import keep_page_renders
from toolkit.template_cache import TEMPLATES, keep_search_entries, keep_theme_listing

log = logging.getLogger("mkdocs.hooks.toolkit")
_current: Build | None = None  # the build in progress, for on_build_error, which gets no config
_preview = False  # under `mkdocs serve`: skip what only a published site needs


def on_startup(command: str, **_) -> None:
    global _preview
    _preview = is_preview(command)


def _build(config) -> Build:
    return config.toolkit_build


def on_config(config):
    """Make the build's state once (i18n calls this again for each language's build)."""
    global _current
    if getattr(config, "toolkit_build", None) is None:
        config.toolkit_build = _current = Build.start(Path(config.config_file_path), Path(config.docs_dir),
                                                      config.plugins["i18n"].config.languages)
        config.toolkit_build.site_dir = Path(config.site_dir)
        config.toolkit_build.preview = _preview
        config.markdown_extensions.append(ToolkitExtension(config.toolkit_build.context))
        keep_theme_listing(config.theme)
        if _preview:  # a save renders again only the pages it changed
            keep_page_renders(Page, lambda config: getattr(config, "toolkit_build", None))
    keep_search_entries(config.plugins.get("material/search") or config.plugins.get("search"),  # new in each build
                        then=config.toolkit_build.search_entries)
    return config


def on_pre_build(config) -> None:
    build = _build(config)
    build.depth += 1
    if build.depth > 1:  # the default language is built; the i18n plugin starts another
        build.other_languages_begin()
        return
    fatal = build.collect()
    if fatal:  # MkDocs would crash on these files: report everything now
        _fail(build, config)


@event_priority(-110)  # after the i18n plugin has chosen this language's files
def on_files(files, config):
    """Files shared by all languages (docs/assets/) are only in the default language's build;
    add them to the others' too, so that their links to shared images resolve."""
    build = _build(config)
    for name in build.shared_files(config.theme["language"]):
        if files.get_file_from_path(name) is None:
            files.append(File(name, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    build = _build(config)
    with build.timer.step("render"):
        return build.page_markdown(page.file.src_uri, markdown, page.meta)


def on_page_content(html: str, page, config, files) -> str:
    build = _build(config)
    with build.timer.step("validate"):
        page.toolkit_assets = build.page_content(page.file.src_uri, html)  # overrides/main.html loads them
        build.escape_meta(page.meta, page.title)
    return html


def on_post_page(output: str, page, config) -> str:
    build = _build(config)
    with build.timer.step("validate"):  # hands the page to the second process (toolkit.worker)
        return build.page_html(page.file.src_uri, page.file.dest_uri, page.file.abs_dest_path, output,
                               config.site_url or "", page.content)


def on_env(env, config, files):
    """Compile the theme's templates once per MkDocs run (toolkit.template_cache)."""
    env.bytecode_cache = TEMPLATES
    return env


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The bilingual 404 page (toolkit.page_html), checked and given the same policy as every page."""
    if template_name == "404.html":
        output_content = not_found_page(output_content, config.theme["language"], config.site_url or "")
    return _build(config).template_html(template_name, output_content)


@event_priority(-110)  # after the i18n plugin has built the other languages
def on_post_build(config) -> None:
    build = _build(config)
    build.depth -= 1
    if build.depth > 0:
        return
    with build.timer.step("validate"):  # the links across pages, and the checks run beside the build
        problems = build.problems()
    if problems:
        _fail(build, config)
    with build.timer.step("post-build"):
        for line in build.publish(Path(config.site_dir)):
            log.info(line)
    log.info(build.summary())


def on_build_error(error) -> None:
    """Report what was found, and leave nothing that could be deployed by mistake."""
    build = _current
    if build is None:
        return
    build.depth = 0
    if not build.reported and build.site is not None and build.problems():
        _log_report(build)
        log.error(_summary(build))
    build.wait_beside()  # nothing beside the build may write into the folder once it is gone
    if build.site_dir.is_dir():
        shutil.rmtree(build.site_dir)
        log.error(f"The build failed: {build.site_dir} was removed, so nothing half-built can be published.")


def _log_report(build: Build) -> None:
    build.reported = True
    for line in format_report(build.problems()).splitlines()[:-1]:
        log.error(line)


def _summary(build: Build) -> str:
    return f"{len(build.problems())} problem(s) in the docs: fix them and build again."


def _fail(build: Build, config) -> None:
    _log_report(build)
    raise Abort(_summary(build))

"""One build of the site, across all its languages: the state the MkDocs hooks keep.

The hooks create a Build when MkDocs loads its config and hand it each page as MkDocs
renders it; the Build collects the docs once, checks each page's rendered content and its
final HTML, and, after the last language, reports every problem at once or publishes the
build's extra outputs. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .check_cache import site_digest
from .csp import add_policy, is_theme_script
from . import worker
from .findings import Finding, trace
from .html_check import Scan, check_document
from .project import Languages
from .links import check_links
from .markdown_ext import RenderContext
from .page_html import finish_page
from .pages import Page
from .problems import Problem
from .project import load_project
from .offline import add_to_zip
from .publish import ZipStarted, abandon_zip_beside, post_build, start_zip_beside
from .search_index import learn_entries
from .render import page_markdown, prepare_context
from .site import Site, collect
from .site_check import render_pages
from .timing import StepTimer
from .validate import RenderedPage, check_sources, rendered_page, scan_rendered, source_problems


@dataclass
class Build:
    """The state of one `mkdocs build` (or one rebuild under `mkdocs serve`)."""

    root: Path
    docs_dir: Path
    languages: Languages
    context: RenderContext
    site: Site | None = None
    site_dir: Path = Path("site")
    preview: bool = False  # mkdocs serve: no zip or sitemaps
    depth: int = 0  # how many (nested) language builds are running
    reported: bool = False
    timer: StepTimer = field(default_factory=StepTimer)
    _problems: list[Problem] = field(default_factory=list)
    _rendered: dict[tuple[str, str], RenderedPage] = field(default_factory=dict)
    _pending: list[Callable[[], None]] = field(default_factory=list)  # results of checks still running
    _unfinished: Callable[[], None] | None = None  # the last page MkDocs was handed: finished when written
    _zip: ZipStarted | None = None  # the offline zip, begun once the default language is built
    _rendering: dict[str, tuple[str, list[Finding], set[str]]] = field(default_factory=dict)  # per page, until written
    _entries: list[tuple[str, str, str]] = field(default_factory=list)  # search entries of the page being written
    _render_key: str | None = None  # under serve: what every page's render reads of the site

    @classmethod
    def start(cls, config_file: Path, docs_dir: Path, i18n_languages: list[Any]) -> "Build":
        languages = Languages.from_i18n(i18n_languages)
        project = load_project(config_file)
        if project.languages != languages:
            raise ValueError(f"mkdocs.yml: languages {project.languages.codes} differ from the i18n plugin's "
                             f"{languages.codes}")
        build = cls(config_file.parent, docs_dir, languages, RenderContext(site=None))
        build.context.timer = build.timer
        return build

    def collect(self) -> bool:
        """Read and check the sources; True when files are unreadable or may not ship, which
        MkDocs would crash on, so the whole report (rendered checks included) is made now."""
        with self.timer.step("collect"):
            self.site = collect(self.docs_dir, self.root)
            prepare_context(self.context, self.site)
            self._render_key = site_digest(self.site) if self.preview else None
        with self.timer.step("validate"):
            # the first job: the second process starts, and checks the sources, while MkDocs works
            sources = worker.run(source_problems, str(self.docs_dir), str(self.root), pages=self.work_beside,
                                 here=partial(check_sources, self.site))
            self._pending.append(lambda: self._problems.extend(sources.result()))
        if not self.site.tree.problems:
            return False
        for problems, rendered in render_pages(self.site):
            self._problems.extend(problems)
            self._rendered[(rendered.page.lang, rendered.page.rel)] = rendered
        return True

    def render_key(self) -> str | None:
        """Under `mkdocs serve`, pages whose Markdown is as at the last save, in a site that
        reads the same (check_cache.site_digest), are not rendered again (toolkit.render_cache).
        None in a full build, which renders each page once."""
        return self._render_key

    def other_languages_begin(self) -> None:
        """The default language is built, its last page written: its files go into the zip
        beside the build while MkDocs builds the other languages (publish.start_zip_beside)."""
        if self.preview or self._zip is not None:
            return
        self._finish_previous()
        languages = self.languages
        unfinished = tuple(languages.prefix(lang) for lang in languages.others(languages.default))
        self._zip = start_zip_beside(self.site_dir, self.root, unfinished, self.work_beside)
        if self._zip.job.future is None:  # not beside the build: the pages made final, and the zip
            self._gather()                # begun, now all the same, so that the pages still to come
            self._zip.job.result()        # are zipped in the order they are finished, as beside it

    def shared_files(self, lang: str) -> list[str]:
        """Files outside the language folders, which every language's pages may link to."""
        if lang == self.languages.default or self.site is None:
            return []
        return sorted(f for f in self.site.tree.files if f.partition("/")[0] not in self.languages.codes)

    def _page(self, src_uri: str):
        lang, _, rel = src_uri.partition("/")
        return self.site.tree.get(lang, rel)

    def page_markdown(self, src_uri: str, markdown: str, meta: dict) -> str:
        lang, _, rel = src_uri.partition("/")
        self.context.start(lang, rel)
        case = self.site.case_for(lang, rel)
        if case is not None and case.summary:
            meta.setdefault("description", case.summary)
        return page_markdown(self.site, lang, markdown)

    def page_content(self, src_uri: str, content: str) -> list[str]:
        """What rendering found on a page, kept until its final HTML is checked beside the build
        (MkDocs renders every page before it writes any). Returns the files in docs/ that only
        this page's additions need (a tool's script and style), which the theme then loads."""
        self._rendering[src_uri] = (content, list(self.context.findings), set(self.context.reported_urls))
        return sorted(self.context.assets)

    def search_entries(self, entries: list[dict]) -> None:
        """The search entries Material made for the page about to be written: their words are
        worked out beside the build with the page, ahead of the search index."""
        self._entries = [(e.get("title", ""), e.get("text", ""), e["location"]) for e in entries]

    def _add_rendered(self, result: tuple[list[Problem], RenderedPage]) -> None:
        problems, rendered = result
        self._problems.extend(problems)
        self._rendered[(rendered.page.lang, rendered.page.rel)] = rendered

    @staticmethod
    def escape_meta(meta: dict, title: str | None) -> None:
        """Front-matter values reach the theme's <title>, <meta> tags, header, nav and search
        index, mostly printed as they are: make them text. As Markup, they are not escaped a
        second time where the theme does escape (`| e`), so an apostrophe stays one."""
        for key, value in list(meta.items()):
            if isinstance(value, str):
                meta[key] = Markup(html.escape(value))
            elif isinstance(value, list):
                meta[key] = [Markup(html.escape(v)) if isinstance(v, str) else v for v in value]
        if title and "title" not in meta:
            meta["title"] = Markup(html.escape(title))

    def page_html(self, src_uri: str, dest_uri: str, target: str, output: str, site_url: str, content: str) -> str:
        """The page as MkDocs writes it. Once MkDocs has written it, which is when MkDocs hands
        over the next page, it is checked and made final beside the build (finish_page_beside)."""
        self._finish_previous()
        page = self._page(src_uri)
        _, findings, reported = self._rendering.pop(src_uri, ("", [], set()))
        entries, self._entries = self._entries, []
        zip_to = str(self.site_dir) if self._zip is not None else None  # pages of the languages zipped last
        args = (output, content, page.lang, dest_uri, site_url, target, entries, zip_to)
        self._unfinished = lambda: self._finish(page, args, findings, reported)
        return output

    def _finish_previous(self) -> None:
        if self._unfinished is not None:
            finish, self._unfinished = self._unfinished, None
            finish()

    def _finish(self, page: Page, args: tuple, findings: list[Finding], reported: set[str]) -> None:
        job = worker.run(finish_page_beside, *args, pages=self.work_beside)

        def gather() -> None:
            frame, scans = job.result()
            self._problems.extend(trace(self._frame_findings(frame), page.path, page.text))
            self._add_rendered(rendered_page(page, scans, findings, reported))

        self._pending.append(gather)

    def _never_written(self) -> None:
        """Pages MkDocs rendered but did not write (the build stopped): their content checked here."""
        for src_uri, (content, findings, reported) in self._rendering.items():
            page = self._page(src_uri)
            self._add_rendered(rendered_page(page, scan_rendered(content, page.lang), findings, reported))
        self._rendering.clear()

    @staticmethod
    def _frame_findings(scan: Scan) -> list[Finding]:
        return list(scan.findings) + [
            Finding(f"an inline script that is not the theme's own is on the page: '{script.strip()[:60]}'",
                    (script.strip()[:30],))
            for script in scan.inline_scripts if not is_theme_script(script)]

    def template_html(self, name: str, output: str) -> str:
        """A theme page with no source (404.html): checked as a whole, and given the policy."""
        if not name.endswith(".html"):
            return output
        scan = check_document(output)
        findings = list(scan.findings) + [Finding(f"{name}: an inline script that is not the theme's own", ())
                                          for s in scan.inline_scripts if not is_theme_script(s)]
        self._problems.extend(Problem(f"overrides/{name}", 1, f.message) for f in findings)
        return add_policy(output, [s for s in scan.inline_scripts if is_theme_script(s)])

    @property
    def work_beside(self) -> int:
        """The pages the second process would share (toolkit.worker); none under `mkdocs serve`,
        where a save re-checks only what it changed (toolkit.memo) and handing every page to
        another process would cost more than it saves."""
        return len(self.site.tree.all_pages()) if self.site and not self.preview else 0

    def problems(self) -> list[Problem]:
        """Every problem found so far, the links across all rendered pages included (the
        checks still running beside the build are waited for)."""
        self._finish_previous()
        self._gather()
        self._never_written()
        links = check_links(self.site, list(self._rendered.values())) if self.site else []
        return sorted(set(self._problems + links))

    def _gather(self) -> None:
        """The results of the checks begun so far (waited for, or worked out here)."""
        while self._pending:
            self._pending.pop(0)()

    def wait_beside(self) -> None:
        """After a failure: let the work running beside the build end (its results no longer
        matter; what failed is reported already)."""
        self._unfinished = None
        zipping = partial(abandon_zip_beside, self.site_dir, self._zip, self.work_beside) if self._zip else None
        for finish in [*self._pending, *([zipping] if zipping else [])]:
            try:
                finish()
            except Exception:  # noqa: BLE001 - the build has failed already, and says why
                pass
        self._pending.clear()

    def summary(self) -> str:
        """The build log's line on the toolkit's own time (the benchmark reads it back)."""
        beside = worker.cpu_seconds()
        note = f"; the second process used {beside:.3f} s of CPU beside the build" if beside is not None else ""
        return self.timer.summary() + note

    def publish(self, site_dir: Path) -> list[str]:
        """The outputs made from the finished site (toolkit.publish); returns lines for the log."""
        return post_build(site_dir, self.root, self.preview, self.work_beside, self._zip).log_lines()


def finish_page_beside(output: str, content: str, lang: str, page_path: str, site_url: str, target: str,
                       entries: list[tuple[str, str, str]], zip_to: str | None) -> tuple[Scan, tuple[Scan, list[Finding]]]:
    """One page's work beside the build (toolkit.worker), once MkDocs has written it: its
    content and its frame checked, the page made final (page_html.finish_page) and, for the
    languages built after the zip was begun, zipped (`zip_to`: the site folder), and the words
    of its search entries worked out for the index. Returns the frame's and the content's scans."""
    frame = output.replace(content, "", 1) if content else output
    final = finish_page(output, frame, lang, page_path, site_url, target)
    if zip_to is not None:
        add_to_zip(zip_to, page_path)
    learn_entries(entries)
    return final, scan_rendered(content, lang)

"""One build of the site, across all its languages: the state the MkDocs hooks keep.

The hooks create a Build when MkDocs loads its config and hand it each page as MkDocs
renders it; the Build collects the docs once, checks each page's rendered content and its
final HTML, and, after the last language, reports every problem at once or publishes the
build's extra outputs. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .csp import add_policy, is_theme_script
from .findings import Finding, trace
from .html_check import check_document
from .project import Languages
from .links import check_links
from .markdown_ext import RenderContext
from .page_html import fix_page_html
from .problems import Problem
from .project import load_project
from .publish import post_build
from .render import page_markdown, prepare_context
from .site import Site, collect
from .site_check import render_pages
from .timing import StepTimer
from .validate import RenderedPage, check_rendered, check_sources


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

    @classmethod
    def start(cls, config_file: Path, docs_dir: Path, i18n_languages: list[Any]) -> "Build":
        languages = Languages.from_i18n(i18n_languages)
        project = load_project(config_file)
        if project.languages != languages:
            raise ValueError(f"mkdocs.yml: languages {project.languages.codes} differ from the i18n plugin's "
                             f"{languages.codes}")
        return cls(config_file.parent, docs_dir, languages, RenderContext(site=None))

    def collect(self) -> bool:
        """Read and check the sources; True when files are unreadable or may not ship, which
        MkDocs would crash on, so the whole report (rendered checks included) is made now."""
        with self.timer.step("collect"):
            self.site = collect(self.docs_dir, self.root)
            prepare_context(self.context, self.site)
        with self.timer.step("validate"):
            self._problems = check_sources(self.site)
        if not self.site.tree.problems:
            return False
        for problems, rendered in render_pages(self.site):
            self._problems.extend(problems)
            self._rendered[(rendered.page.lang, rendered.page.rel)] = rendered
        return True

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

    def page_content(self, src_uri: str, content: str) -> None:
        page = self._page(src_uri)
        problems, rendered = check_rendered(page, content, self.context.findings, self.context.reported_urls)
        self._problems.extend(problems)
        self._rendered[(page.lang, page.rel)] = rendered

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

    def page_html(self, src_uri: str, dest_uri: str, output: str, site_url: str, content: str) -> str:
        """The final page: fixed up, its frame (all but the content, checked already) checked,
        and given its Content-Security-Policy."""
        page = self._page(src_uri)
        scan = check_document(output.replace(content, "", 1) if content else output)
        output = fix_page_html(output, page.lang, dest_uri, site_url)
        findings = list(scan.findings)
        for script in scan.inline_scripts:
            if not is_theme_script(script):
                findings.append(Finding(f"an inline script that is not the theme's own is on the page: "
                                        f"'{script.strip()[:60]}'", (script.strip()[:30],)))
        self._problems.extend(trace(findings, page.path, page.text))
        return add_policy(output, [s for s in scan.inline_scripts if is_theme_script(s)])

    def template_html(self, name: str, output: str) -> str:
        """A theme page with no source (404.html): checked as a whole, and given the policy."""
        if not name.endswith(".html"):
            return output
        scan = check_document(output)
        findings = list(scan.findings) + [Finding(f"{name}: an inline script that is not the theme's own", ())
                                          for s in scan.inline_scripts if not is_theme_script(s)]
        self._problems.extend(Problem(f"overrides/{name}", 1, f.message) for f in findings)
        return add_policy(output, [s for s in scan.inline_scripts if is_theme_script(s)])

    def problems(self) -> list[Problem]:
        """Every problem found so far, the links across all rendered pages included."""
        links = check_links(self.site, list(self._rendered.values())) if self.site else []
        return sorted(set(self._problems + links))

    def publish(self, site_dir: Path) -> list[str]:
        """The outputs made from the finished site (toolkit.publish); returns lines for the log."""
        return post_build(site_dir, self.root, self.preview).log_lines()

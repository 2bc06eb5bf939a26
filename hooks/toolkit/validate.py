"""Validate: every check over every language, all problems gathered before any is reported.

Two kinds of checks:
- on the sources (files, front matter, twins, case-study data, the nav): `check_sources`;
- on what each page renders to (cross-references, markers, unsafe HTML, gaps, ids, links):
  `RenderedPage` per page, then `check_links` across all of them. The build feeds these from
  MkDocs' own rendering; `check` renders the pages itself with the same extension.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .findings import Finding, trace
from .html_check import Scan, check_content
from .project import Languages
from .links import RenderedPage, check_links
from .pages import Page
from .problems import Problem, suggest
from .schema import FIELDS, NEUTRAL_FIELDS, describe, is_case_study, slug_of
from .site import Site, collect
from .tools import validate_tools
from .welsh_mutation import check_rendered as check_welsh_mutations

PAGE_FIELDS = {"title": "the page's title in its own language",
               "description": "one sentence for search engines and link previews",
               "hide": "parts of the page frame to hide (navigation, toc, footer)",
               "twin": "the twin's version at the last review, written by make translations"}


def check_sources(site: Site) -> list[Problem]:
    """Every problem that can be seen without rendering, sorted by file and line."""
    problems: list[Problem] = list(site.tree.problems)
    for check in (check_pages, check_twins, check_case_studies, check_nav, validate_tools):
        problems.extend(check(site))
    return sorted(set(problems))


def source_problems(docs_dir: str, root: str) -> list[Problem]:
    """`check_sources` on the docs tree as it is on disk (run beside the build: toolkit.worker)."""
    return check_sources(collect(Path(docs_dir), Path(root)))


def scan_rendered(html: str, lang: str) -> tuple[Scan, list[Finding]]:
    """The checks that need nothing but a page's rendered content (the build runs them beside
    itself: toolkit.worker): the allow-list, links, ids and gaps; Welsh mutations."""
    return check_content(html), (check_welsh_mutations(html) if lang == "cy" else [])


def rendered_page(page: Page, scans: tuple[Scan, list[Finding]], findings: list[Finding],
                  reported_urls: set[str]) -> tuple[list[Problem], RenderedPage]:
    """The findings of rendering and of the scans, traced back to the page's source lines."""
    scan, welsh = scans
    problems = trace(findings + scan.findings + welsh, page.path, page.text)
    return problems, RenderedPage(page, scan.ids, scan.links, set(reported_urls))


def check_rendered(page: Page, html: str, findings: list[Finding],
                   reported_urls: set[str]) -> tuple[list[Problem], RenderedPage]:
    """The page check on one page's rendered content, traced back to its source lines."""
    return rendered_page(page, scan_rendered(html, page.lang), findings, reported_urls)


def check_pages(site: Site) -> list[Problem]:
    """Front matter parses, every page has a title, and only known fields are used."""
    problems: list[Problem] = []
    for page in site.tree.all_pages():
        problems.extend(page.problems)
        if page.problems or not page.readable:
            continue
        data = page.front.data
        if not isinstance(data.get("title"), str) or not data["title"].strip():
            line = page.front.key_lines.get("title", 1)
            got = f", got {describe(data['title'])}" if "title" in data else ""
            problems.append(Problem(page.path, line, f"front matter: 'title' must be the page's title in its own "
                                                     f"language{got}"))
        if "description" in data and not isinstance(data["description"], str):
            problems.append(Problem(page.path, page.front.key_lines["description"],
                                    f"front matter: 'description' must be text, got {describe(data['description'])}"))
        if not is_case_study(page):
            for name in data:
                if name not in PAGE_FIELDS:
                    known = "; ".join(f"{k} ({v})" for k, v in PAGE_FIELDS.items())
                    problems.append(Problem(page.path, page.front.key_lines.get(name, 1),
                                            f"front matter: unknown field '{name}' (pages take {known})"))
    return problems


def check_twins(site: Site) -> list[Problem]:
    """Every page has its twin in every other language, and twins carry the same explicit ids."""
    problems: list[Problem] = []
    languages: Languages = site.project.languages
    for lang in languages.codes:
        for rel, page in site.tree.pages.get(lang, {}).items():
            for twin_lang in languages.others(lang):
                twin = site.tree.get(twin_lang, rel)
                if twin is None:
                    problems.append(Problem(page.path, 1, f"no {languages.name(twin_lang)} twin: "
                                                          f"docs/{twin_lang}/{rel} is missing"))
                    continue
                for anchor_id, anchor in page.anchors.items():
                    if anchor.explicit and anchor_id != "__h1__" and anchor_id not in twin.anchors:
                        problems.append(Problem(page.path, anchor.line,
                                                f"id '{anchor_id}' is not on its twin {twin.path}; twins carry the same ids"))
    return problems


def check_case_studies(site: Site) -> list[Problem]:
    """Schema, twins' shared fields, sources on the references page, unique slugs and titles."""
    problems = list(site.case_problems)
    languages = site.project.languages
    for lang in languages.codes:
        by_slug: dict[str, list[Page]] = defaultdict(list)
        for page in site.tree.pages.get(lang, {}).values():
            if is_case_study(page):
                by_slug[slug_of(page).lower()].append(page)
        for slug, pages in by_slug.items():
            for page in pages[1:]:
                problems.append(Problem(page.path, 1, f"duplicate slug '{slug}' (also {pages[0].path})"))
        by_title: dict[str, list] = defaultdict(list)
        for case in sorted(site.cases.get(lang, {}).values(), key=lambda c: c.path):
            if case.title:
                by_title[case.title.casefold()].append(case)
        for cases in by_title.values():
            for case in cases[1:]:
                problems.append(Problem(case.path, case.lines.get("title", 1),
                                        f"title: '{case.title}' is also the title of {cases[0].path}: readers choose "
                                        "from a list of titles, so give each case study its own"))
        for spec in (f for f in FIELDS if f.kind == "ids"):
            target = site.tree.get(lang, spec.page)
            known = {a for a in target.anchors if a != "__h1__"} if target else set()
            for case in site.cases.get(lang, {}).values():
                for value in case.values.get(spec.name, []):
                    if value not in known:
                        problems.append(Problem(case.path, case.lines.get(spec.name, 1),
                                                f"{spec.name}: '{value}' is not on {spec.page}{suggest(value, known)}"))
    first = languages.default
    for twin_lang in languages.others(first):
        for slug, case in site.cases.get(first, {}).items():
            twin = site.cases.get(twin_lang, {}).get(slug)
            if twin is None:
                continue
            for name in NEUTRAL_FIELDS:
                mine, theirs = case.values.get(name), twin.values.get(name)
                if mine is not None and theirs is not None and mine != theirs:
                    problems.append(Problem(case.path, case.lines.get(name, 1),
                                            f"{name}: {_show(mine)} differs from {_show(theirs)} in its twin "
                                            f"{twin.path}:{twin.lines.get(name, 1)} (language-neutral fields must match)"))
    return problems


def check_nav(site: Site) -> list[Problem]:
    """The nav names pages that exist, and every page is in the nav or under not_in_nav."""
    project = site.project
    if project.nav is None:
        return []
    problems: list[Problem] = []
    config = project.root / "mkdocs.yml"
    config_text = config.read_text(encoding="utf-8") if config.is_file() else ""
    for entry in project.nav:
        for lang in project.languages.codes:
            if site.tree.get(lang, entry) is None:
                problems.extend(trace([Finding(f"nav: '{entry}' is not in docs/{lang}/: add the page, or take it "
                                               "out of the nav", (f"- {entry}", entry))], "mkdocs.yml", config_text))
    for page in site.tree.all_pages():
        if not project.in_nav(page.lang, page.rel):
            problems.append(Problem(page.path, 1, f"not in the nav: add '{page.rel}' to nav in mkdocs.yml, or match it "
                                                  "with a not_in_nav pattern"))
    return problems


def validate(site: Site, rendered: list[tuple[list[Problem], RenderedPage]]) -> list[Problem]:
    """All problems: the sources', each rendered page's, and the links across pages."""
    problems = check_sources(site)
    for page_problems, _ in rendered:
        problems.extend(page_problems)
    problems.extend(check_links(site, [output for _, output in rendered]))
    return sorted(set(problems))


def _show(value) -> str:
    return "[" + ", ".join(value) + "]" if isinstance(value, list) else f"'{value}'"

"""The collected site: the docs tree plus what is derived from it, built once per build."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from . import abbreviations
from .docs_files import scan_docs
from .pages import DocsTree, FrontMatter, Page, load_page, read_text
from .problems import Problem
from .project import Project, load_project, this_project
from .schema import CaseStudy, is_case_study, parse_case_study


@dataclass
class Site:
    """Everything the validators and renderers need, read from disk once."""

    tree: DocsTree
    project: Project
    cases: dict[str, dict[str, CaseStudy]] = field(default_factory=dict)  # lang -> slug -> case
    case_problems: list[Problem] = field(default_factory=list)
    abbreviations: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> abbr -> definition
    memo: dict[str, object] = field(default_factory=dict, repr=False)  # derived data, made once per build
    _sorted: dict[str, list[CaseStudy]] = field(default_factory=dict, repr=False)
    _buckets: dict[str, dict[tuple[str | None, str], list[CaseStudy]]] = field(default_factory=dict, repr=False)

    def case_studies(self, lang: str) -> list[CaseStudy]:
        """A language's case studies, sorted by title (sorted once per build)."""
        if lang not in self._sorted:
            self._sorted[lang] = sorted(self.cases.get(lang, {}).values(), key=lambda c: (c.title or c.slug).casefold())
        return self._sorted[lang]

    def case_for(self, lang: str, rel: str) -> CaseStudy | None:
        """The case study a page holds, if it is one (rel is relative to the language folder)."""
        if not rel.startswith("case-studies/"):
            return None
        return self.cases.get(lang, {}).get(rel.removeprefix("case-studies/").removesuffix(".md"))

    def buckets(self, lang: str) -> dict[tuple[str | None, str], list[CaseStudy]]:
        """Case studies by (sector, stage) and by (None, stage), each sorted by title; built
        once per build and language."""
        if lang not in self._buckets:
            found: dict[tuple[str | None, str], list[CaseStudy]] = {}
            for case in self.case_studies(lang):
                for stage in case.stages:
                    found.setdefault((case.sector, stage), []).append(case)
                    found.setdefault((None, stage), []).append(case)
            self._buckets[lang] = found
        return self._buckets[lang]


def project_at(root: Path) -> Project:
    """The project whose mkdocs.yml is at root; a bare docs tree (as in tests) uses this one's."""
    config = Path(root) / "mkdocs.yml"
    if config.is_file():
        return load_project(config)
    return replace(this_project(), root=Path(root), docs_dir=Path(root) / "docs", nav=None)


def load_tree(docs_dir: Path, root: Path, languages: tuple[str, ...]) -> DocsTree:
    """Read every page under docs/<lang>/; every other file is checked for what may ship."""
    found = scan_docs(docs_dir, root, languages)
    pages: dict[str, dict[str, Page]] = {lang: {} for lang in languages}
    problems = list(found.problems)
    for lang, entries in found.pages.items():
        for file, rel in entries:
            path = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()
            text, problem = read_text(file, path)
            if problem:  # kept as a page, so that its twin and the nav are not reported as well
                problems.append(problem)
                pages[lang][rel] = Page(lang, rel, path, "", FrontMatter({}, {}, 1), 1, readable=False)
            else:
                pages[lang][rel] = load_page(lang, rel, path, text)
    return DocsTree(docs_dir, languages, pages, found.files, problems)


def collect(docs_dir: Path, root: Path | None = None) -> Site:
    """Read the docs tree and parse every case study in every language."""
    docs_dir = Path(docs_dir).resolve()
    root = Path(root).resolve() if root else docs_dir.parent
    project = project_at(root)
    site = Site(load_tree(docs_dir, root, project.languages.codes), project)
    snippets = root / "snippets"
    for lang in project.languages.codes:
        site.abbreviations[lang] = abbreviations.load(snippets, lang)
        site.cases[lang] = {}
        for page in site.tree.pages.get(lang, {}).values():
            if not is_case_study(page) or not page.readable:
                continue
            case, problems = parse_case_study(page)
            site.case_problems.extend(problems)
            if case is not None:
                site.cases[lang][case.slug] = case
    return site

"""The collected site: the docs tree plus what is derived from it, built once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import abbreviations
from .languages import LANGUAGES
from .pages import DocsTree, load_tree
from .problems import Problem
from .schema import CaseStudy, is_case_study, parse_case_study
from .xrefs import KINDS, Kind, strip_number, target_path


@dataclass
class Site:
    """Everything the validators and renderers need, read from disk once."""

    tree: DocsTree
    cases: dict[str, dict[str, CaseStudy]] = field(default_factory=dict)  # lang -> slug -> case
    case_problems: list[Problem] = field(default_factory=list)
    abbreviations: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> abbr -> definition
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

    def resolve(self, lang: str, kind: Kind, key: str) -> tuple[str, str | None, str] | None:
        """(target page, anchor, title) for an xref, or None if it does not exist."""
        if kind.allowed is not None and key not in kind.allowed:
            return None
        if kind.pattern is not None and not kind.pattern.match(key):
            return None
        page = self.tree.get(lang, target_path(kind, key))
        if page is None:
            return None
        if kind.page is None:
            return page.rel, None, page.title
        anchor = page.anchors.get(key)
        if anchor is None or not anchor.explicit:
            return None
        title = anchor.title or key
        return page.rel, key, strip_number(title) if kind.name == "rung" else title

    def keys(self, lang: str, kind: Kind) -> list[str]:
        """Every key a kind accepts in a language (for 'expected one of' messages)."""
        if kind.allowed is not None:
            return list(kind.allowed)
        if kind.page is None:
            return sorted(c.slug for c in self.cases.get(lang, {}).values())
        page = self.tree.get(lang, kind.page)
        ids = [a.id for a in page.anchors.values() if a.explicit and a.id != "__h1__"] if page else []
        return [i for i in ids if kind.pattern is None or kind.pattern.match(i)]


def collect(docs_dir: Path, root: Path | None = None) -> Site:
    """Read the docs tree and parse every case study in every language."""
    site = Site(load_tree(docs_dir, root))
    snippets = (Path(root) if root else Path(docs_dir).resolve().parent) / "snippets"
    for lang in LANGUAGES:
        site.abbreviations[lang] = abbreviations.load(snippets, lang)
        site.cases[lang] = {}
        for page in site.tree.pages.get(lang, {}).values():
            if not is_case_study(page):
                continue
            case, problems = parse_case_study(page)
            site.case_problems.extend(problems)
            if case is not None:
                site.cases[lang][case.slug] = case
    return site


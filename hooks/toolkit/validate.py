"""Validate: every check over both languages, all problems gathered before any is reported."""

from __future__ import annotations

from collections import defaultdict

from .languages import LANGUAGES, other
from .listings import MARKER, parse_marker
from .pages import Page, outside_code
from .links import check_links
from .problems import Problem, suggest
from .safety import unsafe_content
from .schema import FIELDS, NEUTRAL_FIELDS, is_case_study, slug_of
from .site import Site
from .tools import validate_tools
from .xrefs import KINDS, XREF

LANG_NAMES = {"cy": "Welsh", "en": "English"}


def validate(site: Site) -> list[Problem]:
    """Every problem in the site, sorted by file and line."""
    problems: list[Problem] = []
    for check in (check_pages, check_twins, check_case_studies, check_body, check_links):
        problems.extend(check(site))
    problems.extend(validate_tools(site.tree.docs_dir.parent, site.tree.docs_dir, LANGUAGES))  # issue 17: data/tools/
    return sorted(set(problems))


def check_pages(site: Site) -> list[Problem]:
    """Front matter parses, and every page has a title."""
    problems: list[Problem] = []
    for page in site.tree.all_pages():
        problems.extend(page.problems)
        if not page.problems and not isinstance(page.front.data.get("title"), str):
            problems.append(Problem(page.path, 1, "front matter: missing 'title' (the page's title in its own language)"))
    return problems


def check_twins(site: Site) -> list[Problem]:
    """Every page has its twin, and twins carry the same explicit ids."""
    problems: list[Problem] = []
    for lang in LANGUAGES:
        twin_lang = other(lang)
        for rel, page in site.tree.pages.get(lang, {}).items():
            twin = site.tree.get(twin_lang, rel)
            if twin is None:
                problems.append(Problem(page.path, 1, f"no {LANG_NAMES[twin_lang]} twin: docs/{twin_lang}/{rel} is missing"))
                continue
            for anchor_id, anchor in page.anchors.items():
                if anchor.explicit and anchor_id != "__h1__" and anchor_id not in twin.anchors:
                    problems.append(Problem(page.path, anchor.line,
                                            f"id '{anchor_id}' is not on its twin {twin.path}; twins carry the same ids"))
    return problems


def check_case_studies(site: Site) -> list[Problem]:
    """Schema, twins' shared fields, sources on the references page, unique slugs."""
    problems = list(site.case_problems)
    for lang in LANGUAGES:
        by_slug: dict[str, list[Page]] = defaultdict(list)
        for page in site.tree.pages.get(lang, {}).values():
            if is_case_study(page):
                by_slug[slug_of(page).lower()].append(page)
        for slug, pages in by_slug.items():
            for page in pages[1:]:
                problems.append(Problem(page.path, 1, f"duplicate slug '{slug}' (also {pages[0].path})"))
        for spec in (f for f in FIELDS if f.kind == "ids"):
            target = site.tree.get(lang, spec.page)
            known = {a for a in target.anchors if a != "__h1__"} if target else set()
            for case in site.cases.get(lang, {}).values():
                for value in case.values.get(spec.name, []):
                    if value not in known:
                        problems.append(Problem(case.path, case.lines.get(spec.name, 1),
                                                f"{spec.name}: '{value}' is not on {spec.page}{suggest(value, known)}"))
    for slug, case in site.cases.get(LANGUAGES[0], {}).items():
        twin = site.cases.get(LANGUAGES[1], {}).get(slug)
        if twin is None:
            continue
        for name in NEUTRAL_FIELDS:
            mine, theirs = case.values.get(name), twin.values.get(name)
            if mine is not None and theirs is not None and mine != theirs:
                problems.append(Problem(case.path, case.lines.get(name, 1),
                                        f"{name}: {_show(mine)} differs from {_show(theirs)} in its twin "
                                        f"{twin.path}:{twin.lines.get(name, 1)} (language-neutral fields must match)"))
    return problems


def check_body(site: Site) -> list[Problem]:
    """Cross-references, listing markers and unsafe content, line by line."""
    problems: list[Problem] = []
    for page in site.tree.all_pages():
        problems.extend(unsafe_content(page))
        for number, line in outside_code(page.text, page.body_line):
            if "TODO" in line:  # a scaffold's gap in the body
                problems.append(Problem(page.path, number, f"fill in this gap: {line.strip()[:80]}"))
            for match in XREF.finditer(line):
                message = xref_problem(site, page, match.group(1), match.group(2))
                if message:
                    problems.append(Problem(page.path, number, f"{match.group(0)}: {message}"))
            for match in MARKER.finditer(line):
                parsed, message = parse_marker(match.group(1))
                if parsed and parsed[0] == "models" and not _on_page(site, page.lang, "models.md", parsed[1]):
                    message = f"unknown model '{parsed[1]}': no such id on models.md"
                if message:
                    problems.append(Problem(page.path, number, f"listing marker: {message}"))
    return problems


def xref_problem(site: Site, page: Page, kind_name: str, key: str) -> str | None:
    """Why `[[kind:key]]` does not resolve on this page's language, or None if it does."""
    kind = KINDS.get(kind_name)
    if kind is None:
        return f"unknown kind '{kind_name}' (expected one of {', '.join(KINDS)})"
    if site.resolve(page.lang, kind, key):
        return None
    if kind.page is None:
        return f"unknown {kind.noun} '{key}': there is no docs/{page.lang}/case-studies/{key}.md"
    if site.tree.get(page.lang, kind.page) is None:
        return f"there is no docs/{page.lang}/{kind.page} to link to"
    keys = site.keys(page.lang, kind)
    if kind.allowed is not None or kind.pattern is not None:
        shown = f"{keys[0]} … {keys[-1]}" if kind.pattern is not None and len(keys) > 2 else ", ".join(keys)
        return f"unknown {kind.noun} '{key}' (expected one of {shown})"
    return f"unknown {kind.noun} '{key}': no such id on {kind.page}{suggest(key, keys)}"


def _on_page(site: Site, lang: str, rel: str, anchor: str) -> bool:
    page = site.tree.get(lang, rel)
    return page is not None and anchor in page.anchors




def _show(value) -> str:
    return "[" + ", ".join(value) + "]" if isinstance(value, list) else f"'{value}'"

"""Validate the tools' data: twins match key for key, every text is translated, and every
link and source resolves. (A page's `<!-- tool: name -->` marker is checked as it renders.)"""

from __future__ import annotations


from ..problems import Problem, suggest
from .load import COMMON, DATA_DIR, Loaded, site_tools
from .model import Link, Tool

LANG_NAMES = {"cy": "Welsh", "en": "English"}


def validate_tools(site) -> list[Problem]:
    """Every problem in `data/tools/`, sorted; `site` is the collected toolkit.site.Site."""
    languages = site.project.languages.codes
    loaded = site_tools(site)
    problems = list(loaded.problems)
    anchors = _Anchors(site)
    for lang in languages:
        for tool in [*loaded.tools[lang].values(), *([loaded.common[lang]] if lang in loaded.common else [])]:
            problems.extend(check_tool(tool, anchors))
    problems.extend(check_twins(loaded, languages))
    return sorted(set(problems))


class _Anchors:
    """The explicit ids on a page of the collected site, with their titles."""

    def __init__(self, site) -> None:
        self.site = site

    def on(self, lang: str, page: str) -> dict[str, str] | None:
        doc = self.site.tree.get(lang, page)
        if doc is None:
            return None
        return {a.id: a.title for a in doc.anchors.values() if a.explicit and a.id != "__h1__"}


def _link_problem(anchors: _Anchors, lang: str, link: Link) -> str | None:
    ids = anchors.on(lang, link.page)
    if ids is None:
        return f"there is no docs/{lang}/{link.page} to link to"
    if link.id in ids:
        return None
    return f"'{link.id}' is not on {link.page}{suggest(link.id, ids)}"


def check_tool(tool: Tool, anchors: _Anchors) -> list[Problem]:
    """One file on its own: texts present, scales named, links and sources resolve."""
    problems: list[Problem] = []

    def need(text: str, line: int, what: str, field_name: str) -> None:
        if not text:
            problems.append(Problem(tool.path, line, f"{what}: {field_name} is empty (missing translation)"))

    def link(item_link: Link | None, line: int, what: str) -> None:
        message = _link_problem(anchors, tool.lang, item_link) if item_link else None
        if message:
            problems.append(Problem(tool.path, line, f"{what}: link {item_link}: {message}"))

    for source, line in zip(tool.sources, tool.source_lines):
        message = _link_problem(anchors, tool.lang, Link("ref", source))
        if message:
            problems.append(Problem(tool.path, line, f"sources: {message}"))
    for name, points in tool.scales.items():
        for point in points:
            need(point.label, point.line, f"scale '{name}': point '{point.key}'", "label")
            link(point.link, point.line, f"scale '{name}': point '{point.key}'")
    for key, text in tool.strings.items():
        need(text, tool.string_lines[key], f"strings: {key}", "text")
    for section in tool.sections:
        need(section.legend, section.line, f"section '{section.key}'", "legend")
        link(section.link, section.line, f"section '{section.key}'")
        for question in section.questions:
            what = f"question '{section.key}.{question.key}'"
            need(question.label, question.line, what, "label")
            link(question.link, question.line, what)
            if question.type == "scale" and question.scale and question.scale not in tool.scales:
                problems.append(Problem(tool.path, question.line, f"{what}: unknown scale '{question.scale}'"
                                        f" (this file has {', '.join(tool.scales) or 'no scales'})"))
            for option in question.options:
                need(option.label, option.line, f"{what}: option '{option.key}'", "label")
                link(option.link, option.line, f"{what}: option '{option.key}'")
    return problems


def _items(tool: Tool) -> dict[str, tuple[int, tuple, dict[str, str]]]:
    """Every keyed thing in a tool: name -> (line, language-neutral values, texts)."""
    items: dict[str, tuple[int, tuple, dict[str, str]]] = {}
    if tool.sources:
        items["sources"] = (tool.source_lines[0], tuple(tool.sources), {})
    for name, points in tool.scales.items():
        items[f"scale '{name}'"] = (tool.scale_lines[name], (), {})
        for point in points:
            items[f"scale '{name}': point '{point.key}'"] = (point.line, (str(point.link),), {"hint": point.hint})
    for key in tool.strings:
        items[f"strings: {key}"] = (tool.string_lines[key], (), {})
    for section in tool.sections:
        items[f"section '{section.key}'"] = (section.line, (str(section.link),), {"hint": section.hint})
        for question in section.questions:
            what = f"question '{section.key}.{question.key}'"
            items[what] = (question.line, (question.type, question.scale, str(question.link)), {"hint": question.hint})
            for option in question.options:
                items[f"{what}: option '{option.key}'"] = (option.line, (str(option.link),), {"hint": option.hint})
    return items


def check_twins(loaded: Loaded, languages: tuple[str, ...]) -> list[Problem]:
    """Each tool exists in every language, with the same keys, links and types."""
    problems: list[Problem] = []
    for tool_id in [*loaded.tool_ids(), COMMON]:
        for lang in languages:
            mine = loaded.common.get(lang) if tool_id == COMMON else loaded.tools[lang].get(tool_id)
            if mine is None:
                continue
            for twin_lang in (lang2 for lang2 in languages if lang2 != lang):
                twin = loaded.common.get(twin_lang) if tool_id == COMMON else loaded.tools[twin_lang].get(tool_id)
                twin_path = f"{DATA_DIR.as_posix()}/{twin_lang}/{tool_id}.yml"
                if twin is None:
                    if (twin_lang, tool_id) not in loaded.unreadable:
                        problems.append(Problem(mine.path, 1, f"no {LANG_NAMES.get(twin_lang, twin_lang)} twin: {twin_path} is missing"))
                    continue
                problems.extend(_compare(mine, twin))
    return problems


def _compare(mine: Tool, twin: Tool) -> list[Problem]:
    problems: list[Problem] = []
    theirs = _items(twin)
    for name, (line, neutral, texts) in _items(mine).items():
        if name not in theirs:
            problems.append(Problem(mine.path, line, f"{name} has no twin in {twin.path}"))
            continue
        twin_line, twin_neutral, twin_texts = theirs[name]
        if neutral != twin_neutral and mine.lang < twin.lang:  # report a difference once, on one side
            shown = ", ".join(v for v in neutral if v and v != "None")
            problems.append(Problem(mine.path, line, f"{name}: '{shown}' differs from its twin {twin.path}:{twin_line} "
                                                     "(type, scale, links and sources must match)"))
        for field_name, text in twin_texts.items():
            if text and not texts.get(field_name):
                problems.append(Problem(mine.path, line, f"{name}: {field_name} is missing "
                                                         f"(missing translation of {twin.path}:{twin_line})"))
    return problems

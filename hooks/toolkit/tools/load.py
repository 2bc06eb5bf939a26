"""Load the tools' YAML, keeping the line of every key so problems point at `path:line`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..memo import by_text
from ..pages import LOADER

from ..problems import Problem
from .model import LINK_PAGES, QUESTION_TYPES, Link, Option, Question, Section, Tool

DATA_DIR = Path("data/tools")
COMMON = "common"  # data/tools/<lang>/common.yml: words every tool's buttons and results share
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Loaded:
    """Every tool in every language, plus the shared words, and what went wrong reading them."""

    tools: dict[str, dict[str, Tool]] = field(default_factory=dict)  # lang -> tool id -> tool
    common: dict[str, Tool] = field(default_factory=dict)  # lang -> the shared words
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[tuple[str, str]] = field(default_factory=set)  # (lang, tool id) whose YAML fails

    def tool_ids(self) -> list[str]:
        return sorted({tool_id for tools in self.tools.values() for tool_id in tools})


class _Reader:
    """Turns YAML nodes into dataclasses, noting every structural problem on the way."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, message))

    def mapping(self, node: yaml.Node, where: str, allowed: tuple[str, ...]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{where}: expected 'key: value' lines")
            return {}
        found: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = key_node.value
            if key not in allowed:
                self.problem(key_node, f"{where}: unknown field '{key}' (expected {', '.join(allowed)})")
            elif key in found:
                self.problem(key_node, f"{where}: '{key}' appears twice")
            else:
                found[key] = value
        return found

    def text(self, fields: dict[str, yaml.Node], name: str, where: str) -> str:
        node = fields.get(name)
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{where}: {name} must be text")
            return ""
        return str(node.value).strip()

    def key(self, fields: dict[str, yaml.Node], parent: yaml.Node, where: str) -> str:
        node = fields.get("key")
        if node is None or not isinstance(node, yaml.ScalarNode):
            self.problem(parent, f"{where}: missing 'key'")
            return ""
        if not KEY.match(str(node.value)):
            self.problem(node, f"{where}: key '{node.value}' must be lowercase letters, digits and hyphens")
        return str(node.value)

    def link(self, fields: dict[str, yaml.Node], where: str) -> Link | None:
        node = fields.get("link")
        if node is None:
            return None
        kind, _, target = str(node.value).partition(":")
        if kind not in LINK_PAGES or not target:
            self.problem(node, f"{where}: link '{node.value}' must be kind:id, with kind one of {', '.join(LINK_PAGES)}")
            return None
        return Link(kind, target)

    def sequence(self, node: yaml.Node | None, where: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{where}: expected a list")
            return []
        return node.value

    def option(self, node: yaml.Node, where: str) -> Option:
        fields = self.mapping(node, where, ("key", "label", "hint", "link"))
        key = self.key(fields, node, where)
        where = f"{where} '{key}'"
        return Option(key, self.text(fields, "label", where), node.start_mark.line + 1,
                      self.text(fields, "hint", where), self.link(fields, where))

    def question(self, node: yaml.Node, section: str) -> Question:
        fields = self.mapping(node, f"section '{section}': question",
                              ("key", "type", "label", "hint", "scale", "options", "link"))
        key = self.key(fields, node, f"section '{section}': question")
        where = f"question '{section}.{key}'"
        kind = self.text(fields, "type", where)
        if kind not in QUESTION_TYPES:
            self.problem(fields.get("type", node), f"{where}: type '{kind}' (expected one of {', '.join(QUESTION_TYPES)})")
        question = Question(key, kind, self.text(fields, "label", where), node.start_mark.line + 1,
                            self.text(fields, "hint", where), self.text(fields, "scale", where),
                            link=self.link(fields, where))
        question.options = [self.option(o, f"{where}: option") for o in self.sequence(fields.get("options"), where)]
        if kind in ("choice", "checks") and not question.options:
            self.problem(node, f"{where}: a {kind} question needs options")
        if kind == "scale" and not question.scale:
            self.problem(node, f"{where}: a scale question names its scale")
        return question

    def section(self, node: yaml.Node) -> Section:
        fields = self.mapping(node, "section", ("key", "legend", "hint", "link", "questions"))
        key = self.key(fields, node, "section")
        where = f"section '{key}'"
        section = Section(key, self.text(fields, "legend", where), node.start_mark.line + 1,
                          self.text(fields, "hint", where), self.link(fields, where))
        section.questions = [self.question(q, key) for q in self.sequence(fields.get("questions"), where)]
        return section

    def strings(self, node: yaml.Node | None) -> tuple[dict[str, str], dict[str, int]]:
        if node is None:
            return {}, {}
        fields = self.mapping(node, "strings", tuple(k.value for k, _ in getattr(node, "value", [])))
        return ({k: self.text(fields, k, f"strings: {k}") for k in fields},
                {k: v.start_mark.line + 1 for k, v in fields.items()})

    def tool(self, node: yaml.Node, tool_id: str, lang: str) -> Tool:
        tool = Tool(tool_id, lang, self.path)
        fields = self.mapping(node, "tool", ("sources", "scales", "strings", "sections"))
        for source in self.sequence(fields.get("sources"), "sources"):
            tool.sources.append(str(source.value))
            tool.source_lines.append(source.start_mark.line + 1)
        scales = fields.get("scales")
        if scales is not None:
            for name, points in self.mapping(scales, "scales", tuple(k.value for k, _ in getattr(scales, "value", []))).items():
                tool.scales[name] = [self.option(p, f"scale '{name}': point") for p in self.sequence(points, f"scale '{name}'")]
                tool.scale_lines[name] = points.start_mark.line + 1
        tool.strings, tool.string_lines = self.strings(fields.get("strings"))
        tool.sections = [self.section(s) for s in self.sequence(fields.get("sections"), "sections")]
        return tool


def load_file(file: Path, root: Path, tool_id: str, lang: str) -> tuple[Tool | None, list[Problem]]:
    """One tool file: the tool, or None if its YAML does not parse, and its problems."""
    try:
        path = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        path = file.as_posix()
    return _parse_tool(file.read_text(encoding="utf-8"), path, tool_id, lang)


@by_text
def _parse_tool(text: str, path: str, tool_id: str, lang: str) -> tuple[Tool | None, list[Problem]]:
    """Remembered per text (toolkit.memo): `mkdocs serve` reads the tools again on every save."""
    reader = _Reader(path)
    try:
        try:
            node = yaml.compose(text, Loader=LOADER)
        except yaml.YAMLError:  # parse again in pure Python, whose messages are the same everywhere
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        return None, [Problem(path, mark.line + 1 if mark else 1, f"YAML does not parse: {reason}")]
    if node is None:
        return None, [Problem(path, 1, "the file is empty")]
    return reader.tool(node, tool_id, lang), reader.problems


def load_tools(root: Path, languages) -> Loaded:
    """Every `data/tools/<lang>/*.yml` under root."""
    loaded = Loaded()
    for lang in languages:
        loaded.tools[lang] = {}
        folder = Path(root) / DATA_DIR / lang
        for file in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            tool, problems = load_file(file, Path(root), file.stem, lang)
            loaded.problems.extend(problems)
            if tool is None:
                loaded.unreadable.add((lang, file.stem))
                continue
            if file.stem == COMMON:
                loaded.common[lang] = tool
            else:
                loaded.tools[lang][file.stem] = tool
    return loaded


def site_tools(site) -> Loaded:
    """The tools' data of a collected site (toolkit.site.Site), read once per build."""
    if "tools" not in site.memo:
        site.memo["tools"] = load_tools(site.project.root, site.project.languages.codes)
    return site.memo["tools"]

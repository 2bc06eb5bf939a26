"""Collect: read every page's front matter and explicit ids once, into plain data.

Reading never raises: a file that cannot be read becomes a Problem with its path, so
`check` and the build report it like any other mistake instead of a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from .memo import by_text
from .problems import Problem

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: faster
FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")  # a code span: the same run of backticks closes it
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*$")
ATTR_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\bid=["']([^"']+)["'][^>]*>""")
HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*\bid=[\"']([^\"']+)[\"'][^>]*>(.*?)</h\1>", re.S)


@dataclass(frozen=True)
class Anchor:
    """An id on a page: explicit (`## Title {#id}`, `id="..."` in raw HTML) or a heading's
    automatic slug. Only explicit ids must match between twins."""

    id: str
    title: str
    line: int
    explicit: bool = True


@dataclass
class FrontMatter:
    """Parsed front matter, with the file line of each top-level key."""

    data: dict
    key_lines: dict[str, int]
    start_line: int  # line of the opening '---'


@dataclass
class Page:
    """One Markdown page in one language."""

    lang: str
    rel: str  # path inside the language folder, e.g. 'case-studies/well-london.md'
    path: str  # path from the project root, for reports: 'docs/cy/case-studies/well-london.md'
    text: str
    front: FrontMatter
    body_line: int  # file line where the body (after front matter) starts
    anchors: dict[str, Anchor] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False: the file could not be read (reported once, with the tree's problems)

    @property
    def body(self) -> str:
        return "\n".join(self.text.splitlines()[self.body_line - 1 :])

    @property
    def title(self) -> str:
        title = self.front.data.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        h1 = next((a for a in self.anchors.values() if a.id == "__h1__"), None)
        return h1.title if h1 else self.rel


def _key_lines(node: yaml.Node | None, offset: int) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + offset for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def duplicate_keys(node: yaml.Node | None, path: str, offset: int) -> list[Problem]:
    """YAML keeps the last of two equal keys without a word; a contributor loses the first."""
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + offset
                if key.value in seen:
                    problems.append(Problem(path, line, f"front matter: '{key.value}' is given twice "
                                                        f"(also on line {seen[key.value]}): keep one"))
                seen.setdefault(key.value, line)
            problems.extend(duplicate_keys(value, path, offset))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems.extend(duplicate_keys(item, path, offset))
    return problems


def _parse(source: str, loader_class) -> tuple[yaml.Node | None, object]:
    """One parse gives both the node tree (for line numbers) and the data."""
    loader = loader_class(source)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()


def _yaml_problem(err: yaml.YAMLError, path: str, offset: int) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    reason = getattr(err, "problem", None) or str(err).splitlines()[0]
    return Problem(path, mark.line + offset if mark else 1, f"front matter: YAML does not parse: {reason}")


def parse_front_matter(text: str, path: str) -> tuple[FrontMatter, int, list[Problem]]:
    """Split off YAML front matter; return it, the body's first line, and parse problems."""
    lines = text.splitlines()
    empty = FrontMatter({}, {}, 1)
    if not lines or lines[0].strip() != "---":
        return empty, 1, []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return empty, 1, [Problem(path, 1, "front matter: no closing '---' line")]
    source = "\n".join(lines[1:end])
    offset = 2  # the YAML's first line is the file's second
    try:
        node, data = _parse(source, LOADER)
    except yaml.YAMLError:
        try:  # parse again in pure Python, whose messages are the same everywhere
            node, data = _parse(source, yaml.SafeLoader)
        except yaml.YAMLError as err:
            return empty, end + 2, [_yaml_problem(err, path, offset)]
    data = data or {}
    if not isinstance(data, dict):
        return empty, end + 2, [Problem(path, 2, "front matter: expected 'key: value' lines")]
    return FrontMatter(data, _key_lines(node, offset), 1), end + 2, duplicate_keys(node, path, offset)


def outside_code(text: str, first_line: int = 1):
    """(line number, line) for each line from first_line outside fenced code, with inline code
    spans blanked out.

    A fence closes only with a run of the same character at least as long as the one that
    opened it, so a ``` fence inside a ```` fence stays code. This serves source-level scans
    (explicit ids, spelling); whether rendered content is code is decided by Python-Markdown.
    """
    fence: str | None = None
    for number, line in enumerate(text.splitlines()[first_line - 1 :], start=first_line):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        opening = FENCE_OPEN.match(line)
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = opening.group(1)
            continue
        yield number, INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line


def _clean_title(raw: str) -> str:
    title = ATTR_ID.sub("", raw).strip()
    title = re.sub(r"<[^>]+>", "", title)
    title = re.sub(r"[*_`]", "", title)
    return title.strip()


def find_anchors(text: str, first_line: int = 1) -> dict[str, Anchor]:
    """Explicit ids in Markdown headings and raw HTML, outside code.

    The first `# heading` is kept under the key '__h1__' so a page without a front-matter
    title still has one.
    """
    anchors: dict[str, Anchor] = {}
    for number, line in outside_code(text, first_line):
        heading = HEADING.match(line)
        if heading:
            level, raw = heading.groups()
            found = ATTR_ID.search(raw)
            if found:
                anchors.setdefault(found.group(1), Anchor(found.group(1), _clean_title(raw), number))
            elif level != "#":
                slug = slugify(_clean_title(raw), "-")
                anchors.setdefault(slug, Anchor(slug, _clean_title(raw), number, explicit=False))
            if level == "#" and "__h1__" not in anchors:
                anchors["__h1__"] = Anchor("__h1__", _clean_title(raw), number)
            continue
        if "<" not in line:
            continue
        for match in HTML_HEADING.finditer(line):
            anchors.setdefault(match.group(2), Anchor(match.group(2), _clean_title(match.group(3)), number))
        for match in HTML_ID.finditer(line):
            anchors.setdefault(match.group(1), Anchor(match.group(1), "", number))
    return anchors


def read_text(file: Path, path: str) -> tuple[str | None, Problem | None]:
    """A page's text (a UTF-8 byte-order mark is dropped, as MkDocs does), or why it cannot be read."""
    try:
        data = file.read_bytes()
    except OSError as err:
        return None, Problem(path, 1, f"cannot be read ({err.strerror}): check the file")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        return None, Problem(path, line, f"not UTF-8: byte 0x{data[err.start]:02X} at column {column}; "
                                         "save the file as UTF-8 (Welsh letters such as ŵ and â need it)")


def load_page(lang: str, rel: str, path: str, text: str) -> Page:
    """One page from its text. The same text gives the same Page, shared (toolkit.memo): under
    `mkdocs serve` only the pages a save changed are parsed again. Nothing changes a Page."""
    return _parse_page(text, lang, rel, path)


@by_text
def _parse_page(text: str, lang: str, rel: str, path: str) -> Page:
    front, body_line, problems = parse_front_matter(text, path)
    page = Page(lang, rel, path, text, front, body_line, problems=problems)
    page.anchors = find_anchors(text, body_line)
    return page


@dataclass
class DocsTree:
    """Every page of every language, keyed by language then relative path."""

    docs_dir: Path
    languages: tuple[str, ...]
    pages: dict[str, dict[str, Page]]
    files: set[str] = field(default_factory=set)  # other files that ship, relative to docs/
    problems: list[Problem] = field(default_factory=list)  # files that may not ship or cannot be read

    def get(self, lang: str, rel: str) -> Page | None:
        return self.pages.get(lang, {}).get(rel)

    def all_pages(self) -> list[Page]:
        return [page for lang in self.languages for page in self.pages.get(lang, {}).values()]

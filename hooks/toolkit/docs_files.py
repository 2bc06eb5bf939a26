"""What may ship from docs/: pages, images and the site's own assets, and nothing else.

MkDocs copies every other file in docs/ into the site as it is, where a reader can open it:
an .html or .svg file could run script from the site's own address. So every file is
classified here; anything unexpected fails the build with a message that says what to do.
Symbolic links are refused too: they can point outside the repository, or nowhere.
"""

from __future__ import annotations

import os
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"}
# The site's own assets, by folder under docs/assets/ (reviewed code and its licences).
ASSET_TYPES = {
    "css": {".css"},
    "js": {".js"},
    "vendor": {".js", ".css", ".txt", ".html"},
}
SVG_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "path", "circle", "ellipse", "line", "polygon", "polyline", "rect",
    "text", "tspan", "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "symbol", "use",
    "marker", "metadata",
}
SVG_ATTRIBUTE = re.compile(
    r"^(?:id|class|viewbox|width|height|x|y|x1|y1|x2|y2|cx|cy|r|rx|ry|d|points|fill|fill-opacity|fill-rule|"
    r"stroke|stroke-width|stroke-linecap|stroke-linejoin|stroke-dasharray|stroke-opacity|opacity|transform|"
    r"font-size|font-family|font-weight|text-anchor|dominant-baseline|offset|stop-color|stop-opacity|"
    r"gradientunits|gradienttransform|patternunits|clip-path|clip-rule|mask|preserveaspectratio|version|role|"
    r"aria-[a-z-]+|focusable|xmlns(?::\w+)?|xml:space|xml:lang|lang|href|dx|dy)$"
)
CSS_REMOTE = re.compile(r"@import|url\(\s*['\"]?\s*(?!data:|#)(?:[a-z][a-z0-9+.-]*:|//)", re.I)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass
class DocsFiles:
    """The files of a docs tree, sorted into pages per language and everything else."""

    pages: dict[str, list[tuple[Path, str]]] = field(default_factory=dict)  # lang -> (file, rel)
    files: set[str] = field(default_factory=set)  # every other file that ships, relative to docs/
    problems: list[Problem] = field(default_factory=list)


def _report_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def scan_docs(docs_dir: Path, root: Path, languages: tuple[str, ...]) -> DocsFiles:
    """Walk docs/ without following links; sort each file or say what is wrong with it."""
    found = DocsFiles(pages={lang: [] for lang in languages})
    if not docs_dir.is_dir():
        found.problems.append(Problem(_report_path(docs_dir, root), 1, "the docs folder is missing"))
        return found
    for lang in languages:
        if not (docs_dir / lang).is_dir():
            found.problems.append(Problem(_report_path(docs_dir / lang, root), 1,
                                          f"the language folder is missing: every page lives in docs/{lang}/ too"))
    for folder, dirs, files in os.walk(docs_dir):
        here = Path(folder)
        for name in sorted(dirs):
            path = here / name
            if path.is_symlink():
                dirs.remove(name)
                files.append(name)  # reported as a link below
            elif name.endswith(".md"):
                found.problems.append(Problem(_report_path(path, root), 1,
                                              "a folder named like a page: rename the folder (pages are files ending .md)"))
        dirs.sort()
        for name in sorted(files):
            path = here / name
            rel = path.relative_to(docs_dir)
            message = _classify(path, rel, languages, found)
            if message:
                found.problems.append(Problem(_report_path(path, root), 1, message))
            elif path.suffix.lower() != ".md":
                found.files.add(rel.as_posix())
    for lang in languages:
        found.pages[lang].sort()
    return found


def _classify(path: Path, rel: Path, languages: tuple[str, ...], found: DocsFiles) -> str | None:
    """File a path under pages, or return why it may not ship."""
    if path.is_symlink():
        target = os.readlink(path)
        if not path.exists():
            return f"a symbolic link to '{target}', which does not exist (or links back to itself): remove it"
        return f"a symbolic link to '{target}': copy the file into docs/ instead (links can reach outside the project)"
    parts = rel.parts
    suffix = path.suffix.lower()
    top = parts[0]
    if top in languages:
        if suffix == ".md":
            found.pages[top].append((path, Path(*parts[1:]).as_posix()))
            return None
        if suffix in IMAGES:
            return check_svg(path) if suffix == ".svg" else None
        return f"'{suffix or path.name}' files may not ship: a language folder holds pages (.md) and images"
    if suffix == ".md":
        return f"a page outside the language folders: move it to docs/{languages[0]}/ and give it a twin in " + \
            ", ".join(f"docs/{lang}/" for lang in languages[1:])
    if top == "assets" and len(parts) > 2 and suffix in ASSET_TYPES.get(parts[1], set()):
        if suffix == ".css":
            return check_css(path)
        if suffix == ".html":
            return check_vendored_html(path)
        return None
    if top == "assets" and suffix in IMAGES:
        return check_svg(path) if suffix == ".svg" else None
    allowed = ", ".join(sorted(IMAGES))
    return (f"'{suffix or path.name}' files may not ship from docs/: pages go in the language folders, images "
            f"({allowed}) there or in docs/assets/, and the site's own CSS and JS in docs/assets/css/ and docs/assets/js/")


def check_css(path: Path) -> str | None:
    """A stylesheet loads nothing from off the disk."""
    text = CSS_COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
    match = CSS_REMOTE.search(text)
    return f"the stylesheet loads '{match.group(0)}…': CSS may only use files in the site" if match else None


def check_vendored_html(path: Path) -> str | None:
    """A vendored HTML helper page runs only the site's own script files."""
    from .html_check import check_document  # the same allow-list as the pages

    text = path.read_text(encoding="utf-8", errors="replace")
    findings = check_document(text, inline_scripts_allowed=False).findings
    return findings[0].message if findings else None


def check_svg(path: Path) -> str | None:
    """An SVG file opened on its own is a document: no script, handlers or remote references."""
    data = path.read_bytes()
    if re.search(rb"<!DOCTYPE|<!ENTITY", data, re.I):
        return "SVG: a DOCTYPE or ENTITY declaration is not allowed: export the SVG without it"
    problems: list[str] = []
    parser = xml.parsers.expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        name = tag.rsplit(":", 1)[-1].lower()
        line = parser.CurrentLineNumber
        if name not in SVG_ELEMENTS:
            problems.append(f"SVG line {line}: <{name}> is not allowed (drawing elements only: no script, style, "
                            "foreignObject, image or links)")
            return
        for key, value in attrs.items():
            attr = key.lower()
            if attr.endswith("href") and not value.strip().startswith("#"):
                problems.append(f"SVG line {line}: {key}='{value}' refers to another file: only '#id' references are allowed")
            elif attr != "href" and not attr.endswith(":href") and not SVG_ATTRIBUTE.match(attr):
                problems.append(f"SVG line {line}: attribute '{key}' is not allowed on <{name}>")
            elif "url(" in value.lower() and not re.search(r"url\(\s*#", value, re.I):
                problems.append(f"SVG line {line}: '{value}' refers to another file")

    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as err:
        return f"SVG does not parse as XML: {xml.parsers.expat.ErrorString(err.code)} (line {err.lineno})"
    return "; ".join(problems) or None

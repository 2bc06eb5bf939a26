"""Stable cross-references: `[[kind:key]]` or `[[kind:key|text]]` in any page.

Authors name a target by its id; the build writes the relative link and the target's title
in the page's language, so moving or retitling a page never breaks the prose. The syntax is
parsed by the Markdown extension (markdown_ext.py); this module knows the kinds and targets.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .problems import suggest
from .vocab import RUNGS, STAGES

if TYPE_CHECKING:
    from .site import Site

STEP = re.compile(r"^step-\d+$")


@dataclass(frozen=True)
class Kind:
    """A kind of target: the page it lives on, and which of that page's ids count."""

    name: str
    page: str | None  # None: the key names a page (case studies)
    noun: str
    allowed: tuple[str, ...] | None = None  # fixed key list, if any
    pattern: re.Pattern | None = None  # or a key pattern


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("ref", "references.md", "reference"),
        Kind("term", "glossary.md", "glossary term"),
        Kind("rung", "ladder.md", "ladder rung", allowed=tuple(RUNGS.ids)),
        Kind("stage", "definitions.md", "stage of co-production", allowed=tuple(STAGES.ids)),
        Kind("step", "c2-seven-steps.md", "C2 step", pattern=STEP),
        Kind("case", None, "case study"),
    )
}


def target_path(kind: Kind, key: str) -> str:
    """The target page, relative to the language folder."""
    return kind.page if kind.page else f"case-studies/{key}.md"


@lru_cache(maxsize=65536)
def relative_path(target: str, from_dir: str) -> str:
    """posixpath.relpath, remembered: pages link to the same few targets thousands of times
    per build, and relpath is slow (it makes both paths absolute first)."""
    return posixpath.relpath(target, from_dir or ".")


def relative_link(from_rel: str, to_rel: str, anchor: str | None = None) -> str:
    """A Markdown link target from one page to another, both relative to the language folder."""
    link = relative_path(to_rel, posixpath.dirname(from_rel))
    return f"{link}#{anchor}" if anchor else link


def strip_number(title: str) -> str:
    """'7. Co-production' -> 'Co-production': the rung's name reads better in a sentence."""
    return re.sub(r"^\d+\.\s+", "", title)


def sentence_start(text: str, index: int) -> bool:
    """Whether a sentence (or a line, list item or heading) starts at this position."""
    before = text[:index].rstrip(" \t(\"'*_")
    return not before or before[-1] in ".!?:\n" or bool(re.search(r"(^|\n)\s*([-*+]|\d+\.|#+|\|)$", before))


def resolve(site: "Site", lang: str, kind: Kind, key: str) -> tuple[str, str | None, str] | None:
    """(target page, anchor, title) for a cross-reference, or None if it does not exist."""
    if kind.allowed is not None and key not in kind.allowed:
        return None
    if kind.pattern is not None and not kind.pattern.match(key):
        return None
    page = site.tree.get(lang, target_path(kind, key))
    if page is None:
        return None
    if kind.page is None:
        return page.rel, None, page.title
    anchor = page.anchors.get(key)
    if anchor is None or not anchor.explicit:
        return None
    title = anchor.title or key
    return page.rel, key, strip_number(title) if kind.name == "rung" else title


def keys(site: "Site", lang: str, kind: Kind) -> list[str]:
    """Every key a kind accepts in a language (for 'expected one of' messages)."""
    if kind.allowed is not None:
        return list(kind.allowed)
    if kind.page is None:
        return sorted(site.cases.get(lang, {}))
    page = site.tree.get(lang, kind.page)
    ids = [a.id for a in page.anchors.values() if a.explicit and a.id != "__h1__"] if page else []
    return [i for i in ids if kind.pattern is None or kind.pattern.match(i)]


def xref_problem(site: "Site", lang: str, kind_name: str, key: str) -> str | None:
    """Why `[[kind:key]]` does not resolve in this language, or None if it does."""
    kind = KINDS.get(kind_name)
    if kind is None:
        return f"unknown kind '{kind_name}' (expected one of {', '.join(KINDS)})"
    if resolve(site, lang, kind, key):
        return None
    if kind.page is None:
        return f"unknown {kind.noun} '{key}': there is no docs/{lang}/case-studies/{key}.md"
    if site.tree.get(lang, kind.page) is None:
        return f"there is no docs/{lang}/{kind.page} to link to"
    known = keys(site, lang, kind)
    if kind.allowed is not None or kind.pattern is not None:
        shown = f"{known[0]} … {known[-1]}" if kind.pattern is not None and len(known) > 2 else ", ".join(known)
        return f"unknown {kind.noun} '{key}' (expected one of {shown})"
    return f"unknown {kind.noun} '{key}': no such id on {kind.page}{suggest(key, known)}"

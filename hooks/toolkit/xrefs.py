"""Stable cross-references: `[[kind:key]]` or `[[kind:key|text]]` in any page.

Authors name a target by its id; the build writes the relative link and the target's title
in the page's language, so moving or retitling a page never breaks the prose.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .vocab import RUNGS, STAGES

XREF = re.compile(r"\[\[([a-z]+):([^\]|]*)(?:\|([^\]]*))?\]\]")
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


def relative_link(from_rel: str, to_rel: str, anchor: str | None = None) -> str:
    """A Markdown link target from one page to another, both relative to the language folder."""
    link = posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")
    return f"{link}#{anchor}" if anchor else link


def strip_number(title: str) -> str:
    """'7. Co-production' -> 'Co-production': the rung's name reads better in a sentence."""
    return re.sub(r"^\d+\.\s+", "", title)

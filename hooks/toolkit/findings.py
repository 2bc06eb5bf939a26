"""Findings on rendered content, traced back to the source line a contributor can fix.

Rendered HTML has no line numbers. A finding carries needles: text that appears in the
source where the problem was written (a tag, an attribute value, the cross-reference itself).
The first source line holding a needle, and not already claimed by an earlier finding with the
same needle, is the line reported; with no match, the report names the page's first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem

SNIPPET = re.compile(r"^\s*-{1,}8<-{1,}\s")  # pymdownx.snippets: --8<-- "file.md"


@dataclass(frozen=True)
class Finding:
    """What is wrong, and the text to look for in the source."""

    message: str
    needles: tuple[str, ...] = ()
    nth: int = 1  # the nth use of the needle (a duplicate is the second use, not the first)


def trace(findings: list[Finding], path: str, text: str, first_line: int = 1) -> list[Problem]:
    """Problems at the source lines the findings came from."""
    lines = text.splitlines()
    lowered = [line.lower() for line in lines]
    claimed: dict[str, int] = {}
    problems = []
    for finding in findings:
        line = 1
        for needle in finding.needles:
            needle = needle.strip().splitlines()[0].strip().lower() if needle.strip() else ""
            if not needle:
                continue
            start = max(claimed.get(needle, first_line - 1), first_line - 1)
            hits = (i for i in range(start, len(lines)) if needle in lowered[i])
            hit = next((i for n, i in enumerate(hits, 1) if n >= finding.nth), None)
            if hit is None and start > first_line - 1:  # every later use is claimed: reuse the last
                hit = claimed[needle] - 1
            if hit is not None:
                claimed[needle] = hit + 1
                line = hit + 1
                break
        if line == 1 and finding.needles:  # not written on the page: perhaps in a snippet it includes
            line = next((i for i, text in enumerate(lines, 1) if SNIPPET.match(text)), 1)
        problems.append(Problem(path, line, finding.message))
    return problems

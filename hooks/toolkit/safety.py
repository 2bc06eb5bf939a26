"""Safe content: what a page from a pull request may not carry.

Markdown lets raw HTML through, so a page could run script or pull in remote content.
Code (fenced blocks and `inline code`) is shown, not run, so it is exempt.
"""

from __future__ import annotations

import re

from .pages import INLINE_CODE, Page, outside_code
from .problems import Problem

MAYBE_UNSAFE = re.compile(r"<|\]\(|url\(", re.I)  # every rule needs one of these: skip other lines fast
RULES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"<\s*script\b", re.I), "<script> is not allowed: pages carry no scripts"),
    (re.compile(r"<\s*(iframe|object|embed)\b", re.I), "<{0}> is not allowed: no embedded content"),
    (re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I), "inline event handler '{0}=' is not allowed"),
    (re.compile(r"(?:\]\(\s*<?|\b(?:href|src|action|formaction)\s*=\s*[\"']?)\s*(javascript|vbscript|data):", re.I),
     "'{0}:' URLs are not allowed in links"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?((?:https?:)?//[^)\s>]+)", re.I), "remote image '{0}' is not allowed: keep images in docs/assets/"),
    (re.compile(r"<\s*(?:img|source|video|audio|track|input)\b[^>]*?\bsrc\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", re.I),
     "remote image or media '{0}' is not allowed: keep files in docs/assets/"),
    (re.compile(r"<\s*link\b[^>]*?\bhref\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", re.I), "remote stylesheet '{0}' is not allowed"),
    (re.compile(r"url\(\s*[\"']?((?:https?:)?//[^\"')\s]+)", re.I), "remote resource '{0}' in CSS is not allowed"),
)


def unsafe_content(page: Page) -> list[Problem]:
    """Each unsafe construct on the page, with its line."""
    problems: list[Problem] = []
    for number, line in outside_code(page.text, page.body_line):
        if not MAYBE_UNSAFE.search(line):
            continue
        line = INLINE_CODE.sub("", line)
        for pattern, message in RULES:
            for match in pattern.finditer(line):
                found = match.group(1) if match.groups() else ""
                problems.append(Problem(page.path, number, message.format(found)))
    return problems

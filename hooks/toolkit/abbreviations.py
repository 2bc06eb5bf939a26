"""Abbreviations: each language's definitions live in snippets/abbreviations.<lang>.md.

Appending the whole list to every page made Python-Markdown's abbr extension scan every
page for every abbreviation (most of the hooks' cost). Each page gets only the definitions
of the abbreviations it uses.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")
WORD = re.compile(r"[\w&]+")


def load(snippets_dir: Path, lang: str) -> dict[str, str]:
    """{abbreviation: its definition line} from the language's snippet file."""
    path = Path(snippets_dir) / f"abbreviations.{lang}.md"
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = DEFINITION.match(line.strip())
        if match:
            found[match.group(1)] = line.strip()
    return found


def definitions_for(markdown: str, abbreviations: dict[str, str]) -> str:
    """The definition lines of the abbreviations that occur in the text, as whole words."""
    used = set(_pattern(tuple(abbreviations)).findall(markdown)) if abbreviations else set()
    return "\n".join(line for abbr, line in abbreviations.items() if abbr in used)


@lru_cache(maxsize=16)
def _pattern(abbreviations: tuple[str, ...]) -> re.Pattern:
    """Any of the abbreviations as a whole word (words are runs of letters, digits, _ and &)."""
    longest_first = sorted((a for a in abbreviations if WORD.fullmatch(a)), key=len, reverse=True)
    return re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, longest_first)) + r")(?![\w&])")

"""When each page last changed, from git history (never the clock), in words per language.

One `git log` over docs/ gives every file's latest commit, so the footer's "last updated"
costs one process per build and the same commit always builds the same date.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

MONTHS = {
    "cy": ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
           "Hydref", "Tachwedd", "Rhagfyr"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


@lru_cache(maxsize=4)
def last_changes(root: Path) -> dict[str, int]:
    """{'docs/en/ladder.md': unix time of the last commit that touched it}; {} outside git."""
    try:
        log = subprocess.run(["git", "-C", str(root), "log", "--format=%x00%ct", "--name-only", "--", "docs"],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changes: dict[str, int] = {}
    for commit in log.split("\0")[1:]:
        stamp, *paths = commit.split("\n")
        for path in filter(None, paths):
            changes.setdefault(path, int(stamp))  # newest commit first: keep the first seen
    return changes


def date_in_words(stamp: int, lang: str) -> tuple[str, str]:
    """('2026-12-01', '1 Rhagfyr 2026'): the ISO date for <time> and the date as read."""
    day = datetime.fromtimestamp(stamp, tz=timezone.utc).date()
    return day.isoformat(), f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"

"""Stale translations: pages whose twin changed later in git history.

A report, not a failure: the twin's change may need carrying over, or may not (a typo fix).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .languages import LANGUAGES, other


@dataclass(frozen=True)
class StaleTwin:
    """`path` was last changed on `changed`; its twin changed later, on `twin_changed`."""

    path: str
    changed: str
    twin: str
    twin_changed: str

    def __str__(self) -> str:
        return (f"{self.path}:1: may need updating: its twin {self.twin} changed later "
                f"({_when(self.twin_changed)}, this page {_when(self.changed)})")


def last_changes(root: Path, docs: str = "docs") -> dict[str, str]:
    """The last commit time (ISO 8601) of every file under docs/, from one `git log` pass."""
    out = subprocess.run(
        ["git", "log", "--format=@%cI", "--name-only", "--", docs],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout
    changed: dict[str, str] = {}
    when = ""
    for line in out.splitlines():
        if line.startswith("@"):
            when = line[1:]
        elif line.strip():
            changed.setdefault(line.strip(), when)  # newest first: keep the first seen
    return changed


def stale_twins(root: Path, docs: str = "docs") -> list[StaleTwin]:
    """Pages (of either language) whose twin has a later commit."""
    changed = last_changes(root, docs)
    report = []
    for path, when in sorted(changed.items()):
        lang = path.removeprefix(f"{docs}/").split("/", 1)[0]
        if lang not in LANGUAGES or not path.endswith(".md") or not (root / path).exists():
            continue
        twin = f"{docs}/{other(lang)}/" + path.removeprefix(f"{docs}/{lang}/")
        twin_when = changed.get(twin)
        if twin_when and twin_when > when:
            report.append(StaleTwin(path, when, twin, twin_when))
    return report


def _when(timestamp: str) -> str:
    """'2026-03-05T10:00:00+00:00' -> '2026-03-05 10:00'."""
    return timestamp[:16].replace("T", " ")

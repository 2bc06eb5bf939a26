"""Translations in step: each page records which version of its twin it was last checked
against, so the report lists real drift only.

A page's front matter carries `twin: <hash>`, the hash of its twin's text (without the
twin's own `twin:` line, so recording a review on one side does not unsettle the other).
`python -m toolkit translations` compares every record with the twin as it is now:

- in step: both pages record the other's current text;
- changed since: a twin's text changed after the review; the report shows what changed,
  from the recorded version (found in git history) to the current text;
- never reviewed: a page has no record.

`--mark PATH` records a review of PATH and its twin: each gets the other's current hash.
No network, no build, and hashes only: never dates.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .languages import LANGUAGES, other

TWIN_LINE = re.compile(r"^twin:[^\n]*\n", re.M)
HASH_LENGTH = 12
HISTORY_LIMIT = 200  # commits to search for a recorded version


def _front_matter_end(text: str) -> int | None:
    """Index just past the closing '---' line of the front matter, if there is one."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    return end + 5 if end != -1 else None


def without_record(text: str) -> str:
    """The page's text without its own `twin:` line: what its twin's record is a hash of."""
    end = _front_matter_end(text)
    if end is None:
        return text
    return TWIN_LINE.sub("", text[:end]) + text[end:]


def content_hash(text: str) -> str:
    """A short hash of a page's text, its `twin:` line left out."""
    return hashlib.sha1(without_record(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def recorded(text: str) -> str | None:
    """The hash of the twin this page was last checked against, if any."""
    end = _front_matter_end(text)
    match = TWIN_LINE.search(text[:end]) if end else None
    if match is None:
        return None
    return match.group(0).split(":", 1)[1].strip().strip("'\"") or None


def with_record(text: str, twin_hash: str) -> str:
    """The page's text recording `twin_hash`, replacing any earlier record."""
    line = f"twin: \"{twin_hash}\"\n"  # quoted: an all-digit hash would be read as a number
    end = _front_matter_end(text)
    if end is None:
        return f"---\n{line}---\n\n{text}"
    front = text[:end]
    if TWIN_LINE.search(front):
        front = TWIN_LINE.sub(line, front, count=1)
    else:
        front = front[: end - 4] + line + "---\n"
    return front + text[end:]


@dataclass(frozen=True)
class Pair:
    """A page and its twin, with what each records and what each now is."""

    path: str  # docs/cy/...
    twin: str  # docs/en/...
    path_records: str | None
    twin_records: str | None
    path_hash: str
    twin_hash: str

    @property
    def state(self) -> str:
        if self.path_records is None or self.twin_records is None:
            return "never reviewed"
        changed = [p for p, ok in ((self.twin, self.path_records == self.twin_hash),
                                   (self.path, self.twin_records == self.path_hash)) if not ok]
        if not changed:
            return "in step"
        return " and ".join(p.split("/")[1] for p in changed) + " changed since"


@dataclass(frozen=True)
class Drift:
    """`path` was reviewed against a version of `twin` that has since changed."""

    path: str
    twin: str
    was: str
    now: str
    diff: str  # unified diff of the twin since the reviewed version ('' if not found in git)

    def __str__(self) -> str:
        return (f"{self.path}:1: its twin {self.twin} changed since the review "
                f"(reviewed {self.was}, now {self.now}): carry the change over if it needs it, "
                f"then run: make translations MARK={self.path}")


def _pages(root: Path, docs: str) -> list[tuple[str, str]]:
    """(page, twin) for every page of the first language that has a twin."""
    first, second = LANGUAGES[0], other(LANGUAGES[0])
    pairs = []
    for file in sorted((root / docs / first).rglob("*.md")):
        rel = file.relative_to(root / docs / first).as_posix()
        if (root / docs / second / rel).is_file():
            pairs.append((f"{docs}/{first}/{rel}", f"{docs}/{second}/{rel}"))
    return pairs


def _read(root: Path, path: str) -> str:
    return (root / path).read_text(encoding="utf-8")


def pairs(root: Path, docs: str = "docs") -> list[Pair]:
    """Every pair of twins and its review state."""
    found = []
    for path, twin in _pages(root, docs):
        mine, theirs = _read(root, path), _read(root, twin)
        found.append(Pair(path, twin, recorded(mine), recorded(theirs), content_hash(mine), content_hash(theirs)))
    return found


def reviewed_version(root: Path, path: str, wanted: str) -> str | None:
    """The text `path` had when its hash was `wanted`, from git history (None if not found)."""
    try:
        commits = subprocess.run(["git", "log", f"-{HISTORY_LIMIT}", "--format=%H", "--", path],
                                 cwd=root, capture_output=True, text=True, check=True).stdout.split()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    for commit in commits:
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=root, capture_output=True, text=True)
        if shown.returncode == 0 and content_hash(shown.stdout) == wanted:
            return shown.stdout
    return None


def _diff(root: Path, path: str, was: str) -> str:
    old = reviewed_version(root, path, was)
    if old is None:
        return ""
    new = _read(root, path)
    lines = difflib.unified_diff(without_record(old).splitlines(), without_record(new).splitlines(),
                                 f"{path} (reviewed {was})", f"{path} (now)", lineterm="", n=1)
    return "\n".join(lines)


def stale_twins(root: Path, docs: str = "docs") -> list[Drift]:
    """Pages whose twin changed since they were last reviewed against it, with the diff."""
    report = []
    for pair in pairs(root, docs):
        for path, twin, was, now in ((pair.path, pair.twin, pair.path_records, pair.twin_hash),
                                     (pair.twin, pair.path, pair.twin_records, pair.path_hash)):
            if was is not None and was != now:
                report.append(Drift(path, twin, was, now, _diff(root, twin, was)))
    return report


def mark(root: Path, path: str, docs: str = "docs") -> tuple[str, str]:
    """Record that `path` and its twin are in step: each records the other's current hash."""
    rel = Path(path).as_posix()
    lang, _, inner = rel.removeprefix(f"{docs}/").partition("/")
    if lang not in LANGUAGES or not inner.endswith(".md"):
        raise ValueError(f"{path}: not a page under {docs}/<language>/")
    twin = f"{docs}/{other(lang)}/{inner}"
    for page in (rel, twin):
        if not (root / page).is_file():
            raise ValueError(f"{page}: no such page")
    mine, theirs = _read(root, rel), _read(root, twin)
    (root / rel).write_text(with_record(mine, content_hash(theirs)), encoding="utf-8")
    (root / twin).write_text(with_record(theirs, content_hash(mine)), encoding="utf-8")
    return rel, twin


def table(found: list[Pair]) -> str:
    """One line per pair: the Welsh page, and its state."""
    width = max((len(p.path) for p in found), default=4)
    lines = [f"{'page':<{width}}  state", f"{'-' * width}  {'-' * 14}"]
    lines += [f"{p.path:<{width}}  {p.state}" for p in found]
    counts: dict[str, int] = {}
    for p in found:
        key = "changed since" if p.state.endswith("changed since") else p.state
        counts[key] = counts.get(key, 0) + 1
    summary = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("in step", "changed since", "never reviewed"))
    return "\n".join(lines) + f"\n{len(found)} pairs: {summary}."

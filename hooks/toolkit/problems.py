"""One problem found in the docs tree, and the one report format for all of them."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at `path:line`; `path` is relative to the project root (docs/cy/...)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def format_report(problems: list[Problem]) -> str:
    """All problems sorted by file and line, one per line, then a count."""
    if not problems:
        return ""
    lines = [str(p) for p in sorted(set(problems))]
    noun = "problem" if len(lines) == 1 else "problems"
    return "\n".join(lines) + f"\n{len(lines)} {noun} found."
